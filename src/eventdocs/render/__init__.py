"""Render stage: a loaded project → generated pages and JSON Schema files, in memory."""
