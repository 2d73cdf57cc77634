"""One exit-code rule for every command: 1 for a bad input file, 2 for a bad command line.

A bad file is whichever the project holds (config, schema, locale, template) or the payload
named (its `event` too); a usage error is an unknown option, or a locale or event named on the
command line that the project does not have.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import (
    FIXTURES,
    UNKNOWN_EVENT,
    Run,
    refusal,
    run_in_process_of_its_own,
    snapshot_files,
)

PAYLOAD = sorted((FIXTURES / "payloads" / "valid").glob("*.json"))[0]
# The event the payload names: its schema is what `validate` reads.
PAYLOAD_EVENT = json.loads(PAYLOAD.read_text("utf-8"))["event"]

# A translator's file that changes nothing: a header and no entry.
EMPTY_PO = FIXTURES / "valid" / "exchange" / "fr.po"

# Each command with arguments that succeed on the intact project.
COMMANDS = {
    "build": ("build",),
    "check": ("check",),
    "status": ("status",),
    "accept": ("accept", "fr"),
    "new-locale": ("new-locale", "de"),
    "validate": ("validate", str(PAYLOAD)),
    "export": ("export",),
    "import": ("import", str(EMPTY_PO)),
}

BAD_FILES: dict[str, Callable[[Path], object]] = {
    "config": lambda root: (root / "eventdocs.toml").write_text("[eventdocs\n"),
    "schema": lambda root: (root / "schema" / f"{PAYLOAD_EVENT}.yaml").write_text(
        "event: !!binary eA==\n"
    ),
    "locale": lambda root: (root / "locales" / "fr.yaml").write_text("a: [\n"),
    "source-locale": lambda root: (root / "locales" / "en.yaml").write_text("a: [\n"),
    "template": lambda root: (root / "templates" / "sections" / "intro.md.j2").write_text(
        "{{ 1 / 0 }}\n"
    ),
    "templates-folder": lambda root: shutil.rmtree(root / "templates"),
}

USAGE_ERRORS = {
    "build": ("build", "--no-such-option"),
    "check": ("check", "--format", "xml"),
    "status": ("status", "extra-argument"),
    "accept": ("accept", "xx"),
    "new-locale": ("new-locale", "not a code"),
    "validate": ("validate", "--event", UNKNOWN_EVENT, str(PAYLOAD)),
    "export": ("export", "xx"),
    "import": ("import", str(PAYLOAD)),
}


# What is not a command's input: `accept` edits locale files and renders nothing; `validate`
# reads the config, its event's schema and the source language, and renders no page.
NOT_READ = {
    ("accept", "template"),
    ("validate", "template"),
    ("validate", "templates-folder"),
    ("validate", "locale"),
}
BAD_FILE_CASES = [
    (command, bad_file)
    for command in COMMANDS
    for bad_file in BAD_FILES
    if (command, bad_file) not in NOT_READ
]


@pytest.mark.parametrize(("command", "bad_file"), BAD_FILE_CASES)
def test_bad_input_file_exits_1(
    project: Path, run_cli: Callable[..., Run], command: str, bad_file: str
) -> None:
    """Every command exits 1, writing nothing, whichever file is bad: with one error line, or
    for `check` an `input` finding."""
    BAD_FILES[bad_file](project)
    before = snapshot_files(project), sorted((project / "locales").iterdir())
    result = run_cli("-C", project, *COMMANDS[command])
    assert result.code == 1, result.err
    assert refusal(result, COMMANDS[command][0])
    assert (snapshot_files(project), sorted((project / "locales").iterdir())) == before


def test_bad_payload_exits_1(project: Path, run_cli: Callable[..., Run], tmp_path: Path) -> None:
    """A payload that is not JSON is a bad input file too."""
    payload = tmp_path / "payload.json"
    payload.write_text('{"event": \n')
    result = run_cli("-C", project, "validate", payload)
    assert result.code == 1 and "payload.json:2" in result.err


def test_payload_naming_an_unknown_event_exits_1(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """An unknown `event` in the payload is a bad input file, named in the one error line;
    the same name given with `--event` is a usage error."""
    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps({"event": UNKNOWN_EVENT}) + "\n")
    result = run_cli("-C", project, "validate", payload)
    assert result.code == 1, result.err
    assert result.err.startswith(f"Error: {payload.as_posix()}: unknown event {UNKNOWN_EVENT!r}")
    assert len(result.err.splitlines()) == 1
    assert run_cli("-C", project, "validate", "--event", UNKNOWN_EVENT, payload).code == 2


@pytest.mark.parametrize("command", COMMANDS)
def test_usage_error_exits_2(project: Path, run_cli: Callable[..., Run], command: str) -> None:
    """Every command exits 2 when the command line asks for what cannot be done."""
    before = snapshot_files(project)
    result = run_cli("-C", project, *USAGE_ERRORS[command])
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    assert snapshot_files(project) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_project_folder_exits_2(
    tmp_path: Path, run_cli: Callable[..., Run], command: str
) -> None:
    """`-C` naming a folder that does not exist is a usage error, for every command."""
    result = run_cli("-C", tmp_path / "nowhere", *COMMANDS[command])
    assert result.code == 2 and "does not exist" in result.err


@pytest.mark.parametrize("command", COMMANDS)
def test_commands_succeed_on_the_intact_project(
    project: Path, run_cli: Callable[..., Run], command: str
) -> None:
    """The arguments used above are valid, so the failures come from what was broken."""
    result = run_cli("-C", project, *COMMANDS[command])
    assert result.code == 0, result.err


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 30_000 + "]" * 30_000 + "\n",
        "".join(" " * level + "k:\n" for level in range(3_000)) + " " * 3_000 + "k: v\n",
    ],
    ids=["flow", "block"],
)
def test_deep_nesting_fails_cleanly_in_a_real_process(project: Path, text: str) -> None:
    """A file nested thousands of levels deep is one error line, never a crash of the process."""
    (project / "locales" / "fr.yaml").write_text(text)
    result = run_in_process_of_its_own("-C", project, "build")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert "nested more than 100 levels deep" in result.stderr
