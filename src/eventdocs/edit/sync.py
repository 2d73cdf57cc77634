"""``eventdocs sync``: bring existing locale files up to the keys the pages use.

Every missing key is added with the English it will translate and an empty ``text``, placed
after the key that comes before it in the English file (so related keys stay together);
``prune`` also removes the keys no page uses. Nothing else in a file changes: comments, order
and layout stay as written. Each edit is parsed again before the file is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from eventdocs.base.atomic import atomic_write
from eventdocs.edit.yaml_text import apply_edits, encode_like, translation_entry
from eventdocs.errors import UsageError, WriteError
from eventdocs.load.locale import Locale, parse_locale_bytes
from eventdocs.load.project import Project
from eventdocs.load.yaml_files import YamlDocument, decode_text, load_yaml, read_bytes


@dataclass(frozen=True)
class Synced:
    locale: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


def sync_locales(
    project: Project, codes: tuple[str, ...], used_keys: frozenset[str], *, prune: bool
) -> list[Synced]:
    """Add the missing keys to the locales ``codes`` (every translation when empty) and, with
    ``prune``, remove their orphans."""
    chosen = [project.locale(code) for code in codes] or list(project.locales[1:])
    for locale in chosen:
        if locale.is_source:
            raise UsageError(f"{locale.code!r} is the source language; write its keys by hand")
    english = [key for key in project.source.entries if key in used_keys]
    order = {key: index for index, key in enumerate(english)}
    results = []
    for locale in chosen:
        added = tuple(key for key in english if key not in locale.entries)
        # `english` holds only the keys the pages use: a key it lacks is an orphan.
        removed = tuple(key for key in locale.entries if key not in order) if prune else ()
        if added or removed:
            _rewrite(project, locale, order, added, removed)
        results.append(Synced(locale.code, added, removed))
    return results


def _line_end(text: str, index: int) -> int:
    """The offset just past the line ``index`` is on."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _entry_end(text: str, start: int, end: int) -> int:
    """The offset just past the last line of the entry written from ``start`` to ``end``.

    A block value ends, for PyYAML, where the next key starts: past the blank lines and the
    top-level comments in between, which belong to the next entry, not to this one.
    """
    while end > start:
        line_start = text.rfind("\n", start, end - 1) + 1
        line = text[line_start:end]
        if line_start <= start or (line.strip() and not line.startswith("#")):
            break
        end = line_start
    return end


def entry_spans(text: str, document: YamlDocument) -> dict[str, tuple[int, int]]:
    """Where each top-level entry of a locale file is written in ``text``: from the start of
    its key's line to the end of its last line (the comments after it not included)."""
    spans: dict[str, tuple[int, int]] = {}
    if isinstance(document.root, yaml.MappingNode):
        for key_node, value_node in document.root.value:
            start = text.rfind("\n", 0, key_node.start_mark.index) + 1
            end = _line_end(text, max(value_node.end_mark.index - 1, 0))
            spans[key_node.value] = (start, _entry_end(text, start, end))
    return spans


def insertions(
    text: str,
    spans: dict[str, tuple[int, int]],
    order: dict[str, int],
    added: dict[str, str],
) -> list[tuple[int, int, str]]:
    """The edits that insert each entry of ``added`` (key → its lines, as
    ``translation_entry`` writes them) in English order: after the nearest earlier key the
    file has (``spans``), before the first when none comes earlier, or at the end."""
    present = [key for key in order if key in spans]
    inserts: dict[int, list[str]] = {}
    for key in sorted(added, key=order.__getitem__):
        before = [other for other in present if order[other] < order[key]]
        entry = added[key]
        if before:
            inserts.setdefault(spans[before[-1]][1], []).append("\n" + entry)
        elif present:  # before the first key, after the file's opening comments
            inserts.setdefault(spans[present[0]][0], []).append(entry + "\n")
        else:
            inserts.setdefault(len(text), []).append("\n" + entry)
    return [(anchor, anchor, "".join(entries)) for anchor, entries in inserts.items()]


def _rewrite(
    project: Project,
    locale: Locale,
    order: dict[str, int],
    added: tuple[str, ...],
    removed: tuple[str, ...],
) -> None:
    raw = read_bytes(locale.path, what="locale file")
    text = decode_text(raw, locale.path)
    document = load_yaml(locale.path, what="locale file", raw=raw)
    spans = entry_spans(text, document)
    edits: list[tuple[int, int, str]] = []
    for key in removed:
        start, end = spans[key]
        while text.startswith("\n", end):  # the blank line that separated it goes too
            end += 1
        edits.append((start, end, ""))
    source = project.source.entries
    kept = {key: span for key, span in spans.items() if key not in removed}
    new = {key: translation_entry(key, source[key].text or "", None) for key in added}
    edits += insertions(text, kept, order, new)
    text = apply_edits(text, edits)
    edited = encode_like(raw, text)
    entries = parse_locale_bytes(locale.path, edited, is_source=False)
    if any(key not in entries for key in added) or any(key in entries for key in removed):
        raise WriteError(f"syncing would not give {locale.path.name} the keys intended")
    atomic_write(locale.path, edited, mode=locale.path.stat().st_mode)
