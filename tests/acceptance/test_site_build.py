"""The real site builds with `mkdocs build --strict`, in four languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO


def mkdocs_build(cwd: Path, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` in ``cwd`` (into ``site`` when given)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    if site is not None:
        command += ["--site-dir", str(site)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    """`mkdocs build --strict` succeeds and writes the event page in every language."""
    site = tmp_path / "site"
    result = mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stderr
    for prefix in ("", "fr/", "pt/", "it/"):
        page = site / prefix / "events/message_status_updated/index.html"
        assert page.is_file()
    assert (site / "schemas/message_status_updated/v1.json").is_file()
    french = (site / "fr/events/message_status_updated/index.html").read_text(encoding="utf-8")
    assert "État du message mis à jour" in french
    assert 'lang="fr"' in french


def test_mkdocs_build_regenerates_stale_pages_first(project: Path) -> None:
    """`mkdocs build` alone runs `eventdocs build` first: an edited string reaches the site."""
    french = project / "locales" / "fr.yaml"
    french.write_text(
        french.read_text("utf-8").replace('"Lu"', '"Lu par le destinataire"'), "utf-8"
    )
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert "Lu par le destinataire" in (
        project / "docs/fr/events/message_status_updated.md"
    ).read_text("utf-8")
    html = (site / "fr/events/message_status_updated/index.html").read_text("utf-8")
    assert "Lu par le destinataire" in html


def test_mkdocs_build_reports_a_bad_locale_in_one_line(project: Path) -> None:
    """A broken locale stops `mkdocs build` with eventdocs' own message naming the file."""
    (project / "locales" / "it.yaml").write_text("key: [unclosed\n", "utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "eventdocs: locales/it.yaml:2:1: invalid YAML" in result.stderr


def test_mkdocs_serve_regenerates_on_locale_edit(project: Path) -> None:
    """While `mkdocs serve` runs, editing a locale file regenerates the page and serves it."""
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/"},
    )
    url = f"http://127.0.0.1:{port}/fr/events/message_status_updated/"

    def served() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body: bytes = response.read()
                return body.decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 60
        while "Livré" not in served() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Livré" in served()
        french = project / "locales" / "fr.yaml"
        french.write_text(french.read_text("utf-8").replace('"Livré"', '"Remis"'), "utf-8")
        deadline = time.monotonic() + 60
        while "Remis (" not in served() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Remis" in (project / "docs/fr/events/message_status_updated.md").read_text("utf-8")
        assert "Remis" in served()
    finally:
        server.terminate()
        server.wait(timeout=20)
