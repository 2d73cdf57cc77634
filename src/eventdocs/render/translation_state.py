"""The state of one translated key, decided once: every consumer reads this verdict.

A page shows what the verdict says, ``check`` and ``status`` count and report it, ``accept``
re-stamps what it calls stale, and the outdated notice appears where it is not current.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from eventdocs.render.prose import parse_prose
from eventdocs.render.prose_nodes import Code, Emphasis, Link, Node, Text
from eventdocs.render.prose_rules import prose_fits


class State(StrEnum):
    """Where a key of one language stands against the source language."""

    CURRENT = "current"  # translated from today's source text, and fit to show
    UNTRANSLATED = "untranslated"  # current, but identical to the source text
    STALE = "stale"  # translated from an earlier source text
    REFUSED = "refused"  # from today's source text, but the rules refuse it (markup, links)
    MISSING = "missing"  # no text yet
    ORPHAN = "orphan"  # the source language has no text for the key


# The states whose translation a page shows as it is, without the outdated notice.
SHOWN_AS_CURRENT = frozenset({State.CURRENT, State.UNTRANSLATED})


@dataclass(frozen=True, slots=True)
class Verdict:
    """A key's state, and the text a page shows for it (``None`` when there is none to show:
    the source language lacks the key)."""

    state: State
    shown: str | None


def decide(
    english: str | None,
    text: str | None,
    translated_from: str | None,
    *,
    allowed_words: frozenset[str] = frozenset(),
) -> Verdict:
    """Decide the state of a translation ``text`` made from ``translated_from``, against
    today's source text ``english``; ``allowed_words`` may stay as in the source."""
    if not english:
        return Verdict(State.ORPHAN, None)
    if not text:
        return Verdict(State.MISSING, english)
    fits = prose_fits(english, text)
    if translated_from != english:
        # A stale translation is better than none, unless the page could not show it safely.
        return Verdict(State.STALE, text if fits else english)
    if not fits:
        return Verdict(State.REFUSED, english)
    if text == english and not all(word.casefold() in allowed_words for word in words(english)):
        return Verdict(State.UNTRANSLATED, text)
    return Verdict(State.CURRENT, text)


def words(text: str) -> list[str]:
    """The words of ``text`` as a reader sees them, inline code left out."""
    return re.findall(r"\w+", "".join(_words(node) for node in parse_prose(text).nodes))


def _words(node: Node) -> str:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Code):
        return " "
    assert isinstance(node, (Emphasis, Link))
    return "".join(_words(child) for child in node.children)
