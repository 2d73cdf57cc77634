"""Word diffs for translators."""

from __future__ import annotations

from eventdocs.check._text import word_diff


def test_word_diff_marks_removed_and_added_words() -> None:
    """Removed words show as [-…-], added ones as {+…+}, the rest as is."""
    assert (
        word_diff("The unique id", "The unique identifier here")
        == "The unique [-id-] {+identifier here+}"
    )
