"""The AsyncAPI 3.0 document of a project in one language: the platform sends every event to
one channel, the integrator's webhook URL.

Shape. One channel, ``webhook``, for the URL every delivery goes to (its ``address`` is
``null``: unknown until an integrator registers one); one ``send`` operation and one message
per event on it, each operation naming its event's message only. A channel is an address in
AsyncAPI 3, and operations are apart from channels so that one channel can carry several: a
channel per event or per category would claim addresses no delivery uses, while an operation
per event gives generators one typed handler per event, as OpenAPI's ``webhooks`` does. The
category is a tag of the operation and the message (``components/tags``); the envelope's
headers are the message's ``headers``, the one that names the event fixed to its name; the
examples are the message's ``examples``; each operation carries the HTTP binding ``POST``.

Schemas. ``@asyncapi/parser`` validates a schema without ``schemaFormat`` as an AsyncAPI
Schema Object (a superset of JSON Schema draft-07); the specification lists no 2020-12 format,
and the parser has none: given ``application/schema+json;version=2020-12`` (a multi-format
schema), parser 3.6.6 passes the schema through unvalidated, without a word, however wrong it
is. So the document holds AsyncAPI Schema Objects, converted from the 2020-12 JSON Schemas,
which the parser checks; what differs from them:

- no ``$schema``, ``$id`` or ``$defs``: the shared types are under ``components/schemas`` and
  referred to as ``#/components/schemas/X`` (draft-07 spells ``$defs`` ``definitions``; a
  document's own components need neither);
- a ``$ref`` beside other keywords (a field's ``description``, ``deprecated``, ``examples``)
  becomes ``allOf: [{$ref}]`` beside them: draft-07 ignores every keyword next to ``$ref``;
- the rest is the same keyword for keyword: draft-07 has ``const`` and ``examples``,
  AsyncAPI adds ``deprecated``; ``format: uuid`` is 2019-09's, which draft-07 validators may
  ignore (the parser's ajv-formats checks it). The 2019-09/2020-12 keywords with no draft-07
  equivalent (``unevaluatedProperties``, ``dependentRequired``, ``prefixItems``,
  ``$dynamicRef``) are never in eventdocs' schemas; the tests hold every keyword of these
  documents to draft-07's and AsyncAPI's.
"""

from __future__ import annotations

from typing import Any

from eventdocs.render.api_parts import ApiParts, Webhook, map_schema

ASYNCAPI_VERSION = "3.0.0"
CHANNEL = "webhook"
HTTP_BINDING = {"http": {"method": "POST", "bindingVersion": "0.3.0"}}


def build_asyncapi(parts: ApiParts) -> dict[str, Any]:
    """Return the AsyncAPI document; it stands alone: every reference is local."""
    info: dict[str, Any] = {
        "title": parts.title,
        "version": parts.version,
        "description": parts.description,
    }
    tags = {name: {"name": name, "description": text} for name, text in parts.tags}
    if tags:
        info["tags"] = [_tag(name) for name in tags]
    document: dict[str, Any] = {
        "asyncapi": ASYNCAPI_VERSION,
        # First, so the note sits in the file's first lines, where builds look for it.
        "x-generated": parts.note,
        "info": info,
        "defaultContentType": "application/json",
        "channels": {
            CHANNEL: {
                "address": None,
                "description": parts.delivery,
                "messages": {
                    webhook.event: {"$ref": f"#/components/messages/{webhook.event}"}
                    for webhook in parts.webhooks
                },
            }
        },
        "operations": {webhook.event: _operation(webhook) for webhook in parts.webhooks},
    }
    components: dict[str, Any] = {}
    if parts.schemas:
        components["schemas"] = {name: draft07(schema) for name, schema in parts.schemas.items()}
    components["messages"] = {webhook.event: _message(webhook) for webhook in parts.webhooks}
    if tags:
        components["tags"] = tags
    document["components"] = components
    return document


def _tag(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/tags/{name}"}


def _operation(webhook: Webhook) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "action": "send",
        "channel": {"$ref": f"#/channels/{CHANNEL}"},
        "summary": webhook.summary,
        "description": webhook.description,
    }
    if webhook.category:
        operation["tags"] = [_tag(webhook.category)]
    operation["bindings"] = HTTP_BINDING
    operation["messages"] = [{"$ref": f"#/channels/{CHANNEL}/messages/{webhook.event}"}]
    return operation


def _message(webhook: Webhook) -> dict[str, Any]:
    message: dict[str, Any] = {
        "name": webhook.event,
        "title": webhook.title,
        "summary": webhook.summary,
        "description": webhook.description,
        "contentType": "application/json",
    }
    if webhook.category:
        message["tags"] = [_tag(webhook.category)]
    if webhook.headers:
        required = [header.name for header in webhook.headers if header.required]
        message["headers"] = {
            "type": "object",
            **({"required": required} if required else {}),
            "properties": {header.name: header.schema for header in webhook.headers},
        }
    message["payload"] = draft07(webhook.body)
    message["examples"] = [
        {"name": f"example{number}", "payload": example}
        for number, example in enumerate(webhook.examples, 1)
    ]
    return message


def draft07(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` as an AsyncAPI Schema Object: each ``$ref`` that has keywords beside it
    moved into an ``allOf`` of its own, since draft-07 would ignore those keywords."""

    def alone(node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" not in node or len(node) == 1:
            return node
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return {**rest, "allOf": [{"$ref": node["$ref"]}, *rest.get("allOf", [])]}

    return map_schema(schema, alone)
