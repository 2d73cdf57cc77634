"""`eventdocs status`: coverage per language, and per event, type and group of words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventdocs.load.project import load_project
from tests.helpers import LOCALES, Run, set_english


def test_subjects_add_up_to_their_language(project: Path, run_cli: Callable[..., Run]) -> None:
    """Every event and type of the project has a row per language, and the rows of a
    language add up to its total."""
    result = run_cli("-C", project, "status", "--json").json()
    loaded = load_project(project)
    expected = {f"events.{event.event}" for event in loaded.events} | {
        f"types.{name}" for name in loaded.types
    }
    for language in result["locales"]:
        rows = [row for row in result["subjects"] if row["locale"] == language["locale"]]
        assert expected <= {row["subject"] for row in rows}
        for count in ("translated", "stale", "missing", "total"):
            assert sum(row[count] for row in rows) == language[count]
    assert {language["locale"] for language in result["locales"]} == set(LOCALES)


def test_an_english_edit_shows_as_stale_under_its_subject(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Editing one event's English makes that event's row stale in every translation, and
    only that row."""
    event = load_project(project).events[0].event
    set_english(project, f"events.{event}.summary", '"A summary written again."')
    rows = run_cli("-C", project, "status", "--json").json()["subjects"]
    stale = {(row["locale"], row["subject"]) for row in rows if row["stale"]}
    assert stale == {(code, f"events.{event}") for code in LOCALES[1:]}
    text = run_cli("-C", project, "status", "--by-subject").out
    assert f"events.{event}" in text and "(all)" in text
