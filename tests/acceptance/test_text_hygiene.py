"""Text hygiene: invisible characters reported, edits that keep the file's own bytes and mode,
findings that cannot drive a terminal, titles escaped once."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.acceptance.test_translator_workflow import NEW_ENGLISH, UUID_KEY
from tests.helpers import Run, set_english

BOM = "\ufeff".encode()


def set_french_text(root: Path, key: str, text_yaml: str) -> None:
    path = root / "locales" / "fr.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    text_line = next(i for i in range(index, len(lines)) if lines[i].startswith("  text:"))
    lines[text_line] = f"  text: {text_yaml}\n"
    path.write_text("".join(lines), "utf-8")


@pytest.mark.parametrize(
    ("escape", "named"),
    [
        ("\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\\x07", "U+0007"),
        ("\\u2028", "U+2028 LINE SEPARATOR"),
        ("\\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ],
)
def test_invisible_characters_are_reported_with_key_and_code_point(
    project: Path, run_cli: Callable[..., Run], escape: str, named: str
) -> None:
    """A control, separator, bidi or zero-width character is a finding naming the key."""
    set_french_text(project, UUID_KEY, f'"L{escape}identifiant unique du message"')
    result = run_cli("-C", project, "check")
    assert result.code == 1
    (line,) = [line for line in result.out.splitlines() if "invisible" in line]
    assert UUID_KEY in line and named in line
    # The finding itself prints the character escaped, never raw.
    assert "\u202e" not in result.out and "\x07" not in result.out


@pytest.mark.parametrize("layout", ["crlf", "bom", "crlf+bom"])
def test_accept_keeps_line_endings_bom_and_permissions(
    project: Path, run_cli: Callable[..., Run], layout: str
) -> None:
    """`accept` rewrites only the `source` value: CRLF, BOM and file mode stay as they were."""
    french = project / "locales" / "fr.yaml"
    data = french.read_bytes()
    if "crlf" in layout:
        data = data.replace(b"\n", b"\r\n")
    if "bom" in layout:
        data = BOM + data
    french.write_bytes(data)
    os.chmod(french, 0o600)
    set_english(project, UUID_KEY, NEW_ENGLISH)
    assert run_cli("-C", project, "accept", "fr", UUID_KEY).code == 0
    after = french.read_bytes()
    assert after.startswith(BOM) == ("bom" in layout)
    body = after.removeprefix(BOM)
    if "crlf" in layout:
        assert body.count(b"\r\n") == body.count(b"\n")
    else:
        assert b"\r" not in body
    assert NEW_ENGLISH.encode() in after
    assert stat.S_IMODE(french.stat().st_mode) == 0o600
    assert run_cli("-C", project, "check").code == 1  # only the other languages stay stale


def test_accept_writes_a_line_separator_that_reads_back(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """An English text holding U+2028 is recorded escaped, so the file still loads."""
    set_english(project, UUID_KEY, '"The unique\\u2028identifier"')
    assert run_cli("-C", project, "accept", "fr", UUID_KEY).code == 0
    assert "\\u2028" in (project / "locales" / "fr.yaml").read_text("utf-8")
    result = run_cli("-C", project, "status")
    assert result.code == 0, result.err


def test_title_is_escaped_once_in_front_matter(project: Path, run_cli: Callable[..., Run]) -> None:
    """A title with `&` and `<` reaches the front matter escaped once, its markup removed."""
    set_english(project, "events.message_status_updated.title", '"Status & <b>updates</b>"')
    assert run_cli("-C", project, "build").code == 0
    page = (project / "docs/en/events/message_status_updated.md").read_text("utf-8")
    assert 'title: "Status &amp; &lt;b&gt;updates&lt;/b&gt;"' in page
    assert "&amp;amp;" not in page
