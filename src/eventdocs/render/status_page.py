"""The translation status page of each language: coverage per event, per type and of the
interface words as progress bars, then every stale string with its English word diff and every
missing one, each with a link to the page that shows it.

The source language's page says it is the source and shows every language's progress: the
root of the site is where a docs lead looks first, and the language selector leads from there
to each language's own page (every language has one, so the selector never leads nowhere).
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from eventdocs.load.locale import Locale
from eventdocs.load.project import Project
from eventdocs.render.coverage import Coverage, Progress, page_of, subject_of
from eventdocs.render.markdown_text import Markdown
from eventdocs.render.pages import RenderedPage, render_template
from eventdocs.render.translator import Translations
from eventdocs.render.word_diff import WordChange, word_changes

STATUS_TEMPLATE = "status_page.md.j2"
STATUS_PAGE = "translation-status.md"


def status_page_path(locale: Locale) -> str:
    return f"docs/{locale.code}/{STATUS_PAGE}"


@dataclass(frozen=True)
class Subject:
    """One row of the coverage table: an event, a type or a group of words."""

    name: str  # the event's or type's name, or the group (`ui`, `categories`)
    kind: str  # `event`, `type` or `group`
    link: str | None  # the page showing its strings, from the status page
    coverage: Coverage


@dataclass(frozen=True)
class Pending:
    """A string of this language a reader does not get as translated from today's English."""

    key: str
    subject: Subject
    # Stale: how the English changed since the translation was made (empty when the English
    # is the same and the rules refuse the translation instead).
    changes: tuple[WordChange, ...] = ()


@dataclass(frozen=True)
class Status:
    """What the page shows: the language's progress, by subject, and its pending strings (or,
    for the source language, every language's progress)."""

    language: Coverage
    events: tuple[Subject, ...]
    types: tuple[Subject, ...]
    groups: tuple[Subject, ...]
    stale: tuple[Pending, ...]
    missing: tuple[Pending, ...]
    languages: tuple[Coverage, ...]
    source_locale: str  # the language of the word diffs


def _subject(subject: str, row: Coverage) -> Subject:
    group, _, name = subject.partition(".")
    kind = {"events": "event", "types": "type"}.get(group)
    return Subject(name if kind else group, kind or "group", page_of(subject), row)


def translation_status(
    project: Project, locale: Locale, states: dict[str, Progress], rows: list[Coverage]
) -> Status:
    """The status of ``locale`` from where each key the pages use stands in it (``states``,
    its ``progress_of``) and their ``coverage`` (both counted once for every language's
    page)."""
    mine = [row for row in rows if row.locale == locale.code]
    subjects = {row.subject: _subject(row.subject, row) for row in mine if row.subject}
    source, entries = project.source.entries, locale.entries
    stale, missing = [], []
    for key, state in states.items():
        if state is Progress.STALE:
            english, entry = source[key].text or "", entries[key]
            changes = word_changes(entry.source or "", english) if entry.source != english else []
            stale.append(Pending(key, subjects[subject_of(key)], tuple(changes)))
        elif state is Progress.MISSING:
            missing.append(Pending(key, subjects[subject_of(key)]))
    ordered = [subjects[name] for name in sorted(subjects)]
    return Status(
        language=next(row for row in mine if not row.subject),
        events=tuple(subject for subject in ordered if subject.kind == "event"),
        types=tuple(subject for subject in ordered if subject.kind == "type"),
        groups=tuple(subject for subject in ordered if subject.kind == "group"),
        stale=tuple(stale),
        missing=tuple(missing),
        languages=tuple(row for row in rows if not row.subject),
        source_locale=project.source.code,
    )


def render_status_page(
    environment: jinja2.Environment,
    status: Status,
    translations: Translations,
    *,
    generated_from: str,
) -> RenderedPage:
    """Render the translation status page of the language of ``translations``."""
    text, fallbacks = render_template(
        environment,
        STATUS_TEMPLATE,
        translations,
        status=status,
        is_source=translations.target.is_source,
        generated_from=Markdown(generated_from),
    )
    return RenderedPage(status_page_path(translations.target), text, fallbacks)
