"""The real site: `eventdocs site` builds every language as a site of its own (and a plain
`mkdocs build` builds the same site); languages built apart merge into the full site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from eventdocs.check.findings import Code
from eventdocs.cli import main
from eventdocs.report.sarif import rule_url
from tests.acceptance._pages import headings, normalize
from tests.helpers import EVENTS, LOCALES, REPO, TYPES, copy_project

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


def eventdocs_site(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `eventdocs site ARGS` in ``cwd``, as a writer would (with ``env`` added to the
    environment)."""
    return subprocess.run(
        [sys.executable, "-m", "eventdocs", "site", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's project whose site `eventdocs site` has built."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = eventdocs_site(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def site(built: Path) -> Path:
    """The repository's site, built once with `eventdocs site`."""
    return built / "site"


def html_page(site: Path, page: str) -> Path:
    """Where the site serves the page ``page`` (relative to docs/): English at the root."""
    locale, rest = page.split("/", 1)
    folder = rest.removesuffix(".md").removesuffix("index")
    return site / ("" if locale == LOCALES[0] else locale) / folder / "index.html"


def test_every_page_is_built_in_its_language(site: Path) -> None:
    """`eventdocs site` writes every generated page in its language, and every schema."""
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


def test_a_plain_mkdocs_build_builds_the_same_site(project: Path, site: Path) -> None:
    """`mkdocs build` alone (the plugin listed first, before `search`) builds the very site
    `eventdocs site` builds: every language, the downloads, each language's search."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("  - eventdocs\n", "", 1)
    config.write_text(text.replace("  - search\n", "  - eventdocs\n  - search\n", 1), "utf-8")
    result = mkdocs_build(project, project / "plain")
    assert result.returncode == 0, result.stderr
    assert site_files(project / "plain") == site_files(site)


def test_the_downloads_are_copied_byte_for_byte(built: Path, site: Path) -> None:
    """`docs/schemas/` is in the site as it is, once, at the root: no language copies it."""
    downloads = {
        path.relative_to(built / "docs").as_posix(): path.read_bytes()
        for path in sorted((built / "docs" / "schemas").rglob("*"))
        if path.is_file()
    }
    published = {path: data for path, data in site_files(site).items() if "schemas/" in path}
    assert published == downloads


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_its_own_search_index_and_404(site: Path, locale: str) -> None:
    """Each language's folder has a search index of its own pages only, and a 404 page in
    its language; the root's are the source language's."""
    folder = site / ("" if locale == LOCALES[0] else locale)
    index = json.loads((folder / "search/search_index.json").read_text("utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert "events/message_status_updated/" in locations
    assert not [place for place in locations if place.split("/")[0] in LOCALES]
    assert f'lang="{locale}"' in (folder / "404.html").read_text("utf-8")


def test_shards_merge_into_the_full_site(project: Path, site: Path) -> None:
    """Two languages built in one checkout and the rest in another, on other days, their
    folders copied into one site/, give the full site byte for byte (sitemaps included)."""
    other = copy_project(project.parent / "other")
    first, rest = LOCALES[:2], LOCALES[2:]
    # Years apart, as reproducible builds tell tools the date; neither is the full build's.
    days = {project: "1262304000", other: "1893456000"}
    for root, codes in ((project, first), (other, rest)):
        arguments = [argument for code in codes for argument in ("--lang", code)]
        result = eventdocs_site(
            root, *arguments, "--jobs", "2", env={"SOURCE_DATE_EPOCH": days[root]}
        )
        assert result.returncode == 0, result.stderr
    shards = site_files(project / "site"), site_files(other / "site")
    assert not set(shards[0]) & set(shards[1])
    assert {**shards[0], **shards[1]} == site_files(site)


def test_a_language_that_fails_leaves_its_folder_as_it_was(project: Path) -> None:
    """A language whose build fails is one error line and exit 1; its folder of site/ stays
    the last good one, and the other languages are built."""
    assert eventdocs_site(project).returncode == 0
    before = site_files(project / "site" / LOCALES[1])
    page = project / "pages" / LOCALES[1] / "index.md"
    page.write_text(page.read_text("utf-8") + "\n[broken](missing.md)\n", "utf-8")
    result = eventdocs_site(project)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and f"the {LOCALES[1]!r} site did not build" in errors[0]
    assert "Traceback" not in result.stderr
    assert site_files(project / "site" / LOCALES[1]) == before
    assert not [path for path in (project / "site").iterdir() if path.name.startswith(".")]


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--lang", "xx"), "no language 'xx'"), (("--jobs", "0"), "--jobs")],
)
def test_a_bad_site_option_is_a_usage_error(
    project: Path, args: tuple[str, ...], message: str
) -> None:
    """An unknown language or no job at all is a usage error (exit 2), nothing built."""
    result = eventdocs_site(project, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (project / "site").exists()


def with_search_dictionary(project: Path, path: str) -> None:
    """Give the search plugin of ``project``'s `mkdocs.yml` a Chinese dictionary, ``path``."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "  - search\n", f"  - search:\n      jieba_dict: {path}\n", 1
    )
    config.write_text(text, "utf-8")


def test_a_search_dictionary_is_left_to_chinese_builds(project: Path) -> None:
    """A Chinese dictionary for search does not stop the other languages' builds (Material
    would load it with no segmenter to load it into)."""
    (project / "words.txt").write_text("网络 5 n\n", "utf-8")
    with_search_dictionary(project, "words.txt")
    result = eventdocs_site(project, "--lang", LOCALES[1])
    assert result.returncode == 0, result.stderr


def test_a_search_dictionary_outside_the_project_is_refused(project: Path) -> None:
    """A Chinese build refuses a search dictionary outside the project, in one line naming
    `mkdocs.yml`: the file is a contributor's to edit."""
    assert main(["-C", str(project), "new-locale", "zh"]) == 0
    (project / "pages" / "zh").mkdir()
    (project / "pages" / "zh" / "index.md").write_text("# 事件\n", "utf-8")
    with_search_dictionary(project, "/etc/hostname")
    result = eventdocs_site(project, "--lang", "zh")
    assert result.returncode == 1
    assert "mkdocs.yml" in result.stderr and "outside the project" in result.stderr, result.stderr


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


def test_serve_rebuilds_once_per_edit(project: Path, tmp_path: Path) -> None:
    """`eventdocs serve --lang fr` serves the French site; an edit of a locale file rebuilds it
    once (the plugin's own writes to docs/ trigger nothing) and the page shows the edit."""
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "eventdocs", "serve", "--lang", "fr", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/"},
        )
    url = f"http://127.0.0.1:{port}/events/message_status_updated/"

    def served() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body: bytes = response.read()
                return body.decode("utf-8")
        except OSError:
            return ""

    def builds() -> int:
        return log.read_text("utf-8").count("Building documentation")

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 60
        while text not in served() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert text in served(), log.read_text("utf-8")[-2000:]

    try:
        wait_for("Livré")
        before = builds()
        french = project / "locales" / "fr.yaml"
        french.write_text(french.read_text("utf-8").replace('"Livré"', '"Remis"'), "utf-8")
        wait_for("Remis (")
        time.sleep(3)  # a second rebuild, were there one, would start within this
        assert builds() == before + 1, log.read_text("utf-8")[-2000:]
        assert "Remis" in (project / "docs/fr/events/message_status_updated.md").read_text("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=20)
