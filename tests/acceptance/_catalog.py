"""What the schema says a page's fields table lists, written from the README's rules rather
than from the renderer, so the tests compare the pages with an independent reading."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from eventdocs.load.schema_model import Field, Shape, TypeSchema
from tests.helpers import repo_project


class Expected(NamedTuple):
    """One row a fields table must have."""

    path: str  # `a.b` for a nested field, `list[].name` for a field of an array's items
    required: bool
    ref: str | None  # the shared type the row links to


def _rows(
    fields: tuple[Field, ...], prefix: str, types: Mapping[str, TypeSchema], depth: int
) -> Iterator[Expected]:
    for field in fields:
        path, arrays = f"{prefix}{field.name}", ""
        shape: Shape = field
        while shape.item is not None:
            shape, arrays = shape.item, arrays + "[]"
        yield Expected(path, field.required, shape.ref)
        if shape.fields:
            yield from _rows(shape.fields, f"{path}{arrays}.", types, depth)
        elif shape.ref and depth:
            yield from _rows(types[shape.ref].fields, f"{path}{arrays}.", types, depth - 1)


def expected_rows(page: str) -> list[Expected]:
    """The rows of the page ``events/<event>.md`` or ``types/<Type>.md``: an event's payload
    (its fields, or its payload type's), each shared type they name inlined one level deep; a
    type's own fields, the types they name only linked."""
    project = repo_project()
    folder, name = page.removesuffix(".md").split("/")
    if folder == "types":
        return list(_rows(project.types[name].fields, "", project.types, 0))
    event = next(event for event in project.events if event.event == name)
    fields = project.types[event.payload_type].fields if event.payload_type else event.payload
    return list(_rows(fields, "", project.types, 1))


def example_paths(value: Any, *, items: str, prefix: str = "") -> Iterator[str]:
    """The path of every field an example ``value`` holds: a nested field's dotted (`a.b`), an
    array's items marked with ``items`` (`[]` as tables write them, nothing as schemas do)."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield f"{prefix}{name}"
            yield from example_paths(item, items=items, prefix=f"{prefix}{name}.")
    elif isinstance(value, list):
        inner = f"{prefix.removesuffix('.')}{items}." if prefix else prefix
        for item in value:
            yield from example_paths(item, items=items, prefix=inner)
