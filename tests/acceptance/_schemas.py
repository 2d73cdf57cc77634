"""Walking a published JSON Schema document as a generator or validator reads it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Keywords whose values are payloads, not schemas: a `title` or `format` there is data.
INSTANCES = frozenset({"examples", "const", "enum", "default"})


def schemas(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema in a JSON Schema document, the document first."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in INSTANCES:
                yield from schemas(value)
    elif isinstance(node, list):
        for item in node:
            yield from schemas(item)
