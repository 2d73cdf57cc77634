"""Translations stay inert in Markdown: whatever the text, the page's structure holds."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdocs.render.markdown_text import escape_inline, inline_code, json_block, quoted_title

EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "pymdownx.superfences"]
INLINE_TAGS = {"strong", "em", "code", "a"}
SAFE_SCHEMES = ("http://", "https://", "mailto:")


class Tags(HTMLParser):
    """Collects the tags and link targets of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(source: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(markdown.markdown(source, extensions=EXTENSIONS))
    return parser.tags


# Markdown's own punctuation, HTML and template syntax, mixed with arbitrary Unicode.
TOKENS = [*"#*_`[](){}<>|!-+=~:\\\"'&;\n\t 1.", "{{", "{%", "<script>", "](javascript:", "***"]
tricky = st.lists(st.one_of(st.sampled_from(TOKENS), st.characters()), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(tricky)
def test_paragraph_stays_one_paragraph_of_inline_markup(text: str) -> None:
    """As a paragraph, any translation renders as at most one <p> with inline markup only."""
    tags = tags_of(escape_inline(text))
    names = [name for name, _ in tags]
    assert names.count("p") <= 1
    assert set(names) <= INLINE_TAGS | {"p"}
    for name, attributes in tags:
        assert set(attributes) <= ({"href", "title"} if name == "a" else set())
        href = attributes.get("href") or ""
        assert ":" not in href.split("/")[0] or href.startswith(SAFE_SCHEMES)


@settings(max_examples=300, deadline=None)
@given(tricky)
def test_table_cell_keeps_the_row_shape(text: str) -> None:
    """In a table cell, any translation leaves the row with exactly its three cells."""
    source = f"| a | b | c |\n| :-- | :-- | :-- |\n| `x` | {escape_inline(text)} | end |\n"
    tags = [name for name, _ in tags_of(source)]
    assert tags.count("td") == 3
    assert tags.count("tr") == 2


@settings(max_examples=300, deadline=None)
@given(tricky)
def test_heading_keeps_its_anchor(text: str) -> None:
    """In a heading, any translation leaves one h3 whose id is the one the template set."""
    tags = tags_of(f"### {escape_inline(text)} {{ #status-read }}\n")
    headings = [attributes for name, attributes in tags if name == "h3"]
    assert headings == [{"id": "status-read"}]


@settings(max_examples=200, deadline=None)
@given(tricky)
def test_admonition_title_stays_a_title(text: str) -> None:
    """As an admonition title, any translation yields one admonition with one title."""
    tags = tags_of(f"!!! caution {quoted_title(text)}\n\n    body\n")
    classes = [attributes.get("class") for name, attributes in tags if name in {"div", "p"}]
    assert classes.count("admonition caution") == 1
    assert classes.count("admonition-title") <= 1


def test_template_syntax_is_printed_literally() -> None:
    """`{{ 7 * 7 }}` shows as written; it is never evaluated."""
    html = markdown.markdown(
        escape_inline("total {{ 7 * 7 }} and {% if x %}"), extensions=EXTENSIONS
    )
    assert "{{ 7 * 7 }}" in html.replace("&#123;", "{").replace("&#125;", "}")
    assert "49" not in html


def test_raw_html_is_escaped() -> None:
    """A tag in a translation reaches the page as text."""
    assert escape_inline("<b>bold</b> & co") == "&lt;b&gt;bold&lt;/b&gt; &amp; co"


def test_inline_markup_survives() -> None:
    """Bold, emphasis, code and safe links keep working."""
    html = markdown.markdown(
        escape_inline('**a** _"b"_ `c|d` [e](https://example.com)'), extensions=EXTENSIONS
    )
    assert "<strong>a</strong>" in html and "<code>c|d</code>" in html
    assert '<a href="https://example.com">e</a>' in html


def test_identifiers_become_code() -> None:
    """Identifiers are printed as inline code; a backtick could not be one."""
    assert inline_code("message_status_updated") == "`message_status_updated`"


def test_json_block_fence_outgrows_backticks_in_the_data() -> None:
    """A string with a backtick run cannot close the example's fence early."""
    block = json_block({"note": "a ```` b"}, "payload.json")
    assert block.startswith('`````json title="payload.json"')
    assert block.endswith("\n`````")


def test_pipe_in_a_code_span_keeps_the_table_cell() -> None:
    """`a|b` in inline code stays one cell, shown whole, in a table row."""
    cell = escape_inline("use `a|b` or a | bar")
    row = f"| a | b | c |\n| :-- | :-- | :-- |\n| `x` | {cell} | end |\n"
    html = markdown.markdown(row, extensions=EXTENSIONS)
    assert html.count("<td") == 3
    assert "<code>a|b</code>" in html and "or a | bar" in html.replace("&#124;", "|")
