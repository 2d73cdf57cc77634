"""Prose as the site parses it: nodes, refused constructs, and the Markdown written back."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventdocs.render.prose import MAX_PROSE_CHARS, invisible_characters, parse_prose
from eventdocs.render.prose_nodes import Code, Emphasis, Link, Text
from eventdocs.render.site_markdown import SITE_MARKDOWN_EXTENSIONS


def test_plain_text_is_its_own_markdown() -> None:
    """A string without inline syntax is printed exactly as written."""
    prose = parse_prose("The delivery status of the message.")
    assert prose.markdown == "The delivery status of the message."
    assert prose.nodes == (Text("The delivery status of the message."),)


def test_allowed_inline_markup_is_read_and_written_back() -> None:
    """Code, bold, emphasis and links become nodes and the same Markdown again."""
    prose = parse_prose('`a|b` **bold** _"em"_ [docs](https://example.com "Title")')
    assert prose.nodes == (
        Code("a|b"),
        Text(" "),
        Emphasis(True, (Text("bold"),)),
        Text(" "),
        Emphasis(False, (Text('"em"'),)),
        Text(" "),
        Link("https://example.com", "Title", (Text("docs"),)),
    )
    assert prose.problems == ()
    assert parse_prose(prose.markdown).nodes == prose.nodes


def test_entities_are_decoded_and_those_spelling_markup_refused() -> None:
    """`&eacute;` is a letter; `&lt;` spells markup and is refused, then shown as text."""
    assert parse_prose("caf&eacute;").nodes == (Text("café"),)
    prose = parse_prose("&lt;b&gt;")
    assert prose.problems and prose.markdown == "&lt;b&gt;"


def test_invisible_characters_are_named_and_dropped() -> None:
    """Bidi controls, zero-width and control characters are named for check, dropped on pages."""
    text = "a\u202eb\u200bc\x07d"
    assert invisible_characters(text) == [
        "U+202E RIGHT-TO-LEFT OVERRIDE",
        "U+200B ZERO WIDTH SPACE",
        "U+0007 control character",
    ]
    assert parse_prose(text).markdown == "abcd"


def test_overlong_string_is_refused_and_cut() -> None:
    """A string over the limit is a problem, and only its first part is parsed."""
    prose = parse_prose("[" * (MAX_PROSE_CHARS + 10))
    assert any("longer than" in problem for problem in prose.problems)
    assert len(prose.plain) == MAX_PROSE_CHARS


ALLOWED = {"p", "code", "em", "strong", "a"}
SYNTAX = [*"#*_`[](){}<>|!-+=~:\\\"'&;. 1", "&lt;", "&#60;", "](", "![", "<a href=x>", "{: #x }"]
hostile = st.lists(st.one_of(st.sampled_from(SYNTAX), st.characters()), max_size=60).map("".join)


@settings(max_examples=500, deadline=None)
@given(hostile)
@example("*#*{#}{: #x }")  # refused attributes left a space the page's paragraph drops
def test_written_markdown_renders_only_allowed_markup(text: str) -> None:
    """Whatever the input, the site renders its Markdown as one paragraph of allowed inline
    markup, with no link the input did not spell as an allowed link."""
    prose = parse_prose(text)
    html = markdown.markdown(prose.markdown, extensions=list(SITE_MARKDOWN_EXTENSIONS))
    rendered = parse_prose(prose.markdown)
    # Entities are how the written Markdown shows `<`, `>` and `&`: text, not markup.
    assert all(problem.startswith("HTML entity") for problem in rendered.problems)
    assert rendered.plain == prose.plain
    assert rendered.links <= prose.links
    assert html.count("<p>") <= 1
    tags = {piece.split(">")[0].split()[0].strip("/") for piece in html.split("<")[1:]}
    assert tags <= ALLOWED, html


def test_too_many_paired_marks_are_refused_unparsed() -> None:
    """Past the limit of brackets in one string it is shown as text, without being parsed."""
    prose = parse_prose("[a](https://x) " * 9)
    assert any("more than 8 '['" in problem for problem in prose.problems)
    assert prose.links == {}
    assert prose.markdown.startswith("\\[a\\]")


def test_link_titles_hold_words_only() -> None:
    """A title with a pipe, parenthesis or tag could end a cell, the link or an admonition
    title: refused, and the link shown as its words."""
    prose = parse_prose('[Yes](https://e.com "a|<img src=x>")')
    assert prose.problems and prose.markdown == "Yes"
    assert parse_prose('[Docs](https://e.com "The guide")').markdown == (
        "[Docs](https://e.com 'The guide')"
    )


def test_link_targets_spelled_with_entities_are_refused() -> None:
    """`javascript&colon;` is `javascript:` to a browser: refused, never linked."""
    for text in ("[g](javascript&colon;alert(1))", "[d](data&#58;text/html,x)"):
        prose = parse_prose(text)
        assert prose.problems and prose.links == {}


def test_line_breaks_spelled_with_entities_stay_one_line() -> None:
    """`&#10;` is refused and written back as a space: no list or heading can follow it."""
    prose = parse_prose("Statut.&#10;&#10;- liste&#10;&#10;# titre")
    assert prose.problems
    assert "\n" not in prose.markdown


def test_code_spans_keep_markup_characters() -> None:
    """`List<String>` is code as written, and the string keeps its other markup."""
    prose = parse_prose("Use `List<String>` and **bold**")
    assert prose.code_spans == {"List<String>": 1}
    assert prose.markdown == "Use `List<String>` and **bold**"


@pytest.mark.parametrize(
    "text", ["see www.evil.example/x", "or https://evil.example", "mail attaque@evil.example"]
)
def test_bare_addresses_are_refused(text: str) -> None:
    """A web or email address outside a link or code is a problem: portals autolink it."""
    assert any("bare address" in problem for problem in parse_prose(text).problems)


@pytest.mark.parametrize(
    "text", ["see [docs](https://x.example/)", "use `https://x.example`", "at 12:30, e.g. 1.5"]
)
def test_addresses_in_links_and_code_are_not_bare(text: str) -> None:
    """Links (checked against the English) and code spans are not bare addresses."""
    assert parse_prose(text).problems == ()
