"""Golden files: every page and schema of a small fixture project, compared with tests/snapshots/.

The fixture, tests/fixtures/golden_project/, is a project of its own: eventdocs.toml, schema/
(two events, one with an earlier version published in its docs/schemas/) and locales/ (English
and French: a current, a stale and a missing translation, inline code, links, deprecations).
It has no templates/: this repository's templates/ are copied in beside it, because templates
are code, as src/ is. So a change to the code or to templates/ shows up here as a snapshot
diff, while an edit to the real eventdocs.toml, schema/ or locales/ changes docs/ alone.

After an intended change, `make golden` rewrites tests/snapshots/ (deleting the files no longer
produced); review the diff.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from eventdocs.load.config import load_config
from eventdocs.load.project import Project, load_project
from eventdocs.render.project import Rendering, render_project
from eventdocs.render.translation_state import State, decide
from tests.helpers import FIXTURES, REPO, read_yaml

FIXTURE = FIXTURES / "golden_project"
SNAPSHOTS = Path(__file__).resolve().parent.parent / "snapshots"


def render_fixture() -> tuple[Project, Rendering]:
    """Load and render a copy of the fixture project that has the repository's templates."""
    with tempfile.TemporaryDirectory(prefix="eventdocs-golden-") as folder:
        root = Path(folder) / "project"
        shutil.copytree(FIXTURE, root)
        # Fails if the fixture ever grows templates/ of its own: they would hide the real ones.
        shutil.copytree(REPO / "templates", root / "templates")
        project = load_project(root)
        return project, render_project(project)


PROJECT, RENDERING = render_fixture()
FILES = {file.path: file.text for file in RENDERING.files}


def snapshot_paths() -> set[str]:
    """Every file under tests/snapshots/, by its path there (the output's path)."""
    return {
        path.relative_to(SNAPSHOTS).as_posix() for path in SNAPSHOTS.rglob("*") if path.is_file()
    }


def rewrite_snapshots() -> None:
    """Make tests/snapshots/ hold exactly today's outputs: written, and the others deleted."""
    for path, text in FILES.items():
        golden = SNAPSHOTS / path
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    for path in snapshot_paths() - FILES.keys():
        (SNAPSHOTS / path).unlink()
    # Deepest first, so a folder emptied of folders goes too.
    for folder in sorted(SNAPSHOTS.rglob("*"), key=lambda path: len(path.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


@pytest.fixture(scope="module", autouse=True)
def refreshed_snapshots(request: pytest.FixtureRequest) -> None:
    """With --update-golden, rewrite the snapshots once, before any test compares them."""
    if request.config.getoption("--update-golden"):
        rewrite_snapshots()


@pytest.mark.parametrize("path", sorted(FILES))
def test_output_matches_golden_file(path: str) -> None:
    """The generated file is byte-identical to its golden copy."""
    golden = SNAPSHOTS / path
    assert golden.is_file(), f"no golden file for {path}: run `make golden`, review the diff"
    assert golden.read_text(encoding="utf-8") == FILES[path]


def expected_outputs() -> set[str]:
    """The outputs the fixture's schema/ and locales/ folders call for: each language's event
    pages and index, each event's schema in each language, each language's OpenAPI and
    AsyncAPI documents, and the catalog."""
    source = load_config(FIXTURE).source_locale
    locales = sorted(path.stem for path in (FIXTURE / "locales").glob("*.yaml"))
    versions = {
        path.stem: read_yaml(path)["version"] for path in (FIXTURE / "schema").glob("*.yaml")
    }
    pages = {
        f"docs/{locale}/events/{page}.md" for locale in locales for page in [*versions, "index"]
    }
    schemas = {
        f"docs/schemas/{event}/v{version}{'' if locale == source else f'.{locale}'}.json"
        for event, version in versions.items()
        for locale in locales
    }
    documents = {
        f"docs/schemas/{kind}{'' if locale == source else f'.{locale}'}.json"
        for kind in ("openapi", "asyncapi")
        for locale in locales
    }
    return pages | schemas | documents | {"docs/schemas/catalog.json"}


def test_every_language_and_page_has_a_golden_file() -> None:
    """Every (language, page), (event, language) schema and language's API document is
    rendered and has a golden file."""
    assert expected_outputs() <= FILES.keys()
    assert snapshot_paths() == FILES.keys()


def test_fixture_has_every_string_the_templates_need() -> None:
    """The fixture's English has every key the templates look up (add new `ui.*` keys to it)."""
    assert not RENDERING.missing_source


def test_fixture_has_current_stale_and_missing_translations() -> None:
    """The fixture keeps a current, a stale and a missing translation for the snapshots to pin."""
    states: set[State] = set()
    for locale in PROJECT.locales[1:]:
        for key, english in PROJECT.source.entries.items():
            entry = locale.entries.get(key)
            text, translated_from = (entry.text, entry.source) if entry else (None, None)
            states.add(decide(english.text, text, translated_from).state)
    assert {State.CURRENT, State.STALE, State.MISSING} <= states
    assert RENDERING.outdated_pages


def test_fixture_has_an_earlier_published_version() -> None:
    """An event of the fixture has an earlier version published, which the catalog lists."""
    assert any(PROJECT.published_files.values())
