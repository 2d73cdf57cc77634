"""Payload validation with format checking really on, errors located by JSON path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def payload_errors(json_schema: dict[str, Any], payload: Any) -> Iterator[str]:
    """Yield ``$.path: message`` for every way ``payload`` breaks ``json_schema``, in path order."""
    # Imported here: only `check` and `validate` need it, and it is the slowest import we have.
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(
        json_schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(payload), key=lambda error: list(map(str, error.path)))
    for error in errors:
        yield f"{error.json_path}: {_best_message(error)}"


def _best_message(error: Any) -> str:
    # A failed `oneOf` of consts says little; name the allowed values instead.
    if error.validator == "oneOf" and all("const" in option for option in error.validator_value):
        allowed = ", ".join(repr(option["const"]) for option in error.validator_value)
        return f"{error.instance!r} is not one of {allowed}"
    return str(error.message)
