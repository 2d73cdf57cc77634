"""`eventdocs status`: coverage per language, and per event, type and group of words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventdocs.load.project import load_project
from tests.helpers import LOCALES, Run, set_english


def test_subjects_add_up_to_their_language(project: Path, run_cli: Callable[..., Run]) -> None:
    """Every event and type of the project has a row per language, and the rows of a
    language add up to its total."""
    result = run_cli("-C", project, "status", "--format", "json").json()
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
    rows = run_cli("-C", project, "status", "--format", "json").json()["subjects"]
    stale = {(row["locale"], row["subject"]) for row in rows if row["stale"]}
    assert stale == {(code, f"events.{event}") for code in LOCALES[1:]}
    text = run_cli("-C", project, "status", "--by-subject").out
    assert f"events.{event}" in text and "(all)" in text


def test_text_format_is_the_default(project: Path, run_cli: Callable[..., Run]) -> None:
    """`--format text` prints what `status` alone prints: a header and a row per language."""
    result = run_cli("-C", project, "status", "--format", "text")
    assert result.code == 0
    assert result.out == run_cli("-C", project, "status").out
    lines = result.out.splitlines()
    assert lines[0].split() == ["locale", "translated", "stale", "missing", "total", "coverage"]
    assert [line.split()[0] for line in lines[1:]] == list(LOCALES)


def test_markdown_format_is_a_table_per_language_and_subject(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """`--format markdown` is a GitHub table with a row per language, and with
    `--by-subject` one per language and subject, counts equal to the JSON's."""
    event = load_project(project).events[0].event
    set_english(project, f"events.{event}.summary", '"A summary written again."')
    document = run_cli("-C", project, "status", "--format", "json").json()
    table = run_cli("-C", project, "status", "--format", "markdown").out.splitlines()
    rows = [line for line in table if line.startswith("| ` ")]
    assert len(rows) == len(LOCALES)
    for row, language in zip(rows, document["locales"], strict=True):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[0] == f"` {language['locale']} `"
        counts = [int(cell) for cell in cells[1:5]]
        assert counts == [language[name] for name in ("translated", "stale", "missing", "total")]
    by_subject = run_cli("-C", project, "status", "--format", "markdown", "--by-subject").out
    assert f"| ` {LOCALES[1]} ` | ` events.{event} ` |" in by_subject
    assert len([line for line in by_subject.splitlines() if line.startswith("| ` ")]) == len(
        document["locales"]
    ) + len(document["subjects"])


def test_json_flag_is_a_deprecated_alias(project: Path, run_cli: Callable[..., Run]) -> None:
    """`--json` still prints the JSON document, with one line on stderr saying what replaces it."""
    result = run_cli("-C", project, "status", "--json")
    assert result.json() == run_cli("-C", project, "status", "--format", "json").json()
    assert result.err == "eventdocs: --json is deprecated; use --format json\n"
    assert run_cli("-C", project, "status", "--json", "--format", "markdown").code == 2
