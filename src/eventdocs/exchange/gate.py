"""The import gate: what a translator's file may change in ``locales/``, and nothing else.

Every rule ``check`` applies to a locale string applies to an imported one, through the check's
own functions, and a file may only translate keys the pages use, into a language the project
has, from the English of today or the English the translation was recorded against. Each
refusal names the file and line of its entry; one refusal in any file refuses the import.

What a unit does to a key (``Translation`` is the key's new text and ``source``):

- an empty translation changes nothing: an existing one is never deleted by an import (a tool
  leaves an entry empty for "not done yet"; delete a translation in the YAML file);
- a current unit records its text, and its English as ``source``: today's English makes it
  current, the recorded earlier English keeps it stale;
- a stale (fuzzy) unit records its text and keeps the recorded ``source``, so the key keeps
  its state (a stale key stays stale); a key with no translation yet has no state to keep,
  and refuses one: recording today's English would make an unreviewed translation current.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventdocs.edit.imported import Translation
from eventdocs.errors import LoadError
from eventdocs.exchange.units import ExchangeFile, Unit, UnitState
from eventdocs.load.locale import Entry, normalize_text
from eventdocs.load.project import Project
from eventdocs.render.prose import invisible_characters
from eventdocs.render.prose_rules import markup_difference, unsafe_content
from eventdocs.render.translation_state import State, decide


class ImportRefused(LoadError):
    """An import the gate refused: ``problems`` holds every refusal, each naming its line."""


# The changes an import makes: per language code, per key.
Changes = dict[str, dict[str, Translation]]


def admit(project: Project, used_keys: frozenset[str], files: Iterable[ExchangeFile]) -> Changes:
    """The changes ``files`` make to the project's locale files; raise ``ImportRefused``
    with every refusal of every file when any unit breaks a rule."""
    problems: list[LoadError] = []
    changes: Changes = {}
    allowed = project.config.allowed_words
    for exchange in files:
        path = exchange.path or Path(f"{exchange.language}")
        code = _language(project, exchange, path, problems)
        if code is None:
            continue
        if code in changes:
            problems.append(_refusal(path, 1, f"a second file for {code!r} in this import"))
            continue
        changes[code] = _admit_file(project, used_keys, exchange, path, allowed, problems)
    if problems:
        raise ImportRefused.standing_for(problems)
    return {code: keys for code, keys in changes.items() if keys}


def _refusal(path: Path, line: int, message: str) -> LoadError:
    return LoadError(message, path=path, line=line or 1)


def _language(
    project: Project, exchange: ExchangeFile, path: Path, problems: list[LoadError]
) -> str | None:
    """The project language ``exchange`` is for, or None (a refusal added)."""
    code = exchange.language
    named = path.stem.replace("_", "-")
    codes = [locale.code for locale in project.locales]
    if named != code:
        message = f"the header says the language is {code!r}, the file name says {named!r}"
    elif code not in codes:
        message = f"the project has no language {code!r} (it has {', '.join(codes)})"
    elif project.locale(code).is_source:
        message = f"{code!r} is the source language; its strings are written in its YAML file"
    else:
        return code
    problems.append(_refusal(path, 1, message))
    return None


def _admit_file(
    project: Project,
    used_keys: frozenset[str],
    exchange: ExchangeFile,
    path: Path,
    allowed: frozenset[str],
    problems: list[LoadError],
) -> dict[str, Translation]:
    english = project.source.entries
    locale = project.locale(exchange.language)
    seen: dict[str, int] = {}
    changes: dict[str, Translation] = {}
    for unit in exchange.units:
        original = english.get(unit.key)
        problem: str | None
        if unit.key in seen:
            problem = f"{unit.key!r} is already translated at line {seen[unit.key]}"
        elif unit.key not in used_keys or original is None or not original.text:
            problem = f"no page uses the key {unit.key!r}; keep the keys as exported"
        else:
            outcome = _admit_unit(unit, original.text, locale.entries.get(unit.key), allowed)
            if isinstance(outcome, Translation):
                changes[unit.key] = outcome
            problem = outcome if isinstance(outcome, str) else None
        seen.setdefault(unit.key, unit.line)
        if problem:
            problems.append(_refusal(path, unit.line, problem))
    return changes


def _admit_unit(
    unit: Unit, english: str, entry: Entry | None, allowed: frozenset[str]
) -> Translation | str | None:
    """The translation ``unit`` records for its key; a refusal's message; or None when it
    changes nothing."""
    text = normalize_text(unit.text)
    if unit.state is UnitState.MISSING or not text:
        return None
    recorded = entry.source if entry and entry.text else None
    said = normalize_text(unit.english)
    if said not in (english, recorded):
        return (
            f"{unit.key!r}: its English is neither today's nor the one its translation was "
            "made from; export the file again"
        )
    if unit.state is UnitState.STALE:
        if recorded is None:
            return (
                f"{unit.key!r} has no translation to keep the state of, and this one is marked "
                "fuzzy: review it and clear the flag (or leave it empty)"
            )
        source = recorded
    else:
        source = said
    if entry is not None and (entry.text, entry.source) == (text, source):
        return None
    if problem := _refused(english, text, source, allowed):
        return f"{unit.key!r}: {problem}"
    return Translation(text, source)


def _refused(english: str, text: str, source: str, allowed: frozenset[str]) -> str | None:
    """What ``check`` would report about ``text`` as the translation of ``english``, made
    from ``source``, or None: the same rules, through the same functions."""
    if problem := unsafe_content(text):
        return problem
    if characters := invisible_characters(text):
        return f"contains {', '.join(characters)}; remove it"
    if problem := markup_difference(english, text):
        return problem
    if decide(english, text, source, allowed_words=allowed).state is State.UNTRANSLATED:
        return "identical to the English; translate it (or allow the word in eventdocs.toml)"
    return None
