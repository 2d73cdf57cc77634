"""A field's `pattern` is accepted only if ECMA-262 and Python read it alike and match it fast."""

from __future__ import annotations

import re

import pytest

from eventdocs.load._pattern import MAX_PATTERN_LENGTH, PatternError, check_pattern


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[0-9a-f]{32}$",
        r"^[0-9]+$",
        r"^\+?[0-9 ]{6,20}$",
        r"^(?:[0-9]{3}-){2}[0-9]{4}$",
        r"^[a-z]+(?:\.[a-z]+)?$",
        r"^(?:foo|bar)$",
        r"^\d{4}-\d{2}-\d{2}$",
        r"[\-\]\\]",
        r"\x41\u00e9\/\0",
        r"[\b]",
        r"^(?:foo|bar)+$",
        r"^(?:[a-z]|\.|-)+$",
        r"^(?:\u00e9|e)*$",
        r"^.*?$",
        r"^a{2,}b{0,1}$",
        r"([a-z])?",
        "é+",
    ],
)
def test_portable_pattern_is_accepted(pattern: str) -> None:
    """Anchors, classes, lazy and bounded quantifiers, and plain groups pass, repeated too when
    their alternatives start differently."""
    check_pattern(pattern)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("[a-", "unterminated ["),
        ("(a", "not a valid regular expression"),
        ("a)", "unbalanced )"),
        ("*a", "nothing to repeat"),
        ("a**", "possessive or doubled quantifier"),
        ("a*+", "possessive or doubled quantifier"),
        ("(?P<year>[0-9]+)", "named groups, flags and comments differ"),
        ("(?<year>[0-9]+)", "named groups, flags and comments differ"),
        ("(?i)abc", "named groups, flags and comments differ"),
        ("(?#note)a", "named groups, flags and comments differ"),
        ("(?>a+)b", "named groups, flags and comments differ"),
        (r"\Aabc\Z", r"\A means different things"),
        (r"(a)\1", r"\1 means different things"),
        (r"\p{L}", r"\p means different things"),
        (r"\cJ", r"\c means different things"),
        (r"a\-b", r"\- means different things"),
        (r"\012", r"\0 means different things"),
        ("a{,3}", "escape a literal {"),
        ("a}", "escape a literal }"),
        ("a]", "escape a literal ]"),
        ("[[a]", r"escape a [ inside [...]"),
        ("[a--b]", "not a valid regular expression"),
        ("^(a+)+$", "a repeated group holds a repetition"),
        ("^(a*)*$", "a repeated group holds a repetition"),
        ("^((a+))*$", "a repeated group holds a repetition"),
        ("^(?:[a-z]+\\.){2,}$", "a repeated group holds a repetition"),
        ("x" * (MAX_PATTERN_LENGTH + 1), f"over {MAX_PATTERN_LENGTH}"),
        ("^(?:a|a)*$", "alternatives of a repeated group can start with the same character"),
        ("^(?:a|b|\\x61)+$", "alternatives of a repeated group can start with the same"),
        ("^(?:\\d|[0-9a-f]){2,}$", "alternatives of a repeated group can start with the same"),
        ("^(?:.|x)*$", "alternatives of a repeated group can start with the same character"),
        ("(?=a)", "cannot be matched in linear time (RE2: invalid perl operator"),
        ("(?<!d)x", "cannot be matched in linear time (RE2:"),
        ("a{1001}", "cannot be matched in linear time (RE2: invalid repetition size"),
    ],
)
def test_unportable_or_slow_pattern_is_refused(pattern: str, message: str) -> None:
    """Each refusal says what is wrong and, for syntax, at which character."""
    with pytest.raises(PatternError, match=re.escape(message)):
        check_pattern(pattern)
