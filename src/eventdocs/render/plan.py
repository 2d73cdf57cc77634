"""What each output of a project is made from, worked out once per rendering: the files as
generated notes name them, their digests, the rows of every fields table, the types each event
and type uses, and the inputs each output's fingerprint is made of (an output is rendered again
exactly when one of them changes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventdocs.errors import RenderError
from eventdocs.load.locale import Locale
from eventdocs.load.project import Project
from eventdocs.load.schema_model import EventSchema, types_used
from eventdocs.render.fields import Row, TooManyRows, event_rows, type_rows


class RenderPlan:
    """The per-project facts every language's rendering shares."""

    def __init__(self, project: Project) -> None:
        self.project = project
        # Paths as generated files name them, worked out once rather than for every output.
        self.event_files = {
            event: project.relative(path) for event, path in project.event_paths.items()
        }
        self.locale_files = {
            locale.code: project.relative(locale.path) for locale in project.locales
        }
        self.event_digests = {
            event: project.file_digests[path] for event, path in self.event_files.items()
        }
        self.type_files = {
            name: project.relative(path) for name, path in project.type_paths.items()
        }
        self.type_digests = {
            name: project.file_digests[path] for name, path in self.type_files.items()
        }
        # Which key describes a row depends on the source language alone: worked out once.
        has_text = project.source.entries.rows.__contains__
        self.event_rows = {
            event.event: _rows_of(
                event_rows, project.event_paths[event.event], event, project.types, has_text
            )
            for event in project.events
        }
        self.type_rows = {
            name: _rows_of(type_rows, project.type_paths[name], schema, project.types)
            for name, schema in project.types.items()
        }
        self.event_types = {
            event.event: types_used(event.references(), project.types) for event in project.events
        }
        self.type_types = {name: types_used([name], project.types) for name in project.types}
        self.used_by: dict[str, list[str]] = {name: [] for name in project.types}
        for event in project.events:
            for name in self.event_types[event.event]:
                self.used_by[name].append(event.event)

    def event_parts(self, event: EventSchema, locale: Locale) -> tuple[str, ...]:
        # A page shows the event's own strings, those of the types it uses and the `ui.*`
        # ones, in both languages.
        used = self.event_types[event.event]
        return self.parts((event.event,), used, locale, self.event_digests[event.event])

    def type_parts(
        self, name: str, locale: Locale, events: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        # A type's page and schema show its strings and those of the types it uses; its page
        # also names the events that use it.
        return self.parts(events, self.type_types[name], locale, self.type_digests[name])

    def parts(
        self, groups: tuple[str, ...], types: list[str], locale: Locale, *files: str
    ) -> tuple[str, ...]:
        source = self.project.source
        names = ("ui", *groups, *(f"types.{name}" for name in types))
        return (
            *files,
            *(self.type_digests[name] for name in types),
            *(language.digests.get(group, "") for language in (source, locale) for group in names),
        )

    def everything(self, locale: Locale) -> tuple[str, ...]:
        return (
            *self.event_digests.values(),
            *self.type_digests.values(),
            *self.project.source.digests.values(),
            *locale.digests.values(),
        )


def _rows_of(rows: Callable[..., list[Row]], path: Path, *args: Any) -> list[Row]:
    """A table's rows, or the error naming the file whose fields would make it too long."""
    try:
        return rows(*args)
    except TooManyRows as error:
        raise RenderError(str(error), path=path) from None
