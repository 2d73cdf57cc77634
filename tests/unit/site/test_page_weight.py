"""Whitespace-only lines leave a page without changing how it renders: whitespace outside
verbatim elements collapses to the same thing, and verbatim elements stay byte for byte."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from eventdocs.site.page_weight import drop_blank_lines

VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
PIECES = st.sampled_from(
    ["\n", "  ", "\t", "\n  \n", "<p>", "</p>", "text", "<pre>", "</pre>", "<PRE class=x>",
     "</PRE>", "<script>", "</script>", "<textarea>", "</textarea>", "<style>", "</style>", "é"]
)  # fmt: skip


def rendered_alike(html: str) -> str:
    """What renders: verbatim elements as they are, every other whitespace run as one space."""
    parts, last = [], 0
    for match in VERBATIM.finditer(html):
        parts += [re.sub(r"\s+", " ", html[last : match.start()]), match.group(0)]
        last = match.end()
    return "".join([*parts, re.sub(r"\s+", " ", html[last:])])


@given(st.lists(PIECES, max_size=40).map("".join))
def test_a_page_renders_alike_without_its_blank_lines(html: str) -> None:
    """Whatever the mix of markup and whitespace, what renders is unchanged."""
    assert rendered_alike(drop_blank_lines(html)) == rendered_alike(html)


def test_blank_lines_go_and_verbatim_elements_stay() -> None:
    """Whitespace-only lines go; a line break stays where they were; `<pre>`, `<script>`,
    `<textarea>` and `<style>` keep theirs, whatever the case of their tags."""
    page = "<p>a\n   \n  b</p>\n\n<PRE class=x>1\n\n  2</PRE>\n \n<script>\n\nz</script>"
    assert drop_blank_lines(page) == (
        "<p>a\n  b</p>\n<PRE class=x>1\n\n  2</PRE>\n<script>\n\nz</script>"
    )
