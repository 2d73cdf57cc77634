"""Looking up a language's strings, with an explicit, recorded fallback to the source language.

Templates read strings by subscript, ``t["ui.heading.fields"]``: a plain dictionary lookup once
a key has been resolved, because a large project makes close to a million of them. Only what
is current is remembered; a fallback is resolved on every lookup, and on a page marked where it
stands (``passage_marks``).

Lookups answer; the one thing they leave behind goes to a ``LookupTracker`` the caller creates
and hands in: which keys were looked up, and what each output had to fall back on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from eventdocs.load.locale import Locale
from eventdocs.render.markdown_text import Markdown, escape_inline
from eventdocs.render.passage_marks import NOTE_KEYS, Mark, PassageMarks
from eventdocs.render.translation_state import SHOWN_AS_CURRENT, State, decide


@dataclass
class Fallbacks:
    """What one output had to fall back on: the reader is told, never silently misled."""

    # Keys without a current translation: the page shows the source text or a stale one.
    outdated: set[str] = field(default_factory=set)
    # Keys the source language does not have: nothing can be shown, the build refuses.
    missing_source: set[str] = field(default_factory=set)


Text = TypeVar("Text", bound=str)


class LookupTracker:
    """Where lookups record what they touched, named and owned by whoever renders.

    ``start_output`` begins the record of one output's fallbacks (``output``); ``fallen_back``
    keeps every key that had no current text. The keys with one are the tables' own memo
    (``Translations.used`` joins the two), so a current lookup stays a dictionary hit.
    """

    def __init__(self) -> None:
        self.output = Fallbacks()
        self.fallen_back: set[str] = set()

    def start_output(self) -> Fallbacks:
        """Start recording the fallbacks of a new output; return its record."""
        self.output = Fallbacks()
        return self.output


class _Resolver:
    """Decides what to show for a key; knows nothing of the tables that remember the answers,
    so a language's tables are freed as soon as its outputs are rendered."""

    def __init__(self, source: Locale, target: Locale, tracker: LookupTracker) -> None:
        self.source = source
        self.target = target
        self.current = _current_texts(source, target)
        self.tracker = tracker

    def fall_back(self, key: str) -> str:
        """Return what to show for ``key``, which has no current translation; the tracker
        records it."""
        return self.outdated(key)[0]

    def outdated(self, key: str) -> tuple[str, Mark | None]:
        """Return what to show for ``key``, which has no current translation, and how a page
        marks it (``None``: nothing to show, the key itself stands in); the tracker records
        it."""
        self.tracker.fallen_back.add(key)
        original = self.source.entries.rows.get(key)
        entry = self.target.entries.rows.get(key)
        text = entry[1] if entry else None
        verdict = decide(original[1] if original else None, text, entry[2] if entry else None)
        if verdict.shown is None:
            self.tracker.output.missing_source.add(key)
            return key, None
        self.tracker.output.outdated.add(key)
        stale = verdict.state is State.STALE and verdict.shown == text
        return verdict.shown, Mark.STALE if stale else Mark.FALLBACK


class _Table(dict[str, Text]):
    """A dictionary filled on first lookup, where ``get`` means the same as a subscript."""

    __slots__ = ()

    def get(self, key: str, default: object = None) -> Text:
        # Without this, `t.get(key)` in a template would skip resolving and print "None".
        return self[key]


class _Plain(_Table[str]):
    """The texts themselves, for JSON Schema and front matter; filled on first lookup."""

    __slots__ = ("_resolver",)

    def __init__(self, resolver: _Resolver) -> None:
        super().__init__()
        self._resolver = resolver

    def __missing__(self, key: str) -> str:
        text = self._resolver.current.get(key)
        if text is None:
            return self._resolver.fall_back(key)
        self[key] = text
        return text


class _Markdown(_Table[Markdown]):
    """The texts escaped for a Markdown page; each looked up through the plain table."""

    __slots__ = ("_plain", "_resolver")

    def __init__(self, resolver: _Resolver, plain: _Plain) -> None:
        super().__init__()
        self._resolver = resolver
        self._plain = plain

    def __missing__(self, key: str) -> Markdown:
        value = escape_inline(self._plain[key])
        if key in self._resolver.current:
            self[key] = value
        return value


class _Page(_Table[Markdown]):
    """The texts for a page: a current one as the Markdown table has it, any other marked
    where it stands."""

    __slots__ = ("_markdown", "_marks", "_resolver")

    def __init__(self, resolver: _Resolver, markdown: _Markdown, marks: PassageMarks) -> None:
        super().__init__()
        self._resolver = resolver
        self._markdown = markdown
        self._marks = marks

    def __missing__(self, key: str) -> Markdown:
        if key in self._resolver.current:
            value = self[key] = self._markdown[key]
            return value
        shown, kind = self._resolver.outdated(key)
        passage = escape_inline(shown)
        return passage if kind is None else self._marks.mark(passage, kind)


class Translations:
    """Resolves keys in one target language, for every output rendered in it.

    ``page[key]`` is the text for a Markdown page, marked where it is out of date (in a
    target language other than the source), ``markdown[key]`` the same text unmarked (for
    descriptions other tools render: JSON Schema, API documents), ``plain[key]`` the text as
    is (for front matter). A missing translation shows the source text and a stale one the
    translation; both are recorded in ``tracker``, whose ``start_output`` the caller calls
    before each output it renders.
    """

    def __init__(self, source: Locale, target: Locale, tracker: LookupTracker) -> None:
        self.target = target
        self.tracker = tracker
        self._resolver = _Resolver(source, target, tracker)
        plain = _Plain(self._resolver)
        self.plain: dict[str, str] = plain
        markdown = _Markdown(self._resolver, plain)
        self.markdown: dict[str, Markdown] = markdown
        # The source language shows its own text: nothing on its pages is out of date.
        self.page: dict[str, Markdown] = (
            markdown
            if target is source
            else _Page(self._resolver, markdown, PassageMarks(plain.__getitem__, source.code))
        )

    @property
    def used(self) -> set[str]:
        """Every key looked up so far: those with a current text, those the tracker saw fall
        back, and the marks' notes (a page needs them as soon as a translation falls
        behind)."""
        return self.plain.keys() | self.tracker.fallen_back | NOTE_KEYS


def _current_texts(source: Locale, target: Locale) -> dict[str, str]:
    """The target's texts translated from today's source text (all of them, for the source),
    where the page can show them: a translation the rules refuse falls back to the source."""
    english = source.entries.rows
    if target is source:
        return {key: text for key, (_, text, _, _) in english.items() if text}
    current: dict[str, str] = {}
    for key, (_, text, origin, _) in target.entries.rows.items():
        original = english.get(key)
        verdict = decide(original[1] if original else None, text, origin)
        if verdict.state in SHOWN_AS_CURRENT and verdict.shown is not None:
            current[key] = verdict.shown
    return current
