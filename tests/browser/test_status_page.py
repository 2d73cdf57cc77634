"""The translation status page in a real browser: a language with planted stale and missing
strings shows its progress as accessible bars, the English changes as struck and underlined
words, and links to the pages that show them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.acceptance.test_severity import plant_lag
from tests.browser.conftest import Visit, built_and_served
from tests.helpers import EVENTS, LOCALES, copy_project

pytestmark = pytest.mark.browser

LANGUAGE = LOCALES[1]


@pytest.fixture(scope="module")
def lagging_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One translation's site (`eventdocs site --lang`) built from a project copy whose every
    event has a stale and a missing string in that language."""
    project = copy_project(tmp_path_factory.mktemp("lagging") / "project")
    plant_lag(project)
    with built_and_served(project, "--lang", LANGUAGE) as url:
        yield url


@pytest.fixture
def status_visit(browser: Browser, lagging_site: str) -> Iterator[Visit]:
    context = browser.new_context()
    page = context.new_page()
    visit = Visit(page, lagging_site)
    page.goto(f"{lagging_site}{LANGUAGE}/translation-status/", wait_until="networkidle")
    yield visit
    context.close()


def test_progress_bars_show_the_planted_lag(status_visit: Visit, artifacts: Path) -> None:
    """Every event's bar is a progressbar by its name, short of its maximum, its percentage
    written beside it; the theme's colour fills it; nothing fails or leaves the machine."""
    page = status_visit.page
    for event in EVENTS:
        bar = page.get_by_role("progressbar", name=event, exact=True)
        value, maximum = (float(bar.get_attribute(name) or "nan") for name in ("value", "max"))
        assert 0 <= value < maximum
        percent = f"{int(100 * value // maximum)}%"
        assert bar.locator("xpath=../following-sibling::td[1]").inner_text() == percent
    colour = page.locator("article progress").first.evaluate(
        "bar => getComputedStyle(bar).accentColor"
    )
    assert colour not in ("", "auto")
    page.screenshot(path=str(artifacts / f"status-{LANGUAGE}.png"), full_page=True)
    assert status_visit.failed == []
    assert status_visit.external == []


def test_stale_strings_show_the_english_change(status_visit: Visit) -> None:
    """Each event's stale summary shows the added English words underlined, in English."""
    page = status_visit.page
    for event in EVENTS:
        row = page.locator("tr", has=page.locator(f"code:text-is('events.{event}.summary')"))
        added = row.locator(f"span[lang='{LOCALES[0]}'] ins")
        assert added.count() >= 1
        assert "Revised." in added.last.inner_text()
        assert added.last.evaluate("node => getComputedStyle(node).textDecorationLine") == (
            "underline"
        )


def test_missing_strings_link_to_their_page(status_visit: Visit, lagging_site: str) -> None:
    """A missing title links to its event's page, which opens."""
    page = status_visit.page
    event = EVENTS[0]
    row = page.locator("tr", has=page.locator(f"code:text-is('events.{event}.title')"))
    row.locator("a").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{lagging_site}{LANGUAGE}/events/{event}/"
    assert status_visit.failed == []
