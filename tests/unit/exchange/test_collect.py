"""What `export` collects: every key the pages use, in the English file's order, with its
translation's state and where the string appears."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.exchange.collect import collect, places_of
from eventdocs.exchange.units import UnitState
from eventdocs.load.project import load_project
from eventdocs.render.project import used_keys
from tests.helpers import (
    EVENTS,
    LOCALES,
    TYPES,
    copy_project,
    read_yaml,
    repo_project,
    write_yaml,
)


@pytest.mark.parametrize("code", LOCALES[1:])
def test_every_used_key_in_english_order(code: str) -> None:
    """The units are the keys the pages use, in the English file's order, each with
    today's English and (the repository being translated) the current translation."""
    project = repo_project()
    keys = used_keys(project)
    exchange = collect(project, code, keys)
    assert [unit.key for unit in exchange.units] == [
        key for key in project.source.entries if key in keys
    ]
    locale = project.locale(code)
    for unit in exchange.units:
        assert unit.english == project.source.entries[unit.key].text
        assert unit.text == locale.entries[unit.key].text
        assert unit.state is UnitState.CURRENT and unit.previous is None


@pytest.mark.parametrize("event", EVENTS)
def test_an_events_field_appears_on_its_page(event: str) -> None:
    """An event's strings name its page, and a field its path."""
    assert places_of(f"events.{event}.fields.a.b") == (f"events/{event}.md: field a.b",)
    assert places_of(f"events.{event}.title") == (f"events/{event}.md: title",)


@pytest.mark.parametrize("type_name", TYPES)
def test_a_types_value_appears_on_its_page(type_name: str) -> None:
    """A type's strings name its page, and an enum value its field and value."""
    assert places_of(f"types.{type_name}.values.status.read") == (
        f"types/{type_name}.md: value status.read",
    )


def test_interface_words_and_categories_name_where_they_show() -> None:
    """Interface words show on every page (no page named); categories on the events index."""
    assert places_of("ui.nav.events") == ("the site's interface, on every page",)
    assert places_of("categories.message") == ("events/index.md: categories.message",)


def test_stale_refused_and_missing_states(tmp_path: Path) -> None:
    """A translation from an earlier English is stale with that English as `previous`, one
    the rules refuse is stale too, and a key without text is missing."""
    root = copy_project(tmp_path / "project")
    code = LOCALES[1]
    path = root / "locales" / f"{code}.yaml"
    data = read_yaml(path)
    stale, refused, missing = list(data)[:3]
    data[stale]["source"] = "An earlier English"
    data[refused]["text"] = "<b>gras</b>"
    del data[missing]
    write_yaml(path, data)
    project = load_project(root, use_cache=False)
    units = {unit.key: unit for unit in collect(project, code, used_keys(project)).units}
    assert (units[stale].state, units[stale].previous) == (UnitState.STALE, "An earlier English")
    assert units[refused].state is UnitState.STALE
    assert units[refused].previous == project.source.entries[refused].text
    assert (units[missing].state, units[missing].text) == (UnitState.MISSING, "")
