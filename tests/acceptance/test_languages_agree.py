"""Every language documents the same fields, types, statuses and example, byte for byte."""

from __future__ import annotations

import re

import pytest

from tests.acceptance._pages import example_block, table_rows
from tests.helpers import LOCALES, REPO

OTHERS = [locale for locale in LOCALES if locale != "en"]


def page(locale: str) -> str:
    return (REPO / f"docs/{locale}/events/message_status_updated.md").read_text(encoding="utf-8")


def identifiers_and_types(locale: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in table_rows(page(locale))]


def statuses(locale: str) -> list[str]:
    return re.findall(r"^- `([a-z_]+)`", page(locale), re.M)


def test_english_table_documents_every_field() -> None:
    """The English table lists all 20 payload fields, nested ones included."""
    assert len(identifiers_and_types("en")) == 20


@pytest.mark.parametrize("locale", OTHERS)
def test_field_tables_agree(locale: str) -> None:
    """Same fields, same order, same types as the English table."""
    assert identifiers_and_types(locale) == identifiers_and_types("en")


@pytest.mark.parametrize("locale", OTHERS)
def test_statuses_agree(locale: str) -> None:
    """Same seven status values, in the same order."""
    assert (
        statuses(locale)
        == statuses("en")
        == [
            "enqueued",
            "sent",
            "delivered",
            "read",
            "failed",
            "mismatch",
            "deleted",
        ]
    )


@pytest.mark.parametrize("locale", OTHERS)
def test_example_is_byte_identical(locale: str) -> None:
    """The example payload block is the same bytes in every language."""
    assert example_block(page(locale)) == example_block(page("en"))


@pytest.mark.parametrize("locale", LOCALES)
def test_identifiers_are_never_translated(locale: str) -> None:
    """Every inline code span on a page is an identifier the English page has too."""

    def inline_code(text: str) -> set[str]:
        prose = re.sub(r"^```.*?^```$", "", text, flags=re.M | re.S)
        return set(re.findall(r"`([^`\n]+)`", prose))

    assert inline_code(page(locale)) <= inline_code(page("en"))
