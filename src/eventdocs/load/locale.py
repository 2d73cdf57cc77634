"""Translation files (``locales/<code>.yaml``): every sentence a reader sees, keyed by stable ids.

The source language maps each key to its text. Every other language maps each key to
``{source: <the English it was translated from>, text: <the translation>}``: keeping the English
beside the translation is what lets ``eventdocs check`` tell a stale translation from a current
one and show the translator what changed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import StringConstraints, TypeAdapter

from eventdocs.errors import LoadError
from eventdocs.load._models import FrozenModel, validate_document
from eventdocs.load._yaml import Span, YamlDocument, load_yaml, span_of

# Folder-safe, and the shape the site's i18n plugin recognises as a language folder.
LOCALE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$")]


class TranslationEntry(FrozenModel):
    """One translated string and the source-language text it was translated from."""

    source: str
    text: str | None = None


_SOURCE_FILE = TypeAdapter(dict[Key, str])
_TRANSLATION_FILE = TypeAdapter(dict[Key, TranslationEntry])


@dataclass(frozen=True)
class Entry:
    """One key of one locale, with the line it sits on for error messages."""

    key: str
    text: str | None
    source: str | None
    line: int
    source_span: Span | None = None


@dataclass(frozen=True)
class Locale:
    """One language's strings; ``is_source`` marks the language every other is translated from."""

    code: str
    path: Path
    is_source: bool
    entries: Mapping[str, Entry]


def normalize_text(text: str) -> str:
    """Fold runs of white space, so re-wrapping a YAML string changes nothing."""
    return " ".join(text.split())


def validate_locale_code(code: str, *, path: Path | None = None) -> str:
    """Return ``code`` if it is a well-formed BCP 47 tag the site can use as a folder name."""
    import langcodes  # only new-locale and loading need it; keep `check` start-up light

    if not LOCALE_CODE.match(code) or not langcodes.tag_is_valid(code):
        raise LoadError(
            f"{code!r} is not a BCP 47 language tag of the form 'fr', 'pt-BR' or 'zh-Hant'",
            path=path,
        )
    return code


def load_locale(path: Path, *, is_source: bool) -> Locale:
    """Load one locale file; the language code is the file name without ``.yaml``."""
    code = validate_locale_code(path.stem, path=path)
    document = load_yaml(path, what="locale file")
    if not isinstance(document.data, dict):
        raise LoadError("a locale file maps keys to strings at its top level", path=path, line=1)
    if is_source:
        return Locale(code, path, True, _source_entries(document))
    return Locale(code, path, False, _translation_entries(document))


def _positions(document: YamlDocument) -> dict[str, tuple[int, Span | None]]:
    """Each top-level key's line, and the span of its ``source`` value (for ``accept``)."""
    assert isinstance(document.root, yaml.MappingNode)
    positions: dict[str, tuple[int, Span | None]] = {}
    for key_node, value_node in document.root.value:
        source_span = None
        if isinstance(value_node, yaml.MappingNode):
            for inner_key, inner_value in value_node.value:
                if inner_key.value == "source":
                    source_span = span_of(inner_value)
        positions[key_node.value] = (key_node.start_mark.line + 1, source_span)
    return positions


def _source_entries(document: YamlDocument) -> dict[str, Entry]:
    strings = validate_document(_SOURCE_FILE, document)
    positions = _positions(document)
    return {
        key: Entry(key, normalize_text(text), None, positions[key][0])
        for key, text in strings.items()
    }


def _translation_entries(document: YamlDocument) -> dict[str, Entry]:
    entries = validate_document(_TRANSLATION_FILE, document)
    positions = _positions(document)
    return {
        key: Entry(
            key,
            normalize_text(entry.text) if entry.text is not None else None,
            normalize_text(entry.source),
            *positions[key],
        )
        for key, entry in entries.items()
    }
