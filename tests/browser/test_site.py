"""The multilingual site in a real browser: language, switcher, schema download, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.acceptance._pages import normalize
from tests.browser.conftest import Visit
from tests.helpers import LOCALES, repo_project

pytestmark = pytest.mark.browser

EVENT_PAGE = "events/message_status_updated/"
TITLES = {
    "en": "Message Status Updated",
    "fr": "État du message mis à jour",
    "pt": "Status de Mensagem Atualizado",
    "it": "Messaggio stato aggiornato",
}


def heading(visit: Visit) -> str:
    """The page's h1 as a reader sees it, without the permalink sign."""
    return visit.page.locator("article h1").inner_text().removesuffix("¶").strip()


def page_url(site_url: str, locale: str, path: str = EVENT_PAGE) -> str:
    return f"{site_url}{'' if locale == 'en' else locale + '/'}{path}"


@pytest.mark.parametrize("locale", sorted(TITLES))
def test_event_page_renders_in_its_language(
    locale: str, visit: Visit, site_url: str, artifacts: Path
) -> None:
    """Each language's page has its title and `lang`, and makes no failed or outside request."""
    page = visit.page
    page.goto(page_url(site_url, locale), wait_until="networkidle")
    assert heading(visit) == TITLES[locale]
    assert page.locator("html").get_attribute("lang") == locale
    assert TITLES[locale] in page.title()
    page.screenshot(path=str(artifacts / f"{locale}.png"), full_page=True)
    assert visit.failed == []
    assert visit.external == []


def test_language_switcher_keeps_the_page(visit: Visit, site_url: str) -> None:
    """From the French event page, choosing English lands on the English event page."""
    page = visit.page
    page.goto(page_url(site_url, "fr"), wait_until="networkidle")
    english = page.locator("a.md-select__link[hreflang='en']")
    assert english.count() == 1
    page.goto(english.evaluate("link => link.href"))
    assert page.url == page_url(site_url, "en")
    assert heading(visit) == TITLES["en"]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_schema_links_download_valid_json(locale: str, visit: Visit, site_url: str) -> None:
    """The schema links on the page serve JSON Schema documents, the page's language included."""
    page = visit.page
    page.goto(page_url(site_url, locale), wait_until="networkidle")
    links = page.locator("article a[href$='.json']")
    hrefs = [links.nth(index).evaluate("link => link.href") for index in range(links.count())]
    expected = ["v1.json"] + ([] if locale == "en" else [f"v1.{locale}.json"])
    assert [href.rsplit("/", 1)[-1] for href in hrefs] == expected
    for href in hrefs:
        response = page.request.get(href)
        assert response.status == 200
        schema = json.loads(response.body())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].endswith(href.rsplit("/", 1)[-1])


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_api_document_links_download_the_documents(
    locale: str, visit: Visit, site_url: str
) -> None:
    """The events index links serve the OpenAPI and AsyncAPI documents, in English and in the
    page's language."""
    page = visit.page
    page.goto(page_url(site_url, locale, "events/"), wait_until="networkidle")
    links = page.locator("article a[href$='.json']")
    hrefs = [links.nth(index).evaluate("link => link.href") for index in range(links.count())]
    suffixes = [""] + ([] if locale == "en" else [f".{locale}"])
    assert [href.rsplit("/", 1)[-1] for href in hrefs] == [
        f"{kind}{suffix}.json" for kind in ("openapi", "asyncapi") for suffix in suffixes
    ]
    for href in hrefs:
        response = page.request.get(href)
        assert response.status == 200
        document = json.loads(response.body())
        kind = href.rsplit("/", 1)[-1].split(".")[0]
        assert document[kind].startswith("3.")
        assert set(document["webhooks" if kind == "openapi" else "operations"]) == {
            event.event for event in repo_project().events
        }


def search(
    visit: Visit, site_url: str, locale: str, query: str, path: str = EVENT_PAGE
) -> list[str]:
    """The links the search box lists for ``query``, typed on the page ``path`` of ``locale``."""
    page = visit.page
    page.goto(page_url(site_url, locale, path), wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    # Characters beyond the keyboard's are inserted without a key event; Material searches on one.
    page.keyboard.press("End")
    results = page.locator("li.md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    # Each key press may re-render the list: read it whole, once it reads the same twice.
    read = "links => links.map(link => link.href)"
    shown: list[str] = results.evaluate_all(read)
    for _ in range(20):
        page.wait_for_timeout(250)
        again: list[str] = results.evaluate_all(read)
        if again == shown:
            break
        shown = again
    return shown


def test_search_from_a_french_page_returns_french_pages_only(visit: Visit, site_url: str) -> None:
    """Searching "livré" on a French page finds French pages, and nothing else."""
    hrefs = search(visit, site_url, "fr", "livré")
    assert hrefs
    assert all(href.startswith(f"{site_url}fr/") for href in hrefs), hrefs
    assert visit.failed == []


def test_search_from_an_english_page_returns_english_pages_only(
    visit: Visit, site_url: str
) -> None:
    """Searching "delivered" on an English page finds no page of another language."""
    hrefs = search(visit, site_url, "en", "delivered")
    assert hrefs
    assert not [
        href
        for href in hrefs
        if href.startswith((f"{site_url}fr/", f"{site_url}pt/", f"{site_url}it/"))
    ]


def localized(locale: str, key: str) -> str:
    """The words a reader sees for ``key`` in ``locale``: its translation, or the English."""
    project = repo_project()
    entry = next(each for each in project.locales if each.code == locale).entries.get(key)
    return normalize((entry and entry.text) or project.source.entries[key].text or "")


def expected_index(locale: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The events index as the schema files say it: the delivery heading, then one heading per
    category, in the order of its first event, over the (name, summary) of each of its events,
    then the heading of the links to the API documents."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for event in repo_project().events:
        assert event.category, f"{event.event} has no category"
        row = (event.event, localized(locale, f"events.{event.event}.summary"))
        groups.setdefault(event.category, []).append(row)
    delivery: tuple[str, list[tuple[str, str]]] = (
        localized(locale, "ui.heading.delivery"),
        [],
    )  # first, and without a table here
    return [
        delivery,
        *((localized(locale, f"categories.{name}"), rows) for name, rows in groups.items()),
        (localized(locale, "ui.api.heading"), []),
    ]


# Each heading of the article in order, with the rows of the tables under it: (link, summary).
INDEX_SHAPE = """article => {
  const groups = [];
  for (const node of article.querySelectorAll("h2, table tbody tr")) {
    if (node.tagName === "H2") groups.push([node.innerText, []]);
    else if (groups.length) {
      groups[groups.length - 1][1].push(
        [node.querySelector("a")?.getAttribute("href") ?? node.innerText,
         node.cells[1]?.innerText ?? ""]);
    } else groups.push(["(no heading)", [[node.innerText, ""]]]);
  }
  return groups;
}"""


@pytest.mark.parametrize("locale", LOCALES)
def test_events_index_groups_the_events_by_category(
    locale: str, visit: Visit, site_url: str
) -> None:
    """Each language's events index shows every category as a heading in its language, and
    under it a table linking to each of its events with the localized summary."""
    page = visit.page
    page.goto(page_url(site_url, locale, "events/"), wait_until="networkidle")
    shown = page.locator("article").evaluate(INDEX_SHAPE)
    assert [
        (
            normalize(heading.removesuffix("¶")),
            [(href.strip("/").rsplit("/", 1)[-1], normalize(text)) for href, text in rows],
        )
        for heading, rows in shown
    ] == expected_index(locale)
    first = page.locator("article table tbody tr a").first
    name = expected_index(locale)[1][1][0][0]
    first.click()
    page.wait_for_url(page_url(site_url, locale, f"events/{name}/"))
    assert visit.failed == []


def test_missing_page_shows_the_default_language_404(visit: Visit, site_url: str) -> None:
    """An unknown URL under the sub-path gets the English 404 page, styled (assets found)."""
    page = visit.page
    response = page.goto(f"{site_url}missing-page/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    assert heading(visit) == "404 - Not found"
    assert visit.failed == []


def test_a_french_shard_serves_french_alone(visit: Visit, french_site_url: str) -> None:
    """A site built with `--lang fr` holds the French site in its folder, and nothing else:
    its page is French, its search finds French pages, and the root is left to other shards."""
    page = visit.page
    page.goto(page_url(french_site_url, "fr"), wait_until="networkidle")
    assert heading(visit) == TITLES["fr"]
    assert page.locator("html").get_attribute("lang") == "fr"
    hrefs = search(visit, french_site_url, "fr", "livré")
    assert hrefs
    assert all(href.startswith(f"{french_site_url}fr/") for href in hrefs), hrefs
    assert page.request.get(f"{french_site_url}index.html").status == 404


def test_an_arabic_page_is_written_right_to_left(visit: Visit, world_site_url: str) -> None:
    """The Arabic home page is laid out right to left (`dir="rtl"`), in Arabic (`lang`)."""
    page = visit.page
    page.goto(f"{world_site_url}ar/", wait_until="networkidle")
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    page.goto(world_site_url, wait_until="networkidle")
    assert page.locator("body").get_attribute("dir") == "ltr"


def test_a_japanese_search_finds_the_japanese_page(visit: Visit, world_site_url: str) -> None:
    """Searching a Japanese word from a Japanese page finds the Japanese page, though the
    text has no spaces between its words."""
    hrefs = search(visit, world_site_url, "ja", "ペイロード", path="")
    # Each result is the page, or a section of it (highlighting adds `?h=`).
    assert {href.split("?")[0].split("#")[0] for href in hrefs} == {f"{world_site_url}ja/"}, hrefs


def test_a_chinese_search_finds_a_word_inside_a_sentence(visit: Visit, world_site_url: str) -> None:
    """Searching a Chinese word that stands inside a run of characters without spaces finds
    the Chinese page: the build split the run into words."""
    hrefs = search(visit, world_site_url, "zh", "钩子", path="")
    assert {href.split("?")[0].split("#")[0] for href in hrefs} == {f"{world_site_url}zh/"}, hrefs


def test_a_korean_search_finds_a_word_with_its_particle(visit: Visit, world_site_url: str) -> None:
    """Searching a Korean word finds the Korean page where it stands with a particle attached
    (`플랫폼이`)."""
    hrefs = search(visit, world_site_url, "ko", "플랫폼", path="")
    assert {href.split("?")[0].split("#")[0] for href in hrefs} == {f"{world_site_url}ko/"}, hrefs
