"""The words of the site around the pages, in each language: its name, the language's own name
in the language selector, and the navigation's section titles.

They live in the locale files as ``ui.site.*`` and ``ui.nav.*`` keys, translated and checked
like every other string (prose only), so ``mkdocs.yml`` holds no language at all. A project
with a ``mkdocs.yml`` uses them; one without builds no site and is not asked for them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from eventdocs.load.locale import Locale
from eventdocs.load.project import Project
from eventdocs.load.site_config import SITE_CONFIG
from eventdocs.render.prose import parse_prose
from eventdocs.render.translator import LookupTracker, Translations

SITE_NAME = "ui.site.name"
LANGUAGE_NAME = "ui.site.language"
NAV_EVENTS = "ui.nav.events"
NAV_TYPES = "ui.nav.types"
SITE_KEYS = frozenset({SITE_NAME, LANGUAGE_NAME, NAV_EVENTS, NAV_TYPES})
# The heading of events without a category, on the events index and in the navigation.
OTHER_EVENTS = "ui.heading.other_events"


def site_keys(project: Project) -> frozenset[str]:
    """The keys the site itself needs: all of ``SITE_KEYS`` when the project builds a site."""
    return SITE_KEYS if (project.root / SITE_CONFIG).exists() else frozenset()


@dataclass(frozen=True)
class SiteStrings:
    """One language's site words, as HTML-escaped plain text (MkDocs and Material print
    ``site_name`` and navigation titles unescaped, in text and in attributes)."""

    site_name: str
    language_name: str
    events: str
    types: str
    # Each category's heading, by category name ("" for the events without one).
    categories: dict[str, str]
    # Keys shown without a current translation: the English, or a stale translation.
    outdated: frozenset[str]


def _shown(text: str) -> str:
    return html.escape(parse_prose(text).plain, quote=True)


def site_strings(project: Project, locale: Locale) -> SiteStrings:
    """``locale``'s site words, falling back to the source language as every page does
    (and recording it: ``check`` reports the key meanwhile)."""
    tracker = LookupTracker()
    plain = Translations(project.source, locale, tracker).plain
    categories = {
        (event.category or ""): _shown(
            plain[f"categories.{event.category}" if event.category else OTHER_EVENTS]
        )
        for event in project.events
    }
    return SiteStrings(
        site_name=_shown(plain[SITE_NAME]),
        language_name=_shown(plain[LANGUAGE_NAME]),
        events=_shown(plain[NAV_EVENTS]),
        types=_shown(plain[NAV_TYPES]),
        categories=categories,
        outdated=frozenset(tracker.output.outdated | tracker.output.missing_source),
    )
