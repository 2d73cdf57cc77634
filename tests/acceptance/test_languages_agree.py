"""Every language documents the same fields, types, statuses and example, byte for byte, on
every event page and every type page the project holds."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pytest

from eventdocs.load.schema_model import Field, Shape, TypeSchema
from tests.acceptance._pages import example_block, field_table, tables
from tests.helpers import EVENTS, LOCALES, REPO, TYPES, repo_project

SOURCE, OTHERS = LOCALES[0], LOCALES[1:]
# Every page with a fields table, by its path under docs/<lang>/.
PAGES = [f"events/{event}.md" for event in EVENTS] + [f"types/{name}.md" for name in TYPES]


def page(locale: str, path: str) -> str:
    return (REPO / "docs" / locale / path).read_text(encoding="utf-8")


def ui_text(locale: str, key: str) -> str:
    entry = next(each for each in repo_project().locales if each.code == locale).entries[key]
    assert entry.text, (locale, key)
    return entry.text


def columns(locale: str, path: str) -> list[tuple[str, str, bool]]:
    """The fields table of a page as (field path, type, required), the language's "Yes" and
    "No" read back as booleans."""
    answers = {ui_text(locale, "ui.yes"): True, ui_text(locale, "ui.no"): False}
    return [(row[0].strip("`"), row[1], answers[row[2]]) for row in field_table(page(locale, path))]


def documented(
    fields: tuple[Field, ...], prefix: str, types: Mapping[str, TypeSchema], depth: int
) -> Iterator[tuple[str, bool]]:
    """(path, required) of each field a table lists: nested fields under their parent, array
    items' under `name[]`, and a shared type's fields while ``depth`` lasts."""
    for field in fields:
        path, arrays = f"{prefix}{field.name}", ""
        yield path, field.required
        shape: Shape = field
        while shape.item is not None:
            shape, arrays = shape.item, arrays + "[]"
        if shape.fields:
            yield from documented(shape.fields, f"{path}{arrays}.", types, depth)
        elif shape.ref and depth:
            yield from documented(types[shape.ref].fields, f"{path}{arrays}.", types, depth - 1)


def expected_rows(path: str) -> list[tuple[str, bool]]:
    """What the schema says a page's table lists: an event's payload, each shared type it
    names inlined one level deep; a type's own fields, the types they name only linked."""
    project = repo_project()
    folder, name = path.removesuffix(".md").split("/")
    if folder == "types":
        return list(documented(project.types[name].fields, "", project.types, 0))
    event = next(event for event in project.events if event.event == name)
    fields = project.types[event.payload_type].fields if event.payload_type else event.payload
    return list(documented(fields, "", project.types, 1))


@pytest.mark.parametrize("path", PAGES)
def test_english_table_documents_every_field(path: str) -> None:
    """The English table lists every field the schema gives the page, in order, nested ones
    included, each with its required flag."""
    assert [(row[0], row[2]) for row in columns(SOURCE, path)] == expected_rows(path)


@pytest.mark.parametrize("locale", OTHERS)
@pytest.mark.parametrize("path", PAGES)
def test_field_tables_agree(path: str, locale: str) -> None:
    """Same fields, same order, same types and the same required column as the English."""
    assert columns(locale, path) == columns(SOURCE, path)


@pytest.mark.parametrize("locale", OTHERS)
@pytest.mark.parametrize("path", PAGES)
def test_values_tables_agree(path: str, locale: str) -> None:
    """Each enum field's values table lists the same values, in the same order."""

    def values(locale: str) -> list[list[str]]:
        return [[row[0] for row in table] for table in tables(page(locale, path))[1:]]

    assert values(locale) == values(SOURCE)


def statuses(locale: str, event: str) -> list[str]:
    return re.findall(r"^- `([a-z_]+)`", page(locale, f"events/{event}.md"), re.M)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("event", EVENTS)
def test_statuses_agree(event: str, locale: str) -> None:
    """Every language lists the event's statuses, in the schema's order (none when it has
    none)."""
    schema = next(each for each in repo_project().events if each.event == event)
    assert statuses(locale, event) == [status.value for status in schema.statuses]


@pytest.mark.parametrize("locale", OTHERS)
@pytest.mark.parametrize("event", EVENTS)
def test_example_is_byte_identical(event: str, locale: str) -> None:
    """The example payload block is the same bytes in every language."""
    path = f"events/{event}.md"
    assert example_block(page(locale, path)) == example_block(page(SOURCE, path))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("path", PAGES)
def test_identifiers_are_never_translated(path: str, locale: str) -> None:
    """Every inline code span on a page is an identifier the English page has too."""

    def inline_code(text: str) -> set[str]:
        prose = re.sub(r"^```.*?^```$", "", text, flags=re.M | re.S)
        return set(re.findall(r"`([^`\n]+)`", prose))

    assert inline_code(page(locale, path)) <= inline_code(page(SOURCE, path))
