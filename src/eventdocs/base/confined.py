"""Keeping every read and write inside the project, whatever symlinks a checkout holds.

A pull request can commit a symlink. The policy, simple enough to reason about:

- **Outputs**: no symlink anywhere on a generated file's path (``docs``, ``docs/fr``, the file
  itself), even one that stays inside the project: a link from ``docs/en/events/x.md`` to
  ``locales/en.yaml`` would let a build overwrite an input. ``build`` refuses, ``check`` reports.
- **Inputs** (``eventdocs.toml``, ``schema/``, ``locales/``, ``templates/``, ``mkdocs.yml``): a
  symlink is followed only when it resolves inside the project; one leading out is refused, so no
  file outside the checkout ever reaches a page, a finding or an error message.

Paths are checked just before they are used, and files are opened without following a final
symlink where that is possible; a checkout being rewritten by someone else during a build is not
defended against beyond that.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from eventdocs.errors import LoadError


def _real(path: Path | str) -> str:
    return os.path.realpath(path)


def resolves_inside(root: Path, path: Path) -> bool:
    """Whether ``path``, every symlink on it followed, is ``root`` or lies beneath it."""
    real_root = _real(root)
    return os.path.commonpath([real_root, _real(path)]) == real_root


def refuse_outside(root: Path, path: Path, *, what: str) -> None:
    """Raise ``LoadError`` naming ``path`` if a symlink on it leads outside the project."""
    if not resolves_inside(root, path):
        raise LoadError(
            f"{what} is reached through a symlink that leads outside the project; "
            "copy the file into the project instead",
            path=path,
        )


def link_target(path: Path | str) -> str:
    """Where the symlink ``path`` points, as written in it (for messages)."""
    try:
        return str(Path(path).readlink())
    except OSError:
        return "?"


class SymlinkFinder:
    """Finds the first symlink on a path below the project root.

    Folders found to be real folders are remembered: a build checks tens of thousands of files
    that share a few dozen folders.
    """

    def __init__(self, root: Path | str) -> None:
        self.root = str(root)
        self._real_folders: set[str] = set()

    def first_symlink(self, relative: str) -> str | None:
        """The first part of ``relative`` (``docs``, ``docs/fr``, …, the file) that is a
        symlink, relative to the root; None if there is none (or the path stops existing)."""
        parts = relative.split("/")
        prefix = ""
        for index, part in enumerate(parts):
            prefix = f"{prefix}/{part}" if prefix else part
            is_folder = index < len(parts) - 1
            if is_folder and prefix in self._real_folders:
                continue
            try:
                status = os.lstat(os.path.join(self.root, prefix))
            except OSError:  # missing (created later, by us) or not a folder: nothing beneath
                return None
            if stat.S_ISLNK(status.st_mode):
                return prefix
            if is_folder:
                self._real_folders.add(prefix)
        return None
