"""Every ``ref`` names a shared type that exists, and no type contains itself without end."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from eventdocs.errors import LoadError
from eventdocs.load.schema_model import EventSchema, Field, TypeSchema, shape_references, walk


def _refs(fields: tuple[Field, ...], root: str) -> Iterator[tuple[str, str]]:
    """``(line name, type name)`` for every ``ref`` in ``fields`` or their items."""
    for path, field in walk(fields, ""):
        for name in shape_references(field):
            yield f"{root}.{path}", name


def check_references(
    types: Mapping[str, TypeSchema],
    events: Sequence[tuple[EventSchema, Path]],
    shared: Sequence[tuple[TypeSchema, Path]],
) -> None:
    """Raise ``LoadError`` at the first ``ref`` or ``payload_type`` naming no type, and at a
    type that requires itself (a required chain back to itself has no finite payload)."""
    for event, path in events:
        named = [("payload_type", event.payload_type)] if event.payload_type else []
        for line_name, name in [*named, *_refs(event.payload, "payload")]:
            _known(types, name, path, event.lines.get(line_name))
    for schema, path in shared:
        for line_name, name in _refs(schema.fields, "fields"):
            _known(types, name, path, schema.lines.get(line_name))
    for schema, path in shared:
        if schema.name in _required_closure(types, schema.name):
            raise LoadError(
                f"type {schema.name!r} requires itself through its required fields; "
                "make one of them optional or nullable",
                path=path,
                line=schema.lines.get("name"),
            )


def _known(types: Mapping[str, TypeSchema], name: str, path: Path, line: int | None) -> None:
    if name not in types:
        known = ", ".join(sorted(types)) or "none: add schema/types/<Type>.yaml"
        raise LoadError(
            f"unknown type {name!r}; the shared types are: {known}", path=path, line=line
        )


def _required_closure(types: Mapping[str, TypeSchema], start: str) -> set[str]:
    """The types a value of ``start`` must contain, through required, non-null object refs."""
    seen: set[str] = set()
    pending = [start]
    while pending:
        for field in types[pending.pop()].fields:
            if field.required and not field.nullable and field.ref and field.ref not in seen:
                seen.add(field.ref)
                pending.append(field.ref)
    return seen
