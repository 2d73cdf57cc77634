"""Prose cut into words and protected markup for XLIFF: exact, and protecting what the site's
parser sees."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdocs.exchange.xliff_inline import (
    Markup,
    Protected,
    join_markdown,
    protected_pieces,
    split_markdown,
)
from eventdocs.load.locale import load_locale
from eventdocs.render.prose import parse_prose
from tests.helpers import LOCALES, REPO


@cache
def repository_strings() -> tuple[str, ...]:
    """Every English and translated string of the repository's locales, once each."""
    found: dict[str, None] = {}
    for code in LOCALES:
        locale = load_locale(REPO / "locales" / f"{code}.yaml", is_source=code == LOCALES[0])
        for entry in locale.entries.values():
            found.update(dict.fromkeys(text for text in (entry.text, entry.source) if text))
    return tuple(found)


def test_repository_markup_is_protected_as_the_parser_sees_it() -> None:
    """For every string of the locales, the protected code spans and link targets are those
    the site's parser finds, and joining the pieces gives the string back."""
    with_markup = 0
    for text in repository_strings():
        pieces = split_markdown(text)
        assert join_markdown(pieces) == text
        prose = parse_prose(text)
        codes = [
            p.start.strip("`").strip() for p in protected_pieces(pieces) if p.markup is Markup.CODE
        ]
        assert Counter(codes) == prose.code_spans, text
        links = [p.end for p in protected_pieces(pieces) if p.markup is Markup.LINK]
        assert sorted(links) == sorted(
            f"]({href}{'' if title is None else f' {title!r}'})"
            for href, title in prose.links.elements()
        ), text
        with_markup += bool(codes or links)
    assert with_markup > 10  # the catalogue has inline code and links to protect


@pytest.mark.parametrize(
    ("text", "markup", "start", "end"),
    [
        ("a *b* c", Markup.EMPHASIS, "*", "*"),
        ("a _b_ c", Markup.EMPHASIS, "_", "_"),
        ("a __b__ c", Markup.STRONG, "__", "__"),
        ("a `b` c", Markup.CODE, "`b`", ""),
        ("a {b} c", Markup.PLACEHOLDER, "{b}", ""),
        ("a \\* c", Markup.ESCAPE, "\\*", ""),
        ("a &eacute; c", Markup.ESCAPE, "&eacute;", ""),
        ("a [b](https://x.org 'T') c", Markup.LINK, "[", "](https://x.org 'T')"),
    ],
)
def test_markup_keeps_its_spelling(text: str, markup: Markup, start: str, end: str) -> None:
    """Each kind of markup is one protected piece spelled as written, between plain words."""
    first, piece, last = split_markdown(text)
    assert (first, last) == ("a ", " c")
    assert isinstance(piece, Protected)
    assert (piece.markup, piece.start, piece.end) == (markup, start, end)


@pytest.mark.parametrize("text", ["x <b>raw</b> y", "![image](https://x.org/i.png)", "a\u202eb"])
def test_what_the_parser_refuses_stays_plain_text(text: str) -> None:
    """Refused markup is not protected: the string is one piece of text, for the gate to refuse."""
    assert split_markdown(text) == (text,)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab *_`[]()\\&;{}<>#!|.:/é\u00a0", max_size=40))
def test_joining_gives_back_any_string(text: str) -> None:
    """Whatever a string holds, its pieces join back to it exactly."""
    assert join_markdown(split_markdown(text)) == text
