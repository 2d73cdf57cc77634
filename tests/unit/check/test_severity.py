"""Severities set in eventdocs.toml apply to their codes only, never to missing English."""

from __future__ import annotations

from eventdocs.check.findings import Code, Finding, Severity
from eventdocs.check.severity import with_severities

STALE = Finding("locales/fr.yaml", 3, Code.STALE, "k", "stale")
MISSING_FR = Finding("locales/fr.yaml", None, Code.MISSING, "k", "missing")
MISSING_EN = Finding("locales/en.yaml", None, Code.MISSING, "k", "missing")
EXAMPLE = Finding("schema/e.yaml", 4, Code.EXAMPLE, "", "no example", severity=Severity.WARNING)


def test_set_codes_take_their_severity_and_others_keep_theirs() -> None:
    """`stale = "warning"` makes stale findings warnings and leaves every other one alone."""
    found = with_severities([STALE, MISSING_FR, EXAMPLE], {"stale": "warning"}, "locales/en.yaml")
    assert [f.severity for f in found] == [Severity.WARNING, Severity.ERROR, Severity.WARNING]


def test_missing_english_stays_an_error() -> None:
    """`missing = "warning"` applies to translations; the English file's stays an error."""
    found = with_severities([MISSING_FR, MISSING_EN], {"missing": "warning"}, "locales/en.yaml")
    assert [f.severity for f in found] == [Severity.WARNING, Severity.ERROR]


def test_error_upgrades_a_warning() -> None:
    """`example = "error"` makes an example warning an error."""
    (found,) = with_severities([EXAMPLE], {"example": "error"}, "locales/en.yaml")
    assert found.severity is Severity.ERROR
