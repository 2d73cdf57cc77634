"""The formats table: every name `check --format` offers resolves to a working formatter."""

from __future__ import annotations

import pytest

from eventdocs.check.findings import Code, Finding
from eventdocs.report.formats import FORMATS, formatter

FINDING = Finding("locales/fr.yaml", 3, Code.STALE, "ui.yes", "the English changed")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_prints_its_findings(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each format turns a finding into lines that name its file."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    lines = formatter(name)((FINDING,), "1 event(s)")
    assert lines and "locales/fr.yaml" in "\n".join(lines)
