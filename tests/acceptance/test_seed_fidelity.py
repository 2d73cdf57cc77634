"""The generated pages say everything the hand-written seed pages said, in the seeds' words."""

from __future__ import annotations

import pytest

from tests.acceptance._pages import example_payload, normalize
from tests.acceptance._seeds import seed_example, seed_sentences
from tests.helpers import LOCALES, REPO

PAGE = "docs/{locale}/events/message_status_updated.md"


def page_text(locale: str) -> str:
    return (REPO / PAGE.format(locale=locale)).read_text(encoding="utf-8")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_seed_sentence_is_on_its_page(locale: str) -> None:
    """Each heading, note, paragraph, list item and description of the seed is on the page."""
    page = normalize(page_text(locale))
    missing = [sentence for sentence in seed_sentences(locale) if normalize(sentence) not in page]
    assert missing == []


@pytest.mark.parametrize("locale", LOCALES)
def test_seed_sentences_were_read(locale: str) -> None:
    """The seed reader finds the page's prose: a reader that finds nothing proves nothing."""
    assert len(seed_sentences(locale)) >= 25


def test_english_example_is_the_seed_example() -> None:
    """The example every page shows is the English seed's payload, `contact` included."""
    assert example_payload(page_text("en")) == seed_example("en")


@pytest.mark.parametrize("locale", ["fr", "pt", "it"])
def test_fields_missing_from_older_seeds_are_documented(locale: str) -> None:
    """`metadata` and `contact`, absent from the older seeds, are documented in every language."""
    page = page_text(locale)
    for field in (
        "`metadata`",
        "`contact`",
        "`contact.createdAt`",
        "`messageStatusPayload.payload.ts`",
    ):
        assert f"| {field} |" in page


@pytest.mark.parametrize("locale", LOCALES)
def test_deleted_sits_at_the_level_of_its_sibling_statuses(locale: str) -> None:
    """Every status heading, `deleted` included, is a level-3 heading."""
    page = page_text(locale)
    for status in ("enqueued", "sent", "delivered", "read", "failed", "mismatch", "deleted"):
        (heading,) = [line for line in page.splitlines() if line.endswith(f"{{ #{status} }}")]
        assert heading.startswith("### ")


@pytest.mark.parametrize("locale", LOCALES)
def test_no_docusaurus_syntax_survives(locale: str) -> None:
    """Docusaurus admonitions and fence titles became Material's."""
    page = page_text(locale)
    assert ":::" not in page
    assert "title=payload.json" not in page
    assert '```json title="payload.json"' in page
    assert "!!! caution" in page and "!!! info" in page
