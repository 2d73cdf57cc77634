"""Incremental builds: an edit re-renders and rewrites only what shows it; nothing is missed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdocs.load.cache_dir import project_cache_dir
from tests.helpers import LOCALES, Run, add_second_event, snapshot_files


def mtimes(root: Path) -> dict[str, int]:
    return {
        path.relative_to(root).as_posix(): path.stat().st_mtime_ns
        for path in (root / "docs").rglob("*")
        if path.is_file()
    }


def test_english_edit_rewrites_only_the_files_that_show_it(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Editing one event's English string leaves every file of the other event untouched."""
    add_second_event(project)
    assert run_cli("-C", project, "build").code == 0
    before = mtimes(project)
    english = project / "locales" / "en.yaml"
    english.write_text(
        english.read_text("utf-8").replace(
            "events.contact_tagged.fields.tag: The tag that was added",
            "events.contact_tagged.fields.tag: The tag that was just added",
        ),
        "utf-8",
    )
    result = run_cli("-C", project, "build")
    after = mtimes(project)
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == {
        "docs/en/events/contact_tagged.md",
        "docs/fr/events/contact_tagged.md",  # the translations are stale now: notice shown
        "docs/pt/events/contact_tagged.md",
        "docs/it/events/contact_tagged.md",
        "docs/schemas/contact_tagged/v1.json",
        # The API documents describe every event; the other languages still show the same
        # (stale) translation, so only the English ones change.
        "docs/schemas/openapi.json",
        "docs/schemas/asyncapi.json",
        # Each language's status page counts the stale strings (the source's shows them all).
        *(f"docs/{locale}/translation-status.md" for locale in LOCALES),
    }
    assert f"{len(changed)} written" in result.out


def test_incremental_output_equals_a_full_build(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """After edits, the incremental result is byte-identical to building from scratch."""
    import shutil

    run_cli("-C", project, "build")
    french = project / "locales" / "fr.yaml"
    french.write_text(
        french.read_text("utf-8").replace('"Lu"', '"Lu par le destinataire"'), "utf-8"
    )
    run_cli("-C", project, "build")
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh)
    shutil.rmtree(fresh / "docs" / "fr" / "events")
    run_cli("-C", fresh, "build")
    assert snapshot_files(project) == snapshot_files(fresh)


def test_hand_edited_output_is_repaired(project: Path, run_cli: Callable[..., Run]) -> None:
    """A generated file edited by hand is rendered again by the next build, inputs unchanged."""
    run_cli("-C", project, "build")
    page = project / "docs/pt/events/message_status_updated.md"
    original = page.read_text("utf-8")
    page.write_text(original + "\nhand edit\n", "utf-8")
    result = run_cli("-C", project, "build")
    assert "1 written" in result.out
    assert page.read_text("utf-8") == original


def test_deleted_cache_changes_nothing(project: Path, run_cli: Callable[..., Run]) -> None:
    """The cache is only an accelerator: without it the build writes the same bytes."""
    import shutil

    run_cli("-C", project, "build")
    before = snapshot_files(project)
    shutil.rmtree(project_cache_dir(project))
    result = run_cli("-C", project, "build")
    assert "0 written" in result.out
    assert snapshot_files(project) == before


def test_input_edited_during_a_build_is_rebuilt_next_time(
    project: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest records the inputs as the build read them: a locale file saved while a
    build was rendering is not mistaken for built, and the next build shows the edit."""
    import eventdocs.pipeline
    import eventdocs.render.project

    french = project / "locales" / "fr.yaml"
    render = eventdocs.render.project.render_project

    def render_then_edit(*args: Any, **kwargs: Any) -> Any:
        rendering = render(*args, **kwargs)
        french.write_text(
            french.read_text("utf-8").replace('"Lu"', '"Lu par le destinataire"'), "utf-8"
        )
        return rendering

    monkeypatch.setattr(eventdocs.pipeline, "render_project", render_then_edit)
    eventdocs.pipeline.build(project)
    monkeypatch.undo()
    page = project / "docs/fr/events/message_status_updated.md"
    assert "Lu par le destinataire" not in page.read_text("utf-8")
    result = run_cli("-C", project, "build")
    assert "0 written" not in result.out
    assert "Lu par le destinataire" in page.read_text("utf-8")
