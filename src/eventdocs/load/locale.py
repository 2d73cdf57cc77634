"""Translation files (``locales/<code>.yaml``): every sentence a reader sees, keyed by stable ids.

The source language maps each key to its text. Every other language maps each key to
``{source: <the English it was translated from>, text: <the translation>}``: keeping the English
beside the translation is what lets ``eventdocs check`` tell a stale translation from a current
one and show the translator what changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, KeysView, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, ClassVar, NamedTuple

import yaml

from eventdocs.errors import LoadError
from eventdocs.load import plain
from eventdocs.load._models import FORBID_UNKNOWN_KEYS, Constrained, validate_document
from eventdocs.load.cache import cached_parse, content_digest, digest
from eventdocs.load.yaml_files import Span, YamlDocument, load_yaml, read_bytes, span_of

# Folder-safe, and the shape the site's i18n plugin recognises as a language folder.
LOCALE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")

Key = Annotated[str, Constrained(pattern=r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_-]+)+$")]


@dataclass(frozen=True, kw_only=True)
class TranslationEntry:
    """One translated string and the source-language text it was translated from."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    source: str
    text: str | None = None


SOURCE_FILE = dict[Key, str]
TRANSLATION_FILE = dict[Key, TranslationEntry]


class Entry(NamedTuple):
    """One key of one locale, with the line it sits on for error messages."""

    key: str
    text: str | None
    source: str | None
    line: int


Row = tuple[str, str | None, str | None, int]


class Entries(Mapping[str, Entry]):
    """A locale's entries, kept as plain tuples and read as ``Entry`` records.

    A large project has hundreds of thousands of entries, reloaded from the cache on every
    build: plain tuples are built several times faster than named ones.
    """

    __slots__ = ("rows",)

    def __init__(self, rows: dict[str, Row]) -> None:
        self.rows = rows

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Entries:
        return cls({entry.key: tuple(entry) for entry in entries})  # type: ignore[misc]

    def __getitem__(self, key: str) -> Entry:
        return Entry._make(self.rows[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def keys(self) -> KeysView[str]:
        return self.rows.keys()


@dataclass(frozen=True)
class Locale:
    """One language's strings; ``is_source`` marks the language every other is translated from."""

    code: str
    path: Path
    is_source: bool
    entries: Entries
    # A digest per group of keys (`ui`, or an event's name), for incremental builds.
    digests: Mapping[str, str]
    # The digest of the file's bytes this was loaded from.
    content_digest: str = ""


_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def normalize_text(text: str) -> str:
    """Fold runs of spaces and line breaks, so re-wrapping a YAML string changes nothing.
    No-break spaces are typography (French puts one before a colon): they stay."""
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def validate_locale_code(code: str, *, path: Path | None = None, registry: bool = False) -> str:
    """Return ``code`` if it is a tag the site can use as a folder name; with ``registry``,
    also check it against the BCP 47 registry (for new languages: it costs an import)."""
    if registry:
        import langcodes

        valid = bool(LOCALE_CODE.match(code)) and langcodes.tag_is_valid(code)
    else:
        valid = bool(LOCALE_CODE.match(code))
    if not valid:
        raise LoadError(
            f"{code!r} is not a BCP 47 language tag of the form 'fr', 'pt-BR' or 'zh-Hant'",
            path=path,
        )
    return code


def key_group(key: str) -> str:
    """The group a key belongs to: its event for ``events.<event>.*``, its type
    (``types.<Type>``) for ``types.<Type>.*``, else its first part."""
    first, _, rest = key.partition(".")
    if first == "events":
        return rest.partition(".")[0]
    if first == "types":
        return f"types.{rest.partition('.')[0]}"
    return first


def group_digests(entries: Entries) -> dict[str, str]:
    """Digest each group's keys and texts; a page depends on the groups it shows."""
    groups: dict[str, list[str]] = {}
    for key, entry in entries.items():
        groups.setdefault(key_group(key), []).extend((key, entry.text or "", entry.source or ""))
    return {group: digest(*parts) for group, parts in sorted(groups.items())}


def load_locale(path: Path, *, is_source: bool, cache: Path | None = None) -> Locale:
    """Load one locale file; the language code is the file name without ``.yaml``."""
    code = validate_locale_code(path.stem, path=path)
    raw = read_bytes(path, what="locale file")
    content = content_digest(raw)

    def parse() -> Locale:
        document = load_yaml(path, what="locale file", raw=raw)
        if not isinstance(document.data, dict):
            raise LoadError(
                "a locale file maps keys to strings at its top level", path=path, line=1
            )
        entries = _source_entries(document) if is_source else _translation_entries(document)
        return Locale(code, path, is_source, entries, group_digests(entries), content)

    return cached_parse(
        cache,
        digest("locale", str(path), str(is_source), content),
        content,
        parse,
        encode=locale_to_plain,
        decode=lambda data: locale_from_plain(data, code, path, is_source, content),
    )


def locale_to_plain(locale: Locale) -> object:
    """``locale``'s entries and digests as plain JSON data, for the parse cache: one array per
    column, which reloads faster than an object per entry."""
    rows = locale.entries.rows.values()
    return {
        "keys": [row[0] for row in rows],
        "texts": [row[1] for row in rows],
        "sources": [row[2] for row in rows],
        "lines": [row[3] for row in rows],
        "digests": dict(locale.digests),
    }


def locale_from_plain(data: object, code: str, path: Path, is_source: bool, content: str) -> Locale:
    """The ``Locale`` that ``locale_to_plain`` wrote; raise ``TypeError``/``ValueError`` on
    anything else."""
    document = plain.mapping(data)
    keys = plain.column(document["keys"], str)
    texts = plain.optional_column(document["texts"])
    sources = plain.optional_column(document["sources"])
    lines = plain.column(document["lines"], int)
    digests = plain.mapping(document["digests"])
    plain.column(list(digests.values()), str)
    rows: dict[str, Row] = dict(
        zip(keys, zip(keys, texts, sources, lines, strict=True), strict=True)
    )
    if len(rows) != len(keys):
        raise ValueError("a key is listed twice")
    return Locale(code, path, is_source, Entries(rows), digests, content)


def _lines(document: YamlDocument) -> dict[str, int]:
    """The line of each top-level key."""
    assert isinstance(document.root, yaml.MappingNode)
    return {key.value: key.start_mark.line + 1 for key, _ in document.root.value}


def source_spans(path: Path, raw: bytes) -> dict[str, Span]:
    """Where each entry's ``source`` value is written in ``raw`` (the bytes of ``path``, as
    read for the edit), for editing it in place."""
    document = load_yaml(path, what="locale file", raw=raw)
    spans: dict[str, Span] = {}
    if isinstance(document.root, yaml.MappingNode):
        for key_node, value_node in document.root.value:
            if isinstance(value_node, yaml.MappingNode):
                for inner_key, inner_value in value_node.value:
                    if inner_key.value == "source":
                        spans[key_node.value] = span_of(inner_value)
    return spans


def key_spans(path: Path, raw: bytes) -> dict[str, Span]:
    """Where each top-level key is written in ``raw`` (the bytes of ``path``, as read for the
    edit), for renaming it in place."""
    document = load_yaml(path, what="locale file", raw=raw)
    if not isinstance(document.root, yaml.MappingNode):
        return {}
    return {key_node.value: span_of(key_node) for key_node, _ in document.root.value}


def share_source_texts(source: Locale, locale: Locale) -> Locale:
    """Let ``locale`` share the key and English strings it has in common with ``source``.

    A translation records the English it was made from, which is today's English for every
    current one: sharing those strings saves a third of the memory of a large project.
    """
    english = source.entries.rows
    rows: dict[str, Row] = {}
    for key, row in locale.entries.rows.items():
        original = english.get(key)
        if original is not None and row[2] == original[1]:
            row = (original[0], row[1], original[1], row[3])
        rows[row[0]] = row
    return replace(locale, entries=Entries(rows))


def _source_entries(document: YamlDocument) -> Entries:
    strings = validate_document(SOURCE_FILE, document)
    lines = _lines(document)
    return Entries(
        {key: (key, normalize_text(text), None, lines[key]) for key, text in strings.items()}
    )


def _translation_entries(document: YamlDocument) -> Entries:
    entries = validate_document(TRANSLATION_FILE, document)
    lines = _lines(document)
    return Entries(
        {
            key: (
                key,
                normalize_text(entry.text) if entry.text is not None else None,
                normalize_text(entry.source),
                lines[key],
            )
            for key, entry in entries.items()
        }
    )


def parse_locale_bytes(path: Path, raw: bytes, *, is_source: bool) -> Entries:
    """Parse and validate a locale file's bytes not yet on disk; raise ``LoadError``.

    Edits check their result with it, so no command writes a file ``load`` would refuse.
    """
    document = load_yaml(path, what="locale file", raw=raw)
    if not isinstance(document.data, dict):
        raise LoadError("a locale file maps keys to strings at its top level", path=path, line=1)
    return _source_entries(document) if is_source else _translation_entries(document)
