"""Validating parsed files against their typed shapes, and turning a failure into one line.

The shapes are frozen standard-library dataclasses: what a cached parse is reloaded as needs no
validator, so pydantic is imported only when a file is actually validated (a cache miss). The
constraints they carry (``Constrained``) mean nothing until then.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from eventdocs.errors import LoadError

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, TypeAdapter
    from pydantic_core import CoreSchema

T = TypeVar("T")

# Unknown keys are typos: refused. Set as `__pydantic_config__` on every shape.
FORBID_UNKNOWN_KEYS: dict[str, Any] = {"extra": "forbid"}

_UNKNOWN_KEY = {"extra_forbidden", "unexpected_keyword_argument"}
_MISSING_KEY = {"missing", "missing_argument"}


Located = TypeVar("Located")


def with_lines(model: Located, lines: Mapping[str, int]) -> Located:
    """``model`` with the lines its parts were written on, in its ``lines`` field: a frozen
    field set on load (or from the cache), never by the file."""
    object.__setattr__(model, "lines", dict(lines))
    return model


class Constrained:
    """Constraints on a value, applied by the validator: ``Annotated[str, Constrained(pattern=…)]``.

    Any keyword of pydantic-core's schema for the annotated type (``pattern``, ``ge``,
    ``min_length``, …) is accepted.
    """

    def __init__(self, **constraints: object) -> None:
        self.constraints = constraints

    def __repr__(self) -> str:
        return f"Constrained({self.constraints!r})"

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return cast("CoreSchema", {**handler(source), **self.constraints})


class Checked:
    """A check run on a value once its type is validated: ``Annotated[str, Checked(check)]``.

    ``check`` raises ``ValueError`` to refuse; the error then points at the value's own line.
    """

    def __init__(self, check: Callable[[Any], None]) -> None:
        self.check = check

    def __repr__(self) -> str:
        return f"Checked({self.check.__name__})"

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        def run(value: Any) -> Any:
            self.check(value)
            return value

        return core_schema.no_info_after_validator_function(run, handler(source))


class Document(Protocol):
    """A parsed file as validation reads it: its data, and where each part of it was written
    (a YAML document and a TOML table each answer from their own positions)."""

    @property
    def path(self) -> Path: ...

    @property
    def data(self) -> Any: ...

    def line_of(self, location: tuple[str | int, ...]) -> int | None: ...


_adapters: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(shape: type[Any]) -> TypeAdapter[Any]:
    """The validator of ``shape``, built on first use (building one costs milliseconds)."""
    adapter = _adapters.get(shape)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _adapters[shape] = TypeAdapter(shape)
    return adapter


def validate_data(shape: type[T], data: object) -> T:
    """Validate plain data as ``shape``; raises pydantic's ``ValidationError``."""
    # Through JSON, strict mode still reads YAML lists as tuples and refuses "1" for 1.
    return _adapter(shape).validate_json(json.dumps(data), strict=True)  # type: ignore[no-any-return]


def validate_document(shape: type[T], document: Document) -> T:
    """Validate ``document`` as ``shape``; the first problem becomes one ``LoadError`` line."""
    from pydantic import ValidationError

    try:
        return validate_data(shape, document.data)
    except ValidationError as error:
        problems = [_problem(document, first) for first in error.errors(include_url=False)]
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise LoadError.standing_for(problems, f"{problems[0].message}{suffix}") from None


def _problem(document: Document, detail: Any) -> LoadError:
    """One problem pydantic found, as the error that names its setting and line."""
    location = tuple(detail["loc"])
    dotted = ".".join(str(part) for part in location) or "(top level)"
    message = detail["msg"]
    if detail["type"] in _UNKNOWN_KEY:
        message = "unknown key; check its spelling"
    elif detail["type"] in _MISSING_KEY:
        message = "required key is missing"
    elif detail["type"] == "value_error":
        message = str(detail["ctx"]["error"])  # our own check's words, without pydantic's prefix
    return LoadError(f"{dotted}: {message}", path=document.path, line=document.line_of(location))
