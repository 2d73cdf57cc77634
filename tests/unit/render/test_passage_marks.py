"""Outdated passages are marked where they stand, and the marks survive the site's Markdown."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest

from eventdocs.render.environment import identifier_with, with_identifier
from eventdocs.render.markdown_text import quoted_title
from eventdocs.render.passage_marks import NOTE_KEYS, Mark, attribute_text, unmarked
from eventdocs.render.site_markdown import (
    SITE_MARKDOWN_EXTENSION_CONFIGS,
    SITE_MARKDOWN_EXTENSIONS,
)
from eventdocs.render.translator import LookupTracker, Translations
from tests.unit.render._locales import locale

STALE_NOTE = "Modifié en anglais depuis sa traduction"
FALLBACK_NOTE = "Pas encore traduit : affiché en anglais"
# A passage holding every inline Markdown a translation may use.
RICH = "Le **statut** de `message`, voir [la page](https://example.com/a_b)"
RICH_SOURCE = "The **status** of `message`, see [the page](https://example.com/a_b)"


def notes(text: str = "Note") -> dict[str, tuple[str | None, str | None]]:
    return {key: (text, None) for key in NOTE_KEYS}


# The source language is German here: a fallback's `lang` comes from the project.
SOURCE = locale(
    "de",
    {
        "current": ("Heute", None),
        "stale": (RICH_SOURCE, None),
        "missing": (RICH_SOURCE, None),
        "short": ("Herunterladen", None),
        "ui.mark.stale": ("Changed since it was translated", None),
        "ui.mark.fallback": ("Not translated yet", None),
    },
    source=True,
)


def french() -> Translations:
    target = locale(
        "fr",
        {
            "current": ("Aujourd'hui", "Heute"),
            "stale": (RICH, "An older text"),
            "ui.mark.stale": (STALE_NOTE, "Changed since it was translated"),
            "ui.mark.fallback": (FALLBACK_NOTE, "Not translated yet"),
        },
        source=False,
    )
    return Translations(SOURCE, target, LookupTracker())


class _Marks(HTMLParser):
    """The marks of an HTML fragment as a browser reads them (attributes decoded), each with
    its passage's text, its sign's label and role, and every element seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.tags: list[str] = []
        self._open: list[dict[str, str] | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {name: value or "" for name, value in attrs}
        mark = None
        if tag == "span" and values.get("class", "").startswith("eventdocs-"):
            mark = {**values, "text": ""}
            self.marks.append(mark)
        elif tag == "span" and "lang" in values and self.marks:
            self.marks[-1]["passage_lang"] = values["lang"]
        elif tag == "sup" and self.marks:
            self.marks[-1]["sign"] = f"{values.get('aria-label')}|{values.get('role')}"
        self._open.append(mark)

    def handle_endtag(self, tag: str) -> None:
        self._open.pop()

    def handle_data(self, data: str) -> None:
        for opened in self._open:
            if opened is not None:
                opened["text"] += data


def marks_in(fragment: str) -> _Marks:
    parser = _Marks()
    parser.feed(fragment)
    parser.close()
    return parser


def site_html(text: str) -> tuple[str, Any]:
    """``text`` converted as the site converts a page, and the converter (its toc)."""
    converter = markdown.Markdown(
        extensions=list(SITE_MARKDOWN_EXTENSIONS),
        extension_configs=SITE_MARKDOWN_EXTENSION_CONFIGS,
    )
    return converter.convert(text), converter


def test_current_text_is_not_marked_and_is_the_markdown_tables_own() -> None:
    """A current translation reaches the page exactly as the unmarked Markdown table has it."""
    strings = french()
    assert strings.page["current"] == strings.markdown["current"] == "Aujourd'hui"
    assert "current" in strings.page  # remembered: later lookups are a dictionary hit
    assert strings.tracker.output.outdated == set()


def test_stale_translation_is_marked_with_the_pages_note() -> None:
    """A stale translation is shown, marked stale, its note in the page's language."""
    strings = french()
    (mark,) = marks_in(strings.page["stale"]).marks
    assert mark["class"] == "eventdocs-stale"
    assert mark["title"] == STALE_NOTE
    assert mark["sign"] == f"{STALE_NOTE}|img"
    assert "passage_lang" not in mark and "lang" not in mark
    assert unmarked(strings.page["stale"]) == strings.markdown["stale"]
    assert "stale" not in strings.page  # resolved again for the next page, which records it
    assert strings.tracker.output.outdated == {"stale"}


def test_fallback_is_marked_in_the_source_language() -> None:
    """A missing translation shows the source text inside `lang` of the project's source
    language, with the fallback note in the page's language outside it."""
    strings = french()
    (mark,) = marks_in(strings.page["missing"]).marks
    assert mark["class"] == "eventdocs-fallback"
    assert mark["title"] == FALLBACK_NOTE and mark["sign"] == f"{FALLBACK_NOTE}|img"
    assert mark["passage_lang"] == "de" and "lang" not in mark
    assert f"<span lang='de'>{strings.markdown['missing']}</span>" in strings.page["missing"]


def test_plain_and_markdown_tables_stay_unmarked() -> None:
    """Front matter, JSON Schema and API documents get the text without any mark."""
    strings = french()
    for key in ("stale", "missing"):
        assert "eventdocs-" not in strings.plain[key]
        assert "eventdocs-" not in strings.markdown[key]
        assert "eventdocs-" in strings.page[key]


def test_source_language_pages_have_no_marks() -> None:
    """The source language's page table is its Markdown table: nothing there is marked."""
    strings = Translations(SOURCE, SOURCE, LookupTracker())
    assert strings.page is strings.markdown
    assert "eventdocs-" not in strings.page["missing"] + strings.page["unknown key"]


def test_notes_count_as_used_before_any_mark() -> None:
    """The notes' keys are in use in every language, so a project translated in full today
    keeps them for the day a translation falls behind."""
    assert french().used >= NOTE_KEYS
    assert Translations(SOURCE, SOURCE, LookupTracker()).used >= NOTE_KEYS


@pytest.mark.parametrize(
    "note",
    [
        '"><script>alert(1)</script>',
        "'><img src=x onerror=alert(1)>",
        "`code` **bold** [link](javascript:alert(1)) <https://example.com> \\* &amp; &lt;",
        "a  \nline\tbreak { #id } {: .x } ~~~ | _under_",
    ],
)
def test_a_hostile_note_stays_one_inert_attribute_value(note: str) -> None:
    """A note from a locale file (the source language's: a translation spelling markup falls
    back to it) comes out of the site's Markdown as the very text of its attributes: no
    element, no Markdown, no entity of its own."""
    escaped = attribute_text(note)
    assert html.unescape(escaped) == note
    assert not set(escaped) & set("<>'\"`*_[]\\\n")
    source = locale("en", {"k": (RICH_SOURCE, None), **notes(note)}, source=True)
    target = locale("fr", {"k": (RICH, "Old")}, source=False)
    page, _ = site_html(Translations(source, target, LookupTracker()).page["k"])
    parsed = marks_in(page)
    (mark,) = parsed.marks
    assert mark["title"] == note and mark["sign"] == f"{note}|img"
    assert set(parsed.tags) == {"p", "span", "strong", "code", "a", "sup"}


def test_a_passage_cannot_close_its_mark() -> None:
    """A passage that spells closing tags (the source text a fallback shows: a translation
    spelling markup falls back to it) is escaped before it is marked."""
    hostile = "</sup></span></span><script>alert(1)</script>"
    source = locale("en", {"k": (hostile, None), **notes()}, source=True)
    target = locale("fr", {}, source=False)
    page, _ = site_html(Translations(source, target, LookupTracker()).page["k"])
    parsed = marks_in(page)
    (mark,) = parsed.marks
    assert mark["text"] == hostile
    assert "script" not in parsed.tags


CONTEXTS = {
    "paragraph": "{}\n",
    "table cell": "| a | b |\n| :-- | :-- |\n| `x` | {} |\n",
    "list item": "- {}\n",
    "heading": "## {}\n",
}


@pytest.mark.parametrize("key", ["stale", "missing"])
@pytest.mark.parametrize("context", CONTEXTS)
def test_markdown_inside_a_mark_still_renders(context: str, key: str) -> None:
    """Bold, inline code and links inside a marked passage render in every place a page puts
    one, and the mark holds the whole passage."""
    page, _ = site_html(CONTEXTS[context].format(french().page[key]))
    (mark,) = marks_in(page).marks
    words = "Le statut de message, voir la page" if key == "stale" else RICH_SOURCE
    assert mark["text"] == html.unescape(words).replace("**", "").replace("`", "").replace(
        "[the page](https://example.com/a_b)", "the page"
    )
    assert page.count("<strong>") == 1
    assert "<code>message</code>" in page
    assert 'href="https://example.com/a_b"' in page


def test_a_marked_link_text_stays_a_link() -> None:
    """A marked passage as a link's text: the link holds the whole mark."""
    page, _ = site_html(f"- [{french().page['short']}](page.md)\n")
    (mark,) = marks_in(page).marks
    assert mark["text"] == "Herunterladen" and mark["passage_lang"] == "de"
    assert page.startswith("<ul>\n<li><a href=\"page.md\"><span class='eventdocs-fallback'")


def test_a_marked_heading_keeps_its_anchor_and_toc_entry() -> None:
    """The mark adds no text: a heading's id and table-of-contents entry are its words."""
    strings = french()
    marked, converter = site_html(f"## {strings.page['stale']}\n")
    plain, plain_converter = site_html(f"## {strings.markdown['stale']}\n")
    (entry,), (plain_entry,) = converter.toc_tokens, plain_converter.toc_tokens
    assert (entry["id"], entry["name"]) == (plain_entry["id"], plain_entry["name"])
    assert STALE_NOTE not in entry["name"]
    assert "eventdocs-stale" in marked and "eventdocs-stale" not in plain


def test_a_marked_admonition_title_renders() -> None:
    """An admonition title quotes its text: the mark's single-quoted attributes survive."""
    page, _ = site_html(f"!!! warning {quoted_title(french().page['stale'])}\n\n    Body\n")
    (mark,) = marks_in(page).marks
    assert mark["title"] == STALE_NOTE
    assert '<p class="admonition-title"><span' in page


@pytest.mark.parametrize("kind", list(Mark))
def test_identifier_filters_keep_a_mark(kind: Mark) -> None:
    """A value's title next to its identifier keeps its mark, and a title that is the
    identifier itself is still shown alone."""
    source = locale("en", {"t": ("Sent", None), **notes()}, source=True)
    translated: dict[str, tuple[str | None, str | None]] = (
        {"t": ("sent", "Old")} if kind is Mark.STALE else {}
    )
    target = locale("fr", translated, source=False)
    title = Translations(source, target, LookupTracker()).page["t"]
    assert f"eventdocs-{kind}" in title
    assert with_identifier(title, "sent") == title
    assert identifier_with("sent", title) == "`sent`"
    assert with_identifier(title, "other") == f"{title} (`other`)"
    assert identifier_with("other", title) == f"`other` ({title})"


@pytest.mark.parametrize(
    ("translation", "translated_from", "kind", "shown"),
    [
        # A stale translation the page can show: the translation, marked stale.
        ("Le **statut** de `message`", "Older", Mark.STALE, "Le **statut** de `message`"),
        # A stale translation whose inline code no longer matches: the English, a fallback.
        ("Le **statut** de `autre`", "Older", Mark.FALLBACK, "The **status** of `message`"),
        # A current translation the rules refuse (its code differs): the English, a fallback.
        ("Le **statut** de `autre`", "The **status** of `message`", Mark.FALLBACK, None),
        # No translation yet: the English, a fallback.
        ("", "The **status** of `message`", Mark.FALLBACK, None),
    ],
)
def test_what_a_page_shows_decides_the_mark(
    translation: str, translated_from: str, kind: Mark, shown: str | None
) -> None:
    """A passage is marked stale only when the stale translation itself is shown; whenever the
    English stands in (missing, refused, or stale and unfit), it is marked a fallback."""
    english = "The **status** of `message`"
    source = locale("en", {"k": (english, None), **notes()}, source=True)
    target = locale("fr", {"k": (translation, translated_from)}, source=False)
    strings = Translations(source, target, LookupTracker())
    page = strings.page["k"]
    assert f"<span class='eventdocs-{kind}'" in page
    assert unmarked(page) == strings.markdown["k"]
    assert strings.plain["k"] == (shown or english)
