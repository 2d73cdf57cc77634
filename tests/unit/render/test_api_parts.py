"""The walk over a schema the API documents are built with: it meets every schema inside one
and nothing else, so a payload or a field named like a keyword is never taken for a schema."""

from __future__ import annotations

from typing import Any

import pytest

from eventdocs.render.api_parts import api_document_path, map_schema, relocated

# A schema whose fields are named like keywords, with a payload that looks like a schema.
TRICKY: dict[str, Any] = {
    "type": "object",
    "properties": {
        "default": {"description": "A field named `default`", "$ref": "#/$defs/Team"},
        "examples": {"type": "array", "items": {"$ref": "#/$defs/Contact"}},
    },
    "additionalProperties": {"anyOf": [{"$ref": "#/$defs/Team"}, {"type": "null"}]},
    "examples": [{"$ref": "#/$defs/Team"}],
    "default": {"$ref": "#/$defs/Team"},
}


def test_map_schema_meets_every_schema_and_no_payload() -> None:
    """Every schema inside is changed, innermost first; `examples` and `default` are not."""
    met: list[str] = []

    def record(node: dict[str, Any]) -> dict[str, Any]:
        met.append(str(node.get("$ref") or node.get("type") or sorted(node)))
        return node

    assert map_schema(TRICKY, record) == TRICKY
    assert met == [
        "#/$defs/Team",
        "#/$defs/Contact",
        "array",
        "#/$defs/Team",
        "null",
        "['anyOf']",
        "object",
    ]


def test_relocated_moves_references_into_components_and_leaves_payloads() -> None:
    """`#/$defs/X` becomes `#/components/schemas/X` in schemas; payloads keep their text."""
    moved = relocated(TRICKY)
    assert moved["properties"]["default"]["$ref"] == "#/components/schemas/Team"
    assert moved["properties"]["examples"]["items"] == {"$ref": "#/components/schemas/Contact"}
    assert moved["additionalProperties"]["anyOf"][0] == {"$ref": "#/components/schemas/Team"}
    assert moved["examples"] == [{"$ref": "#/$defs/Team"}]
    assert moved["default"] == {"$ref": "#/$defs/Team"}


@pytest.mark.parametrize(
    ("kind", "code", "path"),
    [
        ("openapi", None, "docs/schemas/openapi.json"),
        ("asyncapi", "pt", "docs/schemas/asyncapi.pt.json"),
    ],
)
def test_documents_sit_beside_the_catalog(kind: str, code: str | None, path: str) -> None:
    """A document is named like the JSON Schemas' language variants, under docs/schemas/."""
    assert api_document_path(kind, code) == path
