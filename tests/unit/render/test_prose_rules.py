"""The markup a translation must keep, and what it may never hold, as the site parses it."""

from __future__ import annotations

import pytest

from eventdocs.render.prose_rules import markup_difference, prose_fits, unsafe_content


def test_same_markup_passes() -> None:
    """Same inline code, bold count, links and placeholders: no difference."""
    assert (
        markup_difference(
            "Use `uuid` with **care**, see [docs](https://x.y) for {count}",
            "Utilisez `uuid` avec **soin**, voir [la doc](https://x.y) pour {count}",
        )
        is None
    )


def test_changed_inline_code_is_named() -> None:
    """A translated identifier is reported with both sides."""
    assert "`null`" in (markup_difference("or `null`", "ou `nul`") or "")


def test_dropped_bold_link_and_placeholder_are_reported() -> None:
    """Each kind of lost markup is caught."""
    assert markup_difference("a **b**", "a b")
    assert markup_difference("[a](https://x)", "[a](https://y)")
    assert markup_difference("{n} items", "items")


def test_unsafe_content_is_named() -> None:
    """Raw HTML, template syntax and script links are refused; code spans may show them."""
    assert unsafe_content("<b>x</b>")
    assert unsafe_content("{{ x }}")
    assert unsafe_content("[a](javascript:alert(1))")
    assert unsafe_content("use `<br>` and `{{ }}` literally") is None


def test_escaped_backtick_cannot_move_a_code_span() -> None:
    """A backslash before a backtick shifts the code span as the site parses it: caught."""
    assert markup_difference("the `status` field", "le champ \\`status` x`")


def test_link_title_must_match() -> None:
    """Same target, another title: the link differs."""
    assert markup_difference('[a](https://x "Docs")', '[b](https://x "Evil")')


def test_links_may_move() -> None:
    """Links and code keep their targets but may appear in another order."""
    assert (
        markup_difference(
            "[a](https://x) then `b` and [c](https://y)",
            "`b` puis [c](https://y) et [a](https://x)",
        )
        is None
    )


def test_emphasis_only_where_the_english_has_it() -> None:
    """A translation may not add emphasis the English does not have."""
    assert markup_difference("plain words", "des *mots* simples")
    assert markup_difference("_a_ b", "a b") is None


@pytest.mark.parametrize(
    "translation",
    [
        "![pixel](https://tracker.example/p.png)",
        "<https://evil.example>",
        "<x@evil.example>",
        "&lt;script&gt;",
        '*x*{: onclick="alert(1)" }',
        "[a][ref]",
        "# heading",
        "- item",
        "1. item",
        "> quote",
        "[a](data:text/html,x)",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_refused_constructs_are_named(translation: str) -> None:
    """Images, autolinks, entities, attribute lists, reference links, blocks: each refused."""
    assert unsafe_content(translation)
    assert not prose_fits("some English", translation)


def test_fitting_translation_is_shown() -> None:
    """Same markup and nothing refused: the translation fits."""
    assert prose_fits("The **status** of `x`", "Le **statut** de `x`")
