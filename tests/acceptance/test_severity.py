"""`[eventdocs.severity]`: lagging translations as warnings pass `check`, in every format."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import EVENTS, LOCALES, Run, read_yaml, sarif_errors, set_english, write_yaml

LAGGING = '\n[eventdocs.severity]\nstale = "warning"\nmissing = "warning"\n'


def plant_lag(root: Path) -> tuple[list[str], list[str]]:
    """Edit the English summary of every event (stale in every translation) and drop every
    event's title from every translation (missing); return the stale and missing keys."""
    english = read_yaml(root / "locales" / "en.yaml")
    stale = [f"events.{event}.summary" for event in EVENTS]
    missing = [f"events.{event}.title" for event in EVENTS]
    for key in stale:
        set_english(root, key, json.dumps(english[key] + " Revised."))
    for locale in LOCALES[1:]:
        path = root / "locales" / f"{locale}.yaml"
        write_yaml(path, {k: v for k, v in read_yaml(path).items() if k not in missing})
    return stale, missing


@pytest.fixture
def lagging(project: Path, run_cli: Callable[..., Run]) -> tuple[Path, list[str], list[str]]:
    """The project with stale and missing translations, built, and warnings asked for."""
    stale, missing = plant_lag(project)
    with (project / "eventdocs.toml").open("a", encoding="utf-8") as handle:
        handle.write(LAGGING)
    assert run_cli("-C", project, "build").code == 0
    return project, stale, missing


def test_default_severities_stay_strict(project: Path, run_cli: Callable[..., Run]) -> None:
    """Without the setting, stale and missing translations are errors: `check` exits 1."""
    plant_lag(project)
    assert run_cli("-C", project, "build").code == 0
    document = run_cli("-C", project, "check", "--format", "json").json()
    lag = [f for f in document["findings"] if f["code"] in ("stale", "missing")]
    assert lag and {f["severity"] for f in lag} == {"error"}
    assert run_cli("-C", project, "check").code == 1


def test_lagging_translations_are_json_warnings(
    lagging: tuple[Path, list[str], list[str]], run_cli: Callable[..., Run]
) -> None:
    """Every stale and missing translation is reported, as a warning, and `check` exits 0."""
    project, stale, missing = lagging
    result = run_cli("-C", project, "check", "--format", "json")
    assert result.code == 0
    findings = result.json()["findings"]
    for code, keys in (("stale", stale), ("missing", missing)):
        found = [f for f in findings if f["code"] == code]
        assert {f["severity"] for f in found} == {"warning"}
        assert sorted(f["key"] for f in found) == sorted(keys * len(LOCALES[1:]))
    assert result.json()["summary"]["error"] == 0


def test_lagging_translations_are_text_warnings(
    lagging: tuple[Path, list[str], list[str]], run_cli: Callable[..., Run]
) -> None:
    """The text format lists them and counts them as warnings; the exit code is 0."""
    project, stale, _ = lagging
    result = run_cli("-C", project, "check")
    assert result.code == 0
    assert all(f"stale [{key}]" in result.out for key in stale)
    assert "error" not in result.out.splitlines()[-1]
    assert "warnings" in result.out.splitlines()[-1]


def test_lagging_translations_are_github_warnings(
    lagging: tuple[Path, list[str], list[str]],
    run_cli: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GitHub annotations are `::warning` for them, never `::error`; the exit code is 0."""
    project, _, _ = lagging
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    result = run_cli("-C", project, "check", "--format", "github")
    assert result.code == 0
    assert "::warning file=locales/fr.yaml,line=" in result.out
    assert "::error " not in result.out
    assert "| warning | stale |" in (tmp_path / "summary.md").read_text("utf-8")


def test_lagging_translations_are_sarif_warnings(
    lagging: tuple[Path, list[str], list[str]], run_cli: Callable[..., Run]
) -> None:
    """SARIF results of stale and missing translations have level `warning`; the log is valid."""
    project, stale, missing = lagging
    result = run_cli("-C", project, "check", "--format", "sarif")
    assert result.code == 0
    log = json.loads(result.out)
    assert sarif_errors(log) == []
    results = [r for r in log["runs"][0]["results"] if r["ruleId"] in ("stale", "missing")]
    assert len(results) == (len(stale) + len(missing)) * len(LOCALES[1:])
    assert {r["level"] for r in results} == {"warning"}


def test_missing_english_stays_an_error(
    lagging: tuple[Path, list[str], list[str]], run_cli: Callable[..., Run]
) -> None:
    """A key the English lacks is an error even with `missing = "warning"`: no page can
    be built without it."""
    project, _, missing = lagging
    key = sorted(missing)[0]
    path = project / "locales" / "en.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(f"{key}:")), "utf-8")
    result = run_cli("-C", project, "check", "--format", "json")
    assert result.code == 1
    (english,) = [
        f
        for f in result.json()["findings"]
        if f["code"] == "missing" and f["path"].endswith("en.yaml")
    ]
    assert english["severity"] == "error" and english["key"] == key


def test_warning_for_a_strict_code_is_refused(project: Path, run_cli: Callable[..., Run]) -> None:
    """`unsafe = "warning"` stops every command with one error line at its line."""
    config = project / "eventdocs.toml"
    before = config.read_text("utf-8").count("\n")
    config.write_text(config.read_text("utf-8") + '\n[eventdocs.severity]\nunsafe = "warning"\n')
    result = run_cli("-C", project, "build")
    assert result.code == 1
    assert result.err.startswith("Error: ") and result.err.count("\n") == 1
    assert f"eventdocs.toml:{before + 3}: severity.unsafe: cannot be a warning" in result.err
