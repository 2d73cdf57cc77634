"""The command line's one rule for errors: one line, escaped, with the error's exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.cli import main


def test_a_missing_project_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-C` naming no folder exits 2, the usage above one error line naming the folder."""
    assert main(["-C", str(tmp_path / "nowhere"), "check"]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("Error: ") and "nowhere" in last


def test_an_error_message_cannot_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name holding an escape sequence is printed escaped in the error line."""
    root = tmp_path / "proj\x1b[31m"
    (root / "schema").mkdir(parents=True)
    code = main(["-C", str(root), "build"])
    err = capsys.readouterr().err
    assert code == 1
    assert "\x1b" not in err and "\\x1b" in err
    assert len(err.strip().splitlines()) == 1
    # `check` reports it as a finding, escaped the same way.
    code = main(["-C", str(root), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert "\x1b" not in out
