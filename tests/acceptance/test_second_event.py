"""A second event is a new schema file plus its strings, never new code."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from tests.helpers import EVENTS, LOCALES, Run, add_second_event


def test_second_event_gets_pages_schema_and_index_entries(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Dropping in a schema file and its strings yields four pages, a schema and index rows."""
    add_second_event(project)
    assert run_cli("-C", project, "build").code == 0
    for locale in LOCALES:
        page = (project / f"docs/{locale}/events/contact_tagged.md").read_text(encoding="utf-8")
        assert "| `contactUuid` | `string` |" in page
        index = (project / f"docs/{locale}/events/index.md").read_text(encoding="utf-8")
        linked = set(re.findall(r"\]\((\w+)\.md\)", index))
        assert linked == {"contact_tagged", *EVENTS}
    schema = json.loads((project / "docs/schemas/contact_tagged/v1.json").read_text("utf-8"))
    assert schema["properties"]["event"]["const"] == "contact_tagged"
    french = (project / "docs/fr/events/contact_tagged.md").read_text(encoding="utf-8")
    assert "# Contact étiqueté" in french
    # An event without statuses or availability has neither section.
    assert "## " + "Statuts" not in french and "!!! info" not in french


def test_second_event_passes_check(project: Path, run_cli: Callable[..., Run]) -> None:
    """With its strings in every language, the new event leaves `check` clean."""
    add_second_event(project)
    run_cli("-C", project, "build")
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out
