"""A segment's inline codes: protected Markdown written as XLIFF ``<ph>``/``<pc>``, read back.

Every code points at its Markdown in the unit's ``<originalData>`` (one ``<data>`` per distinct
text, shared by source and target). A code of the target has the id of the same code in the
source, with the same attributes, as XLIFF asks; one the source lacks (a stale translation made
from other English) gets an id of its own.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from lxml import etree

from eventdocs.errors import LoadError
from eventdocs.exchange.xliff_inline import (
    PAIRED,
    Markup,
    Piece,
    Protected,
    protected_pieces,
    split_markdown,
)

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
# What XML 1.0 cannot carry as a character: written as <cp hex="…"/>, as XLIFF prescribes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PROTECTED = {"canCopy": "no", "canDelete": "no"}
# XLIFF's own code types (`type`, `subType`) for the tools that show or handle them.
_ATTRIBUTES: dict[Markup, dict[str, str]] = {
    Markup.CODE: _PROTECTED,
    Markup.PLACEHOLDER: {**_PROTECTED, "type": "ui", "subType": "xlf:var"},
    Markup.ESCAPE: {},
    Markup.STRONG: {**_PROTECTED, "canOverlap": "no", "type": "fmt", "subType": "xlf:b"},
    Markup.EMPHASIS: {**_PROTECTED, "canOverlap": "no", "type": "fmt", "subType": "xlf:i"},
    Markup.LINK: {**_PROTECTED, "canOverlap": "no", "type": "link"},
}


def xliff_tag(name: str) -> str:
    """The qualified name of the XLIFF core element ``name``."""
    return f"{{{XLIFF_NAMESPACE}}}{name}"


def write_segment(unit: etree._Element, english: str, text: str) -> etree._Element:
    """Append to ``unit`` its ``<originalData>`` (if any code needs one) and a ``<segment>``
    with ``english`` as the source and ``text`` as the target (none when empty)."""
    original = etree.SubElement(unit, xliff_tag("originalData"))
    segment = etree.SubElement(unit, xliff_tag("segment"))
    translated = split_markdown(text) if text else None
    writer = _CodeWriter(
        None if translated is None else Counter(map(_identity, protected_pieces(translated)))
    )
    writer.write(
        etree.SubElement(segment, xliff_tag("source")), split_markdown(english), in_source=True
    )
    if translated is not None:
        target = etree.SubElement(segment, xliff_tag("target"))
        writer.write(target, translated, in_source=False)
    for content, data_id in writer.data.items():
        _put_text(etree.SubElement(original, xliff_tag("data"), id=data_id), content)
    if not writer.data:
        unit.remove(original)
    return segment


def _identity(piece: Protected) -> tuple[str, str, str]:
    return (piece.markup, piece.start, piece.end)


class _CodeWriter:
    """Writes the codes of one segment: ids, data references and what a tool may not delete.

    A target must keep every source code marked ``canDelete="no"`` (XLIFF's rule, which
    validators check): a code the target as it stands lacks (a stale translation of other
    English) is left deletable, and the import's gate asks for it instead.
    """

    def __init__(self, in_target: Counter[tuple[str, str, str]] | None) -> None:
        self.data: dict[str, str] = {}
        self.count = 0
        self.in_source: dict[tuple[str, str, str], list[str]] = {}
        self.in_target = in_target

    def reference(self, content: str) -> str:
        return self.data.setdefault(content, f"d{len(self.data) + 1}")

    def identify(self, piece: Protected, *, in_source: bool) -> str:
        """A new id for a source code; for a target code, the id of the same code in the
        source, each used once, or a new one past them."""
        ids = self.in_source.setdefault(_identity(piece), [])
        if not in_source and ids:
            return ids.pop(0)
        self.count += 1
        if in_source:
            ids.append(str(self.count))
        return str(self.count)

    def attributes(self, piece: Protected, *, in_source: bool) -> dict[str, str]:
        attributes = _ATTRIBUTES[piece.markup]
        if not in_source or self.in_target is None or "canDelete" not in attributes:
            return attributes
        if self.in_target[_identity(piece)] > 0:
            self.in_target[_identity(piece)] -= 1
            return attributes
        return {name: value for name, value in attributes.items() if name != "canDelete"}

    def write(self, parent: etree._Element, pieces: tuple[Piece, ...], *, in_source: bool) -> None:
        for piece in pieces:
            if isinstance(piece, str):
                _put_text(parent, piece)
                continue
            paired = piece.markup in PAIRED
            element = etree.SubElement(
                parent,
                xliff_tag("pc" if paired else "ph"),
                id=self.identify(piece, in_source=in_source),
            )
            if paired:
                element.set("dataRefStart", self.reference(piece.start))
                element.set("dataRefEnd", self.reference(piece.end))
            else:
                element.set("dataRef", self.reference(piece.start))
            _set_all(element, self.attributes(piece, in_source=in_source))
            if paired:
                self.write(element, piece.children, in_source=in_source)
                continue
            if piece.markup is Markup.ESCAPE:
                element.set("equiv", _shown(html.unescape(piece.start.removeprefix("\\"))))
            element.set("disp", _shown(piece.start))


def _set_all(element: etree._Element, attributes: dict[str, str]) -> None:
    for name, value in attributes.items():
        element.set(name, value)


def xml_safe(text: str) -> str:
    """``text`` for an element that holds text only (a note, a comment): a character XML
    cannot carry becomes U+FFFD there."""
    return _NOT_XML.sub("\ufffd", text)


def _shown(text: str) -> str:
    # Display attributes only: a character XML cannot carry is left out of them.
    return _NOT_XML.sub("", text)


def _put_text(parent: etree._Element, text: str) -> None:
    """Append ``text`` after what ``parent`` holds, each character XML cannot carry as <cp>."""
    position = 0
    for match in _NOT_XML.finditer(text):
        _append_text(parent, text[position : match.start()])
        etree.SubElement(parent, xliff_tag("cp"), hex=f"{ord(match.group()):04X}")
        position = match.end()
    _append_text(parent, text[position:])


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    children = list(parent)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def markdown_of(path: Path, element: etree._Element, original: dict[str, str]) -> str:
    """The Markdown a source, target or data element stands for, its codes replaced by their
    ``original`` data; raise ``LoadError`` for a code that has none, or an unknown element."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):  # comments and processing instructions say nothing
            parts.append(_code(path, child, original))
        parts.append(child.tail or "")
    return "".join(parts)


def _code(path: Path, element: etree._Element, original: dict[str, str]) -> str:
    name = etree.QName(element).localname
    if etree.QName(element).namespace != XLIFF_NAMESPACE:
        name = element.tag
    if name == "cp":
        try:
            code = int(element.get("hex") or "", 16)
            # A surrogate is no character: a string holding one could not be written as UTF-8.
            if 0xD800 <= code <= 0xDFFF:
                raise ValueError(code)
            return chr(code)
        except (ValueError, OverflowError):
            raise LoadError(
                f"<cp hex={element.get('hex')!r}> is not a character",
                path=path,
                line=element.sourceline,
            ) from None
    if name in {"ph", "sc", "ec"}:
        return _data(path, element, "dataRef", original)
    if name == "pc":
        start = _data(path, element, "dataRefStart", original)
        return (
            start
            + markdown_of(path, element, original)
            + _data(path, element, "dataRefEnd", original)
        )
    if name == "mrk":  # an annotation (a comment, a term): its words are the text
        return markdown_of(path, element, original)
    if name in {"sm", "em"}:  # where an annotation starts or ends: no text of its own
        return ""
    raise LoadError(f"<{name}> is not an XLIFF inline element", path=path, line=element.sourceline)


def _data(path: Path, element: etree._Element, attribute: str, original: dict[str, str]) -> str:
    reference = element.get(attribute)
    if reference is None or reference not in original:
        raise LoadError(
            f"<{etree.QName(element).localname} id={element.get('id')!r}> has no {attribute} "
            "in <originalData>: the Markdown it stands for is lost",
            path=path,
            line=element.sourceline,
        )
    return original[reference]
