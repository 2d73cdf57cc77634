"""The one error hierarchy: every failure a user can act on is an ``EventdocsError``.

Only the CLI catches these and prints them as one ``Error: …`` line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Self

# Line breaks, from a hostile file name or a library's message: folded, so that an error is
# always one line.
_LINE_BREAKS = re.compile(r"\s*[\n\r\x0b\x0c\x85\u2028\u2029]+\s*")
# What could drive a terminal or reorder what it shows: C0 and C1 controls (escape sequences
# start there), line and paragraph separators, bidi and zero-width marks.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\u061c\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Return ``text`` with every control, separator, bidi and zero-width character escaped
    (``\\x1b``, ``\\u202e``): what a file says cannot drive the terminal or a CI log."""
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text


def one_line(text: str) -> str:
    """Return ``text`` as one printable line: breaks become spaces, the rest ``printable``."""
    return printable(_LINE_BREAKS.sub(" ", text).strip())


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
            return one_line(self.message)
        where = self.path.as_posix()
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return one_line(f"{where}: {self.message}")


class LoadError(EventdocsError):
    """An input file (schema, locale, config, payload) cannot be read or is malformed: exit 1.

    ``each`` holds every problem of the file, one error each, when there are several: a
    command stops at the first with one line; ``eventdocs check`` reports every one.
    """

    each: tuple[LoadError, ...] = ()

    @property
    def problems(self) -> tuple[LoadError, ...]:
        """Every problem this error stands for (itself, when it is the only one)."""
        return self.each or (self,)

    @classmethod
    def standing_for(cls, problems: Sequence[LoadError], message: str | None = None) -> Self:
        """One error standing for every one of ``problems`` (at least one): at the first's
        place, saying ``message`` or what the first says."""
        first = problems[0]
        error = cls(
            first.message if message is None else message,
            path=first.path,
            line=first.line,
            column=first.column,
        )
        error.each = tuple(problems)
        return error


class MissingFileError(LoadError):
    """A file that should be there does not exist."""


class ConfigError(EventdocsError):
    """The project's files are set up inconsistently (a missing folder or source locale file).

    A bad input like any other: exit 1. What the command line names wrongly is a ``UsageError``.
    """


class RenderError(EventdocsError):
    """A template failed to render or the source language lacks a string a page needs."""


class WriteError(EventdocsError):
    """Generated files could not be written."""


class SiteError(EventdocsError):
    """A language of the site did not build (MkDocs refused it), or ``mkdocs.yml`` is one
    ``eventdocs check`` refuses."""


class UsageError(EventdocsError):
    """The command line asked for something that cannot be done (unknown locale, event): exit 2."""

    exit_code = 2
