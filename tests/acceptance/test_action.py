"""The GitHub Action: action.yml is a valid action, and action/run.py, run as the action runs
it (from a fixture repository's root, GitHub's variables pointing at temporary files), writes
the annotations, the job summary and the SARIF report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from eventdocs.cli import main
from tests.helpers import REPO

ACTION = REPO / "action.yml"
SCRIPT = REPO / "action" / "run.py"
# The place of the project in the fixture repository: its root, or a folder of its own.
PLACES = {"at the root": ".", "in a folder": "docs-project"}
PLANTED_KEY = "events.order_shipped.fields.gone"


@dataclass(frozen=True)
class ActionRun:
    """What one run of the script returned, printed and wrote."""

    code: int
    out: str
    summary: str
    outputs: str
    repository: Path


def fixture_repository(root: Path, place: str, *, planted: bool) -> Path:
    """A repository holding a new, built project at ``place``; with ``planted``, its English
    file also holds a key no page uses (one `orphan` error)."""
    project = root / place
    assert main(["init", str(project), "--force"]) == 0
    assert main(["-C", str(project), "build"]) == 0
    if planted:
        with (project / "locales" / "en.yaml").open("a", encoding="utf-8") as handle:
            handle.write(f"{PLANTED_KEY}: A field that went\n")
    return root


def run_action(
    repository: Path, place: str, *, sarif: str = "", extra: dict[str, str] | None = None
) -> ActionRun:
    """Run action/run.py as action.yml does, with the environment it sets."""
    summary, outputs = repository.parent / "summary.md", repository.parent / "outputs.txt"
    env = {
        **os.environ,
        **(extra or {}),
        "EVENTDOCS_PROJECT": place,
        "EVENTDOCS_SARIF": sarif,
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
    }
    result = subprocess.run(
        [sys.executable, SCRIPT],
        cwd=repository,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return ActionRun(result.returncode, result.stdout, text(summary), text(outputs), repository)


def text(path: Path) -> str:
    """What a file GitHub names holds; nothing when the run never wrote it."""
    return path.read_text("utf-8") if path.is_file() else ""


def test_action_yml_is_a_valid_action() -> None:
    """action.yml validates against the GitHub Actions schema check-jsonschema ships."""
    schema = ["--builtin-schema", "vendor.github-actions"]
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", *schema, str(ACTION)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_action_runs_the_script_with_the_variables_it_reads() -> None:
    """The check step runs action/run.py and sets exactly the variables the script reads."""
    steps = yaml.safe_load(ACTION.read_text("utf-8"))["runs"]["steps"]
    (step,) = [step for step in steps if "action/run.py" in step.get("run", "")]
    read = set(re.findall(r"\bEVENTDOCS_[A-Z]+\b", SCRIPT.read_text("utf-8")))
    assert read == {"EVENTDOCS_PROJECT", "EVENTDOCS_SARIF"}
    assert read <= set(step["env"])


@pytest.mark.parametrize("place", PLACES.values(), ids=PLACES.keys())
def test_findings_become_annotations_a_summary_and_sarif(tmp_path: Path, place: str) -> None:
    """A finding is an annotation at its file and line, a row of the job summary and a SARIF
    result; the run fails, and names the report in the step's outputs."""
    repository = fixture_repository(tmp_path / "repository", place, planted=True)
    ran = run_action(repository, place, sarif="eventdocs.sarif")
    assert ran.code == 1
    (annotation,) = [line for line in ran.out.splitlines() if line.startswith("::error ")]
    where = re.match(r"::error file=([^,]+),line=(\d+),title=eventdocs orphan::", annotation)
    assert where is not None, annotation
    english = repository / place / "locales" / "en.yaml"
    # Relative to the repository (as GitHub reads them), at the key's line.
    assert where[1] == english.relative_to(repository).as_posix()
    lines = english.read_text("utf-8").splitlines()
    assert lines[int(where[2]) - 1].startswith(f"{PLANTED_KEY}:")
    assert ran.summary.startswith("## eventdocs check") and "orphan" in ran.summary
    assert PLANTED_KEY.replace("_", "\\_") in ran.summary
    assert ran.outputs == "sarif-file=eventdocs.sarif\n"
    report = json.loads((repository / "eventdocs.sarif").read_text("utf-8"))
    (result,) = report["runs"][0]["results"]
    assert report["version"] == "2.1.0" and result["ruleId"] == "orphan"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == int(where[2])


def test_a_clean_project_says_so_in_the_summary(tmp_path: Path) -> None:
    """No finding: exit 0, no annotation, a summary saying so and an empty SARIF report."""
    repository = fixture_repository(tmp_path / "repository", ".", planted=False)
    ran = run_action(repository, ".", sarif="reports/eventdocs.sarif")
    assert ran.code == 0
    assert "::" not in ran.out
    assert ran.summary == "## eventdocs check\n\nNo findings.\n"
    report = json.loads((repository / "reports/eventdocs.sarif").read_text("utf-8"))
    assert report["runs"][0]["results"] == []


def test_without_sarif_no_report_is_written(tmp_path: Path) -> None:
    """upload-sarif off: the annotations and summary alone, no file and no output."""
    repository = fixture_repository(tmp_path / "repository", ".", planted=True)
    ran = run_action(repository, ".")
    assert ran.code == 1 and "::error file=" in ran.out
    assert ran.outputs == ""
    assert not list(repository.glob("*.sarif"))


def test_a_project_that_is_not_there_is_one_error(tmp_path: Path) -> None:
    """A project-dir that does not exist: exit 2, one error annotation, the summary says
    eventdocs could not run, and no report is written or named."""
    repository = tmp_path / "repository"
    repository.mkdir()
    ran = run_action(repository, "no-such-folder", sarif="eventdocs.sarif")
    assert ran.code == 2
    (annotation,) = [line for line in ran.out.splitlines() if line.startswith("::error")]
    assert annotation.startswith("::error title=eventdocs::Error: ") and "no-such-folder" in (
        annotation
    )
    assert "eventdocs could not run" in ran.summary and "no-such-folder" in ran.summary
    assert ran.outputs == ""
    assert not (repository / "eventdocs.sarif").exists()


@pytest.mark.parametrize("link", ["eventdocs.sarif", "reports"])
def test_a_link_planted_in_the_checkout_is_not_written_through(tmp_path: Path, link: str) -> None:
    """A symbolic link at the report's path, or at a folder on its way, is refused: the file
    it points to outside the checkout keeps its content, and no report is named."""
    repository = fixture_repository(tmp_path / "repository", ".", planted=True)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "eventdocs.sarif").write_text("precious", encoding="utf-8")
    target = victim / "eventdocs.sarif" if link == "eventdocs.sarif" else victim
    (repository / link).symlink_to(target)
    ran = run_action(
        repository, ".", sarif="reports/eventdocs.sarif" if link == "reports" else link
    )
    assert ran.code == 1 and "::error title=eventdocs::not writing the SARIF report" in ran.out
    assert (victim / "eventdocs.sarif").read_text("utf-8") == "precious"
    assert ran.outputs == ""


def test_an_error_line_is_not_reported_as_no_findings(tmp_path: Path) -> None:
    """A check that ends in an error line with exit 1 (here: out of memory) is reported as
    eventdocs not running, never as a clean check."""
    repository = fixture_repository(tmp_path / "repository", ".", planted=False)
    ran = run_action(repository, ".", extra={"EVENTDOCS_MEMORY_LIMIT_MB": "30"})
    assert ran.code == 1
    assert "No findings" not in ran.summary
    assert "eventdocs could not run" in ran.summary
    assert any(line.startswith("::error title=eventdocs::") for line in ran.out.splitlines())
