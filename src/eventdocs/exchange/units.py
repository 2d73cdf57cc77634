"""The unit of exchange: one key of one language, as a PO entry or an XLIFF unit carries it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from eventdocs.load.yaml_files import MAX_FILE_BYTES

# A translator's file holds a locale file's strings with more around them (XLIFF about three
# times the bytes): any locale file within its limit exports to a file that imports back.
MAX_EXCHANGE_BYTES = 4 * MAX_FILE_BYTES


class UnitState(StrEnum):
    """Where a translation stands, as a translator's tool shows it."""

    MISSING = "missing"  # no translation yet
    STALE = "stale"  # translated from an earlier English (`previous`): review it
    CURRENT = "current"  # translated from today's English


@dataclass(frozen=True, slots=True)
class Unit:
    """One string to translate.

    ``english`` is today's source text; ``text`` the translation (``""`` when missing);
    ``previous`` the English a stale translation was made from. ``places`` say where the string
    appears (``"events/message_created.md: field status"``), for the translator's context.
    ``line`` is where the unit starts in the file it was read from (1-based; 0 when made in
    memory), so a refused import names it.
    """

    key: str
    english: str
    text: str
    state: UnitState
    previous: str | None = None
    places: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class ExchangeFile:
    """One language's units, read from or written to ``path``."""

    language: str
    units: tuple[Unit, ...]
    path: Path | None = None
