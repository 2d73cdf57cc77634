"""Where a finding's file is, said from the folder ``eventdocs`` runs in.

Findings name files relative to the project; a reader (a terminal, an editor, GitHub) resolves
them from the working directory. So every format shows ``docs-project/locales/fr.yaml`` for
``eventdocs -C docs-project check`` run at the repository root, and ``../docs-project/…`` when
the project is outside the working directory: a relative path still opens the file, and it is
the same on every machine. Only where no relative path exists (another drive) is it absolute.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from eventdocs.check.findings import Finding

_UP = ".."


@dataclass(frozen=True)
class Places:
    """Turns project-relative paths into paths from the working directory ``cwd``."""

    project: Path  # the project folder, as given on the command line
    cwd: Path = field(default_factory=Path.cwd)

    def target(self, path: str) -> Path:
        """The absolute path of a finding's file, as written (``path`` is relative to the
        project, or absolute for a file outside it)."""
        return self.cwd / self.project / path

    def shown(self, path: str) -> str:
        """``path`` (relative to the project) as a POSIX path from the working directory."""
        target = self.target(path)
        lexical = _relative(target, self.cwd)
        if lexical is None:
            return target.resolve().as_posix()
        if not _leaves(lexical):
            return lexical
        # A working directory or project reached through a symlink: the real paths may still
        # put the file below the working directory.
        real = _relative(target.resolve(), self.cwd.resolve())
        return real if real is not None and not _leaves(real) else lexical

    def inside(self, shown: str) -> bool:
        """Whether a path ``shown`` returned lies below the working directory."""
        return not _leaves(shown) and not PurePosixPath(shown).is_absolute()

    def location(self, finding: Finding) -> str:
        """``path:line`` (or ``path`` for a finding about a whole file), from here."""
        where = self.shown(finding.path)
        return f"{where}:{finding.line}" if finding.line is not None else where


def _relative(target: Path, start: Path) -> str | None:
    try:
        return Path(os.path.relpath(target, start)).as_posix()
    except ValueError:  # on another drive: no relative path leads there
        return None


def _leaves(relative: str) -> bool:
    return PurePosixPath(relative).parts[:1] == (_UP,)
