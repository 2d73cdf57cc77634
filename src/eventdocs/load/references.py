"""Every ``ref`` names a shared type that exists, and no type contains itself without end."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from eventdocs.errors import LoadError
from eventdocs.load.envelope import Envelope
from eventdocs.load.schema_model import (
    EventSchema,
    Field,
    Shape,
    TypeSchema,
    shape_references,
    walk,
)


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
    """The types a value of ``start`` must contain, through required, non-null fields: refs,
    and the required fields of inline objects, at any depth."""
    seen: set[str] = set()
    pending = [start]
    while pending:
        for name in _required_refs(types[pending.pop()].fields):
            if name not in seen:
                seen.add(name)
                pending.append(name)
    return seen


def _required_refs(fields: tuple[Field, ...]) -> Iterator[str]:
    for field in fields:
        if field.required and not field.nullable:
            if field.ref:
                yield field.ref
            elif field.type == "object":
                yield from _required_refs(field.fields)


def check_envelope(
    envelope: Envelope,
    types: Mapping[str, TypeSchema],
    events: Sequence[tuple[EventSchema, Path]],
) -> None:
    """When the body is the payload, the field naming the event is not one of its fields:
    raise ``LoadError`` at the event's field that would take its place."""
    identifier = envelope.identified_by.body_field
    if envelope.payload_field is not None or identifier is None:
        return
    for event, path in events:
        fields = types[event.payload_type].fields if event.payload_type else event.payload
        if any(field.name == identifier for field in fields):
            line = event.lines.get(f"payload.{identifier}") or event.lines.get("payload_type")
            raise LoadError(
                f"the body is the payload here, and its field `{identifier}` already names "
                "the event (schema/envelope.yaml): rename the field or give the payload its own "
                "`payload_field`",
                path=path,
                line=line,
            )


def check_discriminators(
    types: Mapping[str, TypeSchema],
    owners: Sequence[tuple[tuple[Field, ...], str, Mapping[str, int], Path]],
) -> None:
    """A union's ``discriminator`` is a required string field of each of its shared types."""
    for fields, root, lines, path in owners:
        for field_path, field in walk(fields, ""):
            union = _union_of(field)
            if union is None or union.discriminator is None:
                continue
            for alternative in union.one_of:
                target = types.get(alternative.ref or "")
                found = [
                    f for f in (target.fields if target else ()) if f.name == union.discriminator
                ]
                if not found or not found[0].required or found[0].type != "string":
                    raise LoadError(
                        f"discriminator `{union.discriminator}`: every shape of the `one_of` must "
                        "be a shared type with this field, a required string",
                        path=path,
                        line=lines.get(f"{root}.{field_path}"),
                    )


def _union_of(field: Field) -> Shape | None:
    shape: Shape | None = field
    while shape is not None and not shape.one_of:
        shape = shape.inner
    return shape
