"""Loading ``schema/<event>.yaml`` and ``schema/types/<Type>.yaml`` into their models."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from eventdocs.errors import LoadError
from eventdocs.load._json_values import check_examples
from eventdocs.load._models import validate_document, with_lines
from eventdocs.load.cache import content_digest
from eventdocs.load.plain_codec import cached_model
from eventdocs.load.schema_model import EventSchema, Field, Shape, TypeSchema
from eventdocs.load.yaml_files import Location, YamlDocument, load_yaml, read_bytes


def load_event_schema(path: Path, *, cache: Path | None = None) -> tuple[EventSchema, str]:
    """Load ``schema/<event>.yaml`` (its ``event`` must match the file name) and the digest of
    the bytes it was loaded from."""
    schema, content = _load(path, EventSchema, cache)
    return schema, content


def load_type_schema(path: Path, *, cache: Path | None = None) -> tuple[TypeSchema, str]:
    """Load ``schema/types/<Type>.yaml`` (its ``name`` must match the file name) and the
    digest of the bytes it was loaded from."""
    schema, content = _load(path, TypeSchema, cache)
    return schema, content


# Per shape: what the file is called in messages, the key that names it, where its fields are.
_KINDS: dict[type, tuple[str, str, str]] = {
    EventSchema: ("event schema", "event", "payload"),
    TypeSchema: ("type schema", "name", "fields"),
}


def _load(path: Path, shape: type[Schema], cache: Path | None) -> tuple[Schema, str]:
    what, name_key, root = _KINDS[shape]
    raw = read_bytes(path, what=what)
    content = content_digest(raw)

    def parse() -> Schema:
        document = load_yaml(path, what=what, raw=raw)
        check_examples(document)
        schema = validate_document(shape, document)
        name = getattr(schema, name_key)
        if name != path.stem:
            raise LoadError(
                f"{name_key} {name!r} does not match the file name {path.name!r}",
                path=path,
                line=document.line_of((name_key,)),
            )
        fields = getattr(schema, root)
        return with_lines(schema, _lines_of(document, fields, len(schema.examples), root))

    def named_after_file(schema: Schema) -> bool:
        return bool(getattr(schema, name_key) == path.stem)

    schema = cached_model(cache, path, content, parse, shape, accept=named_after_file)
    return schema, content


Schema = TypeVar("Schema", EventSchema, TypeSchema)


def _lines_of(
    document: YamlDocument, fields: tuple[Field, ...], examples: int, root: str
) -> dict[str, int]:
    """The line of each top-level key, each example and each field of ``document``; a field's
    line is named ``<root>.<dotted path>`` (``root`` is ``payload`` or ``fields``)."""
    lines: dict[str, int] = {}
    locations: list[tuple[str, Location]] = [
        (key, (key,)) for key in ("event", "name", "version", "payload", "payload_type", "examples")
    ]
    locations += [(f"examples.{index}", ("examples", index)) for index in range(examples)]
    pending: list[tuple[Field, Location, str]] = [
        (field, (root, index), "") for index, field in enumerate(fields)
    ]
    while pending:
        field, location, prefix = pending.pop()
        dotted = f"{prefix}{field.name}"
        locations.append((f"{root}.{dotted}", location))
        shape: Shape = field
        inner: Location = location
        while shape.inner is not None:
            step = "items" if shape.item is not None else "map"
            shape, inner = shape.inner, (*inner, step)
        pending += [
            (child, (*inner, "fields", index), f"{dotted}.")
            for index, child in enumerate(shape.fields)
        ]
    for name, location in locations:
        line = document.line_of(location)
        if line is not None:
            lines[name] = line
    return lines
