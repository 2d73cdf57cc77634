"""Comparing prose for translators: word diffs, and the words of a string."""

from __future__ import annotations

from difflib import SequenceMatcher


def word_diff(old: str, new: str) -> str:
    """Return ``new`` with removed words as ``[-old-]`` and added ones as ``{+new+}``."""
    old_words, new_words = old.split(), new.split()
    pieces: list[str] = []
    matcher = SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            pieces.extend(new_words[b_start:b_end])
            continue
        if a_end > a_start:
            pieces.append("[-" + " ".join(old_words[a_start:a_end]) + "-]")
        if b_end > b_start:
            pieces.append("{+" + " ".join(new_words[b_start:b_end]) + "+}")
    return " ".join(pieces)
