"""The event schema model refuses shapes that cannot be documented consistently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from eventdocs.errors import LoadError
from eventdocs.load._models import validate_data
from eventdocs.load.references import check_references
from eventdocs.load.schema import load_event_schema
from eventdocs.load.schema_model import EventSchema, TypeSchema
from tests.helpers import REPO

EXAMPLE = [{"event": "thing_done", "payload": {}}]


def schema(**changes: Any) -> dict[str, Any]:
    document = {"event": "thing_done", "version": 1, "examples": EXAMPLE, **changes}
    return {key: value for key, value in document.items() if value is not None}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {
                "payload": [
                    {"name": "a", "type": "string", "fields": [{"name": "b", "type": "string"}]}
                ]
            },
            "only an object has nested fields",
        ),
        ({"payload": [{"name": "a", "type": "array"}]}, "only an array, has `items`"),
        ({"payload": [{"name": "a", "type": "string", "ref": "A"}]}, "give one of `type`"),
        ({"payload": [{"name": "a"}]}, "give one of `type`, `ref`"),
        ({"payload": [{"name": "a", "one_of": [{"ref": "A"}]}]}, "two shapes or more"),
        (
            {
                "payload": [
                    {
                        "name": "a",
                        "one_of": [
                            {"type": "object", "fields": [{"name": "b", "type": "string"}]},
                            {"type": "string"},
                        ],
                    }
                ]
            },
            "a `ref` or a plain type",
        ),
        (
            {"payload": [{"name": "a", "type": "string", "discriminator": "kind"}]},
            "only a `one_of`",
        ),
        (
            {"payload": [{"name": "a", "type": "string", "map": {"type": "string"}}]},
            "only an object",
        ),
        ({"payload": [{"name": "a", "type": "object", "enum": [{"value": "x"}]}]}, "an enum"),
        ({"payload": [{"name": "a", "type": "string", "minimum": 1}]}, "are for numbers"),
        ({"payload": [{"name": "a", "type": "integer", "max_length": 1}]}, "are for strings"),
        (
            {
                "payload": [
                    {"name": "a", "type": "string", "enum": [{"value": "x"}, {"value": "x"}]}
                ]
            },
            "enum value 'x' is listed twice",
        ),
        ({"payload": [{"name": "a", "type": "string", "replaced_by": "b"}]}, "only a deprecated"),
        (
            {"payload": [{"name": "a", "type": "string", "deprecated": True, "replaced_by": "b"}]},
            "not another field of the same object",
        ),
        (
            {
                "payload": [
                    {
                        "name": "o",
                        "type": "object",
                        "fields": [
                            {"name": "a", "type": "string", "deprecated": True, "replaced_by": "a"}
                        ],
                    }
                ]
            },
            "not another field of the same object",
        ),
        (
            {"payload": [{"name": "a", "ref": "A", "fields": [{"name": "b", "type": "string"}]}]},
            "takes its fields from the shared type",
        ),
        (
            {"payload_type": "Contact", "payload": [{"name": "a", "type": "string"}]},
            "`payload` fields or its `payload_type`, one",
        ),
        ({"payload": [], "payload_type": None}, "`payload` fields or its `payload_type`, one"),
        (
            {
                "payload": [
                    {"name": "a", "type": "array", "items": {"type": "integer", "format": "uri"}}
                ]
            },
            "items: format",
        ),
        ({"payload": [{"name": "a", "type": "integer", "format": "uri"}]}, "are for strings"),
        (
            {"payload": [{"name": "a", "type": "string"}, {"name": "a", "type": "string"}]},
            "listed twice",
        ),
        (
            {"payload": [{"name": "a", "type": "string", "sections": True}]},
            "`sections` presents an enum's values",
        ),
        (
            {"statuses": [{"value": "x"}], "payload": [{"name": "a", "type": "string"}]},
            "statuses",
        ),
        ({"event": "../x"}, "pattern"),
        ({"payload": [{"name": "a", "type": "integer", "minimum": 9, "maximum": 1}]}, "above"),
        ({"payload": [{"name": "a", "type": "string", "min_length": 9, "max_length": 1}]}, "above"),
        ({"payload": [{"name": "a", "type": "string", "const": 5}]}, "`const` is not a string"),
        (
            {"payload": [{"name": "a", "type": "integer", "default": True}]},
            "`default` is not an integer",
        ),
        (
            {
                "payload": [
                    {"name": "a", "type": "object", "open": False, "map": {"type": "string"}}
                ]
            },
            "cannot be `open: false`",
        ),
        (
            {"event": "index", "payload": [{"name": "a", "type": "string"}]},
            "a name eventdocs keeps",
        ),
        ({"examples": []}, "at least 1"),
    ],
)
def test_inconsistent_schema_is_refused(changes: dict[str, Any], message: str) -> None:
    """Each inconsistency is a validation error that says what is wrong."""
    with pytest.raises(ValidationError, match=message):
        validate_data(EventSchema, schema(**changes))


def test_walk_fields_lists_parents_before_children() -> None:
    """Dotted paths, depth first, in the order written."""
    event = validate_data(
        EventSchema,
        schema(
            payload=[
                {"name": "a", "type": "object", "fields": [{"name": "b", "type": "string"}]},
                {"name": "c", "type": "string"},
            ]
        ),
    )
    assert [path for path, _ in event.walk_fields()] == ["a", "a.b", "c"]


def test_pattern_is_checked_when_the_schema_is_validated() -> None:
    """An unportable `pattern` is a validation error at the `pattern` key itself."""
    field = {"name": "a", "type": "string", "pattern": "[a-"}
    with pytest.raises(ValidationError, match="unterminated") as caught:
        validate_data(EventSchema, schema(payload=[field]))
    assert caught.value.errors()[0]["loc"] == ("payload", 0, "pattern")


def test_a_file_cannot_set_where_its_parts_were_written() -> None:
    """`lines` is filled on load: a schema file that names it is refused like any unknown key."""
    with pytest.raises(ValidationError):
        validate_data(EventSchema, schema(lines={"version": 1}))


def test_loaded_schemas_keep_their_lines_through_the_cache(tmp_path: Path) -> None:
    """Every event's version, examples and fields keep their lines, parsed or read back from
    the cache."""
    cache = tmp_path / "cache"
    for path in sorted((REPO / "schema").glob("*.yaml")):
        text = path.read_text("utf-8").splitlines()
        for attempt in ("parsed", "cached"):
            event, _ = load_event_schema(path, cache=cache)
            version = event.lines["version"]
            assert text[version - 1].startswith("version:"), attempt
            assert event.lines["examples.0"] > version
            for field_path, field in event.walk_fields():
                line = text[event.lines[f"payload.{field_path}"] - 1]
                assert field.name in line, (attempt, field_path)


def test_a_type_that_requires_itself_through_an_inline_object_is_refused(tmp_path: Path) -> None:
    """A required inline object holding a required reference back to its type describes no
    finite payload: one error at the type."""
    company = validate_data(
        TypeSchema,
        {
            "name": "Company",
            "fields": [
                {
                    "name": "wrap",
                    "type": "object",
                    "required": True,
                    "fields": [{"name": "again", "ref": "Company", "required": True}],
                }
            ],
        },
    )
    with pytest.raises(LoadError, match="requires itself"):
        check_references({"Company": company}, [], [(company, tmp_path / "Company.yaml")])
