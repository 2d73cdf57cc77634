"""Where a project's inputs are: one rule per folder, and one place that applies them.

- ``eventdocs.toml``: the settings (optional).
- ``schema/*.yaml``: one file per event, except ``schema/envelope.yaml``: how every event is
  delivered (optional).
- ``schema/types/*.yaml``: one file per shared object type (optional).
- ``locales/*.yaml``: one file per language.
- ``templates/``: every file beneath it.
- ``pages/<lang>/**/*.md``: the hand-written pages, copied by ``build`` to ``docs/<lang>/``.

``docs/`` holds outputs only, plus the JSON Schema files of earlier versions that a build keeps
published. Loading a project and deciding whether a build has anything to do both read the
list this module returns, so they can never disagree about what the inputs are.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from eventdocs.base.confined import refuse_outside
from eventdocs.errors import ConfigError

CONFIG_FILE = "eventdocs.toml"
PAGES_DIR = "pages"
PAGE_SUFFIX = ".md"
MAX_EVENTS = 5_000
MAX_LOCALES = 200
MAX_TYPES = 5_000
MAX_PAGES = 10_000
_PAGE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True)
class Inputs:
    """Every file a build reads, each found by its folder's rule, in a stable order."""

    root: Path
    schema_files: tuple[Path, ...]
    type_files: tuple[Path, ...]
    locale_files: tuple[Path, ...]
    templates: tuple[Path, ...]
    pages: tuple[Path, ...]

    @property
    def config(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def envelope(self) -> Path:
        return self.root / "schema" / ENVELOPE_FILE


def find_inputs(root: Path) -> Inputs:
    """The project's inputs at ``root``; raise ``ConfigError``/``LoadError`` for a missing
    folder, a folder over its limit, or a file reached through a symlink leading outside."""
    return Inputs(
        root=root,
        schema_files=tuple(schema_files(root)),
        type_files=tuple(type_files(root)),
        locale_files=tuple(_yaml_files(root, root / "locales", "locale", MAX_LOCALES)),
        templates=tuple(_template_files(root, root / "templates")),
        pages=tuple(_page_files(root, root / PAGES_DIR)),
    )


ENVELOPE_FILE = "envelope.yaml"


def schema_files(root: Path) -> list[Path]:
    """The event schema files, none of them read."""
    return _yaml_files(root, root / "schema", "event schema", MAX_EVENTS, skip=ENVELOPE_FILE)


def type_files(root: Path) -> list[Path]:
    """The shared type files; a project without ``schema/types/`` has none."""
    folder = root / "schema" / "types"
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.yaml"), key=lambda path: path.name)
    if len(files) > MAX_TYPES:
        raise ConfigError(f"{len(files)} type files, over the limit of {MAX_TYPES}", path=folder)
    for path in files:
        refuse_outside(root, path, what="type schema file")
    return files


def page_output(root: Path, page: Path) -> str:
    """Where ``build`` copies the hand-written ``page``: ``pages/x`` becomes ``docs/x``."""
    return "docs/" + page.relative_to(root / PAGES_DIR).as_posix()


def published_schema_files(root: Path) -> list[str]:
    """Every JSON file under ``docs/schemas/``, relative to the root: the outputs of this build
    and the kept files of earlier versions alike."""
    schemas = root / "docs" / "schemas"
    if schemas.is_symlink() or not schemas.is_dir():
        return []
    return sorted(path.relative_to(root).as_posix() for path in schemas.rglob("*.json"))


def _yaml_files(root: Path, folder: Path, what: str, limit: int, *, skip: str = "") -> list[Path]:
    if not folder.is_dir():
        raise ConfigError(f"{what} folder not found: create it", path=folder)
    files = sorted(
        (path for path in folder.glob("*.yaml") if path.name != skip), key=lambda path: path.name
    )
    if not files:
        raise ConfigError(f"no {what} files (*.yaml) in this folder", path=folder)
    if len(files) > limit:
        raise ConfigError(f"{len(files)} {what} files, over the limit of {limit}", path=folder)
    for path in files:
        refuse_outside(root, path, what=f"{what} file")
    return files


def _walk(root: Path, folder: Path, what: str) -> list[Path]:
    """Every file beneath ``folder``, sorted; symlinked folders followed (as Jinja and MkDocs
    would) each real folder once, and only while they stay inside the project."""
    found: list[Path] = []
    seen: set[str] = set()
    for current, folders, names in os.walk(folder, followlinks=True):
        refuse_outside(root, Path(current), what=f"{what} folder")
        real = os.path.realpath(current)
        if real in seen:
            folders.clear()
            continue
        seen.add(real)
        folders.sort()
        for name in names:
            path = Path(current, name)
            refuse_outside(root, path, what=what)
            if path.is_file():
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def _template_files(root: Path, folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ConfigError("templates folder not found", path=folder)
    return _walk(root, folder, "template")


def _page_files(root: Path, folder: Path) -> list[Path]:
    """The hand-written pages: ``pages/<lang>/**/*.md``; no folder means none.

    Pages are published as they are, so none may be a symlink, even one staying inside the
    project: a link would publish whatever file it leads to.
    """
    if folder.is_symlink():
        raise ConfigError("the pages folder is a symlink; make it a real folder", path=folder)
    if not folder.is_dir():
        return []
    pages: list[Path] = []
    for current, folders, names in os.walk(folder):
        for name in sorted([*folders, *names]):
            if Path(current, name).is_symlink():
                raise ConfigError(
                    "a symlink among the pages: pages are published as they are, so it would "
                    "publish whatever it leads to; replace it with a real file",
                    path=Path(current, name),
                )
        folders.sort()
        pages.extend(Path(current, name) for name in names)
    for path in pages:
        parts = path.relative_to(folder).parts
        if not all(_PAGE_NAME.fullmatch(part) for part in parts):
            raise ConfigError(
                "a page's path holds letters, digits, `.`, `_` and `-` only (it is written into "
                "the page and its URL); rename it",
                path=path,
            )
        if len(parts) < 2 or path.suffix != PAGE_SUFFIX or not path.is_file():
            raise ConfigError(
                "pages/ holds Markdown pages in one folder per language "
                "(pages/<lang>/…/*.md); move or remove this file",
                path=path,
            )
    if len(pages) > MAX_PAGES:
        raise ConfigError(f"{len(pages)} pages, over the limit of {MAX_PAGES}", path=folder)
    return sorted(pages, key=lambda path: path.relative_to(root).as_posix())
