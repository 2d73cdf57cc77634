"""`status` formats: the Markdown table keeps every cell one cell, whatever a name holds."""

from __future__ import annotations

import json
import re

from eventdocs.render.coverage import Coverage
from eventdocs.report.status import status_json, status_markdown

ROWS = [
    Coverage("fr", 3, 1, 1, 5),
    Coverage("fr", 3, 1, 1, 5, subject="events.a|b`<script>"),
]


def test_markdown_cells_hold_a_pipe_and_backticks_as_text() -> None:
    """A `|` in a subject is escaped and backticks stay inside a longer code span: the row
    keeps its seven cells and no raw HTML."""
    (row,) = status_markdown(ROWS, by_subject=True)[5:]
    assert len(re.split(r"(?<!\\)\|", row.strip("|"))) == 7
    assert "`` events.a\\|b`<script> ``" in row
    assert row.endswith("| 3 | 1 | 1 | 5 | 60% |")


def test_markdown_without_subjects_lists_languages_only() -> None:
    """Without `--by-subject` the table has one row per language."""
    lines = status_markdown(ROWS, by_subject=False)
    assert lines[-1] == "| ` fr ` | 3 | 1 | 1 | 5 | 60% |"
    assert len(lines) == 5


def test_json_lists_languages_and_subjects() -> None:
    """The JSON document is versioned and keeps languages and subjects apart."""
    document = json.loads(status_json(ROWS, by_subject=False)[0])
    assert document["version"] == 1
    assert document["locales"] == [
        {"locale": "fr", "translated": 3, "stale": 1, "missing": 1, "total": 5}
    ]
    assert [row["subject"] for row in document["subjects"]] == ["events.a|b`<script>"]


def test_percent_is_rounded_down() -> None:
    """999 of 1000 is 99%, never 100%: complete means complete."""
    assert Coverage("fr", 999, 1, 0, 1000).percent == 99
    assert Coverage("fr", 0, 0, 0, 0).percent == 100
