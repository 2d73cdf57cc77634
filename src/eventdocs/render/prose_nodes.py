"""The inline nodes a line of prose may hold, and the inert Markdown written back from them.

Text, inline code, emphasis and links, nothing else (see ``eventdocs.render.prose``, which
reads them from the site's parser). Written back, every character that Markdown could read as
syntax is escaped, and a line never opens a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Code:
    code: str


@dataclass(frozen=True)
class Emphasis:
    strong: bool
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Link:
    href: str
    title: str | None
    children: tuple[Node, ...]


Node = Union[Text, Code, Emphasis, Link]  # noqa: UP007 (a runtime alias: `|` needs 3.10 types)

_LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]")
# Line starts that open a block: heading, list item, rule, admonition, fence, quote, table.
_BLOCK_OPENER = re.compile(r"^(?:#|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|[-*_]{3}|!!!|```|~~~|>|\|)")
_ESCAPE_TEXT = re.compile(r"[\\`*\[\]{}<>&|!#]|(?<!\w)_|_(?!\w)")


def walk(nodes: tuple[Node, ...]) -> list[Node]:
    """Every node of ``nodes`` and of their children, in document order."""
    found: list[Node] = []
    for node in nodes:
        found.append(node)
        if isinstance(node, (Emphasis, Link)):
            found.extend(walk(node.children))
    return found


def plain_text(nodes: tuple[Node, ...]) -> str:
    """The words a reader sees in ``nodes``, without markup."""
    return "".join(_plain(node) for node in nodes)


def _plain(node: Node) -> str:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Code):
        return node.code
    return "".join(_plain(child) for child in node.children)


def opens_block(line: str) -> bool:
    """Tell whether ``line`` starts like a block (a heading, a list item, a quote, …)."""
    return bool(_BLOCK_OPENER.match(line))


def block_safe(line: str) -> str:
    """Keep a line from opening a block: escape its first character where it could."""
    if not line or not _BLOCK_OPENER.match(line):
        return line
    if line[0].isdigit():
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
    if line[0] == "~":  # not a character Markdown lets a backslash escape
        return "&#126;" + line[1:]
    return line if line.startswith(("\\", "&")) else "\\" + line


def literal_markdown(text: str) -> str:
    """Markdown that shows ``text`` as the very characters it holds, on one line."""
    return block_safe(_escape_text(text))


def write_markdown(nodes: tuple[Node, ...], marker: str) -> str:
    """Markdown for ``nodes``, emphasis written with ``marker`` (``_`` or ``*``)."""
    return block_safe("".join(_write_node(node, marker) for node in nodes))


def _escape_character(match: re.Match[str]) -> str:
    char = match.group(0)
    return {"<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;"}.get(char, "\\" + char)


def _escape_text(text: str) -> str:
    # One line, whatever the nodes hold: a line break would let the rest open a block.
    return _ESCAPE_TEXT.sub(_escape_character, _LINE_BREAKS.sub(" ", text))


def _write_node(node: Node, marker: str) -> str:
    if isinstance(node, Text):
        return _escape_text(node.text)
    if isinstance(node, Code):
        longest = max((len(run) for run in re.findall(r"`+", node.code)), default=0)
        fence = "`" * (longest + 1)
        pad = " " if node.code.startswith("`") or node.code.endswith("`") else ""
        return f"{fence}{pad}{node.code}{pad}{fence}"
    inner = "".join(_write_node(child, marker) for child in node.children)
    if isinstance(node, Emphasis):
        around = "**" if node.strong else marker
        return f"{around}{inner}{around}"
    # Single quotes: a page puts admonition titles in double quotes (titles hold neither).
    title = f" '{node.title}'" if node.title is not None else ""
    return f"[{inner}]({node.href}{title})"
