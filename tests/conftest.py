"""Shared fixtures: a throw-away cache and copy of the real project, the CLI run in-process.

Plain helpers (paths, the project's languages, file snapshots) live in ``tests/helpers.py``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventdocs.cli import main
from tests.helpers import Run, copy_project

_CACHE_ENV = "EVENTDOCS_CACHE_DIR"
_session_cache = pytest.StashKey[tuple[Path, str | None]]()


def pytest_configure(config: pytest.Config) -> None:
    """Every eventdocs run of the session, in module fixtures and collection too, gets a
    throw-away cache: none reads or fills the user's."""
    base = Path(tempfile.mkdtemp(prefix="eventdocs-test-cache-"))
    config.stash[_session_cache] = (base, os.environ.get(_CACHE_ENV))
    os.environ[_CACHE_ENV] = str(base)


def pytest_unconfigure(config: pytest.Config) -> None:
    base, previous = config.stash[_session_cache]
    shutil.rmtree(base, ignore_errors=True)
    if previous is None:
        os.environ.pop(_CACHE_ENV, None)
    else:
        os.environ[_CACHE_ENV] = previous


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/snapshots/ (deleting files no longer produced), then compare.",
    )


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder of this test's own: no test reads another's, or the user's, cache."""
    base = tmp_path_factory.mktemp("eventdocs-cache")
    # A patcher of its own: a test's `monkeypatch.undo()` must not unset it halfway.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(_CACHE_ENV, str(base))
        yield base


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of this repository's documentation project, safe to break, and the working
    directory of the test, as it is a writer's: findings name its files as `locales/fr.yaml`."""
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``eventdocs ARGS...`` in-process and capture its exit code and output."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
