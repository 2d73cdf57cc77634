"""The JSON Schema documents of a project: each event's and each shared type's, in one
language, described in inert Markdown (schema viewers render descriptions as Markdown, HTML
included)."""

from __future__ import annotations

from typing import Any

from eventdocs.load.project import Project
from eventdocs.load.schema_model import EventSchema, TypeSchema
from eventdocs.render.jsonschema import (
    build_event_json_schema,
    build_type_json_schema,
    schema_id,
    type_schema_id,
)
from eventdocs.render.outputs import generated_note
from eventdocs.render.translator import LookupTracker, Translations


def render_event_schema(project: Project, event_name: str) -> dict[str, Any]:
    """The English JSON Schema of one event, as ``render_project`` builds it, and nothing else."""
    event = next(event for event in project.events if event.event == event_name)
    note = generated_note(
        project.relative(project.event_paths[event.event]), project.relative(project.source.path)
    )
    return event_schema(
        project, event, Translations(project.source, project.source, LookupTracker()), None, note
    )


def event_schema(
    project: Project,
    event: EventSchema,
    translations: Translations,
    code: str | None,
    note: str,
) -> dict[str, Any]:
    """The JSON Schema of ``event`` in the language of ``translations`` (``code``, or ``None``
    for the source language), described in inert Markdown: schema viewers render descriptions
    as Markdown, HTML included."""
    return build_event_json_schema(
        event,
        translations.markdown.__getitem__,
        types=project.types,
        envelope=project.envelope,
        schema_id=schema_id(project.config.schema_base_url, event, code),
        comment=note,
    )


def type_schema(
    project: Project,
    schema: TypeSchema,
    translations: Translations,
    code: str | None,
    note: str,
) -> dict[str, Any]:
    """The JSON Schema of the shared type ``schema`` on its own, in the language of
    ``translations``."""
    return build_type_json_schema(
        schema,
        translations.markdown.__getitem__,
        types=project.types,
        schema_id=type_schema_id(project.config.schema_base_url, schema, code),
        comment=note,
    )
