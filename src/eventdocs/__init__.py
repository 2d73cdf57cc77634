"""eventdocs."""
