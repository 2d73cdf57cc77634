"""Looking up a page's strings, with an explicit, recorded fallback to the source language."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventdocs.load.locale import Locale


@dataclass
class Translator:
    """Resolves keys for one page in one language and remembers what it had to fall back on.

    A missing translation shows the source text; a stale one shows the translation. Either
    marks the page as possibly out of date, so the reader is told instead of silently misled.
    """

    source: Locale
    target: Locale
    used: set[str] = field(default_factory=set)
    outdated: set[str] = field(default_factory=set)
    missing_source: set[str] = field(default_factory=set)

    def __call__(self, key: str) -> str:
        """Return the text to show for ``key`` in the target language."""
        self.used.add(key)
        original = self.source.entries.get(key)
        if original is None or not original.text:
            self.missing_source.add(key)
            return key
        if self.target is self.source:
            return original.text
        entry = self.target.entries.get(key)
        if entry is None or not entry.text:
            self.outdated.add(key)
            return original.text
        if entry.source != original.text:
            self.outdated.add(key)
        return entry.text
