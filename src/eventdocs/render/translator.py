"""Looking up a language's strings, with an explicit, recorded fallback to the source language.

Templates read strings by subscript, ``t["ui.heading.fields"]``: a plain dictionary lookup once
a key has been resolved, because a large project makes close to a million of them. Only what
is current is remembered; a fallback is resolved, and recorded, on every lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventdocs.load.locale import Locale
from eventdocs.render._markdown import Markdown, escape_inline


@dataclass
class Fallbacks:
    """What one output had to fall back on: the reader is told, never silently misled."""

    # Keys without a current translation: the page shows the source text or a stale one.
    outdated: set[str] = field(default_factory=set)
    # Keys the source language does not have: nothing can be shown, the build refuses.
    missing_source: set[str] = field(default_factory=set)


class _Plain(dict[str, str]):
    """The texts themselves, for JSON Schema and front matter; filled on first lookup."""

    __slots__ = ("_translations",)

    def __init__(self, translations: Translations) -> None:
        super().__init__()
        self._translations = translations

    def __missing__(self, key: str) -> str:
        text = self._translations.current.get(key)
        if text is None:
            return self._translations.fall_back(key)
        self[key] = text
        return text


class _Markdown(dict[str, Markdown]):
    """The texts escaped for a Markdown page; each looked up through the plain table."""

    __slots__ = ("_translations",)

    def __init__(self, translations: Translations) -> None:
        super().__init__()
        self._translations = translations

    def __missing__(self, key: str) -> Markdown:
        translations = self._translations
        value = escape_inline(translations.plain[key])
        if key in translations.current:
            self[key] = value
        return value


class Translations:
    """Resolves keys in one target language, for every output rendered in it.

    ``markdown[key]`` is the text escaped for a Markdown page, ``plain[key]`` the text as is
    (for JSON Schema and front matter). A missing translation shows the source text and a stale
    one the translation; both are recorded in ``fallbacks``, which the caller replaces
    (``begin``) before each output it renders.
    """

    def __init__(self, source: Locale, target: Locale) -> None:
        self.source = source
        self.target = target
        self.current = _current_texts(source, target)
        self.fallbacks = Fallbacks()
        self.fallen_back: set[str] = set()
        self.plain: dict[str, str] = _Plain(self)
        self.markdown: dict[str, Markdown] = _Markdown(self)

    @property
    def used(self) -> set[str]:
        """Every key looked up so far."""
        return self.plain.keys() | self.fallen_back

    def begin(self) -> Fallbacks:
        """Start recording the fallbacks of a new output; return its record."""
        self.fallbacks = Fallbacks()
        return self.fallbacks

    def fall_back(self, key: str) -> str:
        """Return what to show for ``key``, which has no current translation, and record it."""
        self.fallen_back.add(key)
        original = self.source.entries.get(key)
        if original is None or not original.text:
            self.fallbacks.missing_source.add(key)
            return key
        entry = self.target.entries.get(key)
        self.fallbacks.outdated.add(key)
        return entry.text if entry is not None and entry.text else original.text


def _current_texts(source: Locale, target: Locale) -> dict[str, str]:
    """The target's texts translated from today's source text (all of them, for the source)."""
    english = source.entries.texts
    if target is source:
        return {key: text for key, text in english.items() if text}
    sources = target.entries.sources
    return {
        key: text
        for key, text in target.entries.texts.items()
        if text and (original := english.get(key)) and sources.get(key) == original
    }
