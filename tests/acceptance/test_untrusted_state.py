"""eventdocs' own state is untrusted: planted cache entries, manifests and FIFOs change nothing.

Runs that could hang run the CLI in a child process under a timeout, so a regression fails.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from eventdocs.load.cache_dir import CACHE_ENV, project_cache_dir
from eventdocs.write.manifest import MANIFEST
from tests.helpers import Run, cache_entries, snapshot_files


class _Touch:
    """Unpickling this creates the marker file: proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


def eventdocs(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process; a minute is far more than any of these runs needs."""
    return subprocess.run(
        [sys.executable, "-m", "eventdocs", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_planted_pickle_in_an_in_project_cache_never_runs(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cache inside the checkout, a pickle planted in every entry is ignored and
    never unpickled: no marker file, a clean check."""
    monkeypatch.setenv(CACHE_ENV, str(project / ".eventdocs-cache"))
    assert run_cli("-C", project, "build").code == 0
    marker = tmp_path / "pwned"
    planted = pickle.dumps(_Touch(marker))
    assert cache_entries(project_cache_dir(project))
    for path in cache_entries(project_cache_dir(project)):
        path.write_bytes(planted)
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out + result.err
    assert not marker.exists()


@pytest.mark.parametrize("forgery", ["format", "source", "shape"])
def test_forged_entries_are_ignored(
    project: Path, run_cli: Callable[..., Run], forgery: str
) -> None:
    """Entries with another format tag, another source digest, or a broken shape are parsed
    again: the text planted in them shows nowhere."""
    assert run_cli("-C", project, "build").code == 0
    before = snapshot_files(project)
    for path in cache_entries(project_cache_dir(project)):
        entry = orjson.loads(path.read_bytes())
        value = entry["value"]
        if isinstance(value, dict) and "texts" in value:
            value["texts"] = ["PLANTED" for _ in value["texts"]]
            if forgery == "shape":
                value["lines"] = "PLANTED"
        elif forgery == "shape":
            entry["value"] = {"PLANTED": True}
        entry[{"format": "format", "source": "source", "shape": "key"}[forgery]] = (
            entry["key"] if forgery == "shape" else "0" * 32
        )
        path.write_bytes(orjson.dumps(entry))
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out + result.err
    project_cache_dir(project).joinpath(MANIFEST).unlink()
    assert run_cli("-C", project, "build").code == 0
    after = snapshot_files(project)
    assert not any(b"PLANTED" in data for data in after.values())
    assert after == before


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_manifest_replaced_by_a_fifo_or_dev_zero_does_not_hang(
    project: Path, run_cli: Callable[..., Run], kind: str
) -> None:
    """A manifest that is a FIFO or a symlink to /dev/zero means a full build, finished."""
    assert run_cli("-C", project, "build").code == 0
    manifest = project_cache_dir(project) / MANIFEST
    manifest.unlink()
    if kind == "fifo":
        os.mkfifo(manifest)
    else:
        manifest.symlink_to("/dev/zero")
    result = eventdocs("-C", project, "build")
    assert result.returncode == 0, result.stderr
    assert "0 written" in result.stdout
    assert eventdocs("-C", project, "check").returncode == 0


def test_fifo_under_docs_does_not_hang(project: Path) -> None:
    """A FIFO named like a page is left alone by build and check, which both finish."""
    assert eventdocs("-C", project, "build").returncode == 0
    os.mkfifo(project / "docs" / "en" / "events" / "x.md")
    assert eventdocs("-C", project, "build").returncode == 0
    result = eventdocs("-C", project, "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_fifo_in_place_of_a_page_is_reported_then_replaced(project: Path) -> None:
    """check reports a FIFO where a page belongs without opening it; build replaces it."""
    assert eventdocs("-C", project, "build").returncode == 0
    page = project / "docs" / "fr" / "events" / "message_status_updated.md"
    page.unlink()
    os.mkfifo(page)
    result = eventdocs("-C", project, "check")
    assert result.returncode == 1
    assert "not a regular file" in result.stdout
    assert eventdocs("-C", project, "build").returncode == 0
    assert page.is_file()


def test_unwritable_cache_folder_still_builds(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder that cannot be created leaves build and check working, without a cache."""
    (tmp_path / "not-a-folder").write_text("", "utf-8")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "not-a-folder" / "cache"))
    expected = snapshot_files(project)
    assert run_cli("-C", project, "build").code == 0
    assert snapshot_files(project) == expected
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out + result.err


def test_default_cache_is_outside_the_project(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By default nothing is written into the project: the cache is the user's."""
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert run_cli("-C", project, "build").code == 0
    assert not (project / ".eventdocs-cache").exists()
    assert (project_cache_dir(project) / MANIFEST).is_file()
    assert project_cache_dir(project).is_relative_to(tmp_path / "xdg")


def test_override_moves_the_cache(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``EVENTDOCS_CACHE_DIR`` puts the manifest and entries where it says."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    assert run_cli("-C", project, "build").code == 0
    assert list((tmp_path / "elsewhere").glob(f"*/{MANIFEST}"))
    assert list((tmp_path / "elsewhere").glob("*/inputs/*.json"))


def test_warm_check_does_not_import_pydantic(project: Path) -> None:
    """Reloading cached inputs needs no validator: a warm check never imports pydantic."""
    assert eventdocs("-C", project, "check").returncode == 0
    script = (
        "import sys\n"
        "from eventdocs.cli import main\n"
        f"code = main(['-C', {str(project)!r}, 'check'])\n"
        "print(code, 'pydantic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.split()[-2:] == ["0", "False"], result.stdout + result.stderr
