"""Findings name their files from the working directory, whatever folder `-C` names."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.check.findings import Code, Finding
from eventdocs.report.places import Places


@pytest.mark.parametrize(
    ("project", "shown"),
    [
        (".", "locales/fr.yaml"),
        ("docs-project", "docs-project/locales/fr.yaml"),
        ("docs-project/", "docs-project/locales/fr.yaml"),
        ("./a/../docs-project", "docs-project/locales/fr.yaml"),
        ("../elsewhere", "../elsewhere/locales/fr.yaml"),
    ],
)
def test_a_project_file_is_named_from_the_working_directory(
    tmp_path: Path, project: str, shown: str
) -> None:
    """A relative `-C` folder, below or beside the working directory, prefixes the path."""
    cwd = tmp_path / "repo"
    assert Places(Path(project), cwd).shown("locales/fr.yaml") == shown


def test_an_absolute_project_folder_gives_the_same_relative_path(tmp_path: Path) -> None:
    """`-C /abs/repo/docs-project` run in /abs/repo names `docs-project/…`, not an absolute
    path."""
    places = Places(tmp_path / "repo" / "docs-project", tmp_path / "repo")
    assert places.shown("locales/fr.yaml") == "docs-project/locales/fr.yaml"
    assert places.inside(places.shown("locales/fr.yaml"))


def test_the_project_itself_and_files_outside_it(tmp_path: Path) -> None:
    """A finding about no file (`.`) names the project folder; an absolute path outside the
    project is named from the working directory too."""
    places = Places(Path("docs-project"), tmp_path / "repo")
    assert places.shown(".") == "docs-project"
    outside = (tmp_path / "shared" / "x.yaml").as_posix()
    assert places.shown(outside) == "../shared/x.yaml"
    assert not places.inside(places.shown(outside))


def test_a_working_directory_reached_through_a_symlink(tmp_path: Path) -> None:
    """Run in a symlink to the repository with `-C` naming the real project, the file is
    still named below the working directory, not by a path climbing out and back."""
    real = tmp_path / "real" / "repo"
    (real / "docs-project").mkdir(parents=True)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    places = Places(real / "docs-project", link)
    assert places.shown("locales/fr.yaml") == "docs-project/locales/fr.yaml"


def test_location_adds_the_line_when_there_is_one(tmp_path: Path) -> None:
    """`path:line` for a finding at a line, the path alone for one about a whole file."""
    places = Places(Path("p"), tmp_path)
    at_line = Finding("locales/fr.yaml", 7, Code.STALE, "k", "m")
    whole_file = Finding("docs/en/index.md", None, Code.GENERATED, "", "m")
    assert places.location(at_line) == "p/locales/fr.yaml:7"
    assert places.location(whole_file) == "p/docs/en/index.md"
