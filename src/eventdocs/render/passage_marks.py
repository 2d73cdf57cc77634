"""Marks around a passage a page shows out of date, where it stands: for the eye and the ear.

A stale translation (made from an earlier source text) and a fallback (the source text shown
for a missing or refused translation) are each wrapped in HTML the generator writes:

    <span class='eventdocs-stale' title='NOTE'>PASSAGE<sup class='eventdocs-mark'
        role='img' aria-label='NOTE'></sup></span>

A fallback's passage sits in ``<span lang='SOURCE'>`` so it is pronounced as the language it
is in. The passage is Markdown escaped as any translation is (Python-Markdown goes on reading
the inline Markdown between inline tags); the note comes from a locale file, so it goes into
the attributes with every character but letters, digits and spaces as a character reference,
which neither HTML nor Markdown can read as syntax. The mark adds no text to the page: a
heading's anchor, its table-of-contents entry and the search index read the passage alone.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from eventdocs.render.markdown_text import Markdown, escape_inline


class Mark(StrEnum):
    """Why a passage is marked: its class is ``eventdocs-<value>``."""

    STALE = "stale"  # a translation of an earlier source text
    FALLBACK = "fallback"  # the source text, for want of a translation the page can show


# The note each mark carries, in the page's language.
MARK_NOTES = {
    Mark.STALE: "ui.mark.stale",
    Mark.FALLBACK: "ui.mark.fallback",
}
NOTE_KEYS = frozenset(MARK_NOTES.values())


class Marked(Markdown):
    """A marked passage, which still knows the passage it marks (``passage``)."""

    passage: Markdown


def attribute_text(text: str) -> str:
    """Return ``text`` for a quoted HTML attribute of a Markdown page: letters, digits and
    spaces as they are, every other character as a numeric character reference."""
    return "".join(char if char.isalnum() or char == " " else f"&#{ord(char)};" for char in text)


def unmarked(text: str) -> str:
    """The passage a mark wraps, or ``text`` itself when it is not marked."""
    return text.passage if isinstance(text, Marked) else text


def as_markdown(text: str) -> Markdown:
    """``text`` as Markdown: already so (marked or not), or escaped as a translation is."""
    return text if isinstance(text, Markdown) else escape_inline(text)


class PassageMarks:
    """Writes the marks of one target language's pages.

    ``note`` looks a note's key up in the page's language (a lookup the page records like any
    other); ``source_code`` is the language a fallback is in.
    """

    def __init__(self, note: Callable[[str], str], source_code: str) -> None:
        self._note = note
        self._lang = attribute_text(source_code)
        # A note's text is looked up for every mark (its own fallback is the page's to record),
        # but escaped once.
        self._escaped: dict[str, str] = {}

    def mark(self, passage: Markdown, kind: Mark) -> Marked:
        """Return ``passage`` marked as ``kind``."""
        text = self._note(MARK_NOTES[kind])
        note = self._escaped.get(text)
        if note is None:
            note = self._escaped[text] = attribute_text(text)
        inner = passage if kind is Mark.STALE else f"<span lang='{self._lang}'>{passage}</span>"
        marked = Marked(
            f"<span class='eventdocs-{kind}' title='{note}'>{inner}"
            f"<sup class='eventdocs-mark' role='img' aria-label='{note}'></sup></span>"
        )
        marked.passage = passage
        return marked
