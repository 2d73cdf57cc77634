"""Lookups fall back to the source language explicitly, and say so."""

from __future__ import annotations

from eventdocs.render.passage_marks import NOTE_KEYS
from eventdocs.render.translator import LookupTracker, Translations
from tests.unit.render._locales import locale

ENGLISH = locale("en", {"a": ("Hello", None), "b": ("Bye", None)}, source=True)


def test_current_translation_is_used() -> None:
    """A translation stamped with today's English is shown, and nothing is outdated."""
    strings = Translations(
        ENGLISH, locale("fr", {"a": ("Bonjour", "Hello")}, source=False), LookupTracker()
    )
    assert strings.plain["a"] == "Bonjour"
    assert strings.tracker.output.outdated == set()


def test_stale_translation_is_shown_and_marked_on_every_lookup() -> None:
    """A translation of older English is still the best text, but each page using it is
    outdated: the fallback is recorded again for every output, never remembered away."""
    strings = Translations(
        ENGLISH, locale("fr", {"a": ("Bonjour", "Hi")}, source=False), LookupTracker()
    )
    assert strings.markdown["a"] == "Bonjour"
    assert strings.tracker.output.outdated == {"a"}
    second_page = strings.tracker.start_output()
    assert strings.plain["a"] == "Bonjour" and strings.markdown["a"] == "Bonjour"
    assert second_page.outdated == {"a"}


def test_missing_translation_falls_back_to_english_and_is_marked() -> None:
    """No translation: the English shows, and the page is outdated."""
    strings = Translations(
        ENGLISH, locale("fr", {"b": (None, "Bye")}, source=False), LookupTracker()
    )
    assert strings.plain["a"] == "Hello" and strings.plain["b"] == "Bye"
    assert strings.tracker.output.outdated == {"a", "b"}


def test_markdown_strings_are_escaped_and_plain_ones_are_not() -> None:
    """Pages get inert Markdown; JSON Schema and front matter get the text as written."""
    english = locale("en", {"a": ("Use <b> & {x}", None)}, source=True)
    strings = Translations(english, english, LookupTracker())
    assert strings.plain["a"] == "Use <b> & {x}"
    assert strings.markdown["a"] == "Use &lt;b&gt; &amp; \\{x\\}"


def test_missing_source_is_recorded_and_every_lookup_counted() -> None:
    """A key English lacks is recorded for the build to refuse, and every key looked up,
    current or not, counts as used."""
    strings = Translations(ENGLISH, ENGLISH, LookupTracker())
    assert strings.markdown["zzz"] == "zzz"
    assert strings.plain["a"] == "Hello"
    assert strings.tracker.output.missing_source == {"zzz"}
    assert strings.used == {"zzz", "a", *NOTE_KEYS}


def test_get_resolves_like_a_subscript() -> None:
    """`t.get(key)` in a template falls back and records like `t[key]`, never printing None."""
    strings = Translations(ENGLISH, locale("fr", {}, source=False), LookupTracker())
    assert strings.markdown.get("a") == "Hello"
    assert strings.plain.get("b") == "Bye"
    assert strings.tracker.output.outdated == {"a", "b"}
