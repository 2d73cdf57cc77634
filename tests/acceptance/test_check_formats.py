"""`check --format`: JSON is versioned, GitHub output respects the cap, SARIF is valid."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from eventdocs.report.formats import FORMATS
from eventdocs.report.github import ANNOTATIONS_PER_TYPE
from tests.acceptance.test_invalid_inputs import lay_over
from tests.helpers import (
    FIXTURES,
    LOCALES,
    PROJECT_PARTS,
    REPO,
    Run,
    read_yaml,
    sarif_errors,
    write_yaml,
)


def plant_many_stale(root: Path) -> int:
    """Edit the English of up to twelve field descriptions of one event, the event with the
    most (so only its page and schema go out of date), and return how many stale findings
    that makes: one per edited key in each translation."""
    path = root / "locales" / "en.yaml"
    data = read_yaml(path)
    by_event: dict[str, list[str]] = {}
    for key in data:
        if key.startswith("events.") and ".fields." in key:
            by_event.setdefault(key.split(".")[1], []).append(key)
    keys = max(by_event.values(), key=len)[:12]
    # More stale findings than one severity's annotations, and room for the pages' findings.
    assert len(keys) * len(LOCALES[1:]) > ANNOTATIONS_PER_TYPE
    for key in keys:
        data[key] = data[key] + " (revised)"
    write_yaml(path, data)
    return len(keys) * len(LOCALES[1:])


def test_json_format_is_versioned(project: Path, run_cli: Callable[..., Run]) -> None:
    """The JSON document has a version, the findings and a summary counting them by severity."""
    stale_count = plant_many_stale(project)
    document = run_cli("-C", project, "check", "--format", "json").json()
    assert document["version"] == 1
    severities = [finding["severity"] for finding in document["findings"]]
    assert document["summary"] == {
        "error": severities.count("error"),
        "warning": severities.count("warning"),
    }
    assert len(severities) == document["summary"]["error"] + document["summary"]["warning"]
    assert document["summary"]["error"] > stale_count
    stale = [f for f in document["findings"] if f["code"] == "stale"]
    assert len(stale) == stale_count and all(f["line"] and f["detail"] for f in stale)


def test_github_format_caps_annotations(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At most 10 error annotations; the rest are counted and listed in the step summary."""
    stale_count = plant_many_stale(project)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_cli("-C", project, "check", "--format", "github")
    assert result.code == 1
    errors = [line for line in result.out.splitlines() if line.startswith("::error ")]
    assert len(errors) == ANNOTATIONS_PER_TYPE
    assert errors[0].startswith("::error file=docs/")
    assert any(line.startswith("::notice title=eventdocs::") for line in result.out.splitlines())
    table = summary.read_text("utf-8")
    # The pages out of date come first; the stale keys' rows are in the summary.
    assert "| error | stale | locales/fr.yaml:" in table
    assert table.count("| error | stale |") == stale_count


def test_sarif_format_lists_rules_and_results(project: Path, run_cli: Callable[..., Run]) -> None:
    """SARIF 2.1.0, valid against its schema, with one rule per finding code and a result
    per finding located at a line of its file."""
    stale_count = plant_many_stale(project)
    (project / "docs" / "en" / "events" / "index.md").unlink()  # a finding with no line
    log = json.loads(run_cli("-C", project, "check", "--format", "sarif").out)
    assert sarif_errors(log) == []
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {
        "input",
        "missing",
        "orphan",
        "stale",
        "untranslated",
        "markup",
        "unsafe",
        "invisible",
        "generated",
        "example",
        "breaking",
        "site",
    } == rules
    stale = [result for result in run["results"] if result["ruleId"] == "stale"]
    assert len(stale) == stale_count
    location = stale[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].startswith("locales/")
    assert location["region"]["startLine"] > 0
    regions = [result["locations"][0]["physicalLocation"]["region"] for result in run["results"]]
    assert {"startLine": 1} in regions and all(region["startLine"] >= 1 for region in regions)


def test_text_format_has_no_colour_off_a_terminal(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Piped output carries no ANSI escapes."""
    plant_many_stale(project)
    assert "\x1b[" not in run_cli("-C", project, "check").out


def test_findings_name_a_real_line_or_none(project: Path, run_cli: Callable[..., Run]) -> None:
    """A finding's line is a line of its file, or null for one about the whole file: never 0."""
    plant_many_stale(project)
    (project / "docs" / "en" / "events" / "index.md").unlink()  # a finding with no line
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    lines = [finding["line"] for finding in findings]
    assert None in lines and any(lines)
    assert all(line is None or line >= 1 for line in lines)


INVALID = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())


@pytest.fixture
def inputs_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project without docs/, which a check stopped by a bad input never reads
    (and copying it would take most of the time), as the working directory."""
    root = tmp_path / "project"
    for part in PROJECT_PARTS:
        source = REPO / part
        if part == "docs":
            continue
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            root.mkdir(exist_ok=True)
            shutil.copy2(source, root / part)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("case", INVALID, ids=[case.name for case in INVALID])
def test_a_bad_input_is_a_located_result_in_every_format(
    case: Path, inputs_only: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each bad input of tests/fixtures/invalid/ is reported, with its file and line, in the
    text, JSON, GitHub and SARIF formats alike: no format prints an empty report."""
    lay_over(case, inputs_only)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    runs = {name: run_cli("check", "--format", name) for name in FORMATS}
    assert all(run.code == 1 and run.err == "" for run in runs.values()), runs
    every = {(f["path"], f["line"], f["code"]) for f in runs["json"].json()["findings"]}
    assert every, "the JSON report is empty"
    # A missing English key is reported as `missing`, not as an input that does not load.
    inputs = {finding for finding in every if finding[2] == "input"} or every
    text = runs["text"].out.splitlines()
    for path, line, code in sorted(inputs, key=str)[:ANNOTATIONS_PER_TYPE]:
        where = f"{path}:{line}" if line else path
        assert any(row.startswith(f"{where}: {code} ") for row in text), (where, text)
        annotation = f"file={path}" + (f",line={line}," if line else ",")
        assert any(annotation in row for row in runs["github"].out.splitlines()), annotation
    log = json.loads(runs["sarif"].out)
    assert sarif_errors(log) == []
    located = {
        (
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            result["ruleId"],
        )
        for result in log["runs"][0]["results"]
    }
    assert located == {(quote(path), line or 1, code) for path, line, code in every}


def top_level_keys(path: Path) -> dict[int, str]:
    """The keys of a locale file by the line they start on."""
    return {
        number: line.split(":", 1)[0]
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if line and not line.startswith((" ", "#"))
    }


def test_a_missing_key_is_shown_where_sync_puts_it(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Code scanning shows a key missing from a translation at the entry `eventdocs sync` then
    adds it next to: after the entry before it in English, or before the file's first entry;
    JSON keeps no line for a key the file lacks."""
    path = project / "locales" / f"{LOCALES[1]}.yaml"
    keys = list(top_level_keys(path).values())
    removed = [keys[0], keys[len(keys) // 2], keys[-2]]  # first, middle, and not adjacent
    lines = path.read_text("utf-8").splitlines(keepends=True)
    kept, skipping = [], False
    for line in lines:
        if line.strip() and not line.startswith((" ", "#")):
            skipping = line.split(":", 1)[0] in removed
        if not skipping:
            kept.append(line)
    path.write_text("".join(kept), "utf-8")
    json_findings = run_cli("check", "--format", "json").json()["findings"]
    missing = {f["key"]: f["line"] for f in json_findings if f["code"] == "missing"}
    assert missing == dict.fromkeys(removed)
    results = json.loads(run_cli("check", "--format", "sarif").out)["runs"][0]["results"]
    shown_at = {
        result["message"]["text"].split("]", 1)[0].removeprefix("["): result["locations"][0][
            "physicalLocation"
        ]["region"]["startLine"]
        for result in results
        if result["ruleId"] == "missing"
    }
    anchors = {key: top_level_keys(path)[shown_at[key]] for key in removed}
    assert run_cli("sync", LOCALES[1]).code == 0
    order = list(top_level_keys(path).values())
    first, *others = removed
    assert order[order.index(first) + 1] == anchors[first]  # before the first entry left
    for key in others:
        assert order[order.index(key) - 1] == anchors[key], key
