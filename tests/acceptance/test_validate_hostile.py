"""`validate` on hostile payloads and schemas: exit 1, one `Error:` line naming the file, no
traceback, no hang."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.load.schema_model import types_used
from tests.helpers import FIXTURES, REPO, Run, read_yaml, repo_project, write_yaml

VALID = FIXTURES / "payloads" / "valid" / "status_read.json"
VALID_EVENT = json.loads(VALID.read_text("utf-8"))["event"]
EVENT = f'{{"event": "{VALID_EVENT}",\n"payload": '
BAD_PAYLOADS = {
    "deep_nesting": (b"[" * 100_000, "1:257: invalid JSON: nested deeper than 256 levels"),
    "long_number": (EVENT.encode() + b"9" * 5000 + b"}", "2:12: invalid JSON: number of 5000"),
    "nan": (EVENT.encode() + b"NaN}", "2:12: invalid JSON: NaN is not JSON"),
    "infinity": (EVENT.encode() + b"[Infinity]}", "2:13: invalid JSON: Infinity is not JSON"),
    "minus_infinity": (EVENT.encode() + b"-Infinity}", "2:12: invalid JSON: -Infinity is not"),
    "duplicate_key": (
        EVENT.encode() + b'{"uuid": "a",\n "uuid": "b"}}',
        "3:2: invalid JSON: duplicate key 'uuid'",
    ),
    "not_utf8": (EVENT.encode() + b'"caf\xe9"}', "2: byte 0xe9 is not valid UTF-8"),
}


def assert_one_error(result: Run, where: str, message: str) -> None:
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"Error: {where}:")
    assert message in lines[0]


@pytest.mark.parametrize("case", sorted(BAD_PAYLOADS))
def test_bad_payload_file_is_one_error(
    case: str, tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    """Each hostile payload file is refused with its file and line, exit 1."""
    raw, message = BAD_PAYLOADS[case]
    target = tmp_path / f"{case}.json"
    target.write_bytes(raw)
    assert_one_error(run_cli("-C", REPO, "validate", target), str(target), message)


@pytest.mark.parametrize("case", sorted(BAD_PAYLOADS))
def test_bad_payload_on_stdin_is_one_error(
    case: str, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same payloads on standard input are refused the same way, named `<stdin>`."""
    raw, message = BAD_PAYLOADS[case]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert_one_error(run_cli("-C", REPO, "validate", "-"), "<stdin>", message)


def test_oversized_stdin_is_refused(
    run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Standard input over the size limit is refused after reading one byte past it."""
    stream = io.BytesIO(b" " * (9 * 1024 * 1024))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stream))
    result = run_cli("-C", REPO, "validate", "-")
    assert result.code == 1
    assert result.err == "Error: <stdin>: standard input is over the limit of 8388608 bytes\n"
    assert stream.tell() == 8 * 1024 * 1024 + 1


def test_stdin_in_a_real_process_neither_hangs_nor_traces() -> None:
    """`python -m eventdocs validate -` fed deep nesting exits 1 with one line, in bounded time."""
    result = subprocess.run(
        [sys.executable, "-m", "eventdocs", "-C", str(REPO), "validate", "-"],
        input=b"[" * 1_000_000,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "Error: <stdin>:1:257: invalid JSON: nested deeper than 256 levels"
    ]


def files_validate_reads() -> list[str]:
    """The schema files `validate` reads for the fixture payload's event that hold a pattern:
    the event's own, and those of the shared types it uses."""
    project = repo_project()
    event = next(event for event in project.events if event.event == VALID_EVENT)
    used = types_used(event.references(), project.types)
    files = [f"schema/{VALID_EVENT}.yaml", *(f"schema/types/{name}.yaml" for name in used)]
    return [file for file in files if "pattern: " in (REPO / file).read_text("utf-8")]


@pytest.mark.parametrize("file", files_validate_reads())
def test_validate_refuses_a_schema_with_a_bad_pattern(
    file: str, project: Path, run_cli: Callable[..., Run]
) -> None:
    """A pattern that does not compile, in the event's schema or a shared type it uses, fails
    `validate` with exit 1 and the pattern's line."""
    path = project / file
    lines = path.read_text("utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.lstrip().startswith("pattern: "))
    indent = lines[number - 1][: -len(lines[number - 1].lstrip())]
    lines[number - 1] = f'{indent}pattern: "^[0-9+$"\n'
    path.write_text("".join(lines), "utf-8")
    result = run_cli("-C", project, "validate", VALID)
    assert_one_error(result, f"{path}:{number}", "pattern '^[0-9+$' at character 2: unterminated [")


def test_payload_event_that_is_not_text_is_a_usage_error(
    tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    """A payload whose `event` is not a string needs --event: exit 2."""
    target = tmp_path / "numbered.json"
    target.write_text(json.dumps({"event": 7, "payload": {}}), "utf-8")
    result = run_cli("-C", REPO, "validate", target)
    assert result.code == 2 and result.err.startswith("Error: ")


# Exponential in a backtracking engine, yet let through by the load-time test, which judges an
# alternative that starts with a group as starting with nothing.
SLOW_PATTERN = "^(?:(?:a)|a)*$"
SLOW_SUBJECT = "a" * 40 + "b"


def test_a_backtracking_pattern_is_matched_in_linear_time(project: Path, tmp_path: Path) -> None:
    """`check` (on an example) and `validate` (on a payload) answer at once on a string that
    Python's `re` would take 2^40 steps on: patterns are matched with RE2."""
    payload = json.loads(VALID.read_text("utf-8"))
    schema = project / "schema" / f"{VALID_EVENT}.yaml"
    data = read_yaml(schema)
    # A top-level field with a pattern, which the fixture payload has: both will fail it.
    field = next(
        field
        for field in data["payload"]
        if "pattern" in field and field["name"] in payload["payload"]
    )
    field["pattern"] = SLOW_PATTERN
    for example in data["examples"]:
        example["payload"][field["name"]] = SLOW_SUBJECT
    write_yaml(schema, data)
    payload["payload"][field["name"]] = SLOW_SUBJECT
    target = tmp_path / "payload.json"
    target.write_text(json.dumps(payload), "utf-8")
    for command in (["check"], ["validate", str(target)]):
        result = subprocess.run(
            [sys.executable, "-m", "eventdocs", "-C", str(project), *command],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert f"{SLOW_SUBJECT!r} does not match {SLOW_PATTERN!r}" in result.stdout


def test_validate_renders_no_page(project: Path, run_cli: Callable[..., Run]) -> None:
    """`validate` needs one event's schema, not the pages: a broken template is not its input."""
    (project / "templates" / "event_page.md.j2").write_text("{{ 1 / 0 }}", "utf-8")
    payload = sorted((REPO / "tests/fixtures/payloads/valid").glob("*.json"))[0]
    result = run_cli("-C", project, "validate", payload)
    assert result.code == 0, result.err
    assert result.out.rstrip().endswith("payload")
