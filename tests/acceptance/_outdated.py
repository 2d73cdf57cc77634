"""A copy of the project whose translations fall behind on purpose, and the marks read back.

French keeps every event's introduction translated from an earlier English (stale), Italian
loses it (missing: the English shows); Portuguese stays clean. The browser tests build the
same project.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tests.helpers import EVENTS, LOCALES, read_yaml, write_yaml

SOURCE = LOCALES[0]
STALE_LOCALE = "fr"
MISSING_LOCALE = "it"
CLEAN_LOCALE = "pt"
EARLIER_ENGLISH = "An earlier English text of this introduction."
MARK_CLASSES = ("eventdocs-stale", "eventdocs-fallback")
_MARK = re.compile(r"<span class='eventdocs-(stale|fallback)'")


def intro_key(event: str) -> str:
    return f"events.{event}.intro"


def plant_outdated(root: Path) -> None:
    """Make every event's introduction stale in French and missing in Italian."""
    french = root / "locales" / f"{STALE_LOCALE}.yaml"
    entries = read_yaml(french)
    for event in EVENTS:
        entries[intro_key(event)]["source"] = EARLIER_ENGLISH
    write_yaml(french, entries)
    italian = root / "locales" / f"{MISSING_LOCALE}.yaml"
    entries = read_yaml(italian)
    for event in EVENTS:
        entries[intro_key(event)]["text"] = ""
    write_yaml(italian, entries)


def text_of(root: Path, locale: str, key: str) -> str:
    """The text ``key`` has in ``locale``'s file of the project at ``root``."""
    entry = read_yaml(root / "locales" / f"{locale}.yaml")[key]
    return str(entry if locale == SOURCE else entry["text"])


def markdown_marks(page: str) -> list[str]:
    """The kinds of the marks a generated Markdown page holds, in order."""
    return _MARK.findall(page)


def html_marks(page: str) -> list[dict[str, str]]:
    """Each mark of a built HTML page, as a browser reads it: its kind, its passage's words,
    its tooltip, its sign's role and label, and the language its passage is in."""
    tree = LexborHTMLParser(page)
    found = []
    for node in tree.css(", ".join(f"span.{name}" for name in MARK_CLASSES)):
        sign = node.css_first("sup.eventdocs-mark")
        inner = node.css_first("span[lang]")
        found.append(
            {
                "kind": str(node.attributes.get("class")),
                "words": " ".join(node.text().split()),
                "title": str(node.attributes.get("title")),
                "role": str(sign.attributes.get("role")) if sign else "",
                "label": str(sign.attributes.get("aria-label")) if sign else "",
                "lang": str(inner.attributes.get("lang")) if inner else "",
            }
        )
    return found
