"""`eventdocs init`: a new project that builds, checks clean and builds its site with
`mkdocs build --strict`; a folder in use is refused in one line, and nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.cli import main
from eventdocs.load.inputs import type_files
from eventdocs.load.project import event_names
from eventdocs.scaffold import PROJECT
from tests.helpers import Run

# What the packaged project holds: the tests below cover each, whatever it grows to.
EVENTS = tuple(event_names(PROJECT))
TYPES = tuple(path.stem for path in type_files(PROJECT))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by `eventdocs init`, built by `eventdocs build` then `mkdocs build`."""
    root = tmp_path_factory.mktemp("init") / "docs-project"
    assert main(["init", str(root)]) == 0
    assert main(["-C", str(root), "build"]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return root


def test_the_new_project_checks_clean(built: Path, run_cli: Callable[..., Run]) -> None:
    """`eventdocs check` finds nothing at all in a new project, once built."""
    result = run_cli("-C", built, "check")
    assert result.code == 0, result.out
    assert result.out.startswith("eventdocs check: no findings"), result.out


@pytest.mark.parametrize("event", EVENTS)
def test_every_example_event_has_its_page_and_schema(built: Path, event: str) -> None:
    """Each event of the new project is a page of its site and a published JSON Schema."""
    assert f"<code>{event}</code>" in (built / f"site/events/{event}/index.html").read_text()
    assert (built / f"site/schemas/{event}/v1.json").is_file()


@pytest.mark.parametrize("name", TYPES)
def test_every_example_type_has_its_page(built: Path, name: str) -> None:
    """Each shared type of the new project is a page of its site."""
    assert (built / f"site/types/{name}/index.html").is_file()


def test_the_site_searches_with_its_own_index(built: Path) -> None:
    """The plugin ran: the root search index is scoped to the one language, English."""
    index = (built / "site/search/search_index.json").read_text("utf-8")
    assert '"lang":["en"]' in index


def test_the_folder_is_relative_to_the_project_option(
    tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    """`eventdocs -C PARENT init NAME` makes PARENT/NAME, as every command reads -C."""
    result = run_cli("-C", tmp_path, "init", "new")
    assert result.code == 0, result.err
    assert (tmp_path / "new" / "mkdocs.yml").is_file()
    assert f"written to {(tmp_path / 'new').as_posix()}" in result.out


@pytest.mark.parametrize(
    ("existing", "force", "message"),
    [
        ("notes.txt", False, "this folder is not empty"),
        ("mkdocs.yml", True, "mkdocs.yml: already exists"),
    ],
    ids=["not empty", "a file of the project, forced"],
)
def test_a_folder_in_use_is_refused_in_one_line(
    tmp_path: Path, run_cli: Callable[..., Run], existing: str, force: bool, message: str
) -> None:
    """A folder in use exits 1 with one error line; nothing is written."""
    (tmp_path / existing).write_text("mine\n", "utf-8")
    result = run_cli("init", tmp_path, *(["--force"] if force else []))
    assert result.code == 1
    assert result.err.startswith("Error: ") and len(result.err.splitlines()) == 1, result.err
    assert message in result.err
    assert [path.name for path in tmp_path.iterdir()] == [existing]
