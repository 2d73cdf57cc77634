"""JSON Schema (Draft 2020-12) for one event, with descriptions in one language.

Standard keywords only, so validators accept it with their default settings. Objects stay open
(a field added later never breaks an integrator) unless a type says otherwise; enums are
closed. Titles are identifiers (``MessageStatusUpdated``, ``Contact``), the same in every
language, so code generators name classes alike; only descriptions change between variants.
Every object and enum has one, named after its owner and field (``ChannelType``), so a
generator never falls back on a field's name and numbers the clashes (``Status1``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from eventdocs.load.envelope import Envelope
from eventdocs.load.schema_model import EventSchema, Field, Shape, TypeSchema, types_used

DIALECT = "https://json-schema.org/draft/2020-12/schema"

Translate = Callable[[str], str]


def schema_file_name(
    event: EventSchema, locale_code: str | None, *, version: int | None = None
) -> str:
    """``v1.json`` for the source language, ``v1.fr.json`` for a localized variant."""
    return _file_name(version or event.version, locale_code)


def _file_name(version: int, locale_code: str | None) -> str:
    suffix = f".{locale_code}" if locale_code else ""
    return f"v{version}{suffix}.json"


def schema_path(event: EventSchema, locale_code: str | None) -> str:
    """Return the schema's path relative to the project root."""
    return f"docs/schemas/{event.event}/{schema_file_name(event, locale_code)}"


def schema_id(
    base_url: str, event: EventSchema, locale_code: str | None, *, version: int | None = None
) -> str:
    """Return the stable ``$id``: the URL the schema is served at."""
    return f"{base_url}{event.event}/{schema_file_name(event, locale_code, version=version)}"


def type_schema_path(schema: TypeSchema, locale_code: str | None) -> str:
    """``docs/schemas/types/<Type>/v1.json`` (``v1.fr.json`` for a localized variant)."""
    return f"docs/schemas/types/{schema.name}/{_file_name(schema.version, locale_code)}"


def type_schema_id(base_url: str, schema: TypeSchema, locale_code: str | None) -> str:
    """The URL a shared type's own schema is served at."""
    return base_url + type_schema_path(schema, locale_code).removeprefix("docs/schemas/")


def build_type_json_schema(
    schema: TypeSchema,
    translate: Translate,
    *,
    types: Mapping[str, TypeSchema],
    schema_id: str,
    comment: str,
) -> dict[str, Any]:
    """Return the JSON Schema of one shared type, on its own: the types it uses in ``$defs``,
    a reference to itself as ``#``."""
    builder = _Builder(translate, root=schema.name)
    document = {
        "$schema": DIALECT,
        "$id": schema_id,
        "$comment": comment,
        **builder.shared(schema),
    }
    used = [name for name in types_used(schema.references(), types) if name != schema.name]
    if used:
        document["$defs"] = {name: builder.shared(types[name]) for name in used}
    return document


def pascal_case(*names: str) -> str:
    """``message_status_updated`` → ``MessageStatusUpdated``; names already in PascalCase
    (``Contact``) keep theirs: titles are identifiers, the same in every language."""
    return "".join(
        part[:1].upper() + part[1:] for name in names for part in name.split("_") if part
    )


def build_event_json_schema(
    event: EventSchema,
    translate: Translate,
    *,
    types: Mapping[str, TypeSchema],
    envelope: Envelope,
    schema_id: str,
    comment: str,
) -> dict[str, Any]:
    """Return the JSON Schema of the webhook request body of ``event``, in the catalog's
    ``envelope``: self-contained, every shared type it uses in ``$defs``."""
    key = f"events.{event.event}"
    builder = _Builder(translate)
    title = builder.titled(pascal_case(event.event), key)
    if event.payload_type:
        payload: dict[str, Any] = {"$ref": f"#/$defs/{event.payload_type}"}
    else:
        payload = builder.object(
            event.payload,
            fields_key=f"{key}.fields.",
            values_key=f"{key}.values.",
            title=f"{title}Payload",
            open_=True,
        )
    document: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id,
        "$comment": comment,
        "title": title,
        "description": translate(f"{key}.summary"),
        **_body(envelope, event, payload, translate),
        "examples": list(event.examples),
    }
    used = types_used(event.references(), types)
    if used:
        document["$defs"] = {name: builder.shared(types[name]) for name in used}
    return document


def _body(
    envelope: Envelope, event: EventSchema, payload: dict[str, Any], translate: Translate
) -> dict[str, Any]:
    """The request body: the payload under its field, with the event's name in its own field
    when the body names it (a header may name it instead); or the payload itself."""
    properties: dict[str, Any] = {}
    identifier = envelope.identified_by.body_field
    if identifier is not None:
        properties[identifier] = {
            "description": translate("ui.envelope.event"),
            "const": event.event,
        }
    if envelope.payload_field is not None:
        described = {**payload, "description": translate("ui.envelope.payload")}
        properties[envelope.payload_field] = described
        return {"type": "object", "required": list(properties), "properties": properties}
    # The body is the payload: its own title is the event's.
    body = {key: value for key, value in payload.items() if key != "title"}
    if not properties:
        return body
    if "$ref" in body:
        return {
            "allOf": [body],
            "type": "object",
            "required": list(properties),
            "properties": properties,
        }
    return {
        **body,
        "required": [*properties, *body.get("required", [])],
        "properties": {**properties, **body.get("properties", {})},
    }


class TitleClash(ValueError):
    """Two schemas of one document would have the same title (code generators would number
    the second class: ``ShipStatus1``)."""


class _Builder:
    """Turns shapes into JSON Schema, descriptions looked up through ``translate``."""

    def __init__(self, translate: Translate, root: str = "") -> None:
        self.translate = translate
        self.root = root  # the type the whole document is, referred to as `#`
        self.titles: dict[str, str] = {}  # each title given, and the key of what it titles

    def titled(self, title: str, key: str) -> str:
        """Give ``title`` to the schema described by ``key``; refuse it if another has it."""
        holder = self.titles.setdefault(title, key)
        if holder != key:
            raise TitleClash(
                f"`{holder}` and `{key}` would both be titled {title} in its JSON Schema, and "
                "code generators would number one of them; rename a field"
            )
        return title

    def shared(self, schema: TypeSchema) -> dict[str, Any]:
        key = f"types.{schema.name}"
        document = self.object(
            schema.fields,
            fields_key=f"{key}.fields.",
            values_key=f"{key}.values.",
            title=schema.name,
            open_=schema.open,
        )
        return {"description": self.translate(f"{key}.summary"), **document}

    def object(
        self,
        fields: tuple[Field, ...],
        *,
        fields_key: str,
        values_key: str,
        title: str,
        open_: bool,
    ) -> dict[str, Any]:
        schema: dict[str, Any] = {"title": self.titled(title, fields_key), "type": "object"}
        required = [field.name for field in fields if field.required]
        if required:
            schema["required"] = required
        if fields:
            schema["properties"] = {
                field.name: self.field(
                    field,
                    f"{fields_key}{field.name}",
                    f"{values_key}{field.name}",
                    f"{title}{pascal_case(field.name)}",
                )
                for field in fields
            }
        if not open_:
            schema["additionalProperties"] = False
        return schema

    def field(self, field: Field, key: str, values_key: str, title: str) -> dict[str, Any]:
        schema: dict[str, Any] = {"description": self.translate(key)}
        if field.deprecated:
            schema["deprecated"] = True
        if field.example is not None:
            schema["examples"] = [field.example]
        shape = self.shape(field, key, values_key, title)
        if field.nullable:
            shape = _nullable(shape)
        return {**schema, **shape}

    def shape(self, shape: Shape, key: str, values_key: str, title: str) -> dict[str, Any]:
        if shape.ref:
            return {"$ref": "#" if shape.ref == self.root else f"#/$defs/{shape.ref}"}
        if shape.one_of:
            # anyOf, not oneOf: open objects may match several shapes at once.
            union: dict[str, Any] = {
                "anyOf": [
                    self.shape(alternative, key, values_key, f"{title}Option{number}")
                    for number, alternative in enumerate(shape.one_of, 1)
                ]
            }
            if shape.default is not None:
                union["default"] = shape.default
            return union
        if shape.kind == "object" and (shape.fields or not shape.open or shape.map):
            document = self.object(
                shape.fields,
                fields_key=f"{key}.",
                values_key=f"{values_key}.",
                title=title,
                open_=shape.open,
            )
            if shape.map is not None:
                document["additionalProperties"] = self.shape(
                    shape.map, key, values_key, f"{title}Value"
                )
            return document
        schema: dict[str, Any] = {"type": shape.kind}
        if shape.enum:
            # Without a title a generator names the enum after its field (`Status`, `Type`) and
            # numbers the clashes (`Status1`): a title names it after its owner, as objects are.
            schema = {"title": self.titled(title, key), **schema}
        item = shape.item
        if item is not None:
            schema["items"] = self.shape(item, key, values_key, f"{title}Item")
        for name, keyword in _KEYWORDS:
            value = getattr(shape, name)
            if value is not None:
                schema[keyword] = value
        if shape.enum:
            schema["oneOf"] = [
                {
                    "const": value.value,
                    "description": self.translate(f"{values_key}.{value.value}"),
                    **({"deprecated": True} if value.deprecated else {}),
                }
                for value in shape.enum
            ]
        return schema


_KEYWORDS = (
    ("format", "format"),
    ("pattern", "pattern"),
    ("const", "const"),
    ("minimum", "minimum"),
    ("maximum", "maximum"),
    ("min_length", "minLength"),
    ("max_length", "maxLength"),
    ("default", "default"),
)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` that also accepts ``null``."""
    if "$ref" in schema or "oneOf" in schema or "anyOf" in schema or "const" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}
