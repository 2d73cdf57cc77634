"""`eventdocs serve` renders again only the pages an edit changed, yet after any edit the served
folder is what a full build of the same inputs gives (navigation, search index and all)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import (
    EVENTS,
    LOCALES,
    REPO,
    TYPES,
    copy_project,
    read_yaml,
    set_english,
    write_yaml,
)

SOURCE = LOCALES[0]


def english_key(root: Path, prefix: str, *, leaf: str | None = None) -> str:
    """The first key of the English file under ``prefix`` (ending in ``leaf`` when given;
    else one that is neither a title nor a summary: a string of one page)."""
    english: dict[str, str] = read_yaml(root / "locales" / f"{SOURCE}.yaml")
    keys = [key for key in english if key.startswith(prefix)]
    if leaf is not None:
        return next(key for key in keys if key == f"{prefix}{leaf}")
    return next(key for key in keys if not key.endswith((".title", ".summary")))


def edit_string(prefix: str, leaf: str | None = None) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        set_english(root, english_key(root, prefix, leaf=leaf), '"An edited string."')

    return edit


def edit_home(root: Path) -> None:
    home = root / "pages" / SOURCE / "index.md"
    home.write_text(home.read_text("utf-8") + "\nAn edited paragraph.\n", "utf-8")


def edit_two_pages(root: Path) -> None:
    for event in EVENTS[:2]:
        edit_string(f"events.{event}.")(root)


EDITS: dict[str, Callable[[Path], None]] = {
    "a string of one event page": edit_string(f"events.{EVENTS[0]}."),
    "a string of one type page": edit_string(f"types.{TYPES[0]}."),
    "an event's summary (its page and the index)": edit_string(f"events.{EVENTS[0]}.", "summary"),
    "an event's title (every page's navigation)": edit_string(f"events.{EVENTS[0]}.", "title"),
    "the home page": edit_home,
    "strings of two event pages": edit_two_pages,
}


def served(
    root: Path, site: Path, edits: list[Callable[[Path], None]], language: str = SOURCE
) -> None:
    """Build ``language`` into ``site`` as `eventdocs serve` does, once, then once more after
    each of ``edits``."""
    log = site.with_name(f"{site.name}.log")
    with (
        log.open("w") as errors,
        subprocess.Popen(
            [sys.executable, "-m", "tests.serve_builds", str(root), str(site), language],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        ) as runner,
    ):
        assert runner.stdin is not None and runner.stdout is not None
        try:
            assert runner.stdout.readline() == "built\n", log.read_text("utf-8")
            for edit in edits:
                edit(root)
                runner.stdin.write("build\n")
                runner.stdin.flush()
                assert runner.stdout.readline() == "built\n", log.read_text("utf-8")
        finally:
            runner.stdin.close()
            runner.wait(timeout=60)


def contents(site: Path) -> tuple[dict[str, bytes], object]:
    """The files of ``site``, and its search index with its entries in one order."""
    files = {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }
    index = json.loads(files.pop("search/search_index.json"))
    index["docs"] = sorted(index["docs"], key=lambda entry: json.dumps(entry, sort_keys=True))
    return files, index


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_a_rebuild_gives_what_a_full_build_gives(edit: str, tmp_path: Path) -> None:
    """After the edit, the folder served equals a fresh full build of the edited project."""
    root = copy_project(tmp_path / "project")
    served(root, tmp_path / "served", [EDITS[edit]])
    served(root, tmp_path / "full", [])
    assert contents(tmp_path / "served") == contents(tmp_path / "full")


def test_a_translation_served_rebuilds_as_a_full_build(tmp_path: Path) -> None:
    """Serving a translation, an edit of one of its strings gives what a full build gives."""
    root = copy_project(tmp_path / "project")
    language = LOCALES[1]

    def translate(root: Path) -> None:
        path = root / "locales" / f"{language}.yaml"
        strings = read_yaml(path)
        key = english_key(root, f"events.{EVENTS[0]}.")
        strings[key]["text"] = "Une chaîne retouchée."
        write_yaml(path, strings)

    served(root, tmp_path / "served", [translate], language)
    served(root, tmp_path / "full", [], language)
    assert contents(tmp_path / "served") == contents(tmp_path / "full")


def html_of(page: str) -> str:
    """Where the site serves the page ``page`` (a path under the language's docs folder)."""
    folder = page.removesuffix(".md").removesuffix("index")
    return f"{folder}/index.html".lstrip("/")


def test_a_string_edit_renders_only_the_pages_it_changed(tmp_path: Path) -> None:
    """A string of one event page renders again exactly the pages whose Markdown the edit
    changed (that event's, and the status page that counts it), and no other (the theme's 404
    page is drawn at every build: it is no page of the project)."""
    root = copy_project(tmp_path / "project")
    site, docs = tmp_path / "served", root / "docs" / SOURCE
    html: dict[Path, int] = {}
    markdown: dict[str, bytes] = {}

    def look_then_edit(root: Path) -> None:
        html.update({path: path.stat().st_mtime_ns for path in site.rglob("*.html")})
        markdown.update(
            {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
        )
        EDITS["a string of one event page"](root)

    served(root, site, [look_then_edit])
    changed = {
        path.relative_to(site).as_posix()
        for path, time in html.items()
        if path.stat().st_mtime_ns != time and path.name != "404.html"
    }
    rewritten = {
        html_of(page) for page, data in markdown.items() if (docs / page).read_bytes() != data
    }
    assert f"events/{EVENTS[0]}/index.html" in changed
    assert changed == rewritten
