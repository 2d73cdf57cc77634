"""Word diffs for translators, and the markup a translation must keep."""

from __future__ import annotations

from eventdocs.check._text import markup_difference, unsafe_content, word_diff


def test_word_diff_marks_removed_and_added_words() -> None:
    """Removed words show as [-…-], added ones as {+…+}, the rest as is."""
    assert (
        word_diff("The unique id", "The unique identifier here")
        == "The unique [-id-] {+identifier here+}"
    )


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
