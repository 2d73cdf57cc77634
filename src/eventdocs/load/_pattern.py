r"""A field's ``pattern`` must mean the same to every validator that reads the published schema.

JSON Schema patterns are ECMA-262 (ajv compiles them with the ``u`` flag); integrators also
validate with Python's ``re``, and ``check`` and ``validate`` match with RE2 (linear time, see
``_linear_regex``). Only the syntax all three read alike is accepted (so no lookarounds, which RE2
lacks). Integrators' engines backtrack, so two shapes that make them take exponential time are
refused too, by a cheap syntactic test that catches the usual cases, not all: a repeated group
that itself holds a quantifier (``(a+)+``), and a repeated group whose alternatives can start
with the same character (``(a|a)*``, ``(\d|[0-9a-f])+``), judged on each alternative's first
character, escape or class only.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from eventdocs.load.linear_regex import Re2Error, compile_linear

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
    try:
        compile_linear(pattern)
    except Re2Error as error:
        raise PatternError(
            f"pattern {pattern!r} cannot be matched in linear time (RE2: {error}); "
            "lookarounds and repeat counts over 1000 are not supported"
        ) from None


@dataclass
class _Group:
    """What the scan remembers of an open group."""

    holds_quantifier: bool = False
    # The first character, escape or class of each alternative; None where it is a group.
    firsts: list[str | None] = field(default_factory=list)
    at_alternative_start: bool = True

    def atom(self, text: str | None) -> None:
        if self.at_alternative_start:
            self.firsts.append(text)
            self.at_alternative_start = False

    def next_alternative(self) -> None:
        self.atom(None)  # an empty alternative starts with nothing
        self.at_alternative_start = True


def _scan(pattern: str) -> None:
    # One entry per open group; the outermost is the whole pattern.
    groups = [_Group()]
    position, quantifiable = 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            end = _escape(pattern, position, _ESCAPES)
            if pattern[position:end] not in ("\\b", "\\B"):  # zero-width: no first character
                groups[-1].atom(pattern[position:end])
            position, quantifiable = end, True
        elif char == "[":
            end = _character_class(pattern, position)
            groups[-1].atom(pattern[position:end])
            position, quantifiable = end, True
        elif char == "(":
            opener = next((o for o in _GROUP_OPENERS if pattern.startswith(o, position)), "(")
            if opener == "(" and pattern.startswith("(?", position):
                raise _refuse(
                    pattern, position, "named groups, flags and comments differ; use (?:...)"
                )
            groups[-1].atom(None)
            groups.append(_Group())
            position += len(opener)
            quantifiable = False
        elif char == ")":
            if len(groups) == 1:
                raise _refuse(pattern, position, "unbalanced )")
            inner = groups.pop()
            inner.atom(None)
            groups[-1].holds_quantifier = groups[-1].holds_quantifier or inner.holds_quantifier
            position += 1
            quantifier = _QUANTIFIER.match(pattern, position)
            repeated = quantifier is not None and not _at_most_once(quantifier.group())
            if repeated and inner.holds_quantifier:
                raise _refuse(
                    pattern, position, "a repeated group holds a repetition (slow to match)"
                )
            if repeated and _alternatives_overlap(inner.firsts):
                raise _refuse(
                    pattern,
                    position,
                    "the alternatives of a repeated group can start with the same character "
                    "(slow to match)",
                )
            quantifiable = True
        elif quantifier := _QUANTIFIER.match(pattern, position):
            if not quantifiable:
                raise _refuse(pattern, position, "nothing to repeat")
            groups[-1].holds_quantifier |= _varies(quantifier.group())
            position = quantifier.end()
            if pattern.startswith("?", position):  # lazy: the same in both
                position += 1
            if position < len(pattern) and pattern[position] in "*+?{":
                raise _refuse(pattern, position, "possessive or doubled quantifier")
            quantifiable = False
        elif char in "{}]":
            raise _refuse(pattern, position, f"escape a literal {char} as \\{char}")
        else:
            if char == "|":
                groups[-1].next_alternative()
            elif char not in "^$":  # anchors match no character
                groups[-1].atom(char)
            position += 1
            quantifiable = char not in "^$|"


# Characters tried against two first atoms to tell whether they overlap: ASCII and Latin, plus
# each atom's own literal character.
_PROBES = "".join(map(chr, range(0x250)))


def _alternatives_overlap(firsts: list[str | None]) -> bool:
    """Whether two alternatives can start with the same character, as far as probing tells."""
    atoms = [re.compile(atom) for atom in dict.fromkeys(first for first in firsts if first)]
    if len(atoms) < sum(1 for first in firsts if first):
        return True  # two alternatives start with the very same atom
    probes = _PROBES + "".join(atom.pattern for atom in atoms if len(atom.pattern) == 1)
    probes += "".join(_escaped_character(atom.pattern) for atom in atoms)
    for index, atom in enumerate(atoms):
        for other in atoms[index + 1 :]:
            if any(atom.fullmatch(probe) and other.fullmatch(probe) for probe in probes):
                return True
    return False


def _escaped_character(atom: str) -> str:
    """The character a ``\\xXX`` or ``\\uXXXX`` escape stands for; empty for anything else."""
    if atom[:2] in ("\\x", "\\u"):
        return chr(int(atom[2:], 16))
    return ""


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
