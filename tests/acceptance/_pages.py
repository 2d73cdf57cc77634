"""Reading generated pages back: sections, tables and the example, as a reader sees them."""

from __future__ import annotations

import html
import json
import re
from typing import Any

FENCE = re.compile(r"^```json title=\"payload.json\"\n(.*?)\n```$", re.M | re.S)
ATTR_LIST = re.compile(r"\s*\{ #[a-z_]+ \}")
_FENCED = re.compile(r"^```.*?^```$", re.M | re.S)


def normalize(text: str) -> str:
    """Reduce Markdown to the words a reader sees: no markup, entities, quotes or case."""
    text = html.unescape(ATTR_LIST.sub("", text))
    text = re.sub(r"\*\*|`|\\(?=[^\w\s])", "", text)
    text = re.sub(r"(?<!\w)_|_(?!\w)", "", text)
    return " ".join(text.split()).casefold()


def split_row(line: str) -> list[str]:
    """The cells of one table row; a `|` in inline code or escaped is the cell's own."""
    cells, cell, in_code, escaped = [], "", False, False
    for char in line.strip().removeprefix("|").removesuffix("|"):
        if char == "|" and not in_code and not escaped:
            cells.append(cell.strip())
            cell = ""
            continue
        in_code ^= char == "`" and not escaped
        escaped = char == "\\" and not escaped
        cell += char
    return [*cells, cell.strip()]


def tables(page: str) -> list[list[list[str]]]:
    """Every table of the page, in order, as its body rows (header and rule left out)."""
    found: list[list[list[str]]] = []
    lines = _FENCED.sub("", page).splitlines()
    for number, line in enumerate(lines):
        if line.startswith("|") and not (number and lines[number - 1].startswith("|")):
            found.append([])
        if line.startswith("|"):
            found[-1].append(split_row(line))
    return [rows[2:] for rows in found]


def field_table(page: str) -> list[list[str]]:
    """The rows of the page's fields table (its first): path, type, required, description."""
    rows = tables(page)[0]
    assert all(len(row) == 4 for row in rows), rows
    return rows


def example_payload(page: str) -> Any:
    match = FENCE.search(page)
    assert match, "the page has no payload.json example"
    return json.loads(match.group(1))


def example_block(page: str) -> str:
    match = FENCE.search(page)
    assert match, "the page has no payload.json example"
    return match.group(0)


_HEADING = re.compile(r"^(#{1,6}) (.+?)(?:\s*\{ #[^}]*\})?$", re.M)


def headings(page: str) -> list[tuple[int, str]]:
    """The page's headings as (level, text), front matter and fenced code left out."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return [
        (len(match.group(1)), match.group(2)) for match in _HEADING.finditer(_FENCED.sub("", body))
    ]
