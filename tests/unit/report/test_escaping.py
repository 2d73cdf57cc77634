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


def test_step_summary_cells_cannot_render_markup(tmp_path: Path) -> None:
    """A translation quoted in the job summary shows as text: no image, link or HTML."""
    finding = Finding(
        "locales/fr.yaml", 3, Code.STALE, "k", "msg", detail="![x](https://t.example/p.png) <b>"
    )
    row = step_summary((finding,), Places(Path(), tmp_path)).splitlines()[-1]
    assert "![" not in row and "<b>" not in row
    assert "\\!\\[x\\]" in row and "&lt;b&gt;" in row
