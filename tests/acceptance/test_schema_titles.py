"""Every object and enum of a published schema has a title of its own: two that would share
one (code generators would then number the second class) stop the build at the schema file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.cli import main
from tests.helpers import Run, snapshot_files

CLASHING_FIELDS = """  - name: ship_status
    type: string
    enum:
      - value: a
  - name: ship
    type: object
    fields:
      - name: status
        type: string
        enum:
          - value: x
"""


def test_two_schemas_titled_alike_stop_the_build(
    tmp_path: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ship_status` and `ship.status` would both be titled `…ShipStatus`: `build` refuses in
    one line naming the event's file and the title, and writes nothing; `check` reports it."""
    project = tmp_path / "project"
    assert main(["init", str(project)]) == 0
    assert main(["-C", str(project), "build"]) == 0
    schema = next((project / "schema").glob("*.yaml"))
    text = schema.read_text("utf-8")
    head, marker, tail = text.partition("\n# Real payloads")
    schema.write_text(head.rstrip("\n") + "\n" + CLASHING_FIELDS + marker + tail, "utf-8")
    before = snapshot_files(project / "docs")
    monkeypatch.chdir(project)
    built = run_cli("build")
    assert built.code == 1
    (line,) = built.err.strip().splitlines()
    assert line.startswith(f"Error: {schema.relative_to(project).as_posix()}")
    assert "PayloadShipStatus" in line and "rename a field" in line
    assert snapshot_files(project / "docs") == before
    checked = run_cli("check", "--format", "json").json()["findings"]
    assert any("PayloadShipStatus" in finding["message"] for finding in checked), checked
