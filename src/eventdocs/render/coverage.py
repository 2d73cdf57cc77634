"""Translation coverage per language: what ``eventdocs status`` prints and the translation
status pages show, counted from the one verdict every consumer reads (``translation_state``)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple

from eventdocs.load.project import Project
from eventdocs.render.translation_state import SHOWN_AS_CURRENT, State, decide

# Translated, but not shown as it is: made from an earlier English, or refused by the rules.
_NEEDS_REVIEW = frozenset({State.STALE, State.REFUSED})


class Progress(StrEnum):
    """Where one key of a language stands, as coverage counts it."""

    TRANSLATED = "translated"
    STALE = "stale"  # stale or refused: translated, but not shown as it is
    MISSING = "missing"


class Coverage(NamedTuple):
    locale: str
    translated: int
    stale: int
    missing: int
    total: int
    # What the keys describe: `""` for the whole language, else `events.<event>`,
    # `types.<Type>`, `ui`, `categories` or `envelope`.
    subject: str = ""

    @property
    def percent(self) -> int:
        """The share translated, in whole percent, rounded down: 100 only when complete."""
        return 100 * self.translated // self.total if self.total else 100


def subject_of(key: str) -> str:
    """What ``key`` describes: its event or type (``events.x``, ``types.X``), else its group."""
    first, _, rest = key.partition(".")
    if first in ("events", "types"):
        return f"{first}.{rest.partition('.')[0]}"
    return first


def page_of(subject: str) -> str | None:
    """The page (under a language's folder) that shows the strings of ``subject``: the event's
    or the type's own, the events index for category headings and the envelope's words, and
    None for the interface's words, on every page."""
    group, _, name = subject.partition(".")
    if group in ("events", "types"):
        return f"{group}/{name}.md"
    return "events/index.md" if group in ("categories", "envelope") else None


def progress_of(project: Project, code: str, keys: Iterable[str]) -> dict[str, Progress]:
    """Where each of ``keys`` stands in the language ``code``, in the order given."""
    source = project.source
    locale = project.locale(code)
    if locale.is_source:
        return {
            key: Progress.TRANSLATED if key in source.entries else Progress.MISSING for key in keys
        }
    found: dict[str, Progress] = {}
    for key in keys:
        entry, original = locale.entries.get(key), source.entries.get(key)
        state = decide(
            original.text if original else None,
            entry.text if entry else None,
            entry.source if entry else None,
        ).state
        if state in SHOWN_AS_CURRENT:
            found[key] = Progress.TRANSLATED
        elif state in _NEEDS_REVIEW:
            found[key] = Progress.STALE
        else:
            found[key] = Progress.MISSING
    return found


def progress_by_locale(
    project: Project, used_keys: frozenset[str]
) -> dict[str, dict[str, Progress]]:
    """``progress_of`` the keys the pages use (sorted), for every locale of the project."""
    keys = sorted(used_keys)
    return {locale.code: progress_of(project, locale.code, keys) for locale in project.locales}


def coverage(
    project: Project,
    used_keys: frozenset[str],
    progress: dict[str, dict[str, Progress]] | None = None,
) -> list[Coverage]:
    """Count, per locale, the keys the pages use that are current, stale or missing: one row
    for the whole language, then one per subject (event, type, interface words…).
    ``progress`` is ``progress_by_locale`` when the caller has it already."""
    progress = progress_by_locale(project, used_keys) if progress is None else progress
    subjects: dict[str, list[str]] = {}
    for key in sorted(used_keys):
        subjects.setdefault(subject_of(key), []).append(key)
    rows: list[Coverage] = []
    for locale in project.locales:
        states = progress[locale.code]
        counts = {
            subject: _count(states[key] for key in keys) for subject, keys in subjects.items()
        }
        rows.append(Coverage(locale.code, *_count(states.values()), subject=""))
        rows.extend(
            Coverage(locale.code, *counts[subject], subject=subject) for subject in sorted(counts)
        )
    return rows


def _count(states: Iterable[Progress]) -> tuple[int, int, int, int]:
    """Translated, stale, missing and total."""
    translated = stale = missing = 0
    for state in states:
        translated += state is Progress.TRANSLATED
        stale += state is Progress.STALE
        missing += state is Progress.MISSING
    return translated, stale, missing, translated + stale + missing
