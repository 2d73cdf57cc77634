"""Locale files: codes, text folding, key groups."""

from __future__ import annotations

import pytest

from eventdocs.errors import LoadError
from eventdocs.load.locale import key_group, normalize_text, validate_locale_code


def test_folding_keeps_no_break_spaces() -> None:
    """Line breaks and runs of spaces fold; a French no-break space before a colon stays."""
    assert normalize_text("  Les valeurs\n  suivantes\u00a0:  ") == "Les valeurs suivantes\u00a0:"


@pytest.mark.parametrize("code", ["fr", "pt-BR", "zh-Hant", "sr-Latn-RS"])
def test_well_formed_tags_are_accepted(code: str) -> None:
    """Language, script and region subtags in the site's folder shape pass."""
    assert validate_locale_code(code, registry=True) == code


@pytest.mark.parametrize("code", ["../fr", "fr/ca", "FR", "french", "xx-YYYYY", "jp", "zz"])
def test_other_codes_are_refused(code: str) -> None:
    """Path-like, mis-cased, unknown or malformed tags are refused."""
    with pytest.raises(LoadError):
        validate_locale_code(code, registry=True)


def test_keys_group_by_event() -> None:
    """An event's keys share a group; page furniture is one group."""
    assert key_group("events.message_status_updated.fields.uuid") == "message_status_updated"
    assert key_group("ui.heading.fields") == "ui"
