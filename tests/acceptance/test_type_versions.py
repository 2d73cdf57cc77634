"""A shared type published on its own is versioned like an event: a narrowing change at the
same version is a breaking finding, and a new version keeps the earlier file published."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from eventdocs.load.project import load_project
from tests.helpers import Run


def a_type_with_a_required_string(project: Path) -> tuple[str, str]:
    """A shared type of the project and one of its required string fields, by discovery."""
    for name, schema in sorted(load_project(project).types.items()):
        for field in schema.fields:
            if field.required and field.type == "string" and not field.pattern:
                return name, field.name
    raise AssertionError("no shared type has a required string field")


def narrow(project: Path, name: str, field: str) -> None:
    """Give ``field`` of type ``name`` a pattern: payloads valid before may now fail."""
    path = project / "schema" / "types" / f"{name}.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f"- name: {field}")
    indent = " " * (len(lines[at]) - len(lines[at].lstrip()) + 2)
    lines.insert(at + 1, f'{indent}pattern: "^[A-Z]"\n')
    path.write_text("".join(lines), "utf-8")


def test_narrowing_a_type_is_breaking_for_the_type_itself(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """The type's own schema file gets a breaking finding at the type's `version` line."""
    name, field = a_type_with_a_required_string(project)
    narrow(project, name, field)
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    breaking = [f for f in findings if f["code"] == "breaking"]
    assert any(f["path"] == f"schema/types/{name}.yaml" for f in breaking), breaking


def test_a_new_type_version_keeps_the_earlier_file(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Bumping a type's version writes v2 and leaves v1 published, byte for byte."""
    name, field = a_type_with_a_required_string(project)
    earlier = project / "docs" / "schemas" / "types" / name / "v1.json"
    before = earlier.read_bytes()
    narrow(project, name, field)
    path = project / "schema" / "types" / f"{name}.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace(f"name: {name}\n", f"name: {name}\nversion: 2\n", 1), "utf-8")
    result = run_cli("-C", project, "build")
    assert result.code == 0, result.err
    assert earlier.read_bytes() == before
    newer = json.loads((earlier.parent / "v2.json").read_text("utf-8"))
    assert newer["$id"].endswith(f"/types/{name}/v2.json")
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    assert not [f for f in findings if f["path"] == f"schema/types/{name}.yaml"]
