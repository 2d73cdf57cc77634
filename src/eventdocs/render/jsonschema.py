"""JSON Schema (Draft 2020-12) for one event, with descriptions in one language.

Standard keywords only, so validators accept it with their default settings. Objects stay open
(a field added later never breaks an integrator); the status set is closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventdocs.load.schema import EventSchema, Field

DIALECT = "https://json-schema.org/draft/2020-12/schema"

Translate = Callable[[str], str]


def schema_file_name(
    event: EventSchema, locale_code: str | None, *, version: int | None = None
) -> str:
    """``v1.json`` for the source language, ``v1.fr.json`` for a localized variant."""
    suffix = f".{locale_code}" if locale_code else ""
    return f"v{version or event.version}{suffix}.json"


def schema_path(event: EventSchema, locale_code: str | None) -> str:
    """Return the schema's path relative to the project root."""
    return f"docs/schemas/{event.event}/{schema_file_name(event, locale_code)}"


def schema_id(
    base_url: str, event: EventSchema, locale_code: str | None, *, version: int | None = None
) -> str:
    """Return the stable ``$id``: the URL the schema is served at."""
    return f"{base_url}{event.event}/{schema_file_name(event, locale_code, version=version)}"


def build_event_json_schema(
    event: EventSchema,
    translate: Translate,
    *,
    schema_id: str,
    comment: str,
) -> dict[str, Any]:
    """Return the JSON Schema of the webhook request body of ``event``."""
    key = f"events.{event.event}"
    statuses = {
        status.value: {
            "const": status.value,
            "title": translate(f"{key}.statuses.{status.value}.title"),
            "description": translate(f"{key}.statuses.{status.value}.description"),
            **({"deprecated": True} if status.deprecated else {}),
        }
        for status in event.statuses
    }
    payload = _object_schema(event.payload, f"{key}.fields.", translate, statuses)
    payload["description"] = translate("ui.envelope.payload")
    return {
        "$schema": DIALECT,
        "$id": schema_id,
        "$comment": comment,
        "title": translate(f"{key}.title"),
        "description": translate(f"{key}.summary"),
        "type": "object",
        "required": ["event", "payload"],
        "properties": {
            "event": {"description": translate("ui.envelope.event"), "const": event.event},
            "payload": payload,
        },
        "examples": list(event.examples),
    }


def _object_schema(
    fields: tuple[Field, ...],
    prefix: str,
    translate: Translate,
    statuses: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object"}
    required = [field.name for field in fields if field.required]
    if required:
        schema["required"] = required
    if fields:
        schema["properties"] = {
            field.name: _field_schema(field, f"{prefix}{field.name}", translate, statuses)
            for field in fields
        }
    return schema


def _field_schema(
    field: Field,
    key: str,
    translate: Translate,
    statuses: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    schema: dict[str, Any] = {"description": translate(key)}
    if field.deprecated:
        schema["deprecated"] = True
    if field.type == "object":
        schema.update(_object_schema(field.fields, f"{key}.", translate, statuses))
    else:
        schema["type"] = field.type
    if field.nullable:
        schema["type"] = [schema["type"], "null"]
    if field.items:
        schema["items"] = {"type": field.items}
    if field.format:
        schema["format"] = field.format
    if field.pattern:
        schema["pattern"] = field.pattern
    if field.values == "statuses":
        schema["oneOf"] = list(statuses.values())
    return schema
