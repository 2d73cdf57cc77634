"""Strict JSON for payloads: what a webhook receiver's parser would refuse is refused, at its line.

The standard library's parser keeps the last of two duplicate keys, reads ``NaN`` and ``1e400``
(infinity), recurses once per nesting level and turns a 100,000-digit number into an integer in
quadratic time. One linear scan refuses all of these first, then the parser reads what is left.
orjson is no help here: it reads integers beyond 64 bits as floats, silently inexact.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from eventdocs.errors import LoadError

MAX_DEPTH = 256
MAX_NUMBER_DIGITS = 100

# Possessive quantifiers never backtrack: an unterminated string costs one linear pass.
_STRING = r'"(?:[^"\\\x00-\x1f]++|\\.)*+"'
_TOKEN = re.compile(
    rf"""(?P<space>[\ \t\n\r]++)
      | (?P<string>{_STRING})
      | (?P<number>-?[0-9][0-9.eE+\-]*+)
      | (?P<open>[{{\[])
      | (?P<close>[}}\]])
      | (?P<colon>:)
      | (?P<comma>,)
      | (?P<word>-?[A-Za-z]++)""",
    re.VERBOSE,
)
_LITERALS = frozenset({"true", "false", "null"})
# Runs of values that need no look one by one (short finite numbers, literals, and in an array
# strings too) are skipped in one match: a million-element array is a few matches, not millions.
_SAFE_NUMBER = (
    r"(?>-?(?:0|[1-9][0-9]{0,47})(?:\.[0-9]{1,48})?(?:[eE][-+]?[0-9]{1,2})?)(?![0-9.eE+\-])"
)
_SAFE = rf"[\ \t\n\r]|(?:true|false|null)(?![A-Za-z])|{_SAFE_NUMBER}"
_ARRAY_RUN = re.compile(rf"(?:{_SAFE}|,|{_STRING})++")
_OBJECT_RUN = re.compile(rf"(?:{_SAFE}|[,:])++")


def parse_json(text: str, where: Path) -> Any:
    """Parse one JSON document strictly; raise ``LoadError`` naming ``where`` and the line."""
    _scan(text, where)

    def refuse(name: str) -> Any:  # the scan stops before any; kept as a second lock
        raise LoadError(f"invalid JSON: {name} is not JSON", path=where)

    try:
        return json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as error:
        raise LoadError(
            f"invalid JSON: {error.msg}", path=where, line=error.lineno, column=error.colno
        ) from None


def _scan(text: str, where: Path) -> None:
    """Refuse duplicate keys, NaN and Infinity, long or infinite numbers and deep nesting.

    Stops quietly at the first token that is not JSON: the parser then reports it.
    """
    # One entry per open container: the keys seen so far in an object, None in an array.
    stack: list[set[str] | None] = []
    expect_key = False
    position = 0
    while position < len(text):
        in_object = bool(stack) and stack[-1] is not None
        run = (_OBJECT_RUN if in_object else _ARRAY_RUN).match(text, position)
        if run:
            # A key comes next if the run ended on the `,` after a member; blanks change nothing.
            last = run.group().rstrip(" \t\n\r")[-1:]
            expect_key = expect_key if not last else in_object and last == ","
            position = run.end()
            continue
        token = _TOKEN.match(text, position)
        if token is None:
            return
        kind, value = token.lastgroup, token.group()
        if kind == "string" and expect_key:
            try:
                key = value[1:-1] if "\\" not in value else json.loads(value)
            except json.JSONDecodeError:
                return  # a bad escape: the parser says where
            keys = stack[-1]
            assert keys is not None
            if key in keys:
                raise _error(text, position, where, f"duplicate key {_shorten(key)!r}")
            keys.add(key)
        elif kind == "number":
            _check_number(value, text, position, where)
        elif kind == "word" and value not in _LITERALS:
            if value in ("NaN", "Infinity", "-Infinity"):
                raise _error(text, position, where, f"{value} is not JSON; send a number or null")
            return
        elif kind == "open":
            if len(stack) >= MAX_DEPTH:
                raise _error(text, position, where, f"nested deeper than {MAX_DEPTH} levels")
            stack.append(set() if value == "{" else None)
        elif kind == "close":
            if not stack:
                return
            stack.pop()
        if kind != "space":
            # A key comes right after `{`, or after `,` inside an object.
            expect_key = kind in ("open", "comma") and bool(stack) and stack[-1] is not None
        position = token.end()


def _check_number(value: str, text: str, position: int, where: Path) -> None:
    digits = sum(char.isdigit() for char in value)
    if digits > MAX_NUMBER_DIGITS:
        raise _error(
            text,
            position,
            where,
            f"number of {digits} digits, over the limit of {MAX_NUMBER_DIGITS}; send it as text",
        )
    if any(char in value for char in ".eE"):
        try:
            number = float(value)
        except ValueError:
            return  # malformed: the parser says where
        if math.isinf(number):
            raise _error(text, position, where, f"{_shorten(value)} is too large for a JSON number")


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}… ({len(text)} characters)"


def _error(text: str, position: int, where: Path, message: str) -> LoadError:
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    return LoadError(f"invalid JSON: {message}", path=where, line=line, column=column)
