"""Locale YAML written by hand reads back as exactly what was meant, in the file's own bytes."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventdocs.edit.yaml_text import apply_edits, encode_like, translation_entry, yaml_string


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"])))
@example("\ufffe")  # a non-character YAML refuses raw
def test_any_string_reads_back_as_itself(text: str) -> None:
    """Quotes, backslashes, controls, line separators and BOMs all survive the round trip."""
    assert yaml.safe_load(f"key: {yaml_string(text)}\n")["key"] == text


def test_an_entry_is_a_key_with_its_source_and_text() -> None:
    """An untranslated entry has an empty `text`, read as null."""
    entry = yaml.safe_load(translation_entry("ui.yes", "Yes", None))
    assert entry == {"ui.yes": {"source": "Yes", "text": None}}


def test_edited_text_is_encoded_like_the_original() -> None:
    """CRLF line ends and a BOM in the original come back; LF files stay LF."""
    assert encode_like("\ufeffa: 1\r\nb: 2\r\n".encode(), "a: 1\nb: 3\n") == (
        "\ufeffa: 1\r\nb: 3\r\n".encode()
    )
    assert encode_like(b"a: 1\n", "a: 2\n") == b"a: 2\n"


def test_edits_apply_at_their_offsets_in_any_order_given() -> None:
    """Replacements and insertions land where their offsets say, whatever order they come
    in; insertions at one offset keep theirs."""
    edits = [(4, 4, "Y"), (1, 2, "X"), (4, 4, "Z"), (0, 0, "<"), (5, 6, "")]
    assert apply_edits("abcdef", edits) == "<aXcdYZe"
    assert apply_edits("abc", []) == "abc"
