"""The files of a new project: the repository's templates and English furniture, the example
event's own files, and a target folder that is never written over."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.base.atomic import atomic_write
from eventdocs.errors import LoadError, WriteError
from eventdocs.load.locale import parse_locale_bytes
from eventdocs.scaffold import ENGLISH, PROJECT, scaffold_files, scaffold_project
from tests.helpers import REPO

FILES = scaffold_files()


def english(data: bytes) -> dict[str, str | None]:
    """A source-language file's texts by key."""
    entries = parse_locale_bytes(Path(ENGLISH), data, is_source=True)
    return {key: entry.text for key, entry in entries.items()}


def test_the_templates_are_the_repositorys() -> None:
    """The new project's templates/ holds exactly the repository's templates, byte for byte."""
    repository = {
        "templates/" + path.relative_to(REPO / "templates").as_posix(): path.read_bytes()
        for path in sorted((REPO / "templates").rglob("*"))
        if path.is_file()
    }
    assert repository
    assert {name: data for name, data in FILES.items() if name.startswith("templates/")} == (
        repository
    )


def test_the_page_furniture_is_the_repositorys_english() -> None:
    """Every `ui.*` string of the new English file reads as the repository's English does."""
    ours = english(FILES[ENGLISH])
    theirs = english((REPO / "locales" / "en.yaml").read_bytes())
    furniture = {key: text for key, text in ours.items() if key.startswith("ui.")}
    assert furniture
    assert furniture == {key: theirs[key] for key in furniture}


def test_the_projects_own_strings_come_after_the_furniture() -> None:
    """The example's strings are the packaged ones, in their order, below the `ui.*` keys."""
    keys = list(english(FILES[ENGLISH]))
    own = list(english((PROJECT / ENGLISH).read_bytes()))
    assert own and keys[-len(own) :] == own
    assert all(key.startswith("ui.") for key in keys[: -len(own)])


def test_every_packaged_file_is_written_as_it_is() -> None:
    """Apart from the English file, a new project holds the packaged files unchanged."""
    for path in sorted(PROJECT.rglob("*")):
        name = path.relative_to(PROJECT).as_posix()
        if path.is_file() and name != ENGLISH:
            assert FILES[name] == path.read_bytes(), name


def test_two_projects_are_byte_identical(tmp_path: Path) -> None:
    """Scaffolding is deterministic: two new projects hold the same bytes."""
    first, second = tmp_path / "a", tmp_path / "b"
    assert scaffold_project(first) == scaffold_project(second) == sorted(FILES)
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes() == FILES[name]


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder``, by relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    """A folder holding anything is refused, and left as it was."""
    (tmp_path / "notes.txt").write_text("mine\n", "utf-8")
    with pytest.raises(WriteError, match="this folder is not empty"):
        scaffold_project(tmp_path)
    assert files_in(tmp_path) == {"notes.txt": b"mine\n"}


def test_force_adds_the_project_beside_other_files(tmp_path: Path) -> None:
    """With force, the project's files join what is there, which stays untouched."""
    (tmp_path / "notes.txt").write_text("mine\n", "utf-8")
    scaffold_project(tmp_path, force=True)
    assert files_in(tmp_path) == {"notes.txt": b"mine\n", **FILES}


@pytest.mark.parametrize("name", sorted(FILES))
def test_force_never_replaces_a_file(tmp_path: Path, name: str) -> None:
    """Any of the project's files already there refuses the whole project: nothing written."""
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(b"mine\n")
    with pytest.raises(WriteError, match="already exists") as refused:
        scaffold_project(tmp_path, force=True)
    assert refused.value.path == tmp_path / name
    assert files_in(tmp_path) == {name: b"mine\n"}


def test_a_file_in_place_of_the_folder_is_refused(tmp_path: Path) -> None:
    """Naming a file is refused, and the file kept."""
    (tmp_path / "file").write_text("mine\n", "utf-8")
    with pytest.raises(WriteError, match="not a folder"):
        scaffold_project(tmp_path / "file")
    assert (tmp_path / "file").read_text("utf-8") == "mine\n"


def test_a_symlink_leading_out_is_not_written_through(tmp_path: Path) -> None:
    """A folder of the project that links outside the target refuses the project: nothing is
    written there, or anywhere."""
    outside = tmp_path / "outside"
    outside.mkdir()
    target = tmp_path / "target"
    target.mkdir()
    (target / "schema").symlink_to(outside, target_is_directory=True)
    with pytest.raises(LoadError, match="symlink that leads outside"):
        scaffold_project(target, force=True)
    assert list(outside.iterdir()) == []
    assert [path.name for path in target.iterdir()] == ["schema"]


@pytest.mark.parametrize("in_the_way", ["templates", "pages"])
def test_a_file_where_a_folder_goes_is_refused_before_writing(
    tmp_path: Path, in_the_way: str
) -> None:
    """A file standing where the project needs a folder is refused, naming it; nothing is
    written (with --force too)."""
    target = tmp_path / "project"
    target.mkdir()
    (target / in_the_way).write_text("mine", encoding="utf-8")
    with pytest.raises(WriteError, match="in the way"):
        scaffold_project(target, force=True)
    assert sorted(path.name for path in target.iterdir()) == [in_the_way]


def test_a_link_that_leads_nowhere_is_refused(tmp_path: Path) -> None:
    """A dangling link given as the folder is refused, not followed."""
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    with pytest.raises(WriteError, match="leads nowhere"):
        scaffold_project(tmp_path / "link")
    assert not (tmp_path / "nowhere").exists()


def test_a_failed_write_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half-way is one error naming the folder, and every file and folder
    the run created is removed again; what was there stays."""
    target = tmp_path / "project"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    calls = []
    real = atomic_write

    def failing(path: Path, data: bytes, **options: object) -> None:
        calls.append(path)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr("eventdocs.scaffold.atomic_write", failing)
    with pytest.raises(WriteError, match="No space left"):
        scaffold_project(target, force=True)
    assert len(calls) == 5
    assert [path.name for path in target.iterdir()] == ["notes.txt"]


def test_a_new_project_publishes_the_checks_page() -> None:
    """The page code scanning links each rule to (`checks/#<code>` of the project's site) is
    part of every new project, the repository's own page byte for byte."""
    assert FILES["pages/en/checks.md"] == (REPO / "pages" / "en" / "checks.md").read_bytes()
