"""Hostile translations, end to end: planted into a project, built into the real site, read back.

Every build costs seconds, so each one plants a hostile string into every key of the
translations (and into some English keys), then runs `eventdocs build` and a real
`mkdocs build`, and reads every HTML page and search index with an HTML5 parser. What may
appear is derived from the site built from the untouched project: its elements and attribute
names, and the hosts its pages link to (plus those of links the planted English itself spells,
since English is the source a translation's links must match).

CI runs a small example budget; `make fuzz` sets ``EVENTDOCS_FUZZ_EXAMPLES`` higher.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from eventdocs.edit.yaml_text import yaml_string
from eventdocs.render.prose import parse_prose
from tests.acceptance._outdated import html_marks, plant_outdated
from tests.helpers import FIXTURES, LOCALES, REPO, copy_project, read_yaml, write_yaml

CORPUS = sorted((FIXTURES / "hostile").glob("*.txt"))
EXAMPLES = int(os.environ.get("EVENTDOCS_FUZZ_EXAMPLES", "10"))
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href"}


# Elements that run, load or restyle something: each must be one the untouched site has,
# attributes and content alike (the site's own scripts are in every page).
ACTIVE = {
    "script", "style", "iframe", "frame", "object", "embed", "link", "meta", "base", "form",
    "input", "button", "textarea", "select", "template", "img", "video", "audio", "source",
    "track", "image", "use", "foreignobject", "animate", "set", "portal",
}  # fmt: skip


@dataclass
class SiteShape:
    """What a site holds: (element, attribute) pairs, link hosts, active elements whole, and
    offending findings."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    active: set[str] = field(default_factory=set)
    offences: list[str] = field(default_factory=list)


def read_html(html: str, where: str, shape: SiteShape) -> None:
    """Add one HTML document's (or fragment's) elements, attributes and hosts to ``shape``."""
    root = LexborHTMLParser(html).root
    assert root is not None
    for node in root.traverse():
        tag = node.tag or ""
        shape.pairs.add((tag, ""))
        if tag.lower() in ACTIVE:
            shape.active.add(f"{tag} {sorted(node.attributes.items())} {node.text()}")
        for name, value in node.attributes.items():
            shape.pairs.add((tag, name))
            if name.lower().startswith("on"):
                shape.offences.append(f"{where}: <{node.tag} {name}=…>")
            if name.lower() in URL_ATTRIBUTES and value:
                url = value.strip().lower()
                if url.startswith(("javascript:", "data:", "vbscript:")):
                    shape.offences.append(f"{where}: <{node.tag} {name}={value[:40]!r}>")
                if host := urlsplit(value.strip()).hostname:
                    shape.hosts.add(host)


def read_site(site: Path) -> SiteShape:
    """Read every page and every search index of a built site."""
    shape = SiteShape()
    for page in sorted(site.rglob("*.html")):
        read_html(page.read_text("utf-8"), page.relative_to(site).as_posix(), shape)
    for index in sorted(site.rglob("search_index.json")):
        for document in json.loads(index.read_text("utf-8")).get("docs", []):
            where = f"{index.relative_to(site).as_posix()}#{document.get('location', '')}"
            read_html(f"<p>{document.get('title', '')}</p>", where, shape)
            read_html(f"<div>{document.get('text', '')}</div>", where, shape)
    return shape


def build_site(root: Path) -> Path:
    """`eventdocs build`, then `mkdocs build` (its hook builds again: a no-op)."""
    for command in (["eventdocs", "build"], ["mkdocs", "build", "--site-dir", "site"]):
        module = "eventdocs" if command[0] == "eventdocs" else "mkdocs"
        result = subprocess.run(
            [sys.executable, "-m", module, *command[1:]],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-2000:]
    return root / "site"


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> SiteShape:
    """The shape of the site built from the untouched project, but for passages planted out
    of date: the marks around them are the generator's own markup, as every page's is."""
    root = copy_project(tmp_path_factory.mktemp("baseline") / "project")
    plant_outdated(root)
    return read_site(build_site(root))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def keys_of(root: Path, locale: str) -> list[str]:
    data = yaml.safe_load((root / "locales" / f"{locale}.yaml").read_text("utf-8"))
    return sorted(data)


def plant(root: Path, english: dict[str, str], translations: dict[str, str]) -> None:
    """Write hostile texts into the locale files (English as text, others as translations)."""
    source = yaml.safe_load((root / "locales" / "en.yaml").read_text("utf-8"))
    source.update(english)
    (root / "locales" / "en.yaml").write_text(
        "".join(f"{key}: {yaml_string(text)}\n" for key, text in source.items()), "utf-8"
    )
    for locale in LOCALES[1:]:
        path = root / "locales" / f"{locale}.yaml"
        entries = yaml.safe_load(path.read_text("utf-8"))
        lines = []
        for key, entry in entries.items():
            text = translations.get(key, entry["text"])
            # Translated from today's English: a hostile text is tried as a current one.
            lines.append(
                f"{key}:\n  source: {yaml_string(source[key])}\n  text: {yaml_string(text)}\n"
            )
        path.write_text("".join(lines), "utf-8")


def assert_inert(site: Path, english_site: SiteShape, english: dict[str, str]) -> None:
    hostile = read_site(site)
    assert hostile.offences == []
    assert hostile.pairs - english_site.pairs == set()
    assert hostile.active - english_site.active == set()
    spelled = {
        host
        for text in english.values()
        for href, _ in parse_prose(text).links
        if (host := urlsplit(href).hostname)
    }
    assert hostile.hosts - english_site.hosts - spelled == set()


def build_with(
    workspace: Path, name: str, english: dict[str, str], translations: dict[str, str]
) -> Path:
    root = workspace / name
    if root.exists():
        shutil.rmtree(root)
    copy_project(root)
    plant(root, english, translations)
    return build_site(root)


HOSTILE_TOKENS = [
    *"<>&\"'`\\[](){}|*_!#-+=~:;\n\t",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</title><script>",
    "&lt;script&gt;",
    "&#60;b&#62;",
    "](javascript:alert(1))",
    "![p](https://tracker.example/p.png)",
    "<https://evil.example>",
    "[x][y]",
    "[x]: https://evil.example",
    "{: onclick=alert(1) }",
    "{{ 7*7 }}",
    "{% raw %}",
    "\\`",
    "```",
    "!!! danger",
    "# ",
    "1. ",
    "> ",
    "| a | b |",
    "\u202e",
    "\u2028",
    "\u200b",
    "\x00",
    "\x1b[31m",
    "x" * 300,
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_TOKENS), st.characters(exclude_categories=["Cs"])),
    min_size=1,
    max_size=25,
).map("".join)


# One text drawn per key would be more than Hypothesis draws for one example (the catalog has
# hundreds of keys): each example draws a pool of texts and deals it out over every key.
POOL = 40


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    # Each example is a site build: a failure is reported as drawn, not shrunk for minutes.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_translations_stay_inert_on_the_site(
    data: st.DataObject, english_site: SiteShape, workspace: Path
) -> None:
    """Hostile strings in every translated key and some English ones: the built site holds
    no element, attribute or host the English site lacks, no handler and no script URL."""
    keys = keys_of(REPO, "fr")
    pool = data.draw(st.lists(hostile_text, min_size=1, max_size=POOL), label="pool")
    start = data.draw(st.integers(0, len(pool) - 1), label="start")
    translations = {key: pool[(start + number) % len(pool)] for number, key in enumerate(keys)}
    # Titles land in the page head, the navigation and the search index: always hostile.
    english_keys = [*title_keys(keys), *data.draw(st.lists(st.sampled_from(keys), max_size=12))]
    # Ending in a letter: an English text that cleans to nothing is a build error, not a page.
    english = {
        key: pool[(start + number + 1) % len(pool)] + " z"
        for number, key in enumerate(english_keys)
    }
    assert_inert(build_with(workspace, "fuzz", english, translations), english_site, english)


def title_keys(keys: list[str]) -> list[str]:
    """Keys whose text becomes a title or heading somewhere on the site."""
    return [
        key for key in keys if key.endswith(".title") or ".heading" in key or "admonition" in key
    ]


def corpus_texts() -> list[str]:
    return [path.read_text("utf-8").removesuffix("\n") for path in CORPUS]


def test_hostile_corpus_stays_inert_on_the_site(english_site: SiteShape, workspace: Path) -> None:
    """Every regression case of tests/fixtures/hostile/ builds inert, each once as an English
    title: every key of every language holds a case, so a few builds try them all."""
    texts = corpus_texts()
    keys = keys_of(REPO, "fr")
    titles = title_keys(keys)
    for start in range(0, len(texts), len(titles)):
        # This build's cases go to the English titles; every other key cycles through all.
        chunk = texts[start : start + len(titles)]
        english = {key: texts[(start + i) % len(texts)] for i, key in enumerate(keys)}
        english.update(zip(titles, chunk, strict=False))
        translations = {key: texts[(start + i + 1) % len(texts)] for i, key in enumerate(keys)}
        site = build_with(workspace, f"corpus-{start}", english, translations)
        assert_inert(site, english_site, english)


# Notes that would leave their attribute, or be read as Markdown, if they were not escaped.
HOSTILE_NOTES = {
    "ui.mark.stale": "\"><script>alert(1)</script> '><img src=x onerror=alert(1)> z",
    "ui.mark.fallback": "`x` **b** [l](javascript:alert(1)) <https://evil.example> &lt;i&gt; z",
}


def test_hostile_notes_stay_inert_on_the_site(english_site: SiteShape, workspace: Path) -> None:
    """Hostile mark notes in English (and so in every language that falls back to them), on
    a site whose passages are marked: the site stays inert, and each tooltip and sign label
    reads back as the note's very text."""
    root = workspace / "notes"
    if root.exists():
        shutil.rmtree(root)
    copy_project(root)
    plant(root, HOSTILE_NOTES, {key: "" for key in HOSTILE_NOTES})
    plant_outdated(root)
    # Every language falls back to the English notes; Portuguese falls behind everywhere too.
    portuguese = root / "locales" / "pt.yaml"
    entries = read_yaml(portuguese)
    for entry in entries.values():
        entry["source"] = "An earlier English text."
    write_yaml(portuguese, entries)
    site = build_site(root)
    assert_inert(site, english_site, HOSTILE_NOTES)
    read = {"eventdocs-stale": 0, "eventdocs-fallback": 0}
    for page in sorted(site.rglob("*.html")):
        for mark in html_marks(page.read_text("utf-8")):
            note = HOSTILE_NOTES[f"ui.mark.{mark['kind'].removeprefix('eventdocs-')}"]
            assert (mark["title"], mark["label"]) == (note, note), page
            read[mark["kind"]] += 1
    assert min(read.values()) > 0


def test_corpus_is_not_empty() -> None:
    """The corpus holds cases: a test over nothing proves nothing."""
    assert len(CORPUS) >= 10


# What the status pages add once a translation is stale: the English word diff, marked up as
# deleted and inserted runs in the source language. The untouched project has none stale.
DIFF_MARKUP = {("del", ""), ("ins", ""), ("span", "lang")}


def plant_lag(root: Path, texts: list[str]) -> None:
    """Make every translated key stale, its recorded English a hostile text, or missing."""
    for locale in LOCALES[1:]:
        path = root / "locales" / f"{locale}.yaml"
        entries = yaml.safe_load(path.read_text("utf-8"))
        lines = []
        for number, (key, entry) in enumerate(entries.items()):
            source, text = texts[number % len(texts)], entry["text"]
            if number % 3 == 0:
                source, text = entry["source"], ""
            lines.append(f"{key}:\n  source: {yaml_string(source)}\n  text: {yaml_string(text)}\n")
        path.write_text("".join(lines), "utf-8")


def test_hostile_stale_and_missing_strings_stay_inert_on_the_status_pages(
    english_site: SiteShape, workspace: Path
) -> None:
    """Hostile English and hostile recorded sources, shown as word diffs on every status page,
    and missing strings listed there: the site holds nothing the English site lacks but the
    diff's own markup."""
    texts = corpus_texts()
    keys = keys_of(REPO, "fr")
    english = {key: texts[number % len(texts)] + " z" for number, key in enumerate(keys[1::4])}
    root = workspace / "status"
    if root.exists():
        shutil.rmtree(root)
    copy_project(root)
    plant(root, english, {})
    plant_lag(root, texts)
    site = build_site(root)
    for locale in LOCALES[1:]:
        status = (site / locale / "translation-status" / "index.html").read_text("utf-8")
        assert "<del>" in status and "<ins>" in status and "<progress" in status
    allowed = SiteShape(english_site.pairs | DIFF_MARKUP, english_site.hosts, english_site.active)
    assert_inert(site, allowed, english)
