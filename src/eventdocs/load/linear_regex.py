"""Matching a schema's ``pattern`` in time linear in the subject, with RE2.

Python's ``re`` backtracks: some patterns take time exponential in the length of the string
they are matched against, and both examples (``check``) and payloads (``validate``) come from
outside. RE2 never backtracks. It reads the portable syntax ``_pattern`` accepts, but for two
escapes, written here the way RE2 spells them.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol, cast

import re2

# A lone surrogate (JSON allows `"\ud800"`) cannot be encoded as UTF-8, which RE2 matches.
_SURROGATE = re.compile("[\ud800-\udfff]")


class LinearPattern(Protocol):
    """A compiled RE2 pattern: only ``search`` is used."""

    def search(self, text: str) -> object | None: ...


class Re2Error(ValueError):
    """RE2 cannot read the pattern (a lookaround, a repeat count over 1000)."""


def re2_syntax(pattern: str) -> str:
    """``pattern`` (already checked portable) as RE2 spells it: ``\\uXXXX`` as ``\\x{XXXX}``, and
    ``[\\b]`` (a backspace) as ``\\x08``."""
    out: list[str] = []
    position, in_class = 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            letter = pattern[position + 1 : position + 2]
            if letter == "u":
                out.append(f"\\x{{{pattern[position + 2 : position + 6]}}}")
                position += 6
                continue
            out.append("\\x08" if in_class and letter == "b" else pattern[position : position + 2])
            position += 2
            continue
        # A checked pattern has no unescaped `[` inside a class, nor `]` first in one.
        if char in "[]":
            in_class = char == "["
        out.append(char)
        position += 1
    return "".join(out)


@functools.lru_cache(maxsize=512)
def compile_linear(pattern: str) -> LinearPattern:
    """Compile a checked ``pattern`` with RE2; raise ``Re2Error`` if RE2 cannot read it."""
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own copy of the error on stderr
    try:
        return cast(LinearPattern, re2.compile(re2_syntax(pattern), options))
    except re2.error as error:
        reason = error.args[0] if error.args else error
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise Re2Error(str(reason)) from None


def linear_search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` matches somewhere in ``text``, as JSON Schema's ``pattern`` asks."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return compile_linear(pattern).search(text) is not None
