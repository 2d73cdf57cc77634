"""Golden files: every generated page and schema, compared with tests/snapshots/.

After an intended change, refresh them with `make golden` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.load.project import load_project
from eventdocs.render.project import render_project
from tests.conftest import REPO

SNAPSHOTS = Path(__file__).resolve().parent.parent / "snapshots"
RENDERING = render_project(load_project(REPO))
FILES = {file.path: file.text for file in RENDERING.files}


@pytest.mark.parametrize("path", sorted(FILES))
def test_output_matches_golden_file(path: str, request: pytest.FixtureRequest) -> None:
    """The generated file is byte-identical to its golden copy."""
    golden = SNAPSHOTS / path
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(FILES[path], encoding="utf-8", newline="\n")
    assert golden.read_text(encoding="utf-8") == FILES[path]


def test_every_language_and_page_has_a_golden_file() -> None:
    """Four languages × (event page + index) + the schema: nothing escapes the snapshots."""
    expected = {
        f"docs/{locale}/events/{page}.md"
        for locale in ("en", "fr", "pt", "it")
        for page in ("message_status_updated", "index")
    } | {"docs/schemas/message_status_updated/v1.json"}
    assert expected <= set(FILES)
    golden = {path.relative_to(SNAPSHOTS).as_posix() for path in SNAPSHOTS.rglob("*.*")}
    assert golden == set(FILES)
