"""A line of prose cut into words to translate and markup to protect, and joined back exactly.

The site's own parser (``eventdocs.render.prose``) says what a string holds: inline code,
emphasis, links. Its nodes are then found again in the very characters of the string, so that
every piece keeps the Markdown it was written with (``*`` or ``_``, an escape, an entity) and
joining the pieces gives back the string byte for byte. A string the parser reads differently
from how it is written (refused markup, raw HTML, a string too long) is one piece of plain text:
still exact, only unprotected, and ``check`` (and so an import) refuses what it refuses anyway.
"""

from __future__ import annotations

import html
import re
import string
from dataclasses import dataclass
from enum import StrEnum
from typing import Union

from eventdocs.render.prose import parse_prose
from eventdocs.render.prose_nodes import Code, Emphasis, Node, Text


class Markup(StrEnum):
    """What a protected piece stands for; XLIFF carries each as its own kind of code."""

    CODE = "code"  # `inline code`: a placeholder, never translated
    PLACEHOLDER = "placeholder"  # {name}: a value filled in later, never translated
    ESCAPE = "escape"  # \* or &amp;: one character, spelled as Markdown needs it
    STRONG = "strong"  # **words**: the words are translated, the marks kept
    EMPHASIS = "emphasis"  # _words_
    LINK = "link"  # [words](target): the words are translated, the target kept


# The markup that wraps translatable words (an XLIFF <pc>); the others stand alone (<ph>).
PAIRED = frozenset({Markup.STRONG, Markup.EMPHASIS, Markup.LINK})


@dataclass(frozen=True)
class Protected:
    """Markup as written: ``start`` (all of it, for a standalone piece), ``end`` and the
    pieces between them for a paired one."""

    markup: Markup
    start: str
    end: str = ""
    children: tuple[Piece, ...] = ()


Piece = Union[str, Protected]  # noqa: UP007 (a runtime alias: `|` needs 3.10 types)

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*\}")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)


class _Misaligned(Exception):
    """The nodes are not spelled the way the aligner expects: the string stays plain text."""


def split_markdown(text: str) -> tuple[Piece, ...]:
    """Cut ``text`` into plain words and protected markup; ``join_markdown`` of the result is
    always ``text`` itself."""
    if not text:
        return ()
    try:
        aligner = _Aligner(text)
        pieces = aligner.nodes(parse_prose(text).nodes)
        if aligner.position == len(text) and join_markdown(pieces) == text:
            return pieces
    except _Misaligned:
        pass
    return (text,)


def join_markdown(pieces: tuple[Piece, ...]) -> str:
    """The Markdown the pieces were cut from (or stand for, once translated)."""
    return "".join(
        piece if isinstance(piece, str) else piece.start + join_markdown(piece.children) + piece.end
        for piece in pieces
    )


def protected_pieces(pieces: tuple[Piece, ...]) -> list[Protected]:
    """Every protected piece of ``pieces``, those inside a paired one included, in order."""
    found: list[Protected] = []
    for piece in pieces:
        if isinstance(piece, Protected):
            found.append(piece)
            found.extend(protected_pieces(piece.children))
    return found


def _with_placeholders(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > position:
            pieces.append(text[position : match.start()])
        pieces.append(Protected(Markup.PLACEHOLDER, match.group()))
        position = match.end()
    if position < len(text):
        pieces.append(text[position:])
    return pieces


class _Aligner:
    """Walks the string along the parsed nodes, taking for each the characters that spell it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0

    def nodes(self, nodes: tuple[Node, ...]) -> tuple[Piece, ...]:
        pieces: list[Piece] = []
        for node in nodes:
            pieces.extend(self.node(node))
        return tuple(pieces)

    def node(self, node: Node) -> list[Piece]:
        if isinstance(node, Text):
            return self.words(node.text)
        if isinstance(node, Code):
            match = _CODE_SPAN.match(self.text, self.position)
            if not match or match.group(2).strip() != node.code.strip():
                raise _Misaligned
            self.position = match.end()
            return [Protected(Markup.CODE, match.group())]
        if isinstance(node, Emphasis):
            size = 2 if node.strong else 1
            mark = self.take(size)
            if mark not in (("**", "__") if node.strong else ("*", "_")):
                raise _Misaligned
            children = self.nodes(node.children)
            if self.take(size) != mark:
                raise _Misaligned
            markup = Markup.STRONG if node.strong else Markup.EMPHASIS
            return [Protected(markup, mark, mark, children)]
        if self.take(1) != "[":
            raise _Misaligned
        children = self.nodes(node.children)
        # The target and title hold no `)` (the prose rules refuse one): the first one ends it.
        close = self.text.find(")", self.position)
        if close < 0 or not self.text.startswith("](" + node.href, self.position):
            raise _Misaligned
        end = self.text[self.position : close + 1]
        self.position = close + 1
        return [Protected(Markup.LINK, "[", end, children)]

    def take(self, size: int) -> str:
        taken = self.text[self.position : self.position + size]
        self.position += size
        return taken

    def words(self, words: str) -> list[Piece]:
        pieces: list[Piece] = []
        literal: list[str] = []
        for char in words:
            spelled = self.spelling(char)
            if spelled == char:
                literal.append(char)
                continue
            pieces.extend(_with_placeholders("".join(literal)))
            literal = []
            pieces.append(Protected(Markup.ESCAPE, spelled))
        pieces.extend(_with_placeholders("".join(literal)))
        return pieces

    def spelling(self, char: str) -> str:
        """Take the characters that spell ``char`` here: itself, an escape or an entity."""
        text, position = self.text, self.position
        if text.startswith("\\" + char, position) and char in string.punctuation:
            spelled = text[position : position + 2]
        elif (entity := _ENTITY.match(text, position)) and html.unescape(entity.group()) == char:
            spelled = entity.group()
        elif text.startswith(char, position):
            spelled = char
        else:
            raise _Misaligned
        self.position += len(spelled)
        return spelled
