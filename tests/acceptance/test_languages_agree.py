"""Every language documents the same fields, types, statuses and example, byte for byte, on
every event page and every type page the project holds."""

from __future__ import annotations

import re

import pytest

from tests.acceptance._catalog import expected_rows
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


@pytest.mark.parametrize("path", PAGES)
def test_english_table_documents_every_field(path: str) -> None:
    """The English table lists every field the schema gives the page, in order, nested ones
    included, each with its required flag."""
    assert [(row[0], row[2]) for row in columns(SOURCE, path)] == [
        (row.path, row.required) for row in expected_rows(path)
    ]


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


def sectioned(locale: str, event: str) -> list[str]:
    """The values the page's introduction lists, and the ones that head a section."""
    text = page(locale, f"events/{event}.md")
    listed = re.findall(r"^- `([A-Za-z0-9_-]+)`", text, re.M)
    headed = re.findall(r"^### .* \{ #([A-Za-z0-9_-]+) \}$", text, re.M)
    assert listed == headed
    return headed


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("event", EVENTS)
def test_value_sections_agree(event: str, locale: str) -> None:
    """Every language lists, and gives a section to, the values of each enum marked
    `sections` (the seed's statuses), in the schema's order; none when there is none."""
    schema = next(each for each in repo_project().events if each.event == event)
    expected = [
        value.value for _, field in schema.walk_fields() if field.sections for value in field.enum
    ]
    assert sectioned(locale, event) == expected


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
