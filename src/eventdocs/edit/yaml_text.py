"""Writing locale YAML by hand, so translators' comments and layout survive every edit."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

# What YAML reads as a line break or refuses as a character, inside quotes or not: escaped.
_NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def yaml_string(text: str) -> str:
    """Return ``text`` as a quoted YAML scalar that reads back as exactly ``text``,
    preferring the quoting that needs no escapes."""
    if '"' in text and not _NOT_PLAIN.search(text) and "\\" not in text:
        return "'" + text.replace("'", "''") + "'"
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PLAIN.sub(lambda match: f"\\u{ord(match.group(0)):04x}", quoted)


def translation_entry(key: str, source: str, text: str | None) -> str:
    """Return one translation entry: the key, the English it translates, and its text."""
    value = f" {yaml_string(text)}" if text is not None else ""
    return f"{key}:\n  source: {yaml_string(source)}\n  text:{value}\n"


def translation_file_header(code: str, source_code: str) -> str:
    """The comment every scaffolded translation file starts with."""
    return (
        "# yaml-language-server: $schema=../docs/schemas/format/locale-translation.json\n"
        f"# Translations into {code!r}. For each key, `source` is the {source_code!r} text the\n"
        "# translation was made from and `text` the translation; an empty `text` is not\n"
        "# translated yet. Edit `text` only: `eventdocs accept` updates `source` once a\n"
        "# translation is reviewed. Inline code, bold and links must match the source.\n"
    )


_BOM = "\ufeff".encode()


def encode_like(original: bytes, text: str) -> bytes:
    """Encode edited ``text`` (LF line ends, no BOM, as files are read) the way ``original``
    was written: a BOM kept, CRLF line ends kept if the file used them."""
    data = text
    if original.count(b"\r\n") > original.count(b"\n") // 2:
        data = data.replace("\n", "\r\n")
    return (_BOM if original.startswith(_BOM) else b"") + data.encode("utf-8")


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)`` applied; applied from the end of the
    text backwards, so no edit moves the offsets of another. Edits must not overlap; several
    insertions at one offset keep their order."""
    pieces: list[str] = []
    position = len(text)
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1]))[::-1]:
        pieces += [text[end:position], replacement]
        position = start
    pieces.append(text[:position])
    return "".join(reversed(pieces))
