"""Lookups fall back to the source language explicitly, and say so."""

from __future__ import annotations

from pathlib import Path

from eventdocs.load.locale import Entry, Locale
from eventdocs.render.translator import Translator


def locale(code: str, entries: dict[str, tuple[str | None, str | None]], *, source: bool) -> Locale:
    return Locale(
        code,
        Path(f"{code}.yaml"),
        source,
        {key: Entry(key, text, origin, 1) for key, (text, origin) in entries.items()},
        {},
    )


ENGLISH = locale("en", {"a": ("Hello", None), "b": ("Bye", None)}, source=True)


def test_current_translation_is_used() -> None:
    """A translation stamped with today's English is shown, and nothing is outdated."""
    translate = Translator(ENGLISH, locale("fr", {"a": ("Bonjour", "Hello")}, source=False))
    assert translate("a") == "Bonjour"
    assert translate.outdated == set()


def test_stale_translation_is_shown_and_marked() -> None:
    """A translation of older English is still the best text, but the page is outdated."""
    translate = Translator(ENGLISH, locale("fr", {"a": ("Bonjour", "Hi")}, source=False))
    assert translate("a") == "Bonjour"
    assert translate.outdated == {"a"}


def test_missing_translation_falls_back_to_english_and_is_marked() -> None:
    """No translation: the English shows, and the page is outdated."""
    translate = Translator(ENGLISH, locale("fr", {"b": (None, "Bye")}, source=False))
    assert translate("a") == "Hello" and translate("b") == "Bye"
    assert translate.outdated == {"a", "b"}


def test_missing_source_is_recorded() -> None:
    """A key English lacks is recorded for the build to refuse, and every lookup is counted."""
    translate = Translator(ENGLISH, ENGLISH)
    translate("zzz")
    assert translate.missing_source == {"zzz"}
    assert translate.used == {"zzz"}
