"""``eventdocs rename OLD NEW``: move keys in every locale file, translations and state kept.

A key and every key under it (``OLD.…``) take the new name in every language. Only the keys
change, in place: texts, recorded English, comments and layout stay as written, so a current
translation stays current and a stale one stale. Every file is edited in memory and parsed
again before any is written; nothing is written when one of them would not load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventdocs.base.atomic import atomic_write
from eventdocs.edit.yaml_text import apply_edits, encode_like
from eventdocs.errors import UsageError, WriteError
from eventdocs.load.locale import key_spans, parse_locale_bytes
from eventdocs.load.project import Project
from eventdocs.load.yaml_files import decode_text, read_bytes

_KEY = re.compile(r"^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_-]+)*$")


@dataclass(frozen=True)
class Renamed:
    locale: str
    old: str
    new: str


def renamed(key: str, old: str, new: str) -> str | None:
    """``key`` under its new name, or ``None`` when ``key`` is neither ``old`` nor under it."""
    if key == old:
        return new
    if key.startswith(f"{old}."):
        return new + key[len(old) :]
    return None


def rename_keys(project: Project, old: str, new: str) -> list[Renamed]:
    """Rename ``old`` (and the keys under it) to ``new`` in every locale file of ``project``."""
    for name in (old, new):
        if not _KEY.match(name):
            raise UsageError(f"{name!r} is not a key (letters, digits, `_`, `-`, dots)")
    if renamed(new, old, new) is not None and old != new:
        raise UsageError(f"{new!r} is {old!r} or under it; choose a name outside it")
    plans: list[tuple[Path, bytes, list[Renamed]]] = []
    for locale in project.locales:
        moves = {
            key: target for key in locale.entries if (target := renamed(key, old, new)) is not None
        }
        clashes = sorted(target for target in moves.values() if target in locale.entries)
        if clashes:
            raise UsageError(
                f"{project.relative(locale.path)} already has {clashes[0]!r}; "
                "rename or remove it first"
            )
        if not moves:
            continue
        raw = read_bytes(locale.path, what="locale file")
        text = decode_text(raw, locale.path)
        spans = key_spans(locale.path, raw)
        text = apply_edits(
            text, ((spans[key].start, spans[key].end, new) for key, new in moves.items())
        )
        edited = encode_like(raw, text)
        entries = parse_locale_bytes(locale.path, edited, is_source=locale.is_source)
        if any(entries[target][1:3] != locale.entries[key][1:3] for key, target in moves.items()):
            raise WriteError(f"renaming would change more than keys in {locale.path.name}")
        done = [Renamed(locale.code, key, target) for key, target in moves.items()]
        plans.append((locale.path, edited, done))
    if not plans:
        raise UsageError(f"no locale file has {old!r} or a key under it")
    results: list[Renamed] = []
    for path, edited, done in plans:
        atomic_write(path, edited, mode=path.stat().st_mode)
        results.extend(done)
    return results
