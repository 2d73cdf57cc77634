"""Checks for decoding cache entries: plain JSON data back into the shapes it was written from.

Each takes a value read from a file anyone could have written and returns it typed, or raises
``TypeError``/``ValueError``, which the cache counts as a miss. Exact types: JSON has no
subclasses, and ``True`` must not pass for an ``int``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, TypeVar, cast

_NONE = type(None)
Choice = TypeVar("Choice", bound=str)


def text(value: object) -> str:
    if type(value) is not str:
        raise TypeError("expected a string")
    return value


def optional_text(value: object) -> str | None:
    return None if value is None else text(value)


def flag(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError("expected a boolean")
    return value


def integer(value: object) -> int:
    if type(value) is not int:
        raise TypeError("expected an integer")
    return value


def array(value: object) -> list[Any]:
    if type(value) is not list:
        raise TypeError("expected an array")
    return value


def record(value: object, length: int) -> list[Any]:
    """An array of exactly ``length`` items: how a small object is written compactly."""
    items = array(value)
    if len(items) != length:
        raise ValueError(f"expected {length} items")
    return items


def mapping(value: object) -> dict[str, Any]:
    if type(value) is not dict:
        raise TypeError("expected an object")
    return value


def column(value: object, *types: type) -> list[Any]:
    """An array whose items all have one of ``types``; checked at C speed, for long columns."""
    items = array(value)
    if not set(map(type, items)) <= set(types):
        raise TypeError("unexpected item type")
    return items


def optional_column(value: object) -> list[str | None]:
    return column(value, str, _NONE)


def one_of(value: object, choices: Collection[Choice]) -> Choice:
    """One of ``choices`` (strings: a ``Literal``'s values); only a string can equal one."""
    if value not in choices:
        raise ValueError("not an allowed value")
    return cast("Choice", value)


def matching(value: object, pattern: re.Pattern[str]) -> str:
    if not pattern.match(text(value)):
        raise ValueError("not an allowed name")
    return text(value)
