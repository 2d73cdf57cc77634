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


def read_payload(path: str) -> Any:
    """Read a JSON payload from ``path`` (``-`` is standard input); raise ``LoadError``."""
    import json
    import sys
    from pathlib import Path

    from eventdocs.errors import LoadError
    from eventdocs.load._yaml import read_text

    if path == "-":
        text, where = sys.stdin.read(), Path("<stdin>")
    else:
        where = Path(path)
        text = read_text(where, what="payload file")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise LoadError(
            f"invalid JSON: {error.msg}", path=where, line=error.lineno, column=error.colno
        ) from None
