"""Where the cache lives: the user's cache folder by default, one folder per project."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.load.cache_dir import CACHE_ENV, project_cache_dir


def test_default_is_the_user_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the override, the cache is under the platform's user cache folder."""
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = project_cache_dir(tmp_path / "project")
    assert folder.parent == tmp_path / "xdg" / "eventdocs"
    assert not folder.is_relative_to(tmp_path / "project")


def test_override_names_the_base_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``EVENTDOCS_CACHE_DIR`` replaces the base folder; projects still get one folder each."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "here"))
    first, second = project_cache_dir(tmp_path / "a"), project_cache_dir(tmp_path / "b")
    assert first.parent == second.parent == tmp_path / "here"
    assert first != second


def test_one_project_one_folder_however_it_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative and an absolute path to the same project share its cache folder."""
    (tmp_path / "project").mkdir()
    monkeypatch.chdir(tmp_path)
    assert project_cache_dir(Path("project")) == project_cache_dir(tmp_path / "project")
