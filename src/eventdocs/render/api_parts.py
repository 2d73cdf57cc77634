"""What the OpenAPI and AsyncAPI documents of one language share: every event's request body
and examples, the shared types once, the envelope's headers, the categories and the info.

The bodies are the very JSON Schemas ``docs/schemas/<event>/`` publishes (``event_schema``),
so a document describes each request exactly as its JSON Schema does. Each event schema's
``$defs`` become the document's ``components/schemas`` (a type once, however many events use
it), its ``#/$defs/`` references ``#/components/schemas/`` ones, and its ``$schema``, ``$id``
and ``$comment`` are left out: an ``$id`` inside a document would make its local references
resolve against another URL. Its ``examples`` move to where each format keeps a request's
examples. What is translated is description-like only (``description``, ``summary``);
names, titles, tags, enum values and examples are the same in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from eventdocs.load.cache import digest
from eventdocs.load.project import Project
from eventdocs.render.jsonschema import pascal_case
from eventdocs.render.prose import parse_prose
from eventdocs.render.schemas import event_schema
from eventdocs.render.translator import Translations

# The documents, by the name their files start with (`docs/schemas/openapi.fr.json`).
API_KINDS = ("openapi", "asyncapi")

# Keywords whose value is a schema, a list of schemas, or a map of names to schemas: the only
# places a walk over a schema descends, so a payload held by `examples`, `const` or `default`
# (or a field named like a keyword) is never taken for a schema.
_SCHEMA = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs")
# The keys only the root of a published JSON Schema has: a document holds its own.
_ROOT_ONLY = ("$schema", "$id", "$comment", "$defs", "examples")
_DEFS, _COMPONENTS = "#/$defs/", "#/components/schemas/"


def api_document_path(kind: str, locale_code: str | None) -> str:
    """``docs/schemas/openapi.json`` for the source language, ``openapi.fr.json`` for a
    variant: beside the catalog, named like the JSON Schemas' language variants."""
    suffix = f".{locale_code}" if locale_code else ""
    return f"docs/schemas/{kind}{suffix}.json"


@dataclass(frozen=True)
class Header:
    """An HTTP header of every delivery, as a JSON Schema (with its translated description)."""

    name: str
    required: bool
    schema: dict[str, Any]


@dataclass(frozen=True)
class Webhook:
    """One event as a request: what both documents say about it."""

    event: str
    title: str  # the identifier code generators name its message after
    category: str | None
    summary: str  # translated: the event's title
    description: str  # translated: the event's one-line summary
    body: dict[str, Any]  # the request body's JSON Schema, referring to components
    examples: tuple[dict[str, Any], ...]
    headers: tuple[Header, ...]  # the envelope's, the event's name fixed in its own


@dataclass(frozen=True)
class ApiParts:
    """Everything one language's OpenAPI and AsyncAPI documents say."""

    note: str
    title: str
    version: str
    description: str
    # Translated: where the deliveries go (AsyncAPI's one channel).
    delivery: str
    webhooks: tuple[Webhook, ...]
    schemas: dict[str, dict[str, Any]]
    # (category, translated heading), in the order the events index shows them.
    tags: tuple[tuple[str, str], ...]


def api_parts(
    project: Project, translations: Translations, code: str | None, note: str
) -> ApiParts:
    """The parts of the documents in the language of ``translations`` (``code``, ``None`` for
    the source language), each request body built as its event's JSON Schema is."""
    text = translations.markdown
    schemas: dict[str, dict[str, Any]] = {}
    webhooks = []
    for event in project.events:
        document = event_schema(project, event, translations, code, "")
        for name, definition in document.get("$defs", {}).items():
            schemas.setdefault(name, relocated(definition))
        body = {key: value for key, value in document.items() if key not in _ROOT_ONLY}
        webhooks.append(
            Webhook(
                event=event.event,
                title=pascal_case(event.event),
                category=event.category,
                # `summary` is plain text in both formats: the words, without markup.
                summary=parse_prose(translations.plain[f"events.{event.event}.title"]).plain,
                description=text[f"events.{event.event}.summary"],
                body=relocated(body),
                examples=event.examples,
                headers=tuple(_headers(project, text.__getitem__, event.event)),
            )
        )
    categories = dict.fromkeys(event.category for event in project.events if event.category)
    return ApiParts(
        note=note,
        # Language-neutral, as every title is: the host the schemas are served from.
        title=urlsplit(project.config.schema_base_url).hostname or "",
        # Names the set of events and their versions: it changes whenever an event is added,
        # removed or versioned, and is the same in every language.
        version="catalog-"
        + digest(*(f"{event.event}@{event.version}" for event in project.events))[:12],
        description=text["ui.api.description"],
        delivery=text["ui.api.channel"],
        webhooks=tuple(webhooks),
        schemas=dict(sorted(schemas.items())),
        tags=tuple((category, text[f"categories.{category}"]) for category in categories),
    )


def _headers(project: Project, text: Callable[[str], str], event: str) -> Iterator[Header]:
    envelope = project.envelope
    for header in envelope.headers:
        schema: dict[str, Any] = {
            "description": text(f"envelope.headers.{header.name}"),
            "type": "string",
        }
        if header.format:
            schema["format"] = header.format
        if header.pattern:
            schema["pattern"] = header.pattern
        # Header names are case-insensitive (RFC 9110), and so is the envelope's check of them.
        named = envelope.identified_by.header
        if named is not None and header.name.lower() == named.lower():
            schema["const"] = event
        yield Header(header.name, header.required, schema)


def map_schema(
    schema: dict[str, Any], change: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[str, Any]:
    """``schema`` with ``change`` applied to it and to every schema inside it, innermost
    first; values that are payloads (``examples``, ``const``, ``default``) stay as they are."""
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA and isinstance(value, dict):
            value = map_schema(value, change)
        elif key in _SCHEMA_LISTS:
            value = [map_schema(item, change) for item in value]
        elif key in _SCHEMA_MAPS:
            value = {name: map_schema(item, change) for name, item in value.items()}
        result[key] = value
    return change(result)


def relocated(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with its references to ``#/$defs/X`` pointing at ``#/components/schemas/X``."""

    def move(node: dict[str, Any]) -> dict[str, Any]:
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith(_DEFS):
            return {**node, "$ref": _COMPONENTS + reference.removeprefix(_DEFS)}
        return node

    return map_schema(schema, move)
