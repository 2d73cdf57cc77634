"""``eventdocs import``: translations from a translator's file written into ``locales/``.

Only the ``text`` and ``source`` values of the keys that change are rewritten, in place;
a key the file lacks is added where ``sync`` would add it. Comments, order and layout stay as
written. Every edited file is parsed again and compared with what was meant before any file
is replaced, and the files of one import are replaced together: all or none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from eventdocs.base.atomic import atomic_write
from eventdocs.edit.sync import entry_spans, insertions
from eventdocs.edit.yaml_text import apply_edits, encode_like, translation_entry, yaml_string
from eventdocs.errors import WriteError
from eventdocs.load.locale import Locale, normalize_text, parse_locale_bytes
from eventdocs.load.project import Project
from eventdocs.load.yaml_files import decode_text, load_yaml, read_bytes


@dataclass(frozen=True, slots=True)
class Translation:
    """A key's new translation and the English it is recorded as made from."""

    text: str
    source: str


def write_translations(project: Project, changes: Mapping[str, Mapping[str, Translation]]) -> None:
    """Write ``changes`` (per language code, per key) into the locale files: every file is
    edited and checked in memory first, then all are replaced; a failure puts back those
    already replaced."""
    order = {key: index for index, key in enumerate(project.source.entries)}
    planned: list[tuple[Path, bytes, bytes]] = []
    for code, keys in changes.items():
        locale = project.locale(code)
        raw = read_bytes(locale.path, what="locale file")
        planned.append((locale.path, raw, _edited(locale, raw, keys, order)))
    done: list[tuple[Path, bytes]] = []
    for path, raw, edited in planned:
        try:
            atomic_write(path, edited, mode=path.stat().st_mode)
        except OSError as error:
            _put_back(done)
            raise WriteError(f"cannot write the locale file: {error.strerror}", path=path) from None
        done.append((path, raw))


def _put_back(done: list[tuple[Path, bytes]]) -> None:
    """Restore the files already replaced; one that cannot be is named, for the user to
    restore from version control."""
    for path, raw in done:
        try:
            atomic_write(path, raw, mode=path.stat().st_mode)
        except OSError as error:
            raise WriteError(
                f"cannot put the locale file back ({error.strerror}); restore it from version "
                "control",
                path=path,
            ) from None


def _edited(
    locale: Locale, raw: bytes, keys: Mapping[str, Translation], order: dict[str, int]
) -> bytes:
    text = decode_text(raw, locale.path)
    document = load_yaml(locale.path, what="locale file", raw=raw)
    values: dict[str, yaml.Node] = {}
    if isinstance(document.root, yaml.MappingNode):
        values = {key.value: value for key, value in document.root.value}
    edits: list[tuple[int, int, str]] = []
    new: dict[str, str] = {}
    for key, translation in keys.items():
        if key in values:
            edits += _entry_edits(text, values[key], translation)
        else:
            new[key] = translation_entry(key, translation.source, translation.text)
    edits += insertions(text, entry_spans(text, document), order, new)
    edited = encode_like(raw, apply_edits(text, edits))
    # Never leave a file that `load` refuses, or one that says other than what was imported.
    entries = parse_locale_bytes(locale.path, edited, is_source=False)
    for key, translation in keys.items():
        entry = entries.get(key)
        if entry is None or (entry.text, entry.source) != (
            normalize_text(translation.text),
            normalize_text(translation.source),
        ):
            raise WriteError(
                f"importing would not record {key!r} as translated; nothing changed "
                f"(write it in the file as `source:` and `text:` lines)",
                path=locale.path,
            )
    return edited


def _scalar(node: yaml.Node) -> str | None:
    """The string a scalar node holds; None for a YAML null (`null`, `~`, nothing)."""
    return None if node.tag == "tag:yaml.org,2002:null" else str(node.value)


def _entry_edits(
    text: str, value: yaml.Node, translation: Translation
) -> list[tuple[int, int, str]]:
    """The edits that give the entry ``value`` (a key's mapping) its new text and source."""
    fields = {}
    if isinstance(value, yaml.MappingNode):
        fields = {key.value: (key, node) for key, node in value.value}
    if (
        not isinstance(value, yaml.MappingNode)
        or value.flow_style
        or "source" not in fields
        or not all(isinstance(node, yaml.ScalarNode) for _, node in fields.values())
    ):
        # Not the block mapping `eventdocs` writes: the whole value is written anew, as flow.
        replacement = (
            f"{{source: {yaml_string(translation.source)}, text: {yaml_string(translation.text)}}}"
        )
        return [_replace(text, value, replacement)]
    edits = []
    # A value left as it is keeps its spelling (a block scalar stays one).
    if _scalar(fields["source"][1]) != translation.source:
        edits.append(_replace(text, fields["source"][1], yaml_string(translation.source)))
    if "text" in fields:
        if _scalar(fields["text"][1]) != translation.text:
            edits.append(_replace(text, fields["text"][1], yaml_string(translation.text)))
    else:  # a line of its own, after the source's, indented alike
        key_node, source_node = fields["source"]
        end = source_node.end_mark.index
        line_end = end if text[end - 1 : end] == "\n" else text.find("\n", end) + 1
        added = f"{' ' * key_node.start_mark.column}text: {yaml_string(translation.text)}\n"
        if not line_end:  # the file's last line, with no line break after it
            line_end, added = len(text), "\n" + added
        edits.append((line_end, line_end, added))
    return edits


def _replace(text: str, node: yaml.Node, replacement: str) -> tuple[int, int, str]:
    """Replace the value ``node`` with ``replacement``, keeping the line breaks a block value
    ends with; an empty value (``text:``) is written after a space."""
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    if not old:
        return start, end, " " + replacement
    trailing = old[len(old.rstrip("\n")) :]
    return start, end, replacement + trailing
