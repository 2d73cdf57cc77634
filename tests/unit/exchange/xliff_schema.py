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


_X = "{urn:oasis:names:tc:xliff:document:2.0}"
_SUBTYPE_TYPES = {"xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:lb": "fmt", "xlf:var": "ui"}


def spec_errors(data: bytes) -> list[str]:
    """What XLIFF 2.1's constraints beyond the schema say is wrong with ``data``: codes that
    point at missing data, ids used twice, a target code unlike the source code of its id, a
    source code marked ``canDelete="no"`` the target lacks, a ``subType`` with the wrong
    ``type``, a state other than ``initial`` without a target, an undeclared ``subState``
    prefix."""
    errors: list[str] = []
    for unit in etree.fromstring(data).iter(f"{_X}unit"):
        where = unit.get("id")
        data_ids = [item.get("id") for item in unit.iter(f"{_X}data")]
        if len(set(data_ids)) != len(data_ids):
            errors.append(f"{where}: a data id is used twice")
        for segment in unit.iter(f"{_X}segment"):
            errors.extend(_segment_errors(where, segment, set(data_ids)))
    return errors


def _segment_errors(where: str, segment: etree._Element, data_ids: set[str]) -> list[str]:
    errors: list[str] = []
    target = segment.find(f"{_X}target")
    if target is None and segment.get("state", "initial") != "initial":
        errors.append(f"{where}: state {segment.get('state')} without a target")
    if segment.get("subState") is not None:
        prefix, _, value = segment.get("subState").partition(":")
        if not value or prefix not in segment.nsmap or segment.get("state") is None:
            errors.append(f"{where}: subState {segment.get('subState')!r} is not prefix:value")
    codes = {}
    for part in (segment.find(f"{_X}source"), target):
        found = [] if part is None else list(part.iter(f"{_X}ph", f"{_X}pc"))
        ids = [code.get("id") for code in found]
        if len(set(ids)) != len(ids):
            errors.append(f"{where}: an inline id is used twice in one {part.tag}")
        for code in found:
            references = [code.get(name) for name in ("dataRef", "dataRefStart", "dataRefEnd")]
            if any(ref is not None and ref not in data_ids for ref in references):
                errors.append(f"{where}: code {code.get('id')} points at missing data")
            sub_type = code.get("subType")
            if sub_type in _SUBTYPE_TYPES and code.get("type") != _SUBTYPE_TYPES[sub_type]:
                errors.append(f"{where}: subType {sub_type} with type {code.get('type')}")
        codes[part is target] = {code.get("id"): dict(code.attrib) for code in found}
    if target is not None:
        source_codes, target_codes = codes[False], codes[True]
        for code_id, attributes in target_codes.items():
            if code_id in source_codes and source_codes[code_id] != attributes:
                errors.append(f"{where}: target code {code_id} differs from the source's")
        for code_id, attributes in source_codes.items():
            if attributes.get("canDelete") == "no" and code_id not in target_codes:
                errors.append(f"{where}: the target lacks undeletable code {code_id}")
    return errors
