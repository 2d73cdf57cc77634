"""AsyncAPI's schemas are draft-07's: a `$ref` stands alone, whatever was beside it."""

from __future__ import annotations

from eventdocs.render.asyncapi import draft07


def test_a_reference_with_keywords_beside_it_moves_into_all_of() -> None:
    """The description and deprecation of a field that is a reference stay, next to an
    `allOf` holding the reference, which draft-07 would otherwise read alone."""
    field = {"description": "The contact", "deprecated": True, "$ref": "#/components/schemas/C"}
    assert draft07({"properties": {"contact": field}}) == {
        "properties": {
            "contact": {
                "description": "The contact",
                "deprecated": True,
                "allOf": [{"$ref": "#/components/schemas/C"}],
            }
        }
    }


def test_a_reference_alone_and_an_existing_all_of_are_kept() -> None:
    """A bare `$ref` is left as it is; one beside an `allOf` joins it, first."""
    bare = {"$ref": "#/components/schemas/C"}
    assert draft07({"items": bare}) == {"items": bare}
    joined = draft07({"$ref": "#/components/schemas/C", "allOf": [{"type": "object"}]})
    assert joined == {"allOf": [bare, {"type": "object"}]}


def test_payloads_are_left_alone() -> None:
    """An example that holds a `$ref` with other keys is data, not a schema."""
    example = {"$ref": "x", "note": "data"}
    assert draft07({"type": "object", "examples": [example]})["examples"] == [example]
