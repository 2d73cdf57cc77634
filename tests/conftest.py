"""Shared fixtures: a throw-away copy of the real project, and the CLI run in-process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from eventdocs.cli import main
from eventdocs.load.project import load_config

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = (
    "eventdocs.toml",
    "mkdocs.yml",
    "schema",
    "locales",
    "templates",
    "docs",
    "pages",
    "overrides",
    "hooks",
)
# The project's languages are its locale files: the source language first, then the others.
_SOURCE = load_config(REPO).source_locale
LOCALES = (
    _SOURCE,
    *sorted(path.stem for path in (REPO / "locales").glob("*.yaml") if path.stem != _SOURCE),
)


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


@dataclass(frozen=True)
class Run:
    """What one CLI invocation returned and printed."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder of this test's own: no test reads another's, or the user's, cache."""
    base = tmp_path_factory.mktemp("eventdocs-cache")
    # A patcher of its own: a test's `monkeypatch.undo()` must not unset it halfway.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(_CACHE_ENV, str(base))
        yield base


def copy_project(root: Path) -> Path:
    """Copy this repository's documentation project to ``root`` (created) and return it."""
    root.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            shutil.copy2(source, root / part)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this repository's documentation project, safe to break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``eventdocs ARGS...`` in-process and capture its exit code and output."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def run_in_process_of_its_own(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m eventdocs ARGS...`` as a child process: a crash, a hang (past
    ``timeout``) or a memory cap then fails one test instead of the whole session."""
    return subprocess.run(
        [sys.executable, "-m", "eventdocs", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def snapshot_files(root: Path) -> dict[str, bytes]:
    """Every file under ``root/docs``, by relative path, for before/after comparisons."""
    docs = root / "docs"
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(docs.rglob("*"))
        if path.is_file()
    }
