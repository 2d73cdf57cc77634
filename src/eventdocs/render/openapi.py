"""The OpenAPI 3.1 document of a project in one language: one webhook per event.

Each event is a ``POST`` under the top-level ``webhooks`` (OpenAPI 3.1's place for requests
the API sends, not receives), keyed and identified (``operationId``) by the event's name. Its
request body is the event's JSON Schema and its examples; the envelope's headers are header
parameters, the one that names the event fixed to this event's name; its category is its tag.
OpenAPI 3.1 schemas are JSON Schema 2020-12, so the bodies are the published schemas as they
are, the shared types once under ``components/schemas``. No ``responses``: OpenAPI 3.1 makes
them optional, and the project does not declare what a receiver answers.
"""

from __future__ import annotations

from typing import Any

from eventdocs.render.api_parts import ApiParts, Webhook

OPENAPI_VERSION = "3.1.1"
JSON = "application/json"


def build_openapi(parts: ApiParts) -> dict[str, Any]:
    """Return the OpenAPI document; it stands alone: every reference is local."""
    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        # First, so the note sits in the file's first lines, where builds look for it.
        "x-generated": parts.note,
        "info": {
            "title": parts.title,
            "version": parts.version,
            "description": parts.description,
        },
    }
    if parts.tags:
        document["tags"] = [
            {"name": name, "description": description} for name, description in parts.tags
        ]
    document["webhooks"] = {
        webhook.event: {"post": _operation(webhook)} for webhook in parts.webhooks
    }
    if parts.schemas:
        document["components"] = {"schemas": parts.schemas}
    return document


def _operation(webhook: Webhook) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": webhook.event,
        "summary": webhook.summary,
        "description": webhook.description,
    }
    if webhook.category:
        operation["tags"] = [webhook.category]
    if webhook.headers:
        operation["parameters"] = [
            {
                "name": header.name,
                "in": "header",
                "required": header.required,
                "description": header.schema["description"],
                "schema": {
                    key: value for key, value in header.schema.items() if key != "description"
                },
            }
            for header in webhook.headers
        ]
    operation["requestBody"] = {
        "required": True,
        "content": {
            JSON: {
                "schema": webhook.body,
                "examples": {
                    f"example{number}": {"value": example}
                    for number, example in enumerate(webhook.examples, 1)
                },
            }
        },
    }
    return operation
