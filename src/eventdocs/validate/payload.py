"""Payload validation with format checking really on, errors located by JSON path."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def payload_errors(json_schema: dict[str, Any], payload: Any) -> Iterator[str]:
    """Yield ``$.path: message`` for every way ``payload`` breaks ``json_schema``, in path order."""
    validator_class = _linear_validator()
    validator = validator_class(json_schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(payload), key=lambda error: list(map(str, error.path)))
    for error in errors:
        message = _best_message(error)
        if len(message) > 300:  # a message quoting an 8 MiB value stays one readable line
            message = f"{message[:300]}… ({len(message)} characters)"
        yield f"{error.json_path}: {message}"


@functools.cache
def _linear_validator() -> Any:
    """Draft 2020-12 with ``pattern`` matched by RE2: time linear in the string, whatever the
    pattern (Python's ``re`` can take exponential time on an example or a payload)."""
    # Imported here: only `check` and `validate` need it, and it is the slowest import we have.
    from jsonschema import Draft202012Validator, ValidationError, validators

    from eventdocs.load.linear_regex import linear_search

    def pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not linear_search(pattern, instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")

    # `extend` is untyped in jsonschema's stubs; what it returns is a validator class.
    return validators.extend(Draft202012Validator, {"pattern": pattern})  # type: ignore[no-untyped-call]


def _best_message(error: Any) -> str:
    # A failed `oneOf` of consts says little; name the allowed values instead.
    if error.validator == "oneOf" and all("const" in option for option in error.validator_value):
        allowed = ", ".join(repr(option["const"]) for option in error.validator_value)
        return f"{error.instance!r} is not one of {allowed}"
    return str(error.message)


def read_payload(path: str) -> Any:
    """Read a JSON payload from ``path`` (``-`` is standard input); raise ``LoadError``.

    The same limits hold for both: size, UTF-8, and strict JSON (see ``_json``).
    """
    from eventdocs.load.yaml_files import decode_text, read_bytes
    from eventdocs.validate._json import parse_json

    if path == "-":
        where = Path("<stdin>")
        raw = _read_stdin(where)
    else:
        where = Path(path)
        raw = read_bytes(where, what="payload file")
    return parse_json(decode_text(raw, where), where)


def _read_stdin(where: Path) -> bytes:
    import sys

    from eventdocs.errors import LoadError
    from eventdocs.load.yaml_files import MAX_FILE_BYTES

    # At most one byte past the limit is read: an endless stream is refused, not buffered.
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        raw: bytes = stream.read(MAX_FILE_BYTES + 1)
    else:  # a text stream without bytes underneath (as tests substitute)
        raw = sys.stdin.read(MAX_FILE_BYTES + 1).encode("utf-8", "surrogateescape")
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(f"standard input is over the limit of {MAX_FILE_BYTES} bytes", path=where)
    return raw
