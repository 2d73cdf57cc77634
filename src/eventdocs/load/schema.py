"""The canonical, language-neutral description of one webhook event (``schema/<event>.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, get_args

from eventdocs.errors import LoadError
from eventdocs.load import plain
from eventdocs.load._json_values import check_examples
from eventdocs.load._models import (
    FORBID_UNKNOWN_KEYS,
    Checked,
    Constrained,
    validate_document,
)
from eventdocs.load._pattern import check_pattern
from eventdocs.load.cache import cached_parse, content_digest, digest
from eventdocs.load.yaml_files import Location, YamlDocument, load_yaml, read_bytes

_NAME = r"^[a-z][a-z0-9_]{0,63}$"
_FIELD_NAME = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"
# Names that end up in file paths and URLs: no `/`, no `..`, nothing to escape.
EventName = Annotated[str, Constrained(pattern=_NAME)]
FieldName = Annotated[str, Constrained(pattern=_FIELD_NAME)]
StatusValue = Annotated[str, Constrained(pattern=_NAME)]
Product = Annotated[str, Constrained(pattern=_NAME)]

JsonType = Literal["string", "integer", "number", "boolean", "object", "array"]
Format = Literal["date-time", "date", "uri", "email", "uuid"]
Direction = Literal["outgoing", "incoming", "both"]


@dataclass(frozen=True, kw_only=True)
class Status:
    """One value the event's status can take, in the order the page lists them."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    value: StatusValue
    deprecated: bool = False


@dataclass(frozen=True, kw_only=True)
class Field:
    """One payload field; objects nest their own fields, arrays name their item type."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    name: FieldName
    type: JsonType
    format: Format | None = None
    pattern: Annotated[str, Checked(check_pattern)] | None = None
    items: JsonType | None = None
    required: bool = False
    nullable: bool = False
    deprecated: bool = False
    values: Literal["statuses"] | None = None
    fields: tuple[Field, ...] = ()

    def __post_init__(self) -> None:
        if self.fields and self.type != "object":
            raise ValueError(f"field {self.name!r}: only an object has nested fields")
        if (self.items is None) != (self.type != "array"):
            raise ValueError(f"field {self.name!r}: an array, and only an array, names its items")
        if (self.format or self.pattern or self.values) and self.type != "string":
            raise ValueError(f"field {self.name!r}: format, pattern and values are for strings")
        _check_unique([field.name for field in self.fields], "field")


@dataclass(frozen=True, kw_only=True)
class Availability:
    """Where the event is sent from: products that emit it, and message direction."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    products: tuple[Product, ...] = ()
    direction: Direction = "both"


@dataclass(frozen=True, kw_only=True)
class EventSchema:
    """One webhook event: its name, version, statuses, payload fields and examples."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    event: EventName
    version: Annotated[int, Constrained(ge=1)]
    availability: Availability = Availability()
    statuses: tuple[Status, ...] = ()
    payload: tuple[Field, ...]
    examples: Annotated[tuple[dict[str, Any], ...], Constrained(min_length=1)]
    # Where each part was written, by dotted location (`version`, `examples.0`, a field's
    # `payload.contact.name`), so findings point at the line. Set on load, never by the file.
    lines: Mapping[str, int] = dataclass_field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        _check_unique([status.value for status in self.statuses], "status")
        _check_unique([field.name for field in self.payload], "field")
        uses_statuses = any(field.values == "statuses" for _, field in self.walk_fields())
        if uses_statuses != bool(self.statuses):
            raise ValueError("statuses are listed if and only if a field takes `values: statuses`")

    def walk_fields(self) -> Iterator[tuple[str, Field]]:
        """Yield ``(dotted path, field)`` for every payload field, parents before children."""
        yield from _walk(self.payload, "")


def _walk(fields: tuple[Field, ...], prefix: str) -> Iterator[tuple[str, Field]]:
    for field in fields:
        path = f"{prefix}{field.name}"
        yield path, field
        yield from _walk(field.fields, f"{path}.")


def _check_unique(names: list[str], what: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ValueError(f"{what} {name!r} is listed twice")
        seen.add(name)


def load_event_schema(path: Path, *, cache: Path | None = None) -> tuple[EventSchema, str]:
    """Load ``schema/<event>.yaml`` (its ``event`` must match the file name) and the digest of
    the bytes it was loaded from."""
    raw = read_bytes(path, what="event schema")
    content = content_digest(raw)

    def parse() -> EventSchema:
        document = load_yaml(path, what="event schema", raw=raw)
        check_examples(document)
        schema = validate_document(EventSchema, document)
        if schema.event != path.stem:
            raise LoadError(
                f"event {schema.event!r} does not match the file name {path.name!r}",
                path=path,
                line=document.line_of(("event",)),
            )
        return with_lines(schema, _lines_of(document, schema))

    key = digest("schema", str(path), content)
    schema = cached_parse(
        cache,
        key,
        content,
        parse,
        encode=schema_to_plain,
        decode=lambda data: schema_from_plain(data, event=path.stem),
    )
    return schema, content


def with_lines(schema: EventSchema, lines: Mapping[str, int]) -> EventSchema:
    """``schema`` with the lines its parts were written on."""
    object.__setattr__(schema, "lines", dict(lines))  # a frozen field no file may set
    return schema


def _lines_of(document: YamlDocument, schema: EventSchema) -> dict[str, int]:
    """The line of each top-level key, each example and each field of ``document``."""
    lines: dict[str, int] = {}
    locations: list[tuple[str, Location]] = [
        (key, (key,)) for key in ("event", "version", "statuses", "payload", "examples")
    ]
    locations += [
        (f"examples.{index}", ("examples", index)) for index in range(len(schema.examples))
    ]
    pending: list[tuple[Field, Location, str]] = [
        (field, ("payload", index), "") for index, field in enumerate(schema.payload)
    ]
    while pending:
        field, location, prefix = pending.pop()
        dotted = f"{prefix}{field.name}"
        locations.append((f"payload.{dotted}", location))
        pending += [
            (child, (*location, "fields", index), f"{dotted}.")
            for index, child in enumerate(field.fields)
        ]
    for name, location in locations:
        line = document.line_of(location)
        if line is not None:
            lines[name] = line
    return lines


# Cached as plain JSON data; fields and statuses as arrays, the shortest to write and read.


def schema_to_plain(schema: EventSchema) -> object:
    """``schema`` as plain JSON data, for the parse cache."""
    return {
        "event": schema.event,
        "version": schema.version,
        "availability": [list(schema.availability.products), schema.availability.direction],
        "statuses": [[status.value, status.deprecated] for status in schema.statuses],
        "payload": [_field_to_plain(field) for field in schema.payload],
        "examples": list(schema.examples),
        "lines": dict(schema.lines),
    }


def _field_to_plain(field: Field) -> list[object]:
    return [
        *(field.name, field.type, field.format, field.pattern, field.items),
        *(field.required, field.nullable, field.deprecated, field.values),
        [_field_to_plain(child) for child in field.fields],
    ]


_NAMES, _FIELD_NAMES = re.compile(_NAME), re.compile(_FIELD_NAME)
_TYPES: frozenset[JsonType] = frozenset(get_args(JsonType))
_FORMATS: frozenset[Format] = frozenset(get_args(Format))
_DIRECTIONS: frozenset[Direction] = frozenset(get_args(Direction))
_VALUES: frozenset[Literal["statuses"]] = frozenset(["statuses"])


def schema_from_plain(data: object, *, event: str) -> EventSchema:
    """The ``EventSchema`` of ``event`` that ``schema_to_plain`` wrote; raise ``TypeError`` or
    ``ValueError`` on anything else. Names are checked too: they become file paths."""
    document = plain.mapping(data)
    if document["event"] != event or not _NAMES.match(event):
        raise ValueError("another event")
    version = plain.integer(document["version"])
    products, direction = plain.record(document["availability"], 2)
    examples = tuple(plain.mapping(example) for example in plain.array(document["examples"]))
    if version < 1 or not examples:
        raise ValueError("an event has a version from 1 and examples")
    lines = {
        plain.text(name): plain.integer(line)
        for name, line in plain.mapping(document["lines"]).items()
    }
    schema = EventSchema(
        event=event,
        version=version,
        availability=Availability(
            products=tuple(plain.matching(product, _NAMES) for product in plain.array(products)),
            direction=plain.one_of(direction, _DIRECTIONS),
        ),
        statuses=tuple(_status_from_plain(status) for status in plain.array(document["statuses"])),
        payload=tuple(_field_from_plain(field) for field in plain.array(document["payload"])),
        examples=examples,
    )
    return with_lines(schema, lines)


def _status_from_plain(data: object) -> Status:
    value, deprecated = plain.record(data, 2)
    return Status(value=plain.matching(value, _NAMES), deprecated=plain.flag(deprecated))


def _field_from_plain(data: object) -> Field:
    name, kind, format_, pattern, items, required, nullable, deprecated, values, fields = (
        plain.record(data, 10)
    )
    return Field(
        name=plain.matching(name, _FIELD_NAMES),
        type=plain.one_of(kind, _TYPES),
        format=None if format_ is None else plain.one_of(format_, _FORMATS),
        pattern=plain.optional_text(pattern),
        items=None if items is None else plain.one_of(items, _TYPES),
        required=plain.flag(required),
        nullable=plain.flag(nullable),
        deprecated=plain.flag(deprecated),
        values=None if values is None else plain.one_of(values, _VALUES),
        fields=tuple(_field_from_plain(child) for child in plain.array(fields)),
    )
