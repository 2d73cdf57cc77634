"""The real site builds with `mkdocs build --strict`, in four languages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    """`mkdocs build --strict` succeeds and writes the event page in every language."""
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for prefix in ("", "fr/", "pt/", "it/"):
        page = site / prefix / "events/message_status_updated/index.html"
        assert page.is_file()
    assert (site / "schemas/message_status_updated/v1.json").is_file()
    french = (site / "fr/events/message_status_updated/index.html").read_text(encoding="utf-8")
    assert "État du message mis à jour" in french
    assert 'lang="fr"' in french
