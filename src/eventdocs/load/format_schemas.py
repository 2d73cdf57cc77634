"""JSON Schemas of the project's own file formats, derived from the models that validate them.

Editors with a YAML language server complete and check ``schema/*.yaml``,
``schema/types/*.yaml``, ``schema/envelope.yaml`` and ``locales/*.yaml`` with these; ``build``
publishes them under ``docs/schemas/format/``. They are never written by hand: a change to a
model is a change to its schema.
"""

from __future__ import annotations

from typing import Any

from eventdocs.load.envelope import Envelope
from eventdocs.load.locale import SOURCE_FILE, TRANSLATION_FILE
from eventdocs.load.schema_model import EventSchema, TypeSchema

# File name (without `.json`) → the shape it describes, and what it is for.
FORMATS: dict[str, tuple[object, str]] = {
    "event": (EventSchema, "An event of an eventdocs catalog: schema/<event>.yaml"),
    "type": (TypeSchema, "A shared object type of an eventdocs catalog: schema/types/<Type>.yaml"),
    "envelope": (Envelope, "How an eventdocs catalog delivers its events: schema/envelope.yaml"),
    "locale-source": (SOURCE_FILE, "The source language's strings: locales/<source>.yaml"),
    "locale-translation": (TRANSLATION_FILE, "A translation's strings: locales/<lang>.yaml"),
}
_SET_ON_LOAD = ("lines",)  # model fields no file may set


def format_schemas() -> dict[str, dict[str, Any]]:
    """Every format's JSON Schema (Draft 2020-12), by file name."""
    from pydantic import TypeAdapter  # only here: loading a project never needs it warm

    documents = {}
    for name, (shape, title) in FORMATS.items():
        document = TypeAdapter(shape).json_schema()  # type: ignore[arg-type]
        for field in _SET_ON_LOAD:
            document.get("properties", {}).pop(field, None)
        documents[name] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            **{key: value for key, value in document.items() if key != "title"},
        }
    return documents
