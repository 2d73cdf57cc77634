"""The JSON Schema documents of a project: each event's and each shared type's, in one
language, described in inert Markdown (schema viewers render descriptions as Markdown, HTML
included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventdocs.errors import RenderError
from eventdocs.load import plain
from eventdocs.load.cache import cached_parse, digest, format_tag
from eventdocs.load.format_schemas import FORMATS, format_schemas
from eventdocs.load.project import Project
from eventdocs.load.schema_model import EventSchema, TypeSchema
from eventdocs.render.jsonschema import (
    TitleClash,
    build_event_json_schema,
    build_type_json_schema,
    schema_id,
    type_schema_id,
)
from eventdocs.render.outputs import GENERATED_MARKER, generated_note
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
    try:
        return build_event_json_schema(
            event,
            translations.markdown.__getitem__,
            types=project.types,
            envelope=project.envelope,
            schema_id=schema_id(project.config.schema_base_url, event, code),
            comment=note,
        )
    except TitleClash as error:
        raise RenderError(str(error), path=project.event_paths[event.event]) from None


def type_schema(
    project: Project,
    schema: TypeSchema,
    translations: Translations,
    code: str | None,
    note: str,
) -> dict[str, Any]:
    """The JSON Schema of the shared type ``schema`` on its own, in the language of
    ``translations``."""
    try:
        return build_type_json_schema(
            schema,
            translations.markdown.__getitem__,
            types=project.types,
            schema_id=type_schema_id(project.config.schema_base_url, schema, code),
            comment=note,
        )
    except TitleClash as error:
        raise RenderError(str(error), path=project.type_paths[schema.name]) from None


def format_schema_path(name: str) -> str:
    """Where the JSON Schema of one of eventdocs' own file formats is published."""
    return f"docs/schemas/format/{name}.json"


def cached_format_schemas(cache: Path | None) -> dict[str, dict[str, Any]]:
    """``format_schemas()`` with the generated note, remembered per version of the code: a
    warm run neither derives them again nor imports the validator."""
    tag = format_tag()
    note = f"{GENERATED_MARKER} from eventdocs' own models. Do not edit: it changes with them."

    def derive() -> dict[str, dict[str, Any]]:
        return {
            name: {"$schema": document["$schema"], "$comment": note, **document}
            for name, document in format_schemas().items()
        }

    return cached_parse(
        cache,
        digest("format-schemas", tag),
        tag,
        derive,
        encode=lambda documents: documents,
        decode=_documents_from_plain,
    )


def _documents_from_plain(data: object) -> dict[str, dict[str, Any]]:
    documents = {
        plain.text(name): plain.mapping(document) for name, document in plain.mapping(data).items()
    }
    if set(documents) != set(FORMATS):
        raise ValueError("other formats")
    return documents
