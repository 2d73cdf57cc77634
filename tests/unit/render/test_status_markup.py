"""The status page's own markup: inert text, accessible bars, diffs that read without colour."""

from __future__ import annotations

import re

import markdown
import pytest

from eventdocs.render.coverage import Coverage
from eventdocs.render.status_markup import changed_words, literal, progress_bar
from eventdocs.render.word_diff import word_changes

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "`code` **bold** _em_ | cell | \\",
    "<https://evil.example> ![p](https://t.example/p.png)",
    '" onmouseover="alert(1)',
    "&lt;b&gt; &#60;i&#62;",
    "\u202eevil\u200b\x1b[31m",
]


def rendered(text: str) -> str:
    """``text`` as the site's Markdown turns it into HTML."""
    return markdown.markdown(text, extensions=["tables", "attr_list"])


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_text_renders_as_typed(text: str) -> None:
    """A literal shows its words and punctuation as typed: no tag, link or emphasis."""
    html = rendered(f"a {literal(text)} z")
    assert re.findall(r"<(\w+)", html) == ["p"]
    assert "\u202e" not in html and "\x1b" not in html


def test_progress_bar_is_named_and_bounded() -> None:
    """A bar carries value, max, an accessible name and its percentage as text."""
    bar = progress_bar(Coverage("fr", 3, 1, 1, 5), 'Tous les "textes" <b>')
    assert bar == (
        '<progress value="3" max="5" aria-label="Tous les &#34;textes&#34; &#60;b&#62;">'
        "60%</progress>"
    )


def test_progress_bar_of_nothing_to_translate_is_full() -> None:
    """A subject without strings is complete: a positive maximum, 100%."""
    assert progress_bar(Coverage("fr", 0, 0, 0, 0), "x").startswith(
        '<progress value="1" max="1" aria-label="x">100%'
    )


def test_changed_words_mark_removed_and_added_runs() -> None:
    """Removed words are in `<del>`, added ones in `<ins>`, inside the source language."""
    diff = changed_words(word_changes("The old <b>text", "The new <b>text"), "en")
    assert diff == '<span lang="en">The <del>old</del> <ins>new</ins> &#60;b&#62;text</span>'
    html = rendered(f"| a |\n| - |\n| {diff} |")
    assert re.findall(r"<(\w+)", html) == [
        "table",
        "thead",
        "tr",
        "th",
        "tbody",
        "tr",
        "td",
        "span",
        "del",
        "ins",
    ]
