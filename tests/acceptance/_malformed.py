"""Payloads only a validator checking `format` refuses: an example with one value under a
`format` made malformed, found by walking the example with the schema itself."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from tests.acceptance._schemas import schemas

# A malformed value for each format the schema format allows (README, "A field"), each one a
# string that only its format refuses.
MALFORMED = {
    "date-time": "not-a-date-time",
    "date": "not-a-date",
    "time": "not-a-time",
    "uri": "not a uri",
    "email": "not-an-email",
    "uuid": "not-a-uuid",
    "hostname": "not a hostname",
    "ipv4": "not-an-ipv4",
    "ipv6": "not-an-ipv6",
}


def _formats(document: Any) -> Iterator[str]:
    """Every `format` keyword of a schema document."""
    for schema in schemas(document):
        if isinstance(schema.get("format"), str):
            yield schema["format"]


def _format_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    """The `format` errors among ``errors`` and, at any depth, the errors of their branches."""
    for error in errors:
        if error.validator == "format":
            yield error
        yield from _format_errors(iter(error.context or ()))


def _located(schema: dict[str, Any], instance: Any) -> dict[str, list[tuple[str | int, ...]]]:
    """Where ``instance`` holds a string the schema gives a format, by format: found by the
    validator itself, with a checker that refuses every string, so `$ref`s, unions and items
    are followed as any validator follows them."""
    refuse_all = FormatChecker(formats=())
    for name in set(_formats(schema)):
        refuse_all.checks(name)(lambda value: not isinstance(value, str))
    validator = Draft202012Validator(schema, format_checker=refuse_all)
    found: dict[str, list[tuple[str | int, ...]]] = {}
    for error in _format_errors(validator.iter_errors(instance)):
        found.setdefault(str(error.validator_value), []).append(tuple(error.absolute_path))
    return found


def _replaced(instance: Any, path: tuple[str | int, ...], value: Any) -> Any:
    changed = copy.deepcopy(instance)
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return changed


def malformed_examples(schema: dict[str, Any], example: Any) -> dict[str, Any]:
    """For each format ``example`` has a value under, a copy of it with the first such value
    malformed: one the schema refuses with formats checked and accepts with them ignored, so
    that only a validator checking formats refuses it."""
    checking = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    ignoring = Draft202012Validator(schema)
    assert checking.is_valid(example)
    copies = {}
    for name, paths in sorted(_located(schema, example).items()):
        candidates = (
            _replaced(example, path, MALFORMED[name])
            for path in sorted(paths, key=lambda path: json.dumps(path))
        )
        copies[name] = next(
            changed
            for changed in candidates
            if ignoring.is_valid(changed) and not checking.is_valid(changed)
        )
    return copies


def schema_formats(schema: dict[str, Any]) -> set[str]:
    """The formats a schema document names."""
    return set(_formats(schema))
