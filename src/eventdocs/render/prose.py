"""Translated prose made inert: parsed by the site's own Markdown parser, written from the tree.

A string from a locale file may hold text, inline code, emphasis and links, nothing else. It is
parsed with Python-Markdown and the very extensions the site renders with, so there is no second
parser to disagree with the renderer on hostile input. The tree is checked against that
allowlist — every refused construct becomes a *problem* that ``eventdocs check`` reports — and
the Markdown a page shows is written back from the tree, every other character escaped (see
``eventdocs.render.prose_nodes``). A string whose written-back form does not parse to the same
tree is shown as literal text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from xml.etree.ElementTree import Element

from eventdocs.render.prose_nodes import (
    Code,
    Emphasis,
    Link,
    Node,
    Text,
    block_safe,
    literal_markdown,
    opens_block,
    plain_text,
    walk,
    write_markdown,
)
from eventdocs.render.site_markdown import convert_line, site_parser

# No string is longer, and none has more of the marks the parser matches pairwise: its link
# and code rules cost length × marks, so these keep any string as cheap as ordinary text.
MAX_PROSE_CHARS = 2_000
MAX_PAIRED_MARKS = {
    **dict.fromkeys("[]", 8),
    **dict.fromkeys("<>", 16),
    # Written back escaped, each of these is a token more for the parser to read again.
    **dict.fromkeys("`*_&|\\{}!#", 32),
}
# Block markers opening blocks inside blocks (`- - - 1. > …`): the parser recurses per level.
_NESTED_BLOCKS = re.compile(r"^(?:(?:[-+*]|\d{1,9}[.)]|>)\s+){4,}")


# Characters that never reach a page: C0/C1 controls, line and paragraph separators, bidi
# controls and zero-width characters. `check` names each one; pages drop them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\u061c\ufeff]"
)
_SPACES = re.compile(r"[ \t\n\r]+")
# What GitHub-flavoured Markdown (and the portals that follow it) autolinks in plain text: a
# scheme's `://`, `www.`, and an email address.
_BARE_ADDRESS = re.compile(
    r"(?i)\b[a-z][a-z0-9+.-]{0,31}://\S*|\bwww\.\S*|[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z0-9.-]*[a-z]"
)
# Without one of these, a line has no inline syntax and needs no parser.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]{}<>&|!]")
_ENTITY = re.compile(r"^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});$")
_SAFE_HREF = re.compile(r"^(?:(?:https?|mailto):|[^:]*$)")
# Characters a link target may hold as written: nothing a table, a quoted admonition title or
# a link's own syntax reads, and `&` only where it spells no character reference.
_HREF_CHARACTERS = re.compile(r"^[A-Za-z0-9._~:/?#@!$&*+,;=%-]*$")
# A link title is words: nothing that ends a quoted title, a table cell or the link itself.
_TITLE_CHARACTERS = re.compile(r"^[^\"'()<>&|\\\[\]`\x00-\x1f\x7f-\x9f]*$")
# Python-Markdown escapes code span content itself; these undo it to get the code as written.
_CODE_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}
_ESCAPED_CHARACTER = re.compile("\x02([0-9]+)\x03")
_STASHED = re.compile("\x02wzxhzdk:([0-9]+)\x03")


@dataclass(frozen=True)
class Prose:
    """One string as the site would render it: its inline nodes, what ``check`` refuses in it,
    and the Markdown that shows it inertly."""

    nodes: tuple[Node, ...]
    problems: tuple[str, ...]
    markdown: str

    # Cached: a string is parsed once, but compared with each of its translations, and again
    # by `check` (hundreds of thousands of comparisons in a large project). Read-only.
    @cached_property
    def plain(self) -> str:
        """The words a reader sees, without markup (for titles and front matter)."""
        return plain_text(self.nodes)

    @cached_property
    def prose_text(self) -> str:
        """The text outside inline code, where template syntax and placeholders would be."""
        return " ".join(node.text for node in self._walked if isinstance(node, Text))

    @cached_property
    def code_spans(self) -> Counter[str]:
        return Counter(node.code for node in self._walked if isinstance(node, Code))

    @cached_property
    def links(self) -> Counter[tuple[str, str | None]]:
        return Counter((node.href, node.title) for node in self._walked if isinstance(node, Link))

    def emphasis(self, *, strong: bool) -> int:
        return self._emphasis_counts[strong]

    @cached_property
    def _emphasis_counts(self) -> dict[bool, int]:
        strong = [node.strong for node in self._walked if isinstance(node, Emphasis)]
        return {True: strong.count(True), False: strong.count(False)}

    @cached_property
    def _walked(self) -> tuple[Node, ...]:
        return tuple(walk(self.nodes))


def invisible_characters(text: str) -> list[str]:
    """Name each control, separator, bidi or zero-width character of ``text`` (``U+202E …``)."""
    return [
        f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"
        for char in dict.fromkeys(_INVISIBLE.findall(text))
    ]


def clean_line(text: str) -> str:
    """``text`` as one line: invisible characters dropped, runs of spaces and breaks folded."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip(" ")


@lru_cache(maxsize=1 << 16)
def parse_prose(text: str) -> Prose:
    """Parse ``text`` as the site renders a line of prose; see the module's docstring."""
    prose = _parsed(text)
    # The site does not autolink, but the descriptions of the published schemas and API
    # documents are rendered by portals that do: a bare address there becomes a link.
    bare = [
        match.group(0)
        for node in prose._walked
        if isinstance(node, Text)
        for match in _BARE_ADDRESS.finditer(node.text)
    ]
    if not bare:
        return prose
    problem = (
        f"a bare address ({bare[0]!r}) becomes a link wherever Markdown autolinks; "
        "write it as a link, [words](url), or as `code`"
    )
    return replace(prose, problems=(*prose.problems, problem))


def _parsed(text: str) -> Prose:
    line = clean_line(text)
    problems: list[str] = []
    if len(line) > MAX_PROSE_CHARS:
        problems.append(f"longer than {MAX_PROSE_CHARS} characters; split it")
        line = line[:MAX_PROSE_CHARS]
    if not _INLINE_SYNTAX.search(line) and not opens_block(line):
        return Prose((Text(line),) if line else (), tuple(problems), line)
    for mark, limit in MAX_PAIRED_MARKS.items():
        if line.count(mark) > limit:
            problems.append(f"more than {limit} {mark!r} in one string; this is not prose")
            return Prose((Text(line),), tuple(problems), literal_markdown(line))
    if _NESTED_BLOCKS.match(line):
        problems.append("starts blocks inside blocks (`- - 1. >`); this is not prose")
        return Prose((Text(line),), tuple(problems), literal_markdown(line))
    nodes, found = _parse(line)
    problems.extend(found)
    for marker in ("_", "*"):
        # `_` reads best in the page's Markdown, but only `*` may touch a word.
        written = write_markdown(nodes, marker)
        # Only the nodes count: the written form spells `<`, `&` and `|` as entities itself.
        # The parse is a function of the line: a line that is its own written form round-trips.
        if written == line or _parse(written)[0] == nodes:
            return Prose(nodes, tuple(problems), written)
    # A shape that does not survive the round trip (emphasis against escapes): show the words.
    return Prose(nodes, tuple(problems), literal_markdown(plain_text(nodes)))


def _parse(line: str) -> tuple[tuple[Node, ...], list[str]]:
    parser = site_parser()
    problems: list[str] = []
    blocks = convert_line(line)
    if len(blocks) != 1 or blocks[0].tag != "p":
        opened = blocks[0].tag if blocks else "a link definition"
        problems.append(f"would be rendered as a block (<{opened}>), not as a line of text")
        blocks = convert_line(block_safe(line))
        if len(blocks) != 1 or blocks[0].tag != "p":
            return (Text(line),), problems
    reader = _TreeReader(parser.htmlStash.rawHtmlBlocks, problems)
    return _trimmed(reader.children(blocks[0])), problems


def _trimmed(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """``nodes`` without the spaces a paragraph drops at its ends (refused markup shown as
    words can leave one there), so that writing them back reads the same."""
    if nodes and isinstance(nodes[-1], Text):
        last = nodes[-1].text.rstrip(" ")
        nodes = (*nodes[:-1], Text(last)) if last else nodes[:-1]
    if nodes and isinstance(nodes[0], Text):
        first = nodes[0].text.lstrip(" ")
        nodes = (Text(first), *nodes[1:]) if first else nodes[1:]
    return nodes


class _TreeReader:
    """Turns a parsed paragraph into nodes, recording each construct prose may not hold."""

    def __init__(self, stash: Sequence[object], problems: list[str]) -> None:
        self.stash = stash
        self.problems = problems

    def children(self, element: Element) -> tuple[Node, ...]:
        nodes: list[Node] = []
        self._text(element.text, nodes)
        for child in element:
            nodes.extend(self.element(child))
            self._text(child.tail, nodes)
        return _merge(nodes)

    def element(self, element: Element) -> tuple[Node, ...]:
        tag, attributes = element.tag, dict(element.attrib)
        if tag == "code" and not attributes:
            code = _ESCAPED_CHARACTER.sub(_unescape, element.text or "")
            return (Code(re.sub("&(?:lt|gt|amp);", lambda m: _CODE_ENTITIES[m[0]], code)),)
        if tag in {"em", "strong"} and not attributes:
            return (Emphasis(tag == "strong", self.children(element)),)
        if tag == "a" and "data-eventdocs-autolink" in attributes:
            self.problems.append("autolinks (<https://…>) are not allowed; write [text](url)")
        elif tag == "a" and set(attributes) <= {"href", "title"} and "href" in attributes:
            href, title = attributes["href"], attributes.get("title")
            if not (
                _SAFE_HREF.match(href)
                and _HREF_CHARACTERS.match(href)
                and html.unescape(href) == href  # `javascript&colon;` is `javascript:`
            ):
                self.problems.append(f"link target {href!r} is not allowed; use http(s) or mailto")
            elif title is not None and not _TITLE_CHARACTERS.match(title):
                self.problems.append(f"link title {title!r} may hold words and spaces only")
            else:
                return (Link(href, title, self.children(element)),)
        elif tag == "img":
            self.problems.append("images are not allowed in translated text")
        elif attributes and tag in {"a", "code", "em", "strong"}:
            self.problems.append(f"attribute lists ({{: …}}) are not allowed: {sorted(attributes)}")
        else:
            self.problems.append(f"<{tag}> is not allowed in translated text")
        # Whatever was refused is shown as the words it holds.
        words = "".join(element.itertext()).replace("\x02amp\x03", "&") or element.get("alt", "")
        return (Text(_ESCAPED_CHARACTER.sub(_unescape, _STASHED.sub("", words))),)

    def _text(self, text: str | None, nodes: list[Node]) -> None:
        if not text:
            return
        position = 0
        for match in _STASHED.finditer(text):
            self._literal(text[position : match.start()], nodes)
            nodes.append(Text(self._stashed(str(self.stash[int(match.group(1))]))))
            position = match.end()
        self._literal(text[position:], nodes)

    def _literal(self, text: str, nodes: list[Node]) -> None:
        if not text:
            return
        if "![" in text:
            self.problems.append("image syntax (![…]) is not allowed in translated text")
        if re.search(r"\]\s?\[", text):
            self.problems.append("reference-style links ([text][id]) are not allowed")
        nodes.append(Text(_ESCAPED_CHARACTER.sub(_unescape, text)))

    def _stashed(self, raw: str) -> str:
        if _ENTITY.match(raw):
            decoded = html.unescape(raw)
            if decoded == raw or not decoded.isprintable() or decoded in "<>&\"'`\\":
                self.problems.append(f"HTML entity {raw} is not allowed; type the character")
            # A line break spelled `&#10;` must not open a block once written back.
            return clean_line(decoded) or " "
        self.problems.append(f"raw HTML {clean_line(raw)[:40]!r} is not allowed; write plain text")
        return clean_line(raw)


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match.group(1)))


def _merge(nodes: list[Node]) -> tuple[Node, ...]:
    merged: list[Node] = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        elif not (isinstance(node, Text) and not node.text):
            merged.append(node)
    return tuple(merged)
