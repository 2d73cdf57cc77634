"""The catalog's pages in every language: a page per shared type, event pages that link to the
types they use and document every field their examples show, an events index by category."""

from __future__ import annotations

import re

import pytest

from eventdocs.load.schema_model import EventSchema
from tests.acceptance._catalog import example_paths, expected_rows
from tests.acceptance._pages import field_table, headings, normalize, tables
from tests.helpers import EVENTS, LOCALES, REPO, TYPES, repo_project

TYPE_LINK = re.compile(r"\]\(\.\./types/([A-Za-z0-9]+)\.md\)")


def page(locale: str, path: str) -> str:
    return (REPO / "docs" / locale / path).read_text(encoding="utf-8")


def event_schema(name: str) -> EventSchema:
    return next(event for event in repo_project().events if event.event == name)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_type_has_a_page_in_every_language(locale: str) -> None:
    """Each shared type has its page in each language, and the types index links to all."""
    assert sorted(path.stem for path in (REPO / "docs" / locale / "types").glob("*.md")) == sorted(
        [*TYPES, "index"]
    )
    index = page(locale, "types/index.md")
    assert re.findall(r"\]\(([A-Za-z0-9]+)\.md\)", index) == list(TYPES)


def types_on_page(event: EventSchema) -> set[str]:
    """The shared types an event page shows: its payload's type, and each one a row names."""
    named = {row.ref for row in expected_rows(f"events/{event.event}.md") if row.ref}
    return named | ({event.payload_type} if event.payload_type else set())


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("event", EVENTS)
def test_event_page_links_to_the_types_it_uses(event: str, locale: str) -> None:
    """An event page links to the page of every shared type it shows, its payload's type
    included, and to no other."""
    linked = set(TYPE_LINK.findall(page(locale, f"events/{event}.md")))
    assert linked == types_on_page(event_schema(event))
    for name in linked:
        assert (REPO / "docs" / locale / "types" / f"{name}.md").is_file()


def under(path: str, row: str) -> str | None:
    """The rest of ``path`` below the table row ``row`` (past its `[]`), or None."""
    rest = path.removeprefix(row)
    if rest == path:
        return None
    while rest.startswith("[]"):
        rest = rest[2:]
    return rest[1:] if rest.startswith(".") else None


def documented(path: str, rows: dict[str, list[str]], locale: str) -> bool:
    """Whether a page with ``rows`` (by path) documents ``path``: a row of its own; or, below a
    row whose fields the page does not list, that row is a shared type whose page documents
    the rest, or a free-form object (whose keys are the sender's)."""
    if path in rows:
        return True
    for row in sorted(rows, key=len, reverse=True):
        rest = under(path, row)
        if rest is None:
            continue
        if any(under(other, row) is not None for other in rows):
            return False  # the page lists the fields of this row: the path should be one
        if link := TYPE_LINK.search(rows[row][1]):
            return documented(rest, table_by_path(locale, f"types/{link.group(1)}.md"), locale)
        return rows[row][1].startswith("`object")
    return False


def table_by_path(locale: str, path: str) -> dict[str, list[str]]:
    return {row[0].strip("`"): row for row in field_table(page(locale, path))}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("event", EVENTS)
def test_every_field_an_example_shows_is_in_the_table(event: str, locale: str) -> None:
    """Each field of each example, nested objects and array items included, has its row in the
    event page's table (or, below a shared type the table only links to, on the type's page)."""
    rows = table_by_path(locale, f"events/{event}.md")
    shown = {
        path
        for each in event_schema(event).examples
        for path in example_paths(each["payload"], items="[]")
    }
    assert sorted(path for path in shown if not documented(path, rows, locale)) == []


def localized(locale: str, key: str) -> str:
    project = repo_project()
    entry = next(each for each in project.locales if each.code == locale).entries.get(key)
    return normalize((entry and entry.text) or project.source.entries[key].text or "")


@pytest.mark.parametrize("locale", LOCALES)
def test_events_index_groups_events_under_category_headings(locale: str) -> None:
    """The events index has a heading per category, in its language, each over a table of
    exactly that category's events, between the delivery section and the API documents."""
    text = page(locale, "events/index.md")
    groups: dict[str, list[str]] = {}
    for event in repo_project().events:
        assert event.category, f"{event.event} has no category"
        groups.setdefault(event.category, []).append(event.event)
    shown = [normalize(heading) for level, heading in headings(text) if level == 2]
    # The delivery section comes first: how every event reaches the integrator; the links to
    # the OpenAPI and AsyncAPI documents last.
    assert shown == [
        localized(locale, "ui.heading.delivery"),
        *(localized(locale, f"categories.{name}") for name in groups),
        localized(locale, "ui.api.heading"),
    ]
    # Each row links to its event's page: `[`name`](name.md)`.
    listed = [
        [re.sub(r"^\[`(\w+)`\]\(\1\.md\)$", r"\1", row[0]) for row in table]
        for table in tables(text)
    ]
    assert listed == list(groups.values())
