"""`check` reports every problem: every bad input file, every problem of each, and every
finding in the machine formats; only the text format shortens long lists, saying so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventdocs.load.project import load_project
from eventdocs.report.text import TEXT_LIMIT_PER_CODE
from tests.helpers import LOCALES, Run


def test_every_bad_file_and_every_problem_is_a_finding(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Two problems in one schema and a broken translation: three findings with their lines,
    in the text and in JSON, exit 1; `build` still stops at the first with one line."""
    event = load_project(project).events[0].event
    schema = project / "schema" / f"{event}.yaml"
    text = schema.read_text("utf-8").replace("version: 1\n", "version: 0\nbogus: 1\n", 1)
    schema.write_text(text, "utf-8")
    broken = project / "locales" / f"{LOCALES[-1]}.yaml"
    broken.write_text(broken.read_text("utf-8") + "ui.x: [1\n", "utf-8")
    lines = text.splitlines()
    version_line = lines.index("version: 0") + 1
    result = run_cli("-C", project, "check", "--format", "json")
    assert result.code == 1
    found = {(f["path"], f["line"], f["code"]) for f in result.json()["findings"]}
    assert found == {
        (f"schema/{event}.yaml", version_line, "input"),
        (f"schema/{event}.yaml", version_line + 1, "input"),
        # The flow list is still open at the end of the file: YAML says so there.
        (f"locales/{LOCALES[-1]}.yaml", broken.read_text("utf-8").count("\n") + 1, "input"),
    }
    assert all("more problem" not in f["message"] for f in result.json()["findings"])
    built = run_cli("-C", project, "build")
    assert built.code == 1 and built.err.count("\n") == 1 and "(and 1 more problem)" in built.err


def test_the_text_format_caps_each_code_and_json_carries_all(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Past the limit of one code, the text says how many more there are; JSON lists all."""
    translation = project / "locales" / f"{LOCALES[1]}.yaml"
    keys = list(load_project(project).locale(LOCALES[1]).entries)
    assert len(keys) > TEXT_LIMIT_PER_CODE + 1
    translation.write_text(translation.read_text("utf-8").splitlines()[0] + "\n{}\n", "utf-8")
    every = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    missing = [f for f in every if f["code"] == "missing" and f["path"].endswith(translation.name)]
    assert len(missing) > TEXT_LIMIT_PER_CODE
    text = run_cli("-C", project, "check").out.splitlines()
    shown = [line for line in text if " missing [" in line]
    total_missing = sum(1 for f in every if f["code"] == "missing")
    assert len(shown) == TEXT_LIMIT_PER_CODE
    assert f"… and {total_missing - TEXT_LIMIT_PER_CODE} more missing findings" in "\n".join(text)
