"""`python benchmarks/synthetic.py DEST --events E --locales L`: a complete project whose site
builds with the repository's own setup, the same bytes every time."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from benchmarks.synthetic import (
    EXTRA_LOCALES,
    MAX_LOCALES,
    synthetic_locales,
)

from tests.helpers import EVENTS, REPO

SCRIPT = REPO / "benchmarks" / "synthetic.py"
# Small, and sized so that every real event is copied at least once (one of them twice).
SIZES = {"3 events × 3 languages": (3, 3), "every event × 4 languages": (len(EVENTS) + 1, 4)}
RIGHT_TO_LEFT_AND_CJK = ("ar", "he", "ja", "ko", "zh")
MATERIAL_LANGUAGES = files("material") / "templates" / "partials" / "languages"


def generate(dest: Path, events: int, locales: int) -> subprocess.CompletedProcess[str]:
    """Run the generator's command line, as the benchmark's users do."""
    command = [sys.executable, str(SCRIPT), str(dest), "--events", str(events)]
    return subprocess.run(
        [*command, "--locales", str(locales)], capture_output=True, text=True, check=False
    )


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def findings(report: str) -> set[tuple[Any, ...]]:
    """The findings of a `check --format json` report, each as one tuple."""
    fields = ("path", "line", "code", "severity", "key", "message")
    return {tuple(item[name] for name in fields) for item in json.loads(report)["findings"]}


def inherited_findings(events: int) -> set[tuple[Any, ...]]:
    """The repository's own findings, repeated on each synthetic copy of the event they are
    in: a synthetic project has no finding of its own making."""
    check = run([sys.executable, "-m", "eventdocs", "check", "--format", "json"], REPO)
    originals = sorted(path.stem for path in (REPO / "schema").glob("*.yaml"))
    return {
        (f"schema/event_{number:04d}.yaml", *finding[1:])
        for finding in findings(check.stdout)
        for number in range(events)
        if finding[0] == f"schema/{originals[number % len(originals)]}.yaml"
    }


@pytest.fixture(scope="module", params=list(SIZES.values()), ids=list(SIZES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project, checked, then its site built as `make site` builds it today."""
    events, locales = request.param
    project = tmp_path_factory.mktemp("synthetic") / "project"
    result = generate(project, events, locales)
    assert result.returncode == 0, result.stderr
    check = run([sys.executable, "-m", "eventdocs", "check"], project)
    assert check.returncode == 1 and "generated missing" in check.stdout, check.stdout
    build = run([sys.executable, "-m", "eventdocs", "build"], project)
    assert build.returncode == 0, build.stderr
    check = run([sys.executable, "-m", "eventdocs", "check", "--format", "json"], project)
    assert check.returncode == 0, check.stdout
    assert findings(check.stdout) == inherited_findings(events), check.stdout
    site = run([sys.executable, "-m", "eventdocs", "site"], project)
    assert site.returncode == 0, site.stderr
    return project


def test_the_project_has_every_part_for_every_language(built: Path) -> None:
    """Each language has its strings and its home page; mkdocs.yml is the repository's, which
    names no language."""
    events = sorted(path.stem for path in (built / "schema").glob("*.yaml"))
    codes = synthetic_locales(len(list((built / "locales").glob("*.yaml"))))
    assert events == [f"event_{number:04d}" for number in range(len(events))]
    for code in codes:
        assert (built / "locales" / f"{code}.yaml").is_file(), code
        assert (built / "pages" / code / "index.md").is_file(), code
    # The languages are the locale files: mkdocs.yml, the repository's, names none.
    copied = (built / "mkdocs.yml").read_text("utf-8")
    assert copied.startswith("# Copied by benchmarks/synthetic.py")
    assert copied.endswith((REPO / "mkdocs.yml").read_text("utf-8"))


def test_the_site_has_every_event_in_every_language(built: Path) -> None:
    """`eventdocs site` wrote each event's page in each language, in that language."""
    events = sorted(path.stem for path in (built / "schema").glob("*.yaml"))
    codes = synthetic_locales(len(list((built / "locales").glob("*.yaml"))))
    for code in codes:
        for event in events:
            folder = built / "site" / ("" if code == "en" else code) / "events" / event
            html = (folder / "index.html").read_text("utf-8")
            assert f'<html lang="{code}"' in html, (code, event)


def test_generating_twice_writes_the_same_bytes(tmp_path: Path) -> None:
    """Two projects generated with the same arguments are byte-identical, file by file."""
    trees = []
    for name in ("one", "two"):
        assert generate(tmp_path / name, 4, 5).returncode == 0
        root = tmp_path / name
        trees.append(
            {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        )
    assert trees[0] == trees[1] and len(trees[0]) > 0


@pytest.mark.parametrize("code", RIGHT_TO_LEFT_AND_CJK)
def test_a_16_language_project_has_right_to_left_and_cjk_languages(code: str) -> None:
    """Arabic, Hebrew, Japanese, Korean and Chinese are among the first 16 languages."""
    assert code in synthetic_locales(16)


def test_the_languages_are_distinct_and_start_with_english() -> None:
    """The language list is English, then the repository's translations, then no repeats."""
    codes = synthetic_locales(MAX_LOCALES)
    assert codes[:4] == ["en", "fr", "pt", "it"] and len(set(codes)) == len(codes) == MAX_LOCALES


@pytest.mark.parametrize("code", EXTRA_LOCALES)
def test_every_extra_language_is_one_the_theme_speaks(code: str) -> None:
    """Each extra language is a language Material is translated into (else its site fails)."""
    assert (MATERIAL_LANGUAGES / f"{code}.html").is_file()


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    """DEST holding a file: one `Error:` line naming it, exit 1, nothing written."""
    (tmp_path / "keep.txt").write_text("mine", "utf-8")
    result = generate(tmp_path, 2, 2)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and str(tmp_path) in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert [path.name for path in tmp_path.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize(("events", "locales"), [(0, 2), (2, 0), (2, MAX_LOCALES + 1)])
def test_a_size_out_of_range_is_a_usage_error(tmp_path: Path, events: int, locales: int) -> None:
    """No events, no language or more languages than the generator has: exit 2, an `Error:`."""
    result = generate(tmp_path / "p", events, locales)
    assert result.returncode == 2 and "Error: " in result.stderr, result.stderr
    assert not (tmp_path / "p").exists()
