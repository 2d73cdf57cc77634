"""Markdown text a page may print as it is: translated prose made inert, code, JSON blocks.

Translations may use inline Markdown (bold, emphasis, inline code, links) and nothing else
(see ``prose``). Whatever else they contain is printed as the reader would expect to see it,
never interpreted.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from eventdocs.render.prose import parse_prose


class Markdown(str):
    """Text already safe to place in a generated Markdown page; printed as it is.

    A plain ``str`` subclass: joining it with other text gives a plain ``str`` again, which
    the template environment escapes, so safety is never inherited by accident.
    """

    __slots__ = ()


def escape_inline(text: str) -> Markdown:
    """Return ``text`` as one line of inline Markdown that cannot start a block or emit HTML:
    the inline code, emphasis and links it holds, every other character shown as typed."""
    return Markdown(parse_prose(text).markdown)


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
