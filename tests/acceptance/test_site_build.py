"""The real site builds with `mkdocs build --strict`, in four languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from eventdocs.check.findings import Code
from eventdocs.report.sarif import rule_url
from tests.acceptance._pages import headings, normalize
from tests.helpers import EVENTS, LOCALES, REPO, TYPES

# Every page `build` generates, by its path under docs/: the indexes, the events, the types.
GENERATED = [
    f"{locale}/{folder}/{name}.md"
    for locale in LOCALES
    for folder, names in (("events", ("index", *EVENTS)), ("types", ("index", *TYPES)))
    for name in names
]


def mkdocs_build(cwd: Path, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` in ``cwd`` (into ``site`` when given)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    if site is not None:
        command += ["--site-dir", str(site)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built once with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stderr
    return site


def html_page(site: Path, page: str) -> Path:
    """Where the site serves the page ``page`` (relative to docs/): English at the root."""
    locale, rest = page.split("/", 1)
    folder = rest.removesuffix(".md").removesuffix("index")
    return site / ("" if locale == LOCALES[0] else locale) / folder / "index.html"


def test_mkdocs_build_strict(site: Path) -> None:
    """`mkdocs build --strict` writes every generated page in its language, and every schema."""
    for page in GENERATED:
        html = html_page(site, page).read_text("utf-8")
        assert f'lang="{page.split("/")[0]}"' in html, page
    for event in EVENTS:
        assert (site / f"schemas/{event}/v1.json").is_file()


@pytest.mark.parametrize("code", list(Code))
def test_every_rule_link_reaches_its_section_on_the_site(site: Path, code: Code) -> None:
    """A SARIF rule's help link, followed on the built site, reaches the heading of its
    section of the reference page of checks."""
    link = urlsplit(rule_url("https://docs.example.com/", code))
    page = site / link.path.lstrip("/") / "index.html"
    heading = LexborHTMLParser(page.read_text("utf-8")).css_first(f"h2#{link.fragment}")
    assert heading is not None, (page, link.fragment)


@pytest.mark.parametrize("page", GENERATED)
def test_every_heading_of_a_page_is_a_heading_on_the_site(site: Path, page: str) -> None:
    """Each heading a generated page writes is a heading of its HTML page, none swallowed by
    a table or paragraph above it (a table runs on until a blank line)."""
    written = headings((REPO / "docs" / page).read_text("utf-8"))
    article = LexborHTMLParser(html_page(site, page).read_text("utf-8")).css_first("article")
    assert article is not None
    shown = [
        (int(str(node.tag)[1]), normalize(node.text().removesuffix("¶")))
        for node in article.css("h1, h2, h3, h4, h5, h6")
    ]
    assert shown == [(level, normalize(text)) for level, text in written]


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path there."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


# The repository lists the plugin last; these put it before `search`, and between the two.
PLUGIN_PLACES = {
    "first": ("plugins:\n  - search\n", "plugins:\n  - eventdocs\n  - search\n"),
    "between search and i18n": ("plugins:\n  - search\n", "plugins:\n  - search\n  - eventdocs\n"),
}


@pytest.mark.parametrize(("old", "new"), PLUGIN_PLACES.values(), ids=PLUGIN_PLACES.keys())
def test_the_plugins_place_in_the_list_changes_nothing(
    project: Path, site: Path, old: str, new: str
) -> None:
    """Listed before `search` or between `search` and `i18n`, the plugin builds the very site
    it builds listed last: each of its events that depends on the others has a priority."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("  - eventdocs\n", "", 1)
    assert old in text
    config.write_text(text.replace(old, new, 1), "utf-8")
    moved = project / "site"
    result = mkdocs_build(project, moved)
    assert result.returncode == 0, result.stderr
    assert site_files(moved) == site_files(site)


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
