"""What every language's build of the site needs to know of the project, computed once.

A ``SitePlan`` is plain, picklable data: the parent process makes it from the loaded project and
hands it to the processes that build the languages, which never load the project themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventdocs.load.inputs import PAGES_DIR
from eventdocs.load.project import Project
from eventdocs.load.site_config import SITE_CONFIG
from eventdocs.render.pages import categorized
from eventdocs.site.languages import SiteLanguage, site_languages

DOCS_DIR = "docs"
SCHEMAS_DIR = "schemas"
HOME = "index.md"


@dataclass(frozen=True)
class SitePlan:
    """The site's languages and the shape of its navigation."""

    root: Path
    languages: tuple[SiteLanguage, ...]
    # (category, its events) in the order of each category's first event; "" for none, last.
    categories: tuple[tuple[str, tuple[str, ...]], ...]
    types: tuple[str, ...]
    # The hand-written pages besides the home page, by path under docs/<lang>/, per language.
    pages: dict[str, tuple[str, ...]]

    @property
    def config_file(self) -> Path:
        return self.root / SITE_CONFIG

    @property
    def source(self) -> SiteLanguage:
        return self.languages[0]

    def language(self, code: str) -> SiteLanguage:
        """The language ``code``; a code the project lacks is a programming error upstream."""
        return next(language for language in self.languages if language.code == code)

    def docs_dir(self, language: SiteLanguage) -> Path:
        return self.root / DOCS_DIR / language.code

    def nav(self, language: SiteLanguage) -> list[Any]:
        """The navigation: home, the hand-written pages (the source language's where this one
        has none), events by category and the types. An event page lists the events of its
        own category only (``navigation.prune`` folds the other sections). The translation
        status page is linked from each home page, not listed here: every page would carry the
        entry, and a page's weight is the site's budget."""
        strings = language.strings
        pages = sorted({*self.pages.get(language.code, ()), *self.pages.get(self.source.code, ())})
        events: list[Any] = ["events/index.md"]
        for category, names in self.categories:
            title = strings.categories.get(category, category)
            events.append({title: [f"events/{name}.md" for name in names]})
        types: list[Any] = ["types/index.md", *(f"types/{name}.md" for name in self.types)]
        return [HOME, *pages, {strings.events: events}, {strings.types: types}]


def make_site_plan(project: Project) -> SitePlan:
    """The plan of ``project``'s site (its root made absolute: builds run in other processes)."""
    pages: dict[str, list[str]] = {}
    for page in project.pages:
        code, _, rest = page.source.removeprefix(f"{PAGES_DIR}/").partition("/")
        if rest != HOME:
            pages.setdefault(code, []).append(rest)
    return SitePlan(
        root=project.root.resolve(),
        languages=site_languages(project),
        # Grouped as the events index groups them, so navigation and index agree.
        categories=tuple(
            (name, tuple(event.event for event in events))
            for name, events in categorized(project.events)
        ),
        types=tuple(sorted(project.types)),
        pages={code: tuple(sorted(paths)) for code, paths in pages.items()},
    )
