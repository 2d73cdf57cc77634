"""Untrusted text printed to a terminal or a job summary stays text."""

from __future__ import annotations

from pathlib import Path

from eventdocs.check.findings import Code, Finding
from eventdocs.errors import printable
from eventdocs.report.github import step_summary
from eventdocs.report.places import Places


def test_escape_sequences_and_bidi_controls_are_shown_escaped() -> None:
    """ESC, BEL, a bidi override and a zero-width space print as \\u escapes."""
    assert printable("a\x1b[31mb\x07\u202ec\u200b") == "a\\x1b[31mb\\x07\\u202ec\\u200b"
    assert printable("plain é text") == "plain é text"


def test_step_summary_messages_are_code_spans(tmp_path: Path) -> None:
    """A translation quoted in the job summary is shown in a code span, where GitHub renders
    no image, link, autolinked address, `@mention` or HTML, and no pipe ends the cell early."""
    quoted = "![x](https://t.example/p.png) <b> www.evil.example @octocat `a` | ``b``"
    finding = Finding("locales/fr.yaml", 3, Code.STALE, "k", "msg", detail=quoted)
    row = step_summary((finding,), Places(Path(), tmp_path)).splitlines()[-1]
    cell = row.removesuffix(" |").rsplit(" | ", 1)[-1]
    fence = "```"  # one longer than the longest run of backticks in the message
    assert cell.startswith(fence + " ") and cell.endswith(" " + fence)
    inside = cell[len(fence) + 1 : -len(fence) - 1]
    assert fence not in inside
    assert inside.replace("\\|", "").count("|") == 0
    assert inside.replace("\\|", "|") == f"msg ({quoted})"
