"""``export`` and ``import``: a project's languages out to translators' files and back in."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from eventdocs.base.atomic import atomic_write
from eventdocs.base.confined import SymlinkFinder
from eventdocs.edit.imported import write_translations
from eventdocs.errors import LoadError, UsageError, WriteError
from eventdocs.exchange.collect import collect
from eventdocs.exchange.formats import FORMATS, format_of, read_exchange_file
from eventdocs.exchange.gate import Changes, ImportRefused, admit
from eventdocs.load.project import Project

# Where `export` writes when no folder is named, inside the project folder.
DEFAULT_FOLDER = "translations"


def export_files(
    project: Project,
    used_keys: frozenset[str],
    codes: Sequence[str],
    format_name: str,
    folder: Path | None,
) -> list[Path]:
    """Write one file per language ``codes`` (every translation when empty) into ``folder``
    (``translations/`` in the project by default), each replaced in one rename; return the
    files whose content changed."""
    exchange_format = FORMATS[format_name]
    chosen = list(codes) or [locale.code for locale in project.locales[1:]]
    for code in chosen:
        if project.locale(code).is_source:
            raise UsageError(
                f"{code!r} is the source language; export the languages that translate it"
            )
    folder = project.root / DEFAULT_FOLDER if folder is None else folder
    _refuse_planted_symlink(project.root, folder)
    files = {
        folder / f"{code}{exchange_format.suffix}": exchange_format.dump(
            collect(project, code, used_keys), project.source.code
        )
        for code in dict.fromkeys(chosen)
    }
    for path in files:  # every file checked before the first is written
        if path.exists() and not path.is_file() and not path.is_symlink():
            raise WriteError("not a file: remove it, or name another folder with -o", path=path)
    written = []
    for path, data in files.items():
        if path.is_symlink() or not path.is_file() or path.read_bytes() != data:
            try:
                atomic_write(path, data)  # replaces a symlink there, never writes through it
            except OSError as error:
                raise WriteError(f"cannot write the file: {error.strerror}", path=path) from None
            written.append(path)
    return written


def _refuse_planted_symlink(root: Path, folder: Path) -> None:
    """Refuse a folder inside the project reached through a symlink: a pull request may have
    planted it (``translations`` pointing anywhere); a folder outside is the user's to name."""
    relative = os.path.relpath(folder, root)  # both made absolute, neither resolved
    if relative == "." or relative.startswith(".."):
        return
    if linked := SymlinkFinder(root).first_symlink(Path(relative).as_posix()):
        raise WriteError(f"{linked} is a symlink; remove it or name a folder with -o")


def import_files(project: Project, used_keys: frozenset[str], paths: Sequence[Path]) -> Changes:
    """Write the translations of the files ``paths`` into the project's locale files, all or
    nothing; raise ``ImportRefused`` with every problem of every file when any is refused."""
    for path in paths:
        format_of(path)  # a file of no known format is a usage error, before anything is read
    problems: list[LoadError] = []
    files = []
    for path in paths:
        try:
            files.append(read_exchange_file(path))
        except LoadError as error:
            problems.extend(error.problems)
    try:
        changes = admit(project, used_keys, files)
    except ImportRefused as error:
        problems.extend(error.problems)
    if problems:
        raise ImportRefused.standing_for(problems)
    write_translations(project, changes)
    return changes
