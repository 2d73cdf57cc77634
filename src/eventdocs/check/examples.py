"""Example payloads: valid against the event's own JSON Schema, and fully documented."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventdocs.check.findings import Code, Finding, Severity
from eventdocs.errors import RenderError
from eventdocs.load import plain
from eventdocs.load.cache import cached_parse, digest
from eventdocs.load.schema_model import EventSchema, Field, Shape, TypeSchema
from eventdocs.render.markdown_text import json_text
from eventdocs.validate.payload import payload_errors


def _example_errors(
    json_schema: dict[str, Any], examples: tuple[dict[str, Any], ...], cache: Path | None
) -> list[list[str]]:
    # Validating needs jsonschema, the slowest import there is: remember verdicts by content.
    content = digest(json_text(json_schema), json_text(list(examples)))
    return cached_parse(
        cache,
        digest("examples", content),
        content,
        lambda: [list(payload_errors(json_schema, example)) for example in examples],
        encode=lambda verdicts: verdicts,
        decode=lambda data: _verdicts_from_plain(data, len(examples)),
    )


def _verdicts_from_plain(data: object, count: int) -> list[list[str]]:
    """One list of error messages per example, as cached; raise ``ValueError`` otherwise."""
    verdicts = [plain.column(errors, str) for errors in plain.array(data)]
    if len(verdicts) != count:
        raise ValueError("one verdict per example")
    return verdicts


def refuse_invalid_examples(
    owner: EventSchema | TypeSchema,
    path: Path,
    json_schema: dict[str, Any],
    cache: Path | None = None,
) -> None:
    """Raise ``RenderError`` at the first example its own JSON Schema rejects (formats
    checked): a build never publishes a schema whose examples contradict it."""
    what = "event's" if isinstance(owner, EventSchema) else "type's"
    for number, errors in enumerate(_example_errors(json_schema, owner.examples, cache)):
        if errors:
            raise RenderError(
                f"example {number + 1} does not match the {what} schema: {errors[0]}",
                path=path,
                line=owner.lines.get(f"examples.{number}"),
            )


def invalid_examples(
    owner: EventSchema | TypeSchema,
    path: str,
    json_schema: dict[str, Any],
    cache: Path | None = None,
) -> Iterator[Finding]:
    """Yield a finding for each way an example of an event or a shared type breaks its own
    schema."""
    for number, errors in enumerate(_example_errors(json_schema, owner.examples, cache)):
        for error in errors:
            yield Finding(
                path,
                owner.lines.get(f"examples.{number}"),
                Code.EXAMPLE,
                f"examples[{number}]",
                f"example {number + 1}: {error}",
            )


def check_examples(
    event: EventSchema,
    path: str,
    json_schema: dict[str, Any],
    types: Mapping[str, TypeSchema],
    cache: Path | None = None,
    *,
    payload_field: str | None = "payload",
    identifier: str | None = "event",
) -> Iterator[Finding]:
    """Yield findings for invalid examples, undocumented fields, and fields of the event's own
    never shown (a shared type's optional fields may appear in none of one event's examples)."""
    yield from invalid_examples(event, path, json_schema, cache)
    shown: set[str] = set()
    for number, example in enumerate(event.examples, 1):
        line = event.lines.get(f"examples.{number - 1}")
        if payload_field:
            payload = example.get(payload_field)
        else:  # the body is the payload, next to the field naming the event (if any)
            payload = {key: value for key, value in example.items() if key != identifier}
        fields = types[event.payload_type].fields if event.payload_type else event.payload
        if isinstance(payload, dict):
            for field_path in _undocumented(payload, fields, "", shown, types):
                yield Finding(
                    path,
                    line,
                    Code.EXAMPLE,
                    f"examples[{number - 1}]",
                    f"example {number} shows `{field_path}`, which the schema does not document",
                )
    for field_path, _ in event.walk_fields():
        if field_path not in shown:
            yield Finding(
                path,
                event.lines.get(f"payload.{field_path}"),
                Code.EXAMPLE,
                field_path,
                f"no example shows the documented field `{field_path}`",
                severity=Severity.WARNING,
            )


def _undocumented(
    value: dict[str, Any],
    fields: tuple[Field, ...],
    prefix: str,
    shown: set[str],
    types: Mapping[str, TypeSchema],
) -> Iterator[str]:
    by_name = {field.name: field for field in fields}
    for name, item in value.items():
        field = by_name.get(name)
        path = f"{prefix}{name}"
        if field is None:
            yield path
            continue
        shown.add(path)
        # Down through arrays to the objects they hold, and into shared types.
        shape: Shape = field
        values = [item]
        while shape.inner is not None:
            if shape.item is not None:
                values = [each for value in values if isinstance(value, list) for each in value]
            else:
                values = [
                    each for value in values if isinstance(value, dict) for each in value.values()
                ]
            shape = shape.inner
        inner = types[shape.ref].fields if shape.ref else shape.fields
        # An object without declared fields is free-form (metadata): its keys are the sender's.
        if inner:
            for element in values:
                if isinstance(element, dict):
                    yield from _undocumented(element, inner, f"{path}.", shown, types)
