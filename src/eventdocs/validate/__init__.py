"""Validating webhook payloads against the generated JSON Schema."""
