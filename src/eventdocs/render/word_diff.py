"""Word diffs of the English for translators: what changed since a translation was made.

``check`` prints them as text (``[-old-]{+new+}``); the translation status page shows the same
changes as deleted and inserted passages.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal, NamedTuple


class WordChange(NamedTuple):
    """A run of words that stayed (``equal``), went (``removed``) or came (``added``)."""

    kind: Literal["equal", "removed", "added"]
    words: str


def word_changes(old: str, new: str) -> list[WordChange]:
    """The words of ``new`` in order, with the runs of ``old`` it no longer has before the
    runs that replaced them."""
    old_words, new_words = old.split(), new.split()
    changes: list[WordChange] = []
    matcher = SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            changes.append(WordChange("equal", " ".join(new_words[b_start:b_end])))
            continue
        if a_end > a_start:
            changes.append(WordChange("removed", " ".join(old_words[a_start:a_end])))
        if b_end > b_start:
            changes.append(WordChange("added", " ".join(new_words[b_start:b_end])))
    return changes


_MARKS = {"equal": ("", ""), "removed": ("[-", "-]"), "added": ("{+", "+}")}


def word_diff(old: str, new: str) -> str:
    """Return ``new`` with removed words as ``[-old-]`` and added ones as ``{+new+}``."""
    return " ".join(
        _MARKS[change.kind][0] + change.words + _MARKS[change.kind][1]
        for change in word_changes(old, new)
    )
