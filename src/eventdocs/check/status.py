"""Translation coverage per language, for ``eventdocs status``."""

from __future__ import annotations

from collections.abc import Iterable
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
    # What the keys describe: `""` for the whole language, else `events.<event>`,
    # `types.<Type>`, `ui`, `categories` or `envelope`.
    subject: str = ""


def subject_of(key: str) -> str:
    """What ``key`` describes: its event or type (``events.x``, ``types.X``), else its group."""
    first, _, rest = key.partition(".")
    if first in ("events", "types"):
        return f"{first}.{rest.partition('.')[0]}"
    return first


def coverage(project: Project, used_keys: frozenset[str]) -> list[Coverage]:
    """Count, per locale, the keys the pages use that are current, stale or missing: one row
    for the whole language, then one per subject (event, type, interface words…)."""
    subjects: dict[str, list[str]] = {}
    for key in sorted(used_keys):
        subjects.setdefault(subject_of(key), []).append(key)
    rows: list[Coverage] = []
    for locale in project.locales:
        counts = {subject: _count(project, locale.code, keys) for subject, keys in subjects.items()}
        rows.append(Coverage(locale.code, *_sum(counts.values()), subject=""))
        rows.extend(
            Coverage(locale.code, *counts[subject], subject=subject) for subject in sorted(counts)
        )
    return rows


def _count(project: Project, code: str, keys: list[str]) -> tuple[int, int, int, int]:
    source = project.source
    locale = project.locale(code)
    if locale.is_source:
        present = sum(1 for key in keys if key in source.entries)
        return present, 0, len(keys) - present, len(keys)
    translated = stale = missing = 0
    for key in keys:
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
    return translated, stale, missing, len(keys)


def _sum(counts: Iterable[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    translated = stale = missing = total = 0
    for row in counts:
        translated, stale, missing, total = (
            translated + row[0],
            stale + row[1],
            missing + row[2],
            total + row[3],
        )
    return translated, stale, missing, total
