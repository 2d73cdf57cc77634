"""The one error hierarchy: every failure a user can act on is an ``EventdocsError``.

Only the CLI catches these and prints them as one ``Error: …`` line.
"""

from __future__ import annotations

from pathlib import Path


class EventdocsError(Exception):
    """A failure the user can fix; ``str()`` is the whole message, pointing at the file."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = self.path.as_posix()
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class LoadError(EventdocsError):
    """An input file (schema, locale, config, payload) cannot be read or is malformed."""


class MissingFileError(LoadError):
    """A file that should be there does not exist."""


class ConfigError(EventdocsError):
    """The project is set up inconsistently (missing folder, unknown locale, bad config)."""


class RenderError(EventdocsError):
    """A template failed to render or the source language lacks a string a page needs."""


class WriteError(EventdocsError):
    """Generated files could not be written."""


class UsageError(EventdocsError):
    """The command line asked for something that cannot be done."""

    exit_code = 2
