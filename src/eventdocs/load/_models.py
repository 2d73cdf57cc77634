"""Shared pydantic plumbing: frozen models that refuse unknown keys, and error conversion."""

from __future__ import annotations

import json
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from eventdocs.errors import LoadError
from eventdocs.load._yaml import YamlDocument


class FrozenModel(BaseModel):
    """A validated, immutable record; unknown keys are typos and are refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")


T = TypeVar("T")


def validate_document(shape: TypeAdapter[T], document: YamlDocument) -> T:
    """Validate ``document`` as ``shape``; the first problem becomes one ``LoadError`` line."""
    try:
        # Through JSON, strict mode still reads YAML lists as tuples and refuses "1" for 1.
        return shape.validate_json(json.dumps(document.data), strict=True)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        location = tuple(first["loc"])
        dotted = ".".join(str(part) for part in location) or "(top level)"
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown key; check its spelling"
        elif first["type"] == "missing":
            message = "required key is missing"
        more = error.error_count() - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise LoadError(
            f"{dotted}: {message}{suffix}", path=document.path, line=document.line_of(location)
        ) from None
