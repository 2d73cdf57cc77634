"""The XLIFF 2.1 core schema the tests validate every dump against, read from the vendored copy
with the network off (its import of ``xml.xsd`` resolves to the copy beside it)."""

from __future__ import annotations

from functools import cache

from lxml import etree

from tests.helpers import FIXTURES

SCHEMA_DIR = FIXTURES / "xliff"


@cache
def core_schema() -> etree.XMLSchema:
    """The XLIFF 2.1 core schema, compiled once."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    document = etree.parse(str(SCHEMA_DIR / "xliff_core_2.0.xsd"), parser)
    return etree.XMLSchema(document)


def schema_errors(data: bytes) -> list[str]:
    """What the core schema says is wrong with the XLIFF document ``data`` (none when valid)."""
    schema = core_schema()
    document = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
