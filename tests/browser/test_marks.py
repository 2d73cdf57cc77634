"""Out-of-date passages in a real browser: seen, labelled for assistive technology, pronounced
in their language, in both palettes and right to left; a clean page has no mark."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from playwright.sync_api import Locator, expect

from eventdocs.render.prose import parse_prose
from tests.acceptance._outdated import (
    MISSING_LOCALE,
    SOURCE,
    STALE_LOCALE,
    intro_key,
    text_of,
)
from tests.browser.conftest import Visit
from tests.helpers import EVENTS, REPO, TYPES

pytestmark = pytest.mark.browser

MARKS = ".eventdocs-stale, .eventdocs-fallback, .eventdocs-mark"
# Per planted language: the mark's class, the language its passage is in (None: the page's),
# whose text it shows, its note's key, and its sign.
PLANTED = {
    STALE_LOCALE: ("eventdocs-stale", None, STALE_LOCALE, "ui.mark.stale", "†"),
    MISSING_LOCALE: ("eventdocs-fallback", SOURCE, SOURCE, "ui.mark.fallback", "‡"),
}


PALETTE = next(
    path.name
    for path in files("material").joinpath("templates/assets/stylesheets").iterdir()
    if path.name.startswith("palette.") and path.name.endswith(".min.css")
)


def event_url(site_url: str, locale: str, event: str) -> str:
    return f"{site_url}{'' if locale == SOURCE else locale + '/'}events/{event}/"


def words(text: str) -> str:
    return " ".join(parse_prose(text).plain.split())


def sign_of(mark: Locator) -> Locator:
    return mark.locator("sup.eventdocs-mark")


@pytest.mark.parametrize("locale", PLANTED)
def test_the_outdated_passage_is_marked_for_eye_and_ear(
    locale: str, visit: Visit, outdated_site_url: str
) -> None:
    """On every event page the one marked passage is the introduction, underlined with its
    sign after it; the sign is an image named by the note, the passage's tooltip is the note,
    and a fallback's words are in the source language."""
    kind, lang, shown_in, note_key, sign = PLANTED[locale]
    page = visit.page
    note = text_of(REPO, locale, note_key)
    for event in EVENTS:
        page.goto(event_url(outdated_site_url, locale, event), wait_until="load")
        mark = page.locator(".eventdocs-stale, .eventdocs-fallback")
        expect(mark).to_have_count(1)
        expect(mark).to_have_class(kind)
        expect(mark).to_be_visible()
        intro = words(text_of(REPO, shown_in, intro_key(event)))
        assert " ".join(mark.inner_text().split()) == intro, event
        expect(mark).to_have_attribute("title", note)
        expect(mark.get_by_role("img", name=note, exact=True)).to_have_count(1)
        expect(sign_of(mark)).to_have_accessible_name(note)
        style = mark.evaluate(
            """mark => {
                const sign = getComputedStyle(mark.querySelector("sup"), "::before");
                const own = getComputedStyle(mark);
                return [own.textDecorationLine, own.textDecorationStyle, sign.content];
            }"""
        )
        assert style == ["underline", "dotted", f'"{sign}"'], event
        passage = mark.locator("[lang]")
        if lang is None:
            expect(passage).to_have_count(0)
        else:
            expect(passage).to_have_attribute("lang", lang)
            assert " ".join(passage.inner_text().split()) == intro, event
        expect(page.locator(".admonition.warning")).to_have_count(1)


def test_clean_pages_have_no_mark(visit: Visit, outdated_site_url: str) -> None:
    """A page of a language behind that holds no outdated passage (every type page) has no
    mark and no notice."""
    page = visit.page
    for code in PLANTED:
        for name in TYPES:
            page.goto(f"{outdated_site_url}{code}/types/{name}/", wait_until="load")
            expect(page.locator("article h1")).to_have_count(1)
            expect(page.locator(MARKS)).to_have_count(0)
            expect(page.locator(".admonition.warning")).to_have_count(0)


def test_marks_read_in_both_palettes_and_right_to_left(
    visit: Visit, outdated_site_url: str, artifacts: Path
) -> None:
    """The underline and the sign take the palette's colours (the dark one too), and the
    sign keeps its space from the passage right to left as left to right."""
    page = visit.page
    page.goto(event_url(outdated_site_url, STALE_LOCALE, EVENTS[0]), wait_until="load")
    # The project configures no palette toggle: the theme's palette stylesheet, which defines
    # the dark scheme, is added as a toggle would add it.
    page.add_style_tag(url=f"{outdated_site_url}{STALE_LOCALE}/assets/stylesheets/{PALETTE}")
    mark = page.locator(".eventdocs-stale")
    read = """(mark, [scheme, dir]) => {
        document.body.setAttribute("data-md-color-scheme", scheme);
        document.body.setAttribute("dir", dir);  // where the theme sets it
        const sign = mark.querySelector("sup");
        const own = getComputedStyle(mark), drawn = getComputedStyle(sign);
        return {
            underline: own.textDecorationColor,
            sign: drawn.color,
            background: getComputedStyle(document.body).backgroundColor,
            start: dir === "rtl" ? drawn.marginRight : drawn.marginLeft,
            end: dir === "rtl" ? drawn.marginLeft : drawn.marginRight,
        };
    }"""
    light = mark.evaluate(read, ["default", "ltr"])
    dark = mark.evaluate(read, ["slate", "ltr"])
    mark.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "marks-slate.png"))
    rtl = mark.evaluate(read, ["default", "rtl"])
    assert light["underline"] != dark["underline"]
    assert light["background"] != dark["background"]
    for shown in (light, dark, rtl):
        assert shown["sign"] != shown["background"]
        # The space is on the side the passage is, in either direction.
        assert (shown["start"] != "0px", shown["end"]) == (True, "0px"), shown
