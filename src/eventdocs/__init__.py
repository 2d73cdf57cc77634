"""eventdocs: multilingual webhook event docs and JSON Schema from one canonical schema."""

__version__ = "0.1.0"
