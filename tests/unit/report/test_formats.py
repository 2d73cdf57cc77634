"""The formats table: every name `check --format` offers resolves to a working formatter."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.check.findings import Code, Finding
from eventdocs.report.formats import FORMATS, Report, formatter, site_url
from eventdocs.report.places import Places

FINDING = Finding("locales/fr.yaml", 3, Code.STALE, "ui.yes", "the English changed")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_names_the_file_from_the_working_directory(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each format turns a finding of the project `docs-project` into lines naming
    `docs-project/locales/fr.yaml`, the path from where eventdocs runs."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    places = Places(Path("docs-project"), tmp_path)
    report = Report((FINDING,), "1 event(s)", places, "https://docs.example.com/")
    printed = "\n".join(formatter(name)(report))
    assert "docs-project/locales/fr.yaml" in printed


@pytest.mark.parametrize(
    ("schema_base_url", "site"),
    [
        ("https://docs.example.com/schemas/", "https://docs.example.com/"),
        ("https://example.com/webhooks/schemas/", "https://example.com/webhooks/"),
        ("https://example.com/", "https://example.com/"),
    ],
)
def test_the_site_root_is_the_folder_above_the_schemas(schema_base_url: str, site: str) -> None:
    """docs/schemas/ is served one folder below the site's root, as it sits in docs/."""
    assert site_url(schema_base_url) == site
