"""Untrusted text printed to a terminal or a job summary stays text."""

from __future__ import annotations

from eventdocs.check.findings import Code, Finding
from eventdocs.errors import printable
from eventdocs.report.github import step_summary


def test_escape_sequences_and_bidi_controls_are_shown_escaped() -> None:
    """ESC, BEL, a bidi override and a zero-width space print as \\u escapes."""
    assert printable("a\x1b[31mb\x07\u202ec\u200b") == "a\\x1b[31mb\\x07\\u202ec\\u200b"
    assert printable("plain é text") == "plain é text"


def test_step_summary_cells_cannot_render_markup() -> None:
    """A translation quoted in the job summary shows as text: no image, link or HTML."""
    finding = Finding(
        "locales/fr.yaml", 3, Code.STALE, "k", "msg", detail="![x](https://t.example/p.png) <b>"
    )
    row = step_summary((finding,)).splitlines()[-1]
    assert "![" not in row and "<b>" not in row
    assert "\\!\\[x\\]" in row and "&lt;b&gt;" in row
