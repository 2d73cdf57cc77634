"""Translation coverage per language, for ``eventdocs status``."""

from __future__ import annotations

from typing import NamedTuple

from eventdocs.load.project import Project
from eventdocs.render.translation_state import SHOWN_AS_CURRENT, State, decide

# Translated, but not shown as it is: made from an earlier English, or refused by the rules.
_NEEDS_REVIEW = frozenset({State.STALE, State.REFUSED})


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
            state = decide(
                original.text if original else None,
                entry.text if entry else None,
                entry.source if entry else None,
            ).state
            if state in SHOWN_AS_CURRENT:
                translated += 1
            elif state in _NEEDS_REVIEW:
                stale += 1
            else:
                missing += 1
        rows.append(Coverage(locale.code, translated, stale, missing, len(used_keys)))
    return rows
