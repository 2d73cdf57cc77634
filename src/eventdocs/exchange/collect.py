"""One language's strings as translators' tools see them: every key the pages use, its English,
its translation and where it stands (missing, stale or current)."""

from __future__ import annotations

from eventdocs.exchange.units import ExchangeFile, Unit, UnitState
from eventdocs.load.project import Project
from eventdocs.render.coverage import page_of, subject_of
from eventdocs.render.translation_state import State, decide

# How a translator's tool shows each state ``check`` knows: a translation the rules refuse
# needs the same review as one made from an earlier English; an untranslated one is the
# translator's own choice (``check`` still reports it).
_UNIT_STATE = {
    State.MISSING: UnitState.MISSING,
    State.STALE: UnitState.STALE,
    State.REFUSED: UnitState.STALE,
    State.CURRENT: UnitState.CURRENT,
    State.UNTRANSLATED: UnitState.CURRENT,
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
    locale = project.locale(code)
    allowed = frozenset(word.casefold() for word in project.config.identical_allowed)
    units = []
    for key, original in project.source.entries.items():
        if key not in used_keys or not original.text:
            continue
        entry = locale.entries.get(key)
        text, source = (entry.text, entry.source) if entry else (None, None)
        state = _UNIT_STATE[decide(original.text, text, source, allowed_words=allowed).state]
        units.append(
            Unit(
                key=key,
                english=original.text,
                text=text or "",
                state=state,
                previous=source if state is UnitState.STALE else None,
                places=places_of(key),
            )
        )
    return ExchangeFile(code, tuple(units))
