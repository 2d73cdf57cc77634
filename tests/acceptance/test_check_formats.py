"""`check --format`: JSON is versioned, GitHub output respects the cap, SARIF is valid."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.report.github import ANNOTATIONS_PER_TYPE
from tests.helpers import LOCALES, Run, read_yaml, write_yaml


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
    assert "::error file=locales/fr.yaml,line=" in result.out
    table = summary.read_text("utf-8")
    assert table.count("| error | stale |") == stale_count


def test_sarif_format_lists_rules_and_results(project: Path, run_cli: Callable[..., Run]) -> None:
    """SARIF 2.1.0 with one rule per finding code and a located result per finding."""
    stale_count = plant_many_stale(project)
    log = json.loads(run_cli("-C", project, "check", "--format", "sarif").out)
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
