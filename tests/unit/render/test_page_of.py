"""Which page shows a string: one answer for the status pages and translators' files."""

from __future__ import annotations

import pytest

from eventdocs.render.coverage import page_of, subject_of
from tests.helpers import LOCALES, REPO, read_yaml

SUBJECTS = sorted({subject_of(key) for key in read_yaml(REPO / "locales" / f"{LOCALES[0]}.yaml")})


@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_subject_names_a_page_of_the_site_or_every_page(subject: str) -> None:
    """A subject's page is a generated page of the source language; only the interface's
    words (`ui`) are on every page instead."""
    page = page_of(subject)
    if subject.split(".")[0] == "ui":
        assert page is None
    else:
        assert page is not None and (REPO / "docs" / LOCALES[0] / page).is_file()


@pytest.mark.parametrize("subject", ["categories", "envelope"])
def test_the_events_index_shows_categories_and_the_envelope(subject: str) -> None:
    """Category headings and the envelope's headers are shown on the events index."""
    assert page_of(subject) == "events/index.md"
