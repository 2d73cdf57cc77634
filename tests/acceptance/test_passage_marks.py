"""Outdated passages are marked where they stand, in the generated Markdown and the built site,
and nowhere else: not in a clean language, the source language or a JSON Schema."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from eventdocs.render.prose import parse_prose
from tests.acceptance._outdated import (
    CLEAN_LOCALE,
    MARK_CLASSES,
    MISSING_LOCALE,
    SOURCE,
    STALE_LOCALE,
    html_marks,
    intro_key,
    markdown_marks,
    plant_outdated,
    text_of,
)
from tests.helpers import EVENTS, copy_project, run_in_process_of_its_own

# What each planted language marks on its event pages: the kind, the language the passage is
# in ("" for the page's own), whose text it shows, and the note's key.
PLANTED = {
    STALE_LOCALE: ("stale", "", STALE_LOCALE, "ui.mark.stale"),
    MISSING_LOCALE: ("fallback", SOURCE, SOURCE, "ui.mark.fallback"),
}


@pytest.fixture(scope="module")
def outdated_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with French introductions stale and Italian ones missing, its docs/
    generated and its site built for every language."""
    root = copy_project(tmp_path_factory.mktemp("outdated") / "project")
    plant_outdated(root)
    result = run_in_process_of_its_own("-C", root, "site", timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def words(text: str) -> str:
    return " ".join(parse_prose(text).plain.split())


@pytest.mark.parametrize("event", EVENTS)
@pytest.mark.parametrize("locale", PLANTED)
def test_the_planted_passage_is_the_one_marked_in_markdown(
    outdated_project: Path, locale: str, event: str
) -> None:
    """An event page of a language that fell behind holds one mark, of the planted kind,
    around the introduction it shows, under the page notice."""
    kind, _, shown_in, _ = PLANTED[locale]
    page = (outdated_project / f"docs/{locale}/events/{event}.md").read_text("utf-8")
    assert markdown_marks(page) == [kind]
    assert page.index("!!! warning") < page.index("eventdocs-")
    intro = text_of(outdated_project, shown_in, intro_key(event))
    assert parse_prose(intro).markdown in page


@pytest.mark.parametrize("event", EVENTS)
@pytest.mark.parametrize("locale", PLANTED)
def test_the_planted_passage_is_the_one_marked_on_the_site(
    outdated_project: Path, locale: str, event: str
) -> None:
    """On the built page the one mark holds the introduction's words, its tooltip and its
    sign's label are the note in the page's language, and a fallback's passage is in the
    source language."""
    kind, lang, shown_in, note_key = PLANTED[locale]
    page = (outdated_project / f"site/{locale}/events/{event}/index.html").read_text("utf-8")
    note = text_of(outdated_project, locale, note_key)
    (mark,) = html_marks(page)
    assert mark == {
        "kind": f"eventdocs-{kind}",
        "words": words(text_of(outdated_project, shown_in, intro_key(event))),
        "title": note,
        "role": "img",
        "label": note,
        "lang": lang,
    }


def test_nothing_else_is_marked(outdated_project: Path) -> None:
    """No other generated file holds a mark: no other page, no JSON Schema or API document,
    no page of the clean language or the source language."""
    planted = {f"docs/{locale}/events/{event}.md" for locale in PLANTED for event in EVENTS} | {
        f"site/{locale}/events/{event}/index.html" for locale in PLANTED for event in EVENTS
    }
    marked = {
        path.relative_to(outdated_project).as_posix()
        for folder in ("docs", "site")
        for path in (outdated_project / folder).rglob("*")
        if path.suffix in (".md", ".html", ".json", ".yaml") and is_marked(path.read_text("utf-8"))
    }
    assert marked == planted
    assert (outdated_project / f"site/{CLEAN_LOCALE}/index.html").is_file()
    assert (outdated_project / "site/index.html").is_file()


def is_marked(text: str) -> bool:
    return any(name in text for name in (*MARK_CLASSES, "eventdocs-mark"))


def test_marks_stay_out_of_search(outdated_project: Path) -> None:
    """The search index of a language that fell behind holds its passages' words, never a
    note or a mark."""
    for locale, (_, _, shown_in, note_key) in PLANTED.items():
        index = (outdated_project / f"site/{locale}/search/search_index.json").read_text("utf-8")
        assert not is_marked(index)
        documents = json.loads(index)["docs"]
        searched = " ".join(
            html.unescape(re.sub(r"<[^>]+>", "", f"{document['title']} {document['text']}"))
            for document in documents
        )
        assert text_of(outdated_project, locale, note_key) not in searched
        for event in EVENTS:
            assert words(text_of(outdated_project, shown_in, intro_key(event))) in " ".join(
                searched.split()
            )
