"""One decision of a key's state: what a page shows, what check and status report."""

from __future__ import annotations

import pytest

from eventdocs.render.translation_state import State, decide, words

ENGLISH = "The **status** of the `message`"
FRENCH = "Le **statut** du `message`"


@pytest.mark.parametrize(
    ("english", "text", "translated_from", "state", "shown"),
    [
        (
            ENGLISH,
            FRENCH,
            ENGLISH,
            State.CURRENT,
            FRENCH,
        ),
        (ENGLISH, ENGLISH, ENGLISH, State.UNTRANSLATED, ENGLISH),
        (ENGLISH, FRENCH, "Old", State.STALE, FRENCH),
        (ENGLISH, "Le statut du `msg`", "Old", State.STALE, ENGLISH),
        (ENGLISH, "Le **statut** du `msg`", ENGLISH, State.REFUSED, ENGLISH),
        (ENGLISH, "<img src=x> **statut** `message`", ENGLISH, State.REFUSED, ENGLISH),
        (ENGLISH, None, None, State.MISSING, ENGLISH),
        (ENGLISH, "", ENGLISH, State.MISSING, ENGLISH),
        (None, "Le statut", "Old", State.ORPHAN, None),
    ],
)
def test_each_state_and_what_a_page_shows(
    english: str | None,
    text: str | None,
    translated_from: str | None,
    state: State,
    shown: str | None,
) -> None:
    """Current and untranslated show the translation; a stale one shows it only if it fits;
    refused and missing show the English; an orphan shows nothing."""
    verdict = decide(english, text, translated_from)
    assert (verdict.state, verdict.shown) == (state, shown)


def test_allowed_words_may_stay_as_in_english() -> None:
    """A translation made only of allowed words is current, not untranslated."""
    assert decide("Info", "Info", "Info", allowed_words=frozenset({"info"})).state is State.CURRENT
    assert decide("Info", "Info", "Info").state is State.UNTRANSLATED


def test_words_leave_out_inline_code() -> None:
    """Identifiers in code are not words a translator must translate."""
    assert words("The `uuid` of the **message**") == ["The", "of", "the", "message"]
