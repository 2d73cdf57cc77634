"""SARIF for code scanning: valid against the SARIF 2.1.0 schema, every rule documented and
linked, every result located, and the same log on any machine."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from eventdocs import __version__
from eventdocs.check.findings import RULES, Code, Finding, Severity
from eventdocs.report.formats import Report
from eventdocs.report.places import Places
from eventdocs.report.sarif import RULES_PAGE, SOURCE_ROOT, format_sarif
from tests.helpers import sarif_errors

SITE = "https://docs.example.com/"
# Semantic Versioning 2.0.0's own pattern, without build metadata.
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$")
# Paths a file name may make awkward in a URI: a space, a colon, a percent sign, non-ASCII.
ODD_PATHS = ("locales/fr.yaml", "docs/en/a b.md", "schema/x:y.yaml", "pages/fr/50%.md", "é/ü.md")


def findings() -> tuple[Finding, ...]:
    """A finding of every code, with and without a line, key and detail, at odd paths."""
    made = []
    for number, code in enumerate(Code):
        made.append(
            Finding(
                ODD_PATHS[number % len(ODD_PATHS)],
                None if number % 3 == 0 else number,
                code,
                "events.x.title" if number % 2 else "",
                f"message {number}",
                Severity.WARNING if code is Code.EXAMPLE else Severity.ERROR,
                "[-old-]{+new+}" if code is Code.STALE else "",
            )
        )
    return tuple(made)


def sarif(places: Places, found: tuple[Finding, ...] | None = None) -> Any:
    report = Report(findings() if found is None else found, "x", places, SITE)
    return json.loads(format_sarif(report))


def test_the_log_is_valid_sarif_2_1_0(tmp_path: Path) -> None:
    """A finding of every code, at paths that need escaping, makes a log the OASIS schema
    accepts, formats (URIs) included."""
    log = sarif(Places(Path("docs-project"), tmp_path))
    assert sarif_errors(log) == []
    assert len(log["runs"][0]["results"]) == len(Code)


def test_the_schema_check_rejects_a_broken_log(tmp_path: Path) -> None:
    """The validation can fail: a region at line 0 and a rule link that is no URI are caught."""
    log = sarif(Places(Path(), tmp_path))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "checks#input"
    assert len(sarif_errors(log)) == 2


@pytest.mark.parametrize("code", list(Code))
def test_every_rule_is_described_with_its_fix_and_link(code: Code, tmp_path: Path) -> None:
    """Each code is a rule with a name, short and full descriptions (within code scanning's
    1024 characters), help in text and Markdown naming the `eventdocs` command of its fix,
    and a link to its section of the reference page."""
    rules = sarif(Places(Path(), tmp_path))["runs"][0]["tool"]["driver"]["rules"]
    (rule,) = [rule for rule in rules if rule["id"] == code.value]
    assert rule["name"] == RULES[code].name and rule["name"].isidentifier()
    assert rule["shortDescription"]["text"] == RULES[code].summary
    assert rule["fullDescription"]["text"] == RULES[code].meaning
    assert all(
        0 < len(rule[key]["text"]) <= 1024 for key in ("shortDescription", "fullDescription")
    )
    assert re.search(r"`eventdocs [a-z-]+", RULES[code].fix)
    assert RULES[code].fix in rule["help"]["text"] and RULES[code].fix in rule["help"]["markdown"]
    assert rule["helpUri"] == f"{SITE}{RULES_PAGE}#{code.value}"
    assert f"({rule['helpUri']})" in rule["help"]["markdown"]


def test_the_driver_names_its_version_and_reference(tmp_path: Path) -> None:
    """The tool states its semantic version and where its checks are documented."""
    driver = sarif(Places(Path(), tmp_path))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "eventdocs"
    assert driver["semanticVersion"] == driver["version"] == __version__
    assert SEMVER.match(driver["semanticVersion"])
    assert driver["informationUri"] == f"{SITE}{RULES_PAGE}"


def test_every_result_is_located_at_a_line_of_its_file(tmp_path: Path) -> None:
    """A result has its finding's line, or line 1 for a finding about a whole file, and its
    rule's index."""
    run = sarif(Places(Path(), tmp_path))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for finding, result in zip(findings(), run["results"], strict=True):
        (location,) = result["locations"]
        assert location["physicalLocation"]["region"] == {"startLine": finding.line or 1}
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code.value
        assert result["level"] == finding.severity.value
        assert result["message"]["text"].startswith(
            f"[{finding.key}] " if finding.key else finding.message
        )


def test_files_below_the_working_directory_are_relative_to_srcroot(tmp_path: Path) -> None:
    """A project in a subfolder: each URI is the escaped path from the working directory,
    relative to `%SRCROOT%`, declared without a machine's absolute path."""
    run = sarif(Places(Path("docs-project"), tmp_path))["runs"][0]
    for finding, result in zip(findings(), run["results"], strict=True):
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == SOURCE_ROOT
        assert " " not in artifact["uri"]
        assert unquote(artifact["uri"]) == f"docs-project/{finding.path}"
    assert run["originalUriBaseIds"][SOURCE_ROOT].keys() == {"description"}


def test_files_outside_the_working_directory_are_absolute_file_uris(tmp_path: Path) -> None:
    """A project beside the working directory: its files are absolute `file` URIs (SARIF
    resolves `..` rather than writing it)."""
    (tmp_path / "elsewhere").mkdir()
    run = sarif(Places(Path("../elsewhere"), tmp_path / "repo"))["runs"][0]
    for finding, result in zip(findings(), run["results"], strict=True):
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert "uriBaseId" not in artifact
        expected = (tmp_path / "elsewhere" / finding.path).resolve().as_uri()
        assert artifact["uri"] == expected


def test_the_log_is_the_same_on_any_machine(tmp_path: Path) -> None:
    """The same findings give byte-identical logs from two different checkouts, and no
    absolute path of either."""
    first, second = tmp_path / "one" / "checkout", tmp_path / "two"
    logs = {
        format_sarif(Report(findings(), "x", Places(Path("docs-project"), cwd), SITE))
        for cwd in (first, second)
    }
    assert len(logs) == 1
    (log,) = logs
    assert str(tmp_path) not in log


def test_a_quoted_translation_cannot_make_a_link_or_reorder_text(tmp_path: Path) -> None:
    """A word diff quoting a hostile `source` shows as text: no `[text](target)` a viewer
    would turn into a link, and bidi or control characters escaped."""
    hostile = Finding(
        "locales/fr.yaml",
        3,
        Code.STALE,
        "k",
        "the English changed",
        detail="[-[click](https://evil.example)-]{+x\u202e+}\x1b[31m",
    )
    (result,) = sarif(Places(Path(), tmp_path), (hostile,))["runs"][0]["results"]
    text = result["message"]["text"]
    assert "](" not in text and "\u202e" not in text and "\x1b" not in text
    assert "[click]\\(https://evil.example)" in text and "\\u202e" in text
    assert text.splitlines()[0] == "[k] the English changed"


def test_a_finding_with_no_line_is_shown_where_it_belongs(tmp_path: Path) -> None:
    """A missing key with a known place is shown at that line; one without, at line 1."""
    placed = Finding("locales/fr.yaml", None, Code.MISSING, "a", "m", near_line=12)
    unplaced = Finding("locales/fr.yaml", None, Code.MISSING, "b", "m")
    results = sarif(Places(Path(), tmp_path), (placed, unplaced))["runs"][0]["results"]
    regions = [result["locations"][0]["physicalLocation"]["region"] for result in results]
    assert regions == [{"startLine": 12}, {"startLine": 1}]
