"""Translation coverage per language, for ``eventdocs status``."""

from __future__ import annotations

from typing import NamedTuple

from eventdocs.load.project import Project


class Coverage(NamedTuple):
    locale: str
    translated: int
    stale: int
    missing: int
    total: int


def coverage(project: Project, used_keys: frozenset[str]) -> list[Coverage]:
    """Count, per locale, the keys the pages use that are current, stale or missing."""
    source = project.source
    rows = [Coverage(source.code, len(used_keys & source.entries.keys()), 0, 0, len(used_keys))]
    for locale in project.locales[1:]:
        translated = stale = missing = 0
        for key in used_keys:
            entry, original = locale.entries.get(key), source.entries.get(key)
            if entry is None or not entry.text or original is None:
                missing += 1
            elif entry.source != original.text:
                stale += 1
            else:
                translated += 1
        rows.append(Coverage(locale.code, translated, stale, missing, len(used_keys)))
    return rows
