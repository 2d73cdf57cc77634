"""The rows of a fields table: paths, types, links and which key describes each row."""

from __future__ import annotations

from typing import Any

from eventdocs.load._models import validate_data
from eventdocs.load.schema_model import EventSchema, TypeSchema, types_used
from eventdocs.render.fields import Row, event_rows, type_rows

PERSON = validate_data(
    TypeSchema,
    {
        "name": "Person",
        "fields": [
            {"name": "name", "type": "string", "required": True},
            {"name": "home", "ref": "Place"},
            {"name": "kind", "type": "string", "enum": [{"value": "a"}, {"value": "b"}]},
        ],
    },
)
PLACE = validate_data(TypeSchema, {"name": "Place", "fields": [{"name": "x", "type": "number"}]})
TYPES = {"Person": PERSON, "Place": PLACE}


def event(**payload: Any) -> EventSchema:
    document = {"event": "thing_done", "version": 1, "examples": [{}], **payload}
    return validate_data(EventSchema, document)


def rows_by_path(*payload: dict[str, Any]) -> dict[str, Row]:
    """The rows of an event with ``payload``, by path, no event wording of its own."""
    rows = event_rows(event(payload=list(payload)), TYPES, lambda key: False)
    return {row.path: row for row in rows}


def test_a_shared_type_is_expanded_one_level_with_the_type_keys() -> None:
    """A `ref` field is followed by its type's fields, described by the type's keys; a type
    it uses in turn is a link, not expanded."""
    rows = event_rows(event(payload=[{"name": "who", "ref": "Person"}]), TYPES, lambda key: False)
    assert [(row.path, row.key, row.label, row.ref) for row in rows] == [
        ("who", "events.thing_done.fields.who", "Person", "Person"),
        ("who.name", "types.Person.fields.name", "string", None),
        ("who.home", "types.Person.fields.home", "Place", "Place"),
        ("who.kind", "types.Person.fields.kind", "string", None),
    ]
    assert rows[3].values_key == "types.Person.values.kind"


def test_an_event_key_overrides_the_type_key_where_the_source_has_one() -> None:
    """Where the English has `events.<event>.fields.<path>`, that key describes the row."""
    override = "events.thing_done.fields.who.name"
    rows = event_rows(
        event(payload=[{"name": "who", "ref": "Person"}]), TYPES, lambda key: key == override
    )
    assert [row.key for row in rows if row.path == "who.name"] == [override]


def test_a_payload_type_lists_the_type_fields_at_the_top() -> None:
    """`payload_type: Person` shows Person's fields at the top level, its refs one level deep."""
    rows = event_rows(event(payload_type="Person"), TYPES, lambda key: False)
    assert [row.path for row in rows] == ["name", "home", "home.x", "kind"]
    assert rows[2].key == "types.Place.fields.x"


def test_array_items_show_brackets_in_paths_but_not_in_keys() -> None:
    """Fields of an array's objects read `list[].name`; their key is `…fields.list.name`."""
    by_path = rows_by_path(
        {
            "name": "list",
            "type": "array",
            "items": {"type": "object", "fields": [{"name": "name", "type": "string"}]},
        },
        {"name": "tags", "type": "array", "items": {"type": "string", "format": "uri"}},
        {"name": "people", "type": "array", "items": {"ref": "Person"}},
    )
    assert by_path["list"].label == "object[]"
    assert by_path["list[].name"].key == "events.thing_done.fields.list.name"
    assert by_path["tags"].label == "string[] (uri)"
    assert by_path["people"].label == "Person[]" and by_path["people"].ref == "Person"
    assert by_path["people[].name"].key == "types.Person.fields.name"


def test_a_type_page_lists_its_own_fields_and_links_the_rest() -> None:
    """A type page is not expanded: another type is a link."""
    rows = type_rows(PERSON, TYPES)
    assert [(row.path, row.key) for row in rows] == [
        ("name", "types.Person.fields.name"),
        ("home", "types.Person.fields.home"),
        ("kind", "types.Person.fields.kind"),
    ]


def test_types_used_follows_references_at_any_depth() -> None:
    """Person uses Place: both are used by an event naming Person."""
    assert types_used(["Person"], TYPES) == ["Person", "Place"]


def test_maps_and_unions_have_their_own_labels_and_links() -> None:
    """A map reads `map<…>` and its values' fields sit under `name{}`; a union lists its
    shapes and links each shared type."""
    by_path = rows_by_path(
        {
            "name": "byId",
            "type": "object",
            "map": {"type": "object", "fields": [{"name": "x", "type": "integer"}]},
        },
        {"name": "who", "one_of": [{"ref": "Person"}, {"ref": "Place"}]},
    )
    assert by_path["byId"].label == "map<object>"
    assert by_path["byId{}.x"].key == "events.thing_done.fields.byId.x"
    assert by_path["who"].label == "Person | Place"
    assert by_path["who"].refs == ("Person", "Place") and by_path["who"].ref is None
