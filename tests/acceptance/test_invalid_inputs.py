"""Every bad input: one `Error:` line naming the file (and line), exit 1, `docs/` untouched.

Each folder under tests/fixtures/invalid/ is one case: files to lay over a copy of the project,
and `case.toml` with the expected exit code, message, and paths to remove first.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Run, snapshot_files

CASES = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())


def lay_over(case: Path, root: Path) -> dict[str, object]:
    expected = tomllib.loads((case / "case.toml").read_text("utf-8"))
    for removed in expected.get("remove", []):
        target = root / removed
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    for source in case.rglob("*"):
        if source.is_file() and source.name != "case.toml":
            target = root / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return expected


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_fails_cleanly(
    case: Path, project: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`build` prints one error line with the file and line, exits 1, and writes nothing."""
    expected = lay_over(case, project)
    monkeypatch.chdir(project)  # paths in messages are relative to the project
    before = snapshot_files(project)
    result = run_cli("build")
    assert result.code == expected["exit"]
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("Error: ")
    assert str(expected["message"]) in lines[0]
    assert snapshot_files(project) == before


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_fails_cleanly_on_bad_input(
    case: Path, project: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check` fails with exit 1 and no traceback on the same input."""
    lay_over(case, project)
    monkeypatch.chdir(project)
    result = run_cli("check")
    assert result.code == 1
    assert "Traceback" not in result.err


def test_debug_shows_the_traceback(project: Path, run_cli: Callable[..., Run]) -> None:
    """`--debug` adds the traceback to the error line."""
    lay_over(FIXTURES / "invalid" / "duplicate_key", project)
    result = run_cli("-C", project, "--debug", "build")
    assert result.code == 1
    assert "Traceback" in result.err and "duplicate key" in result.err.splitlines()[-1]


def test_oversized_file_is_refused(project: Path, run_cli: Callable[..., Run]) -> None:
    """A file over the size limit is refused before it is parsed, and the limit is named."""
    (project / "locales" / "it.yaml").write_bytes(b"# " + b"x" * (9 * 1024 * 1024) + b"\n")
    result = run_cli("-C", project, "build")
    assert result.code == 1
    assert "over the limit of 8388608 bytes" in result.err


def test_usage_error_exits_2(run_cli: Callable[..., Run]) -> None:
    """An unknown command or option is a usage error."""
    assert run_cli("frobnicate").code == 2
    assert run_cli("check", "--format", "xml").code == 2


def test_missing_project_folder_is_a_clear_error(
    tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    """Pointing at a folder with no project says which folder is missing."""
    result = run_cli("-C", tmp_path, "build")
    assert result.code == 1
    assert result.err.startswith("Error: ") and "schema" in result.err
