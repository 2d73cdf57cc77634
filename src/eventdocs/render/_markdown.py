"""Making translated prose inert in Markdown: no raw HTML, no block syntax, no attribute lists.

Translations may use inline Markdown (bold, emphasis, inline code, links) and nothing else.
Whatever else they contain is printed as the reader would expect to see it, never interpreted.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any

import orjson

from eventdocs._inline import CODE_SPAN, UNSAFE_LINK_TARGET


class Markdown(str):
    """Text already safe to place in a generated Markdown page; printed as it is.

    A plain ``str`` subclass: joining it with other text gives a plain ``str`` again, which
    the template environment escapes, so safety is never inherited by accident.
    """

    __slots__ = ()


_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])(\s|$)")
# Line starts that open a block: heading, list item, rule, admonition, fence, quote.
_BLOCK_OPENER = re.compile(r"^(#|[-+*](\s|$)|([-*_])(\s*\3){2,}\s*$|!!!|\?\?\?|```|~~~)")
_NEEDS_FOLDING = re.compile(r"[\x00-\x1f\x7f-\x9f]|  |^ | $")
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LINK_DEFINITION = re.compile(r"^\[[^\]]*\]:")
# Entities, not backslashes: table rows split on a bare pipe; attribute lists start at a brace.
_PROSE_SPECIALS = re.compile(r"[<>&{}|]|\]\(")
_PROSE_ESCAPES = str.maketrans({"{": "&#123;", "}": "&#125;", "|": "&#124;"})


def _escape_prose(text: str) -> str:
    if not _PROSE_SPECIALS.search(text):
        return text
    text = html.escape(text, quote=False).translate(_PROSE_ESCAPES)
    # A link to another scheme (javascript:, data:) loses its link syntax and stays text.
    first, *targets = text.split("](")
    return first + "".join(
        ("]&#40;" if UNSAFE_LINK_TARGET.match(target) else "](") + target for target in targets
    )


@lru_cache(maxsize=1 << 16)
def escape_inline(text: str) -> Markdown:
    """Return ``text`` as one line of inline Markdown that cannot start a block or emit HTML."""
    if _NEEDS_FOLDING.search(text):
        # Line breaks fold to spaces; other control characters mean nothing to a reader, and
        # Markdown uses some as markers. No-break spaces are typography: they stay.
        text = _CONTROL.sub("", _ASCII_SPACE.sub(" ", text))
        text = _ASCII_SPACE.sub(" ", text).strip(" ")
    pieces: list[str] = []
    position = 0
    for match in CODE_SPAN.finditer(text):
        pieces.append(_escape_prose(text[position : match.start()]))
        pieces.append(match.group(0))  # code spans escape their own content when rendered
        position = match.end()
    pieces.append(_escape_prose(text[position:]))
    line = "".join(pieces)
    if _BLOCK_OPENER.match(line) or _LINK_DEFINITION.match(line):
        line = "\\" + line
    line = _ORDERED_ITEM.sub(r"\1\\\2\3", line)
    return Markdown(line)


def quoted_title(text: str) -> Markdown:
    """Return ``text`` as a double-quoted admonition title."""
    cell = text if isinstance(text, Markdown) else escape_inline(text)
    return Markdown('"' + cell.replace('"', "&quot;") + '"')


def inline_code(identifier: str) -> Markdown:
    """Return an identifier as inline code; identifiers never contain backticks."""
    if "`" in identifier or "\n" in identifier:
        raise ValueError(f"not an identifier: {identifier!r}")
    return Markdown(f"`{identifier}`")


def json_text(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, through orjson when it can."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, indent=2, ensure_ascii=False)


def json_block(value: Any, title: str) -> Markdown:
    """Return ``value`` as a titled JSON code block, its fence longer than any backtick run."""
    text = json_text(value)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markdown(f'{fence}json title="{title}"\n{text}\n{fence}')
