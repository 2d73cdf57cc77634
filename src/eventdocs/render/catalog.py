"""``schemas/catalog.json``: every event's schema and its language variants, in SchemaStore's
catalog format (which allows no extra keys, so this one file carries no "generated" note)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventdocs.load.locale import Locale
from eventdocs.load.schema_model import EventSchema
from eventdocs.render.jsonschema import schema_id

CATALOG_PATH = "docs/schemas/catalog.json"
CATALOG_SCHEMA = "https://json.schemastore.org/schema-catalog.json"


def build_catalog(
    events: tuple[EventSchema, ...],
    locales: tuple[Locale, ...],
    base_url: str,
    summary: Callable[[EventSchema, Locale], str],
    earlier_versions: dict[str, tuple[int, ...]],
) -> dict[str, Any]:
    """Return the catalog: one entry per (event, language), each listing all its versions."""
    entries = []
    for event in events:
        for locale in locales:
            code = None if locale.is_source else locale.code
            versions = {
                f"v{version}": schema_id(base_url, event, code, version=version)
                for version in (*earlier_versions.get(event.event, ()), event.version)
            }
            entries.append(
                {
                    "name": event.event if code is None else f"{event.event} ({code})",
                    "description": summary(event, locale),
                    "url": schema_id(base_url, event, code),
                    "versions": versions,
                }
            )
    return {"$schema": CATALOG_SCHEMA, "version": 1, "schemas": entries}
