"""Site stage: how the generated docs meet MkDocs (the ``eventdocs`` plugin and its templates)."""
