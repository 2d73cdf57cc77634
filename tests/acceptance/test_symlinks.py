"""Nothing outside the project is read or written through a symlink a checkout holds.

Output paths may hold no symlink at all; inputs may be symlinks only within the project.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.write.on_disk import generated_files_on_disk
from tests.helpers import REPO, Run, refusal

GENERATED = sorted(generated_files_on_disk(REPO))
# Every folder generated files go in, and one generated file in each of them.
OUTPUT_FOLDERS = sorted({str(Path(path).parent) for path in GENERATED} | {"docs"})
OUTPUT_FILES = sorted({str(Path(path).parent): path for path in reversed(GENERATED)}.values())
INPUTS = [
    "eventdocs.toml",
    "locales",
    *sorted(path.relative_to(REPO).as_posix() for path in (REPO / "locales").glob("*.yaml")),
    *sorted(path.relative_to(REPO).as_posix() for path in (REPO / "schema").glob("*.yaml")),
    "templates",
    *sorted(
        path.relative_to(REPO).as_posix()
        for path in (REPO / "templates").rglob("*")
        if path.is_dir() or path.suffix == ".j2"
    )[:3],
]


def contents(folder: Path) -> dict[str, bytes | str]:
    """Everything under ``folder`` (itself followed if a symlink), hidden files included."""
    found: dict[str, bytes | str] = {}
    for current, folders, names in os.walk(folder):
        for name in folders + names:
            path = Path(current, name)
            found[path.relative_to(folder).as_posix()] = (
                "folder" if path.is_dir() else path.read_bytes()
            )
    return found


def replace_with_symlink(root: Path, relative: str, elsewhere: Path) -> None:
    """Move ``root/relative`` to ``elsewhere`` and leave a symlink to it in its place."""
    original = root / relative
    elsewhere.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(original, elsewhere)
    original.symlink_to(elsewhere, target_is_directory=elsewhere.is_dir())


def make_stale(root: Path) -> None:
    """Change a string every page shows, so a build has every page to write."""
    english = root / "locales" / "en.yaml"
    text = english.read_text("utf-8")
    english.write_text(text.replace('text: "', 'text: "Changed. ', 1), "utf-8")


@pytest.mark.parametrize("relative", OUTPUT_FOLDERS + OUTPUT_FILES)
def test_build_refuses_an_output_path_through_a_symlink_leading_out(
    project: Path, tmp_path: Path, run_cli: Callable[..., Run], relative: str
) -> None:
    """A symlink out of the project on any output path: build fails with one line naming it
    and writes nothing on either side; check reports it."""
    make_stale(project)
    elsewhere = tmp_path / "elsewhere" / Path(relative).name
    replace_with_symlink(project, relative, elsewhere)
    outside = contents(elsewhere.parent)
    result = run_cli("-C", project, "build")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert f"{relative}: refusing to write through a symlink" in result.err
    assert contents(elsewhere.parent) == outside
    assert (project / relative).is_symlink()
    check = run_cli("-C", project, "check")
    assert check.code == 1
    assert f"{relative}: generated a symlink" in check.out
    assert contents(elsewhere.parent) == outside


@pytest.mark.parametrize("relative", ["docs", OUTPUT_FOLDERS[-1], OUTPUT_FILES[0]])
def test_a_symlink_inside_the_project_on_an_output_path_is_refused_too(
    project: Path, run_cli: Callable[..., Run], relative: str
) -> None:
    """Even a symlink that stays in the project is refused on an output path: it could lead
    a build to overwrite an input."""
    make_stale(project)
    replace_with_symlink(project, relative, project / "moved" / Path(relative).name)
    result = run_cli("-C", project, "build")
    assert result.code == 1
    assert f"{relative}: refusing to write through a symlink" in result.err
    assert run_cli("-C", project, "check").code == 1


def test_an_unchanged_build_still_refuses_a_folder_swapped_for_a_symlink(
    project: Path, tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    """After a build, a folder replaced by a symlink to an identical copy (times kept) is
    refused, not taken as up to date."""
    assert run_cli("-C", project, "build").code == 0
    copy = tmp_path / "copy"
    shutil.copytree(project / OUTPUT_FOLDERS[-1], copy)
    shutil.rmtree(project / OUTPUT_FOLDERS[-1])
    (project / OUTPUT_FOLDERS[-1]).symlink_to(copy, target_is_directory=True)
    result = run_cli("-C", project, "build")
    assert result.code == 1
    assert "refusing to write through a symlink" in result.err


@pytest.mark.parametrize("relative", INPUTS)
def test_an_input_through_a_symlink_leading_out_is_refused(
    project: Path, tmp_path: Path, run_cli: Callable[..., Run], relative: str
) -> None:
    """A config, schema, locale or template file (or folder) reached through a symlink out of
    the project: build fails with one line naming it, check reports it, nothing is written."""
    replace_with_symlink(project, relative, tmp_path / "elsewhere" / Path(relative).name)
    before = contents(project / "docs")
    for command in ("build", "check"):
        result = run_cli("-C", project, command)
        assert result.code == 1, result.out + result.err
        assert "symlink that leads outside the project" in refusal(result, command)
    assert contents(project / "docs") == before


def test_an_input_symlink_within_the_project_is_followed(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A locale file that is a symlink to another place in the project is read as usual."""
    locale = sorted((project / "locales").glob("*.yaml"))[-1].relative_to(project).as_posix()
    replace_with_symlink(project, locale, project / "translations" / Path(locale).name)
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out + result.err
