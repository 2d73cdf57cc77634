"""``eventdocs accept``: a reviewed translation is marked current by re-stamping its ``source``.

Only the ``source:`` values change, in place: comments, order and layout stay as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventdocs.base.atomic import atomic_write
from eventdocs.edit.yaml_text import apply_edits, encode_like, yaml_string
from eventdocs.errors import UsageError, WriteError
from eventdocs.load.locale import Entry, Locale, parse_locale_bytes, source_spans
from eventdocs.load.project import Project
from eventdocs.load.yaml_files import decode_text, read_bytes
from eventdocs.render.translation_state import State, decide


@dataclass(frozen=True)
class Accepted:
    locale: str
    key: str


def _stale(entry: Entry, english: str | None) -> bool:
    return decide(english, entry.text, entry.source).state is State.STALE


def accept_translations(project: Project, code: str, keys: tuple[str, ...]) -> list[Accepted]:
    """Re-stamp ``keys`` (every stale key when empty) of locale ``code`` as current."""
    locale = project.locale(code)
    if locale.is_source:
        raise UsageError(f"{code!r} is the source language; its strings need no accepting")
    source = project.source
    for key in keys:
        entry = locale.entries.get(key)
        if entry is None:
            raise UsageError(f"{project.relative(locale.path)} has no key {key!r}")
        if not entry.text:
            raise UsageError(f"{key!r} is not translated in {code!r} yet; translate it first")
    chosen = keys or tuple(
        key
        for key, entry in locale.entries.items()
        if _stale(entry, getattr(source.entries.get(key), "text", None))
    )
    restamp = {
        key: source.entries[key].text or ""
        for key in chosen
        if key in source.entries and locale.entries[key].source != source.entries[key].text
    }
    _rewrite_sources(locale, restamp)
    return [Accepted(code, key) for key in restamp]


def accept_minor_edit(project: Project, keys: tuple[str, ...]) -> list[Accepted]:
    """After an English edit that changes no meaning, re-stamp ``keys`` in every language.

    A language is re-stamped only if its stamp is the English text every other language was
    stamped with too: a translation that was already stale before the edit stays stale.
    """
    if not keys:
        raise UsageError("--minor needs the keys whose English was edited")
    source = project.source
    accepted: list[Accepted] = []
    plans: dict[str, dict[str, str]] = {}
    for key in keys:
        original = source.entries.get(key)
        if original is None or not original.text:
            raise UsageError(f"{project.relative(source.path)} has no key {key!r}")
        stamps = {
            locale.code: locale.entries[key].source
            for locale in project.locales[1:]
            if key in locale.entries and locale.entries[key].text
        }
        previous = {stamp for stamp in stamps.values() if stamp != original.text}
        if len(previous) > 1:
            raise UsageError(
                f"{key!r}: languages were translated from different English texts "
                f"({', '.join(sorted(stamps))}); review them with `eventdocs check` instead"
            )
        for code, stamp in stamps.items():
            if stamp != original.text:
                plans.setdefault(code, {})[key] = original.text
                accepted.append(Accepted(code, key))
    for locale in project.locales[1:]:
        if locale.code in plans:
            _rewrite_sources(locale, plans[locale.code])
    return accepted


def _rewrite_sources(locale: Locale, new_sources: dict[str, str]) -> None:
    if not new_sources:
        return
    raw = read_bytes(locale.path, what="locale file")
    text = decode_text(raw, locale.path)
    spans = source_spans(locale.path, raw)

    def restamped(key: str) -> tuple[int, int, str]:
        span = spans[key]
        old = text[span.start : span.end]
        trailing = old[len(old.rstrip("\n")) :]
        return span.start, span.end, yaml_string(new_sources[key]) + trailing

    text = apply_edits(text, map(restamped, new_sources))
    edited = encode_like(raw, text)
    # Never leave a file that `load` refuses: the edit is parsed before it replaces the file.
    entries = parse_locale_bytes(locale.path, edited, is_source=False)
    if any(entries[key].source != source for key, source in new_sources.items()):
        raise WriteError(
            f"accepting would not record the English as written; nothing changed "
            f"in {locale.path.name}"
        )
    atomic_write(locale.path, edited, mode=locale.path.stat().st_mode)
