"""Translation drift: missing, orphaned, stale, untranslated, broken or unsafe strings."""

from __future__ import annotations

from collections.abc import Iterator

from eventdocs.check.findings import Code, Finding, Severity
from eventdocs.load.locale import Entry, Locale
from eventdocs.load.project import Project
from eventdocs.render.prose import invisible_characters
from eventdocs.render.prose_rules import markup_difference, unsafe_content
from eventdocs.render.translation_state import State, decide
from eventdocs.render.word_diff import word_diff


def check_translations(project: Project, used_keys: frozenset[str]) -> Iterator[Finding]:
    """Yield every translation finding, locale by locale, in key order."""
    source = project.source
    allowed = project.config.allowed_words
    yield from _check_source(project, source, used_keys)
    for locale in project.locales[1:]:
        yield from _check_locale(project, source, locale, used_keys, allowed)


def _check_source(project: Project, source: Locale, used_keys: frozenset[str]) -> Iterator[Finding]:
    path = project.relative(source.path)
    for key in sorted(used_keys - source.entries.keys()):
        yield Finding(
            path, None, Code.MISSING, key, "the pages need this key; add its English text"
        )
    for key, entry in source.entries.items():
        if key not in used_keys:
            yield Finding(path, entry.line, Code.ORPHAN, key, "no page uses this key; remove it")
        elif entry.text:
            yield from _check_text(path, key, entry)


def _check_locale(
    project: Project,
    source: Locale,
    locale: Locale,
    used_keys: frozenset[str],
    allowed: frozenset[str],
) -> Iterator[Finding]:
    path = project.relative(locale.path)
    near = _missing_places(source, locale, used_keys)
    for key in sorted(used_keys - locale.entries.keys()):
        yield Finding(
            path,
            None,
            Code.MISSING,
            key,
            "no translation; run `eventdocs sync` to add it, untranslated, and translate it",
            near_line=near.get(key),
        )
    for key, entry in locale.entries.items():
        original = source.entries.get(key)
        if key not in used_keys or original is None or original.text is None:
            yield Finding(path, entry.line, Code.ORPHAN, key, "no page uses this key; remove it")
            continue
        yield from _check_entry(path, key, entry, original.text, allowed)


def _missing_places(
    source: Locale, locale: Locale, used_keys: frozenset[str]
) -> dict[str, int | None]:
    """Where each key the pages use and ``locale`` lacks belongs, as ``eventdocs sync`` adds
    it: after the nearest key before it in the English order that the file has (the line of
    that key), or before the first of them when none comes earlier."""
    present = [key for key in source.entries if key in used_keys and key in locale.entries]
    first = locale.entries[present[0]].line if present else None
    places: dict[str, int | None] = {}
    previous: int | None = None
    for key in source.entries:
        if key in locale.entries:
            previous = locale.entries[key].line if key in used_keys else previous
        elif key in used_keys:
            places[key] = previous if previous is not None else first
    return places


def _check_entry(
    path: str, key: str, entry: Entry, english: str, allowed: frozenset[str]
) -> Iterator[Finding]:
    state = decide(english, entry.text, entry.source, allowed_words=allowed).state
    if state is State.MISSING:
        yield Finding(path, entry.line, Code.MISSING, key, "not translated yet; fill in `text`")
        return
    assert entry.text is not None
    yield from _check_text(path, key, entry)
    if state is State.STALE:
        yield Finding(
            path,
            entry.line,
            Code.STALE,
            key,
            "the English changed since this was translated; update `text`, then `eventdocs accept`",
            detail=word_diff(entry.source or "", english),
        )
    if state is State.UNTRANSLATED:
        yield Finding(
            path,
            entry.line,
            Code.UNTRANSLATED,
            key,
            "identical to the English; translate it (or allow the word in eventdocs.toml)",
            severity=Severity.ERROR,
        )
    if problem := markup_difference(english, entry.text):
        yield Finding(path, entry.line, Code.MARKUP, key, problem)


def _check_text(path: str, key: str, entry: Entry) -> Iterator[Finding]:
    """What no string may hold, in any language: markup the site would render, and characters
    a reader cannot see (which can reorder or hide what the reader does see)."""
    assert entry.text is not None
    if problem := unsafe_content(entry.text):
        yield Finding(path, entry.line, Code.UNSAFE, key, problem)
    if characters := invisible_characters(entry.text):
        yield Finding(
            path,
            entry.line,
            Code.INVISIBLE,
            key,
            f"contains {', '.join(characters)}; remove {'it' if len(characters) == 1 else 'them'}",
        )
