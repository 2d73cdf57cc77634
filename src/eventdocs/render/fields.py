"""The rows of a page's fields table: what each field is, and which key describes it.

An event page lists its payload's fields; a field that is a shared type (``ref``) is followed by
that type's own fields, one level deep, so a reader sees the whole payload without leaving the
page, and links to the type's page for the rest. A type page lists the type's own fields. An
array's item fields appear under the array's path (``contactsInfo[].name``).

A row is described by the owner's key for it (``events.<event>.fields.<path>``) where the
source language has one, else by its type's (``types.<Type>.fields.<path>``): an event may
say what a shared field means in its own context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice

from eventdocs.load.schema_model import EventSchema, Field, Shape, TypeSchema, shape_references

# A page lists at most this many rows: a shared type expanded under many fields multiplies them,
# and a small file must not make a page of millions.
MAX_ROWS = 10_000


class TooManyRows(ValueError):
    """A fields table would be longer than ``MAX_ROWS``."""


def _bounded(rows: Iterator[Row]) -> list[Row]:
    taken = list(islice(rows, MAX_ROWS + 1))
    if len(taken) > MAX_ROWS:
        raise TooManyRows(
            f"its fields table would list more than {MAX_ROWS} rows (shared types expanded "
            "under many fields); split the payload or refer to fewer types"
        )
    return taken


@dataclass(frozen=True)
class Row:
    """One line of a fields table."""

    path: str  # as the reader sees it: `contact.tags`, `contactsInfo[].phones[].type`
    field: Field
    shape: Shape  # the value's shape: the field, or its innermost items for an array
    key: str  # the locale key describing the field
    values_key: str  # prefix of the keys describing its enum values: `<values_key>.<value>`
    label: str  # the JSON type as written in the table: `string (uri) | null`, `Contact[]`
    refs: tuple[str, ...]  # the shared types to link to

    @property
    def sections_key(self) -> str:
        """The key of the heading over an enum's value sections: ``<owner>.sections.<path>``."""
        owner, _, path = self.values_key.partition(".values.")
        return f"{owner}.sections.{path}"

    @property
    def ref(self) -> str | None:
        """The one shared type the value is (or holds), if it is one."""
        return self.refs[0] if len(self.refs) == 1 and self.shape.ref else None


def type_label(field: Field) -> tuple[str, Shape, str]:
    """The type column of ``field``, the shape it ends in (past every array and map level),
    and the marks those levels add to a path (``[]`` per array, ``{}`` per map)."""
    shape, marks = _innermost(field)
    label = _label(shape)
    for mark in reversed(marks):
        label = f"{label}[]" if mark == "[]" else f"map<{label}>"
    if shape.format:  # after the brackets: `string[] (uri)`
        label += f" ({shape.format})"
    if field.nullable:
        label += " | null"
    return label, shape, "".join(marks)


def _innermost(shape: Shape) -> tuple[Shape, list[str]]:
    marks: list[str] = []
    while shape.inner is not None:
        marks.append("[]" if shape.item is not None else "{}")
        shape = shape.inner
    return shape, marks


def _label(shape: Shape) -> str:
    if shape.one_of:
        return " | ".join(_label(alternative) for alternative in shape.one_of)
    return shape.ref or shape.kind


def _rows(
    fields: tuple[Field, ...],
    *,
    shown: str,
    keyed: str,
    own_key: str,
    type_key: str | None,
    type_base: str,
    has_text: Callable[[str], bool],
    types: Mapping[str, TypeSchema],
    expand: int,
) -> Iterator[Row]:
    """Rows for ``fields``: ``shown``/``keyed`` prefix their path as shown and as keyed;
    ``own_key`` is the owner's key prefix; ``type_key`` the type's when they are a type's,
    whose fields' key paths start after ``type_base``."""
    for field in fields:
        path, key_path = f"{shown}{field.name}", f"{keyed}{field.name}"
        label, shape, marks = type_label(field)
        override = f"{own_key}.fields.{key_path}"
        if type_key is None or has_text(override):
            key, values_key = override, f"{own_key}.values.{key_path}"
        else:
            inner = key_path.removeprefix(type_base)
            key, values_key = f"{type_key}.fields.{inner}", f"{type_key}.values.{inner}"
        refs = tuple(dict.fromkeys(shape_references(shape)))
        yield Row(path, field, shape, key, values_key, label, refs)
        # Nested fields are the field's own; a shared type's are expanded while `expand` lasts.
        if shape.fields:
            children, child_type, child_base, depth = shape.fields, type_key, type_base, expand
        elif shape.ref and expand > 0:
            children, child_type = types[shape.ref].fields, f"types.{shape.ref}"
            child_base, depth = f"{key_path}.", expand - 1
        else:
            continue
        yield from _rows(
            children,
            shown=f"{path}{marks}.",
            keyed=f"{key_path}.",
            own_key=own_key,
            type_key=child_type,
            type_base=child_base,
            has_text=has_text,
            types=types,
            expand=depth,
        )


def _table(
    fields: tuple[Field, ...],
    own: str,
    types: Mapping[str, TypeSchema],
    *,
    of_type: str | None = None,
    has_text: Callable[[str], bool] = lambda key: True,
    expand: int = 1,
) -> list[Row]:
    """The rows of one page: ``fields`` of ``own`` (``events.x`` or ``types.X``), which are
    the shared type ``of_type``'s when the page shows a type as the payload."""
    rows = _rows(
        fields,
        shown="",
        keyed="",
        own_key=own,
        type_key=f"types.{of_type}" if of_type else None,
        type_base="",
        has_text=has_text,
        types=types,
        expand=expand,
    )
    return _bounded(rows)


def event_rows(
    event: EventSchema, types: Mapping[str, TypeSchema], has_text: Callable[[str], bool]
) -> list[Row]:
    """The rows of an event page: its payload's fields, each shared type's one level deep."""
    own = f"events.{event.event}"
    if event.payload_type:
        fields = types[event.payload_type].fields
        return _table(fields, own, types, of_type=event.payload_type, has_text=has_text)
    return _table(event.payload, own, types, has_text=has_text)


def type_rows(schema: TypeSchema, types: Mapping[str, TypeSchema]) -> list[Row]:
    """The rows of a type page: the type's own fields; shared types they use are links."""
    return _table(schema.fields, f"types.{schema.name}", types, expand=0)
