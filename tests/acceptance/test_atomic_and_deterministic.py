"""Output is atomic (old or new, never half-written) and deterministic (byte-identical)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks.synthetic import make_synthetic_project

from tests.helpers import REPO, Run, set_english, snapshot_files


def build_in_subprocess(
    root: Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "eventdocs", "-C", str(root), "build"],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def edit_every_page(root: Path) -> None:
    """An English edit every page shows: its fields heading."""
    set_english(root, "ui.heading.fields", '"Fields"')


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 events × 4 languages: enough pages that two builds overlap while writing."""
    root = make_synthetic_project(REPO, tmp_path_factory.mktemp("big") / "p", events=40, locales=4)
    subprocess.run([sys.executable, "-m", "eventdocs", "-C", str(root), "build"], check=True)
    return root


def test_a_build_killed_at_any_write_step_leaves_every_file_old_or_new(
    project: Path, tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    """A build SIGKILLed at each of its file-system write steps in turn leaves every generated
    file whole, the old or the new version, and the next build finishes the job."""
    old = snapshot_files(project)
    edit_every_page(project)
    reference = tmp_path / "reference"
    shutil.copytree(project, reference)
    assert run_cli("-C", reference, "build").code == 0
    new = snapshot_files(reference)
    assert set(old) == set(new) and old != new

    # Deterministic: the same build, killed before each of its write steps (tests/killed_build.py).
    out = tmp_path / "killed"
    subprocess.run(
        [sys.executable, "-m", "tests.killed_build", str(project), str(out)], cwd=REPO, check=True
    )
    assert snapshot_files(out / "0") == new
    steps = (out / "steps.txt").read_text("utf-8").splitlines()
    saw_mixture = False
    for step in range(1, len(steps) + 1):
        victim, killed = out / str(step), f"killed before step {step}: {steps[step - 1]}"
        current = snapshot_files(victim)
        current = {path: data for path, data in current.items() if not path.endswith(".tmp")}
        assert set(current) == set(old), killed
        for path, data in current.items():
            assert data in (old[path], new[path]), (killed, path)
        states = {data == new[path] for path, data in current.items() if old[path] != new[path]}
        saw_mixture |= states == {True, False}
        assert run_cli("-C", victim, "build").code == 0, killed
        assert snapshot_files(victim) == new, killed
        assert not list((victim / "docs").rglob("*.tmp")), killed
    # At least one kill must have landed between two renames, or this test proved nothing.
    assert saw_mixture


def test_concurrent_builds_corrupt_nothing(big_project: Path, tmp_path: Path) -> None:
    """Two builds at once both succeed and leave exactly the output of one build."""
    root = tmp_path / "concurrent"
    shutil.copytree(big_project, root)
    edit_every_page(root)
    first, second = build_in_subprocess(root, tmp_path), build_in_subprocess(root, tmp_path)
    assert first.wait() == 0 and second.wait() == 0
    reference = tmp_path / "reference"
    shutil.copytree(big_project, reference)
    edit_every_page(reference)
    subprocess.run([sys.executable, "-m", "eventdocs", "-C", str(reference), "build"], check=True)
    assert snapshot_files(root) == snapshot_files(reference)


def test_builds_are_byte_identical_across_environments(project: Path, tmp_path: Path) -> None:
    """Working directory, locale, time zone and hash seed change nothing in the output."""
    shutil.rmtree(project / "docs" / "fr" / "events")
    shutil.rmtree(project / "docs" / "schemas")
    outputs = []
    for index, env in enumerate(
        [
            {"TZ": "UTC", "LC_ALL": "C", "PYTHONHASHSEED": "0"},
            {"TZ": "Asia/Kolkata", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "12345"},
        ]
    ):
        copy = tmp_path / f"copy{index}"
        shutil.copytree(project, copy)
        cwd = tmp_path if index == 0 else copy / "docs"
        subprocess.run(
            [sys.executable, "-m", "eventdocs", "-C", str(copy), "build"],
            cwd=cwd,
            env={**os.environ, **env},
            check=True,
        )
        outputs.append(snapshot_files(copy))
    assert outputs[0] == outputs[1]
    assert outputs[0] == snapshot_files(REPO)


def test_bom_and_crlf_give_the_same_output(project: Path, run_cli: Callable[..., Run]) -> None:
    """Locale and schema files saved with a UTF-8 BOM and CRLF endings build the same bytes."""
    for path in [*(project / "locales").glob("*.yaml"), *(project / "schema").glob("*.yaml")]:
        text = path.read_text("utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run_cli("-C", project, "build")
    assert result.code == 0, result.err
    assert "0 written" in result.out
    assert run_cli("-C", project, "check").code == 0


def test_noop_build_writes_nothing_and_keeps_mtimes(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Building an up-to-date project rewrites no file, so `mkdocs serve` has nothing to reload."""
    pages = sorted((project / "docs").rglob("*.md"))
    before = [page.stat().st_mtime_ns for page in pages]
    result = run_cli("-C", project, "build")
    assert "0 written" in result.out
    assert [page.stat().st_mtime_ns for page in pages] == before


def test_generated_files_end_with_one_lf(project: Path) -> None:
    """Every generated file uses LF endings and ends with exactly one newline."""
    for path in (project / "docs").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"\r" not in data, path
            assert data.endswith(b"\n") and not data.endswith(b"\n\n"), path
