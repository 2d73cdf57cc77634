"""Reading generated pages back: sections, tables and the example, as a reader sees them."""

from __future__ import annotations

import html
import json
import re
from typing import Any

FENCE = re.compile(r"^```json title=\"payload.json\"\n(.*?)\n```$", re.M | re.S)
ATTR_LIST = re.compile(r"\s*\{ #[a-z_]+ \}")


def normalize(text: str) -> str:
    """Reduce Markdown to the words a reader sees: no markup, entities, quotes or case."""
    text = html.unescape(ATTR_LIST.sub("", text))
    text = re.sub(r"\*\*|`|\\(?=[^\w\s])", "", text)
    text = re.sub(r"(?<!\w)_|_(?!\w)", "", text)
    return " ".join(text.split()).casefold()


def table_rows(page: str) -> list[list[str]]:
    """The body rows of the page's first table whose header starts with the field column."""
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    body = [row for row in rows if not row.startswith("| :--")][1:]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in body]


def example_payload(page: str) -> Any:
    match = FENCE.search(page)
    assert match, "the page has no payload.json example"
    return json.loads(match.group(1))


def example_block(page: str) -> str:
    match = FENCE.search(page)
    assert match, "the page has no payload.json example"
    return match.group(0)


_FENCED = re.compile(r"^```.*?^```$", re.M | re.S)
_HEADING = re.compile(r"^(#{1,6}) (.+?)(?:\s*\{ #[^}]*\})?$", re.M)


def headings(page: str) -> list[tuple[int, str]]:
    """The page's headings as (level, text), front matter and fenced code left out."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return [
        (len(match.group(1)), match.group(2)) for match in _HEADING.finditer(_FENCED.sub("", body))
    ]
