"""`eventdocs check` prints a report in the chosen format whatever fails: an error no stage
turned into a finding is one too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdocs.cli import main
from eventdocs.errors import LoadError
from eventdocs.pipeline import CheckResult
from eventdocs.report.formats import FORMATS
from tests.helpers import sarif_errors


@pytest.mark.parametrize("output", sorted(FORMATS))
def test_an_error_out_of_the_check_is_an_input_finding(
    output: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A located error raised while checking is reported in the format asked for, at its
    file and line, with exit 1 and nothing on stderr."""

    def failing_check(root: Path) -> CheckResult:
        raise LoadError("cannot be read", path=root / "locales" / "fr.yaml", line=4)

    monkeypatch.setattr("eventdocs.cli._check.check", failing_check)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs-project").mkdir()
    assert main(["check", "-C", "docs-project", "--format", output]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    if output == "sarif":
        log = json.loads(captured.out)
        assert sarif_errors(log) == []
        (result,) = log["runs"][0]["results"]
        location = result["locations"][0]["physicalLocation"]
        assert result["ruleId"] == "input" and result["message"]["text"] == "cannot be read"
        assert location["artifactLocation"]["uri"] == "docs-project/locales/fr.yaml"
        assert location["region"] == {"startLine": 4}
    elif output == "json":
        (finding,) = json.loads(captured.out)["findings"]
        assert (finding["path"], finding["line"], finding["code"]) == (
            "docs-project/locales/fr.yaml",
            4,
            "input",
        )
    elif output == "github":
        assert captured.out.startswith(
            "::error file=docs-project/locales/fr.yaml,line=4,title=eventdocs input::"
        )
    else:
        assert captured.out.startswith("docs-project/locales/fr.yaml:4: input cannot be read")
