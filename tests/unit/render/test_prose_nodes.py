"""Prose nodes written back as inert Markdown: escaped, one line, never a block."""

from __future__ import annotations

import pytest

from eventdocs.render.prose_nodes import (
    Code,
    Emphasis,
    Link,
    Text,
    block_safe,
    literal_markdown,
    plain_text,
    walk,
    write_markdown,
)

NODES = (
    Text("See "),
    Link("https://example.com", None, (Emphasis(True, (Code("id"),)),)),
    Text("."),
)


@pytest.mark.parametrize(
    ("line", "safe"),
    [
        ("# Title", "\\# Title"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("~~~", "&#126;~~"),
        ("> quote", "\\> quote"),
        ("plain words", "plain words"),
    ],
)
def test_a_line_that_would_open_a_block_is_escaped_at_its_start(line: str, safe: str) -> None:
    """Headings, list items, fences and quotes lose their first character's meaning."""
    assert block_safe(line) == safe


def test_literal_markdown_escapes_markup_and_line_breaks() -> None:
    """Markup characters are escaped and a line break becomes a space."""
    assert literal_markdown("*a*\n<b> & c|d") == "\\*a\\* &lt;b&gt; &amp; c&#124;d"


def test_nodes_are_written_with_the_chosen_emphasis_marker() -> None:
    """Strong emphasis is `**`, the marker spells simple emphasis, links keep their target."""
    assert write_markdown(NODES, "_") == "See [**`id`**](https://example.com)."
    assert write_markdown((Emphasis(False, (Text("x"),)),), "*") == "*x*"


def test_code_with_backticks_gets_a_longer_fence() -> None:
    """A code span holding backticks is fenced by one more, padded where it touches one."""
    assert write_markdown((Code("a `b` c"),), "_") == "``a `b` c``"
    assert write_markdown((Code("`x"),), "_") == "`` `x ``"


def test_walk_and_plain_text_reach_nested_nodes() -> None:
    """Walking visits children in order; plain text keeps the words and code, not the markup."""
    assert [type(node).__name__ for node in walk(NODES)] == [
        "Text",
        "Link",
        "Emphasis",
        "Code",
        "Text",
    ]
    assert plain_text(NODES) == "See id."
