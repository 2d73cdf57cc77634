"""Schema patterns matched with RE2: the same answers as Python's `re`, in linear time."""

from __future__ import annotations

import re

import pytest

from eventdocs.load.linear_regex import linear_search, re2_syntax


def test_escapes_re2_spells_otherwise_are_rewritten() -> None:
    """`\\uXXXX` becomes `\\x{XXXX}` and a backspace class escape `\\x08`; the rest stays."""
    assert (
        re2_syntax(r"^[\b\u0041-\u005a]\b\u00e9\/\0$") == r"^[\x08\x{0041}-\x{005a}]\b\x{00e9}\/\0$"
    )


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"^[0-9a-f]{32}$", "0123456789abcdef0123456789abcdef"),
        (r"^[0-9a-f]{32}$", "0123456789abcdef0123456789abcdeg"),
        (r"^\u00e9+$", "ééé"),
        (r"^[\b]$", "\b"),
        (r"^a$", "a\n"),  # `$` is the end of the text only, as in ECMA-262
        (r"caf\xe9", "un café"),
        (r"^(?:foo|bar)+$", "foobarfoo"),
    ],
)
def test_answers_agree_with_python(pattern: str, text: str) -> None:
    """A portable pattern matches, or not, where ECMA-262 (here, Python without `$`'s
    trailing-newline case) says it does."""
    expected = re.search(pattern.replace("$", r"\Z"), text) is not None
    assert linear_search(pattern, text) is expected


def test_a_lone_surrogate_is_matched_not_a_crash() -> None:
    """A string JSON allows but UTF-8 cannot hold is matched as a replacement character."""
    assert linear_search("^x.y$", "x\ud800y")


def test_an_exponential_pattern_is_answered() -> None:
    """`^(?:a|a)*$`, which Python's `re` takes 2^40 steps on, is answered at once."""
    assert not linear_search("^(?:a|a)*$", "a" * 40 + "b")
