"""One language's strings as translators' tools see them: every key the pages use, its English,
its translation and where it stands (missing, stale or current)."""

from __future__ import annotations

from eventdocs.exchange.units import ExchangeFile, Unit, UnitState
from eventdocs.load.project import Project
from eventdocs.render.coverage import Progress, page_of, progress_of, subject_of

# A translator's tool shows a key where coverage counts it: a translation the rules refuse
# needs the same review as one made from an earlier English (both stale); an untranslated one
# is the translator's own choice (current; ``check`` still reports it).
_UNIT_STATE = {
    Progress.MISSING: UnitState.MISSING,
    Progress.STALE: UnitState.STALE,
    Progress.TRANSLATED: UnitState.CURRENT,
}
# What the first part of a key's rest says the string is, in a translator's words.
_KINDS = {"fields": "field", "values": "value", "sections": "section"}


def places_of(key: str) -> tuple[str, ...]:
    """Where ``key``'s string appears, as ``PAGE: WHAT`` (``events/x.md: field status``), or
    as ``WHAT`` alone (no ``": "``) for the words of the site's interface, on every page."""
    subject = subject_of(key)
    page = page_of(subject)
    if page is None:
        return ("the site's interface, on every page",)
    if subject.startswith(("events.", "types.")):
        kind, _, path = key[len(subject) + 1 :].partition(".")
        what = f"{_KINDS[kind]} {path}" if kind in _KINDS and path else key[len(subject) + 1 :]
        return (f"{page}: {what}",)
    return (f"{page}: {key}",)


def collect(project: Project, code: str, used_keys: frozenset[str]) -> ExchangeFile:
    """Every key of the English file the pages use, in that file's order, with the
    translation of locale ``code`` and its state; ``previous`` for a stale one."""
    locale, english = project.locale(code), project.source.entries
    keys = [key for key, entry in english.items() if entry.text and key in used_keys]
    units = []
    for key, standing in progress_of(project, code, keys).items():
        entry = locale.entries.get(key)
        text, source = (entry.text, entry.source) if entry else (None, None)
        state = _UNIT_STATE[standing]
        units.append(
            Unit(
                key=key,
                english=english[key].text or "",
                text=text or "",
                state=state,
                previous=source if state is UnitState.STALE else None,
                places=places_of(key),
            )
        )
    return ExchangeFile(code, tuple(units))
