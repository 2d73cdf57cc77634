"""Load stage: schema, locale and config files → frozen, validated models."""
