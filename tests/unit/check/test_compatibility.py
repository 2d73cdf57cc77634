"""Breaking-change detection between two versions of a schema."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdocs.check.compatibility import breaking_changes
from eventdocs.load.project import load_project
from eventdocs.render.jsonschema import schema_path
from tests.helpers import REPO, Run

BASE: dict[str, Any] = json.loads(
    (REPO / "docs/schemas/message_status_updated/v1.json").read_text("utf-8")
)


def payload_of(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["properties"]["payload"]  # type: ignore[no-any-return]


def changed(edit: str) -> dict[str, Any]:
    schema = copy.deepcopy(BASE)
    payload = payload_of(schema)
    if edit == "field removed":
        del payload["properties"]["metadata"]
    elif edit == "type narrowed":
        schema["$defs"]["Contact"]["properties"]["avatarUrl"]["type"] = "string"
    elif edit == "object closed":
        schema["$defs"]["Contact"]["additionalProperties"] = False
    elif edit == "status removed":
        payload["properties"]["status"]["oneOf"].pop()
    elif edit == "status added":
        payload["properties"]["status"]["oneOf"].append({"const": "bounced"})
    elif edit == "field made required":
        payload["required"].append("contact")
    elif edit == "pattern added":
        schema["$defs"]["Contact"]["properties"]["name"]["pattern"] = "^[A-Z]"
    elif edit == "shared field removed":
        del schema["$defs"]["Contact"]["properties"]["phoneNumber"]
    return schema


@pytest.mark.parametrize(
    "edit",
    [
        "field removed",
        "type narrowed",
        "object closed",
        "status removed",
        "status added",
        "field made required",
        "pattern added",
        "shared field removed",
    ],
)
def test_breaking_edit_is_detected(edit: str) -> None:
    """Each edit that rejects a once-valid payload is reported."""
    assert list(breaking_changes(BASE, changed(edit)))


def test_additive_and_descriptive_edits_are_not_breaking() -> None:
    """A new optional field and reworded descriptions break nobody."""
    schema = copy.deepcopy(BASE)
    payload = payload_of(schema)
    payload["properties"]["channel"] = {"type": "string", "description": "new"}
    payload["properties"]["uuid"]["description"] = "reworded"
    schema["description"] = "reworded"
    assert list(breaking_changes(BASE, schema)) == []


def test_the_same_schema_is_compatible_with_itself() -> None:
    """No change, no finding."""
    assert list(breaking_changes(BASE, copy.deepcopy(BASE))) == []


@pytest.mark.parametrize(
    "published",
    [
        [],
        {"properties": []},
        {"type": 5},
        {"anyOf": [{"type": "null"}, {"type": "null"}]},
        {"$ref": "#/$defs/A", "$defs": []},
        {"properties": {"payload": "x"}},
    ],
    ids=["list", "properties list", "type number", "two nulls", "defs list", "property string"],
)
def test_a_published_file_eventdocs_never_wrote_is_one_finding(
    project: Path, run_cli: Callable[..., Run], published: object
) -> None:
    """Any JSON in place of a published schema is one `breaking` finding, never a traceback."""
    event = load_project(project).events[0]
    target = project / schema_path(event, None)
    target.write_text(json.dumps(published), "utf-8")
    result = run_cli("-C", project, "check", "--format", "json")
    assert result.code == 1, result.err
    messages = [f["message"] for f in result.json()["findings"] if f["code"] == "breaking"]
    assert messages == [
        f"{schema_path(event, None)} is not a schema eventdocs wrote, so v{event.version} cannot "
        "be compared with it; restore it from history"
    ]
