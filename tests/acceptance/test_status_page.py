"""The translation status page of every language: the coverage `status` counts, as progress
bars, and each stale or missing string with its word diff and a link to its page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.acceptance.test_severity import plant_lag
from tests.helpers import EVENTS, LOCALES, Run, snapshot_files

STATUS = "translation-status.md"


@pytest.fixture(scope="module")
def lagging(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built copy of the project with a stale and a missing string per event."""
    from eventdocs.cli import main
    from tests.helpers import copy_project

    project = copy_project(tmp_path_factory.mktemp("lagging") / "project")
    plant_lag(project)
    assert main(["-C", str(project), "build"]) == 0
    return project


def page(project: Path, locale: str) -> str:
    return (project / "docs" / locale / STATUS).read_text("utf-8")


def bars(text: str) -> dict[str, tuple[int, int]]:
    """Each progress bar of a page by its accessible name: (value, max)."""
    found = re.findall(r'<progress value="(\d+)" max="(\d+)" aria-label="([^"]*)">', text)
    return {name.replace("&#95;", "_"): (int(value), int(top)) for value, top, name in found}


@pytest.mark.parametrize("locale", LOCALES[1:])
def test_bars_show_the_counts_of_status(
    lagging: Path, locale: str, run_cli: Callable[..., Run]
) -> None:
    """Every event's bar holds the translated and total counts `status --format json` gives."""
    document = run_cli("-C", lagging, "status", "--format", "json").json()
    shown = bars(page(lagging, locale))
    for row in document["subjects"]:
        if row["locale"] == locale and row["subject"].startswith("events."):
            name = row["subject"].removeprefix("events.")
            assert shown[name] == (row["translated"], row["total"])
            assert row["stale"] and row["missing"]


@pytest.mark.parametrize("locale", LOCALES[1:])
@pytest.mark.parametrize("event", EVENTS)
def test_stale_and_missing_strings_are_listed_with_their_page(
    lagging: Path, locale: str, event: str
) -> None:
    """Each event's stale summary shows the English change as `<del>`/`<ins>` and its missing
    title is listed; both link to the event's page."""
    text = page(lagging, locale)
    stale, _, missing = text.partition("\n## ")[2].partition("\n## ")
    link = f"[`{event}`](events/{event}.md)"
    row = next(line for line in stale.splitlines() if f"`events.{event}.summary`" in line)
    assert link in row and "<ins>" in row and 'lang="en"' in row
    assert f"| `events.{event}.title` | {link} |" in missing


def test_source_page_shows_every_language(lagging: Path) -> None:
    """The source language's page lists every language's bar, none complete but its own."""
    shown = bars(page(lagging, LOCALES[0]))
    assert sorted(shown) == sorted(LOCALES)
    assert shown[LOCALES[0]][0] == shown[LOCALES[0]][1]
    assert all(shown[code][0] < shown[code][1] for code in LOCALES[1:])


def test_one_translation_edit_rewrites_its_status_pages_only(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Editing a translation rewrites that language's status page and the source one's
    (which shows every language), never another language's; a second build writes nothing."""
    assert run_cli("-C", project, "build").code == 0
    before = snapshot_files(project)
    target = LOCALES[1]
    path = project / "locales" / f"{target}.yaml"
    text = path.read_text("utf-8")
    key = f"events.{EVENTS[0]}.summary:"
    head, _, rest = text.partition(key)
    entry, _, tail = rest.partition("\n\n")
    path.write_text(head + key + re.sub(r"text: .*", 'text: ""', entry) + "\n\n" + tail, "utf-8")
    assert run_cli("-C", project, "build").code == 0
    after = snapshot_files(project)
    changed = {name for name in after if after[name] != before.get(name)}
    assert f"docs/{target}/{STATUS}" in changed and f"docs/{LOCALES[0]}/{STATUS}" in changed
    assert not any(f"docs/{other}/{STATUS}" in changed for other in LOCALES[2:])
    assert run_cli("-C", project, "build").out.startswith("eventdocs: 0 written")
    assert snapshot_files(project) == after
