"""Frozen dataclasses to plain JSON data and back, driven by their type hints.

The parse cache stores validated models as JSON. Reading one back must not trust the file
(anyone who can write the cache folder can write an entry), yet must not import pydantic either
(a warm run stays fast), so ``from_plain`` re-checks everything the validator would: exact JSON
types, ``Literal`` choices, the ``Constrained`` patterns and bounds and the ``Checked`` checks of
``Annotated`` hints, and each dataclass's own ``__post_init__``. Anything else raises
``TypeError``/``ValueError``, which the cache counts as a miss.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from eventdocs.load import plain
from eventdocs.load._models import Checked, Constrained, with_lines
from eventdocs.load.cache import cached_parse, digest

T = TypeVar("T")
_JSON_SCALARS = (str, int, float, bool, type(None))


def to_plain(value: object) -> object:
    """``value`` (dataclasses, tuples, mappings and JSON scalars) as plain JSON data; a
    dataclass becomes an object of its constructor's fields."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            item.name: to_plain(getattr(value, item.name))
            for item in dataclasses.fields(value)
            if item.init
        }
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, _JSON_SCALARS):
        return value
    raise TypeError(f"not plain data: {type(value).__name__}")


def from_plain(shape: type[T], data: object) -> T:
    """The ``shape`` instance ``to_plain`` wrote as ``data``; raise on anything else."""
    return _decode(shape, data)  # type: ignore[no-any-return]


def located_to_plain(model: object) -> object:
    """A model and the lines of its parts (its ``lines`` field), as plain data."""
    lines: Mapping[str, int] = model.lines  # type: ignore[attr-defined]
    return {"model": to_plain(model), "lines": dict(lines)}


def located_from_plain(shape: type[T], data: object) -> T:
    """The ``shape`` instance, lines included, that ``located_to_plain`` wrote."""
    document = plain.mapping(data)
    lines = {
        plain.text(name): plain.integer(line)
        for name, line in plain.mapping(document["lines"]).items()
    }
    return with_lines(from_plain(shape, document["model"]), lines)


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(shape: type[Any]) -> dict[str, Any]:
    hints = _HINTS.get(shape)
    if hints is None:
        hints = _HINTS[shape] = typing.get_type_hints(shape, include_extras=True)
    return hints


def _decode(hint: Any, value: object) -> Any:
    origin = get_origin(hint)
    if origin is typing.Annotated:
        base, *extras = get_args(hint)
        decoded = _decode(base, value)
        for extra in extras:
            if isinstance(extra, Constrained):
                _check_constraints(decoded, extra.constraints)
            elif isinstance(extra, Checked):
                extra.check(decoded)
        return decoded
    if origin is typing.Literal:
        for choice in get_args(hint):
            if type(choice) is type(value) and choice == value:
                return value
        raise ValueError("not one of the choices")
    if origin in (typing.Union, types.UnionType):
        errors: list[Exception] = []
        for alternative in get_args(hint):
            try:
                return _decode(alternative, value)
            except (TypeError, ValueError) as error:
                errors.append(error)
        raise ValueError(f"no alternative fits: {errors}")
    if origin is tuple:
        (item, _ellipsis) = get_args(hint)
        if type(value) is not list:
            raise TypeError("expected an array")
        return tuple(_decode(item, element) for element in value)
    if origin in (dict, Mapping) or hint is Mapping:
        key_type, item = get_args(hint)
        if type(value) is not dict:
            raise TypeError("expected an object")
        return {_decode(key_type, key): _decode(item, element) for key, element in value.items()}
    if hint is Any:
        return value
    if hint is type(None):
        if value is not None:
            raise TypeError("expected null")
        return None
    if hint is float:
        if type(value) not in (int, float):
            raise TypeError("expected a number")
        return value
    if hint in (str, int, bool):
        if type(value) is not hint:
            raise TypeError(f"expected {hint.__name__}")
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, value)
    raise TypeError(f"cannot decode {hint!r}")


def _decode_dataclass(shape: type[Any], value: object) -> Any:
    if type(value) is not dict:
        raise TypeError("expected an object")
    names = [item.name for item in dataclasses.fields(shape) if item.init]
    if sorted(value) != sorted(names):
        raise ValueError(f"{shape.__name__}: other keys")
    hints = _hints(shape)
    return shape(**{name: _decode(hints[name], value[name]) for name in names})


def _check_constraints(value: Any, constraints: Mapping[str, object]) -> None:
    for name, limit in constraints.items():
        if name == "pattern":
            assert isinstance(limit, str)
            # As the validator reads it: `$` is the end of the string, never before a newline.
            if not re.search(
                limit.removesuffix("$") + r"\Z" if limit.endswith("$") else limit, value
            ):
                raise ValueError("does not match its pattern")
        elif name in ("min_length", "max_length"):
            size = len(value)
            if (name == "min_length" and size < limit) or (  # type: ignore[operator]
                name == "max_length" and size > limit  # type: ignore[operator]
            ):
                raise ValueError(f"breaks {name}")
        elif name in ("ge", "le", "gt", "lt"):
            if not _within(value, name, limit):
                raise ValueError(f"breaks {name}")
        else:
            raise ValueError(f"unknown constraint {name}")


def _within(value: Any, name: str, limit: Any) -> bool:
    verdicts: dict[str, bool] = {
        "ge": value >= limit,
        "le": value <= limit,
        "gt": value > limit,
        "lt": value < limit,
    }
    return verdicts[name]


def cached_model(
    cache: Path | None,
    path: Path,
    content: str,
    parse: Callable[[], T],
    shape: type[T],
    *,
    accept: Callable[[T], bool] = lambda model: True,
) -> T:
    """``parse()`` of the file at ``path`` (``content`` its digest), or the model, lines
    included, its cache entry holds; an entry ``accept`` refuses is a miss."""

    def decode(data: object) -> T:
        model = located_from_plain(shape, data)
        if not accept(model):
            raise ValueError("another model")
        return model

    key = digest(shape.__name__, str(path), content)
    return cached_parse(cache, key, content, parse, encode=located_to_plain, decode=decode)
