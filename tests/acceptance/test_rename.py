"""`eventdocs rename`: keys move in every locale file; translations and their state move along."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers import EVENTS, LOCALES, Run, read_yaml, write_yaml

SOURCE, TRANSLATIONS = LOCALES[0], LOCALES[1:]
# The event whose key prefix the test renames, and its new name, which no event has.
OLD, NEW = EVENTS[0], f"{EVENTS[0]}_renamed"


def strings(root: Path) -> dict[str, dict[str, Any]]:
    return {locale: read_yaml(root / "locales" / f"{locale}.yaml") for locale in LOCALES}


def plant_translation_states(root: Path) -> None:
    """One translation of the event made stale (in the second language), one left empty (in
    the third): state worth carrying over, next to the current ones."""
    keys = [key for key in read_yaml(root / "locales" / f"{SOURCE}.yaml") if f".{OLD}." in key]
    for locale, edit in zip(TRANSLATIONS, ("source", "text"), strict=False):
        path = root / "locales" / f"{locale}.yaml"
        data = read_yaml(path)
        data[keys[-1]][edit] = "An older English text." if edit == "source" else ""
        write_yaml(path, data)


def rename_event_schema(root: Path) -> None:
    """Give the event its new name in its schema: its file, `event` and examples."""
    old = root / "schema" / f"{OLD}.yaml"
    data = read_yaml(old)
    data["event"] = NEW
    for example in data["examples"]:
        example["event"] = NEW
    write_yaml(root / "schema" / f"{NEW}.yaml", data)
    old.unlink()


def findings(run_cli: Callable[..., Run], root: Path) -> list[str]:
    """`check`'s findings after a build, as sorted JSON lines."""
    assert run_cli("-C", root, "build").code == 0
    found = run_cli("-C", root, "check", "--format", "json").json()["findings"]
    return sorted(json.dumps(finding, sort_keys=True) for finding in found)


def test_rename_moves_keys_with_their_text_and_state(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Renaming an event's key prefix (with its schema) keeps every translation's text and
    recorded English, so `check` and `status` say what they said, under the new key names."""
    assert NEW not in EVENTS
    plant_translation_states(project)
    before, status = strings(project), run_cli("-C", project, "status", "--format", "json").json()
    found = findings(run_cli, project)
    assert any('"stale"' in finding for finding in found)
    assert any('"missing"' in finding for finding in found)

    rename_event_schema(project)
    result = run_cli("-C", project, "rename", f"events.{OLD}", f"events.{NEW}")
    assert result.code == 0, result.err

    def moved(key: str) -> str:
        return key.replace(f"events.{OLD}.", f"events.{NEW}.")

    assert strings(project) == {
        locale: {moved(key): value for key, value in data.items()}
        for locale, data in before.items()
    }
    renamed = sum(key.startswith(f"events.{OLD}.") for data in before.values() for key in data)
    assert result.out.endswith(f"eventdocs rename: {renamed} key(s) renamed\n")
    after = run_cli("-C", project, "status", "--format", "json").json()
    assert after["locales"] == status["locales"]
    # Per subject too, the renamed event's row under its new name, in the same place.
    assert sorted(after["subjects"], key=lambda row: (row["locale"], row["subject"])) == sorted(
        (
            {
                **row,
                "subject": f"events.{NEW}" if row["subject"] == f"events.{OLD}" else row["subject"],
            }
            for row in status["subjects"]
        ),
        key=lambda row: (row["locale"], row["subject"]),
    )
    assert findings(run_cli, project) == [
        moved(finding).replace(f"schema/{OLD}.yaml", f"schema/{NEW}.yaml") for finding in found
    ]


def test_rename_onto_existing_keys_writes_nothing(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Renaming a prefix onto keys that exist is refused with exit 2, every file untouched."""
    before = {path: path.read_bytes() for path in sorted((project / "locales").iterdir())}
    result = run_cli("-C", project, "rename", f"events.{EVENTS[0]}", f"events.{EVENTS[1]}")
    assert result.code == 2
    assert "already has" in result.err and f"events.{EVENTS[1]}." in result.err
    assert {path: path.read_bytes() for path in sorted((project / "locales").iterdir())} == before


def test_rename_of_a_key_no_file_has_is_a_usage_error(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A key no locale file has cannot be renamed: exit 2, nothing written."""
    before = {path: path.read_bytes() for path in sorted((project / "locales").iterdir())}
    result = run_cli("-C", project, "rename", f"events.{NEW}", f"events.{NEW}_again")
    assert result.code == 2 and "no locale file has" in result.err
    assert {path: path.read_bytes() for path in sorted((project / "locales").iterdir())} == before
