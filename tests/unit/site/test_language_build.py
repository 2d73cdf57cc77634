"""Each language's build as planned from the project: its words, direction, navigation,
selector links and links to the downloads."""

from __future__ import annotations

import html
import shutil
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import cast
from urllib.parse import urljoin

import pytest
from mkdocs.structure.pages import Page

from eventdocs.site.language_build import alternates, copy_downloads, resolve_downloads
from eventdocs.site.languages import theme_language, writing_direction
from eventdocs.site.plan import make_site_plan
from tests.helpers import LOCALES, repo_project


def test_the_languages_are_the_locale_files_source_first() -> None:
    """The plan's languages are the project's locale files, the source language at the root."""
    plan = make_site_plan(repo_project())
    assert [language.code for language in plan.languages] == list(LOCALES)
    assert [language.folder for language in plan.languages] == ["", *LOCALES[1:]]


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_takes_its_words_from_its_locale_file(locale: str) -> None:
    """Site name, selector name and section titles are the locale's `ui.site.*`/`ui.nav.*`
    texts, escaped once for the theme, which prints them as HTML."""
    project = repo_project()
    entries = next(each for each in project.locales if each.code == locale).entries
    strings = make_site_plan(project).language(locale).strings
    for key, shown in (
        ("ui.site.name", strings.site_name),
        ("ui.site.language", strings.language_name),
        ("ui.nav.events", strings.events),
        ("ui.nav.types", strings.types),
    ):
        assert shown == html.escape(entries[key].text or "", quote=True), key
    assert strings.outdated == frozenset()


@pytest.mark.parametrize(
    ("code", "expected"),
    [("fr", "fr"), ("pt-BR", "pt-BR"), ("pt-AO", "pt"), ("ja", "ja"), ("tlh", "en")],
)
def test_the_theme_language_is_the_closest_material_has(code: str, expected: str) -> None:
    """Material's strings come from the language itself, its primary subtag, or English."""
    assert theme_language(code) == expected


@pytest.mark.parametrize("locale", LOCALES)
def test_the_navigation_lists_every_event_once_under_its_category(locale: str) -> None:
    """Events sit under their category's heading in the language, types under theirs."""
    project = repo_project()
    plan = make_site_plan(project)
    language = plan.language(locale)
    home, *pages, events, types = plan.nav(language)
    assert home == "index.md"
    assert pages == sorted(plan.pages.get(plan.source.code, ()))
    ((events_title, sections),) = events.items()
    assert events_title == language.strings.events
    listed = [page for section in sections[1:] for (_, names) in section.items() for page in names]
    assert sorted(listed) == sorted(f"events/{event.event}.md" for event in project.events)
    assert list(types) == [language.strings.types]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("url", ["", "events/", "events/message_status_updated/"])
def test_the_selector_links_to_the_same_page_in_every_language(locale: str, url: str) -> None:
    """From any page of any language, each language's link leads to the same page there."""
    plan = make_site_plan(repo_project())
    page = cast(Page, SimpleNamespace(url=url))
    site = "https://example.com/docs/"
    here = urljoin(site, f"{plan.language(locale).folder}/".lstrip("/") + url)
    links = alternates(plan, plan.language(locale), page)
    assert [link["lang"] for link in links] == list(LOCALES)
    for link in links:
        folder = plan.language(link["lang"]).folder
        assert urljoin(here, link["link"]) == urljoin(site, f"{folder}/".lstrip("/") + url)


def test_links_above_a_language_root_resolve_to_the_downloads() -> None:
    """A non-source page's link to the downloads climbs one folder more, to the site root."""
    marked = '<a href="../../eventdocs-above-the-language-root/schemas/x/v1.json">x</a>'
    assert resolve_downloads(marked) == '<a href="../../../schemas/x/v1.json">x</a>'
    assert resolve_downloads("eventdocs-above-the-language-root/ in text") == (
        "eventdocs-above-the-language-root/ in text"
    )


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("he", "rtl"), ("fa-IR", "rtl")])
def test_right_to_left_languages_are_written_right_to_left(code: str, direction: str) -> None:
    """Arabic, Hebrew and Persian build right to left; the repository's languages left to right."""
    assert writing_direction(code) == direction
    assert {writing_direction(locale) for locale in LOCALES} == {"ltr"}


def test_downloads_copied_again_follow_the_project(tmp_path: Path) -> None:
    """Copying the downloads into a folder that has them (as `serve` does, build after build)
    adds what is new, replaces what changed and removes what the project no longer has."""
    root = tmp_path / "project"
    schemas = root / "docs" / "schemas"
    (schemas / "kept").mkdir(parents=True)
    (schemas / "gone").mkdir()
    for name, text in (("kept/v1.json", "{}"), ("gone/v1.json", "{}"), ("catalog.json", "[]")):
        (schemas / name).write_text(text, "utf-8")
    plan = replace(make_site_plan(repo_project()), root=root)
    site = tmp_path / "site"
    copy_downloads(plan, site)
    shutil.rmtree(schemas / "gone")
    (schemas / "catalog.json").write_text('["changed"]', "utf-8")
    copy_downloads(plan, site)
    copied = {
        path.relative_to(site / "schemas").as_posix(): path.read_text("utf-8")
        for path in sorted((site / "schemas").rglob("*"))
        if path.is_file()
    }
    assert copied == {"catalog.json": '["changed"]', "kept/v1.json": "{}"}
    assert not (site / "schemas" / "gone").exists()
