"""A repository as it is: the project in a subfolder, `eventdocs` run at the repository root.

Every format names each file from the working directory (`docs-project/locales/fr.yaml`), as
GitHub, an editor and a terminal resolve it; a project outside the working directory is named
with `..`, and in SARIF by its absolute `file` URI.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from eventdocs.report.sarif import SOURCE_ROOT
from tests.helpers import LOCALES, Run, copy_project, sarif_errors, set_english

SUBFOLDER = "docs-project"
FindingAt = tuple[str, int | None, str]  # path, line, code


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository holding the project in `docs-project/`, with a finding at a line of a
    locale file (stale), one about a whole locale file (a missing key) and one about a
    generated file (deleted); the repository root is the working directory."""
    repository = tmp_path / "repository"
    project = copy_project(repository / SUBFOLDER)
    english = (project / "locales" / "en.yaml").read_text("utf-8").splitlines()
    key, text = next(line.split(": ", 1) for line in english if line.startswith("events."))
    set_english(project, key, text.rstrip('"') + ' (edited)"')
    translation = project / "locales" / f"{LOCALES[-1]}.yaml"
    lines = translation.read_text("utf-8").splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith(" "))
    translation.write_text("".join(lines[:start] + lines[end:]), "utf-8")
    (project / "docs" / LOCALES[0] / "events" / "index.md").unlink()
    monkeypatch.chdir(repository)
    return repository


def project_findings(run_cli: Callable[..., Run], project: Path) -> set[FindingAt]:
    """The findings as `check` names them run in the project itself."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        findings = run_cli("check", "--format", "json").json()["findings"]
    return {(f["path"], f["line"], f["code"]) for f in findings}


def project_results(run_cli: Callable[..., Run], project: Path) -> set[FindingAt]:
    """The SARIF results (file, line, rule) of `check` run in the project itself."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        _, located = from_sarif(run_cli("check", "--format", "sarif").out)
    assert {base for _, base, _, _ in located} == {SOURCE_ROOT}
    return {(unquote(uri), line, code) for uri, _, line, code in located}


def shown(findings: set[FindingAt], prefix: str) -> set[FindingAt]:
    return {(prefix + path, line, code) for path, line, code in findings}


def from_text(out: str) -> set[FindingAt]:
    found = set()
    for line in out.splitlines()[:-1]:  # the last line is the summary
        if line.startswith("    "):  # a stale finding's word diff
            continue
        where, code = line.split(": ", 2)[:2]
        path, _, number = where.partition(":")
        found.add((path, int(number) if number else None, code.split(" ")[0]))
    return found


def from_json(out: str) -> set[FindingAt]:
    return {(f["path"], f["line"], f["code"]) for f in json.loads(out)["findings"]}


def from_github(out: str, summary: str) -> tuple[set[str], set[str]]:
    """The files the annotations name, and the locations of the job summary's rows."""
    files = {
        line.split("file=", 1)[1].split(",", 1)[0] for line in out.splitlines() if "file=" in line
    }
    rows = [
        row.split(" | ") for row in summary.splitlines() if row.startswith(("| error", "| warning"))
    ]
    return files, {cells[2].replace("\\_", "_") for cells in rows}


def from_sarif(out: str) -> tuple[Any, set[tuple[str, str | None, int, str]]]:
    """The log, and each result's URI, its base, its line and its rule."""
    log = json.loads(out)
    found = set()
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        artifact = location["artifactLocation"]
        line = location["region"]["startLine"]
        found.add((artifact["uri"], artifact.get("uriBaseId"), line, result["ruleId"]))
    return log, found


@pytest.mark.parametrize("place", ["before", "after"])
def test_every_format_names_files_from_the_repository_root(
    repository: Path,
    run_cli: Callable[..., Run],
    place: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`eventdocs -C docs-project check` (or `check -C docs-project`) at the repository root
    names `docs-project/locales/…` in the text, JSON, GitHub and SARIF formats alike."""
    expected = shown(project_findings(run_cli, repository / SUBFOLDER), f"{SUBFOLDER}/")
    assert {code for _, _, code in expected} >= {"stale", "missing", "generated"}
    assert any(line is None for _, line, _ in expected)

    def check(output: str) -> Run:
        option = ("-C", SUBFOLDER)
        arguments = ("check", "--format", output)
        result = run_cli(*option, *arguments) if place == "before" else run_cli(*arguments, *option)
        assert result.code == 1 and result.err == ""
        return result

    assert from_text(check("text").out) == expected
    assert from_json(check("json").out) == expected
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    files, rows = from_github(check("github").out, summary.read_text("utf-8"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert files and all(file.startswith(f"{SUBFOLDER}/") for file in files)
    assert rows == {f"{path}:{line}" if line else path for path, line, _ in expected}
    log, located = from_sarif(check("sarif").out)
    assert sarif_errors(log) == []
    assert {(unquote(uri), base, line, code) for uri, base, line, code in located} == {
        (f"{SUBFOLDER}/{path}", SOURCE_ROOT, line, code)
        for path, line, code in project_results(run_cli, repository / SUBFOLDER)
    }


def test_a_project_outside_the_working_directory(
    repository: Path, run_cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run beside the repository, files are named with `..` in text, JSON and GitHub, and by
    absolute `file` URIs in SARIF, which still validates."""
    project = repository / SUBFOLDER
    expected = project_findings(run_cli, project)
    beside = tmp_path / "beside"
    beside.mkdir()
    monkeypatch.chdir(beside)
    option = ("-C", f"../repository/{SUBFOLDER}")
    prefix = f"../repository/{SUBFOLDER}/"
    assert from_text(run_cli(*option, "check").out) == shown(expected, prefix)
    assert from_json(run_cli("check", "--format", "json", *option).out) == shown(expected, prefix)
    github = run_cli(*option, "check", "--format", "github").out
    assert all(file.startswith(prefix) for file in from_github(github, "")[0])
    log, located = from_sarif(run_cli(*option, "check", "--format", "sarif").out)
    assert sarif_errors(log) == []
    assert located == {
        ((project / path).resolve().as_uri(), None, line, code)
        for path, line, code in project_results(run_cli, project)
    }
