"""A field's ``pattern`` must mean the same to every validator that reads the published schema.

JSON Schema patterns are ECMA-262 (ajv compiles them with the ``u`` flag); ``jsonschema``, behind
``check`` and ``validate``, uses Python's ``re``. Only the syntax both read alike is accepted, and
no quantified group that itself holds a quantifier (``(a+)+`` backtracks exponentially).
"""

from __future__ import annotations

import re
import warnings

MAX_PATTERN_LENGTH = 1000

# Escapes with one meaning in ECMA-262 (u flag) and Python; `\-` only inside a class.
_ESCAPES = frozenset("dDwWsSbBfnrtv") | frozenset("^$\\.*+?()[]{}|/")
_CLASS_ESCAPES = (_ESCAPES - {"B"}) | {"-"}
_HEX = {"x": 2, "u": 4}
_QUANTIFIER = re.compile(r"[*+?]|\{[0-9]+(?:,[0-9]*)?\}")
_GROUP_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


class PatternError(ValueError):
    """The pattern is not one both ECMA-262 and Python read alike."""


def check_pattern(pattern: str) -> None:
    """Raise ``PatternError`` unless ``pattern`` is a short, portable, non-nesting regex."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"pattern is {len(pattern)} characters, over {MAX_PATTERN_LENGTH}")
    _scan(pattern)
    with warnings.catch_warnings():
        # Python warns of sets whose meaning will change (`[[`, `--`): refused, not printed.
        warnings.simplefilter("error")
        try:
            re.compile(pattern)
        except (re.error, FutureWarning) as error:
            raise PatternError(f"pattern is not a valid regular expression: {error}") from None


def _scan(pattern: str) -> None:
    # One entry per open group: does it hold a quantifier? The outermost is the whole pattern.
    groups = [False]
    position, quantifiable = 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position = _escape(pattern, position, _ESCAPES)
            quantifiable = True
        elif char == "[":
            position = _character_class(pattern, position)
            quantifiable = True
        elif char == "(":
            opener = next((o for o in _GROUP_OPENERS if pattern.startswith(o, position)), "(")
            if opener == "(" and pattern.startswith("(?", position):
                raise _refuse(
                    pattern, position, "named groups, flags and comments differ; use (?:...)"
                )
            groups.append(False)
            position += len(opener)
            quantifiable = False
        elif char == ")":
            if len(groups) == 1:
                raise _refuse(pattern, position, "unbalanced )")
            inner = groups.pop()
            groups[-1] = groups[-1] or inner
            position += 1
            quantifier = _QUANTIFIER.match(pattern, position)
            if inner and quantifier and not _at_most_once(quantifier.group()):
                raise _refuse(
                    pattern, position, "a repeated group holds a repetition (slow to match)"
                )
            quantifiable = True
        elif quantifier := _QUANTIFIER.match(pattern, position):
            if not quantifiable:
                raise _refuse(pattern, position, "nothing to repeat")
            groups[-1] = groups[-1] or _varies(quantifier.group())
            position = quantifier.end()
            if pattern.startswith("?", position):  # lazy: the same in both
                position += 1
            if position < len(pattern) and pattern[position] in "*+?{":
                raise _refuse(pattern, position, "possessive or doubled quantifier")
            quantifiable = False
        elif char in "{}]":
            raise _refuse(pattern, position, f"escape a literal {char} as \\{char}")
        else:
            position += 1
            quantifiable = char not in "^$|"


def _bounds(quantifier: str) -> tuple[int, int | None]:
    if quantifier in ("*", "+", "?"):
        return {"*": (0, None), "+": (1, None), "?": (0, 1)}[quantifier]
    low, comma, high = quantifier[1:-1].partition(",")
    if not comma:
        return int(low), int(low)
    return int(low), int(high) if high else None


def _varies(quantifier: str) -> bool:
    low, high = _bounds(quantifier)
    return low != high


def _at_most_once(quantifier: str) -> bool:
    high = _bounds(quantifier)[1]
    return high is not None and high <= 1


def _escape(pattern: str, position: int, allowed: frozenset[str]) -> int:
    letter = pattern[position + 1 : position + 2]
    if letter in _HEX:
        digits = pattern[position + 2 : position + 2 + _HEX[letter]]
        if len(digits) == _HEX[letter] and all(c in "0123456789abcdefABCDEF" for c in digits):
            return position + 2 + len(digits)
    elif (letter and letter in allowed) or (
        letter == "0" and not pattern[position + 2 : position + 3].isdigit()
    ):
        return position + 2
    raise _refuse(pattern, position, f"\\{letter} means different things to ECMA-262 and Python")


def _character_class(pattern: str, position: int) -> int:
    start = position
    position += 2 if pattern.startswith("[^", position) else 1
    first = True
    while position < len(pattern):
        char = pattern[position]
        if char == "]" and not first:
            return position + 1
        if char == "\\":
            position = _escape(pattern, position, _CLASS_ESCAPES)
        elif char == "[" or (char == "]" and first):
            raise _refuse(pattern, position, f"escape a {char} inside [...] as \\{char}")
        else:
            position += 1
        first = False
    raise _refuse(pattern, start, "unterminated [")


def _refuse(pattern: str, position: int, problem: str) -> PatternError:
    return PatternError(f"pattern {pattern!r} at character {position + 1}: {problem}")
