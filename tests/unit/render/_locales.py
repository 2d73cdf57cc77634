"""Locales built in memory for the render tests: a key's text and the source it was made from."""

from __future__ import annotations

from pathlib import Path

from eventdocs.load.locale import Entries, Entry, Locale


def locale(code: str, entries: dict[str, tuple[str | None, str | None]], *, source: bool) -> Locale:
    """A locale ``code`` whose ``entries`` map each key to its text and the source text it was
    translated from."""
    return Locale(
        code,
        Path(f"{code}.yaml"),
        source,
        Entries.of(Entry(key, text, origin, 1) for key, (text, origin) in entries.items()),
        {},
    )
