"""Word diffs for translators."""

from __future__ import annotations

from eventdocs.render.word_diff import WordChange, word_changes, word_diff


def test_word_diff_marks_removed_and_added_words() -> None:
    """Removed words show as [-…-], added ones as {+…+}, the rest as is."""
    assert (
        word_diff("The unique id", "The unique identifier here")
        == "The unique [-id-] {+identifier here+}"
    )


def test_word_changes_keep_the_order_of_the_new_text() -> None:
    """Removed runs come before the runs that replace them; unchanged runs are kept."""
    assert word_changes("a b c", "a x c d") == [
        WordChange("equal", "a"),
        WordChange("removed", "b"),
        WordChange("added", "x"),
        WordChange("equal", "c"),
        WordChange("added", "d"),
    ]
