"""``eventdocs init``: a new documentation project that builds, checks and serves as written.

The files come with the package. ``project/`` holds those written as they are: the settings,
an example event and shared type with their English strings, the English home page, and a
``mkdocs.yml`` that uses the ``eventdocs`` plugin. ``templates/`` and ``strings.en.yaml`` are the
default templates and the English of their page furniture: in a checkout they are links to this
repository's own ``templates/`` and ``locales/en.yaml`` (the wheel holds their files), so a new
project starts from the very templates and strings the repository builds its site with, never
from a copy kept by hand. Of those strings, the new English file gets the ``ui.*`` keys its
pages use.

``init`` makes a project rather than running the pipeline over one, so the command line calls
it directly. Every file is composed and checked before the first is written.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from eventdocs.base.atomic import atomic_write
from eventdocs.base.confined import refuse_outside
from eventdocs.edit.yaml_text import yaml_string
from eventdocs.errors import WriteError
from eventdocs.load.locale import parse_locale_bytes
from eventdocs.load.project import load_project
from eventdocs.render.project import used_keys

PACKAGE = Path(__file__).parent
PROJECT = PACKAGE / "project"
TEMPLATES = PACKAGE / "templates"
STRINGS = PACKAGE / "strings.en.yaml"
ENGLISH = "locales/en.yaml"
UI_PREFIX = "ui."


def _files_under(folder: Path, prefix: str = "") -> dict[str, bytes]:
    """Every file beneath ``folder`` by its path relative to it (after ``prefix``), sorted."""
    return {
        prefix + path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _english(scaffold: str, ui_keys: list[tuple[str, str]]) -> str:
    """The scaffold's English file with ``ui_keys`` (key, text) between its opening comment
    and its own strings."""
    header, _, body = scaffold.partition("\n\n")
    entries = "".join(f"{key}: {yaml_string(text)}\n" for key, text in ui_keys)
    return f"{header}\n\n{entries}\n{body}"


def _ui_strings() -> list[tuple[str, str]]:
    """The English of every ``ui.*`` key of the default templates, in the file's order."""
    entries = parse_locale_bytes(STRINGS, STRINGS.read_bytes(), is_source=True)
    return [
        (key, entry.text)
        for key, entry in entries.items()
        if key.startswith(UI_PREFIX) and entry.text is not None
    ]


def _keep_used(files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` with the English file holding only the ``ui.*`` keys the pages use: the
    project is loaded and rendered, in a folder of its own, to find them."""
    scaffold = files[ENGLISH].decode("utf-8")
    every = _ui_strings()
    with tempfile.TemporaryDirectory(prefix="eventdocs-init-") as folder:
        trial = Path(folder)
        for name, data in {**files, ENGLISH: _english(scaffold, every).encode()}.items():
            (trial / name).parent.mkdir(parents=True, exist_ok=True)
            (trial / name).write_bytes(data)
        used = used_keys(load_project(trial, use_cache=False))
    english = _english(scaffold, [(key, text) for key, text in every if key in used])
    return {**files, ENGLISH: english.encode("utf-8")}


def _packaged() -> dict[str, bytes]:
    """The packaged files of a new project, the English file without its ``ui.*`` keys."""
    return {**_files_under(PROJECT), **_files_under(TEMPLATES, "templates/")}


def scaffold_files() -> dict[str, bytes]:
    """Every file of a new project, by its path in the project."""
    return _keep_used(_packaged())


def _refuse_occupied(target: Path, names: list[str], *, force: bool) -> None:
    if target.is_symlink() and not target.exists():
        raise WriteError("a link that leads nowhere: name a folder", path=target)
    if target.exists() and not target.is_dir():
        raise WriteError("not a folder: `eventdocs init` makes a project in a folder", path=target)
    if not force and target.is_dir() and any(target.iterdir()):
        raise WriteError(
            "this folder is not empty: `eventdocs init` writes into a new or empty folder "
            "(--force adds the project beside what is there, replacing no file)",
            path=target,
        )
    for name in names:
        path = target / name
        if path.exists() or path.is_symlink():
            raise WriteError("already exists: `eventdocs init` replaces no file", path=path)
        refuse_outside(target, path, what="a file of the new project")
        for folder in reversed(path.relative_to(target).parents[:-1]):
            if (target / folder).is_symlink() or (
                (target / folder).exists() and not (target / folder).is_dir()
            ):
                raise WriteError(
                    "in the way: the new project needs a folder here", path=target / folder
                )


def scaffold_project(target: Path, *, force: bool = False) -> list[str]:
    """Write a new project into ``target`` (created if need be) and return its files' paths.

    ``target`` must be new or empty; with ``force`` it may hold other files, but none of the
    project's. Nothing is written when it is refused.
    """
    packaged = _packaged()
    _refuse_occupied(target, sorted(packaged), force=force)
    files = _keep_used(packaged)
    made: list[Path] = []  # what this run created, removed again if a write fails
    try:
        for name, data in files.items():
            for folder in reversed((target / name).parents):
                if not folder.exists():
                    folder.mkdir()
                    made.append(folder)
            atomic_write(target / name, data)
            made.append(target / name)
    except OSError as error:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.rmdir() if path.is_dir() else path.unlink()
        raise WriteError(f"cannot write the new project: {error.strerror}", path=target) from None
    return sorted(files)
