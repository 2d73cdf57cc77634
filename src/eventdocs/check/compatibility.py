"""Breaking changes between the published schema of a version and what would be generated now.

Integrators pin a schema version, so within one version a schema may only widen: new optional
fields, new descriptions. Anything that makes a once-valid payload invalid needs a new version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventdocs.base.bounded import read_bounded
from eventdocs.base.confined import SymlinkFinder
from eventdocs.check.findings import Code, Finding
from eventdocs.errors import LoadError
from eventdocs.load.project import Project
from eventdocs.load.yaml_files import MAX_FILE_BYTES
from eventdocs.render.jsonschema import schema_path, type_schema_path

# Keywords that can only restrict what a string or number may be.
_RESTRICTING = ("const", "format", "pattern", "minimum", "maximum", "minLength", "maxLength")


def _types(schema: dict[str, Any]) -> set[str] | None:
    declared = schema.get("type")
    if declared is None:
        return None
    return {declared} if isinstance(declared, str) else set(declared)


def _values(schema: dict[str, Any]) -> set[str] | None:
    if "enum" in schema:
        return {json.dumps(value) for value in schema["enum"]}
    if "oneOf" in schema and all("const" in option for option in schema["oneOf"]):
        return {json.dumps(option["const"]) for option in schema["oneOf"]}
    return None


def breaking_changes(old: dict[str, Any], new: dict[str, Any], where: str = "$") -> Iterator[str]:
    """Describe every way ``new`` rejects a payload ``old`` accepted (or names values anew).

    Local references (``#/$defs/Contact``) are followed in each document, so a narrowing
    change to a shared type is reported at every place that uses it.
    """
    yield from _Comparison(old, new).changes(old, new, where)


class _Comparison:
    """Two whole documents, for resolving their references; each pair of shared types is
    compared once per path at most (a type that contains itself ends the walk)."""

    def __init__(self, old_root: dict[str, Any], new_root: dict[str, Any]) -> None:
        self.old_root, self.new_root = old_root, new_root
        self.seen: set[tuple[str, str]] = set()

    def changes(self, old: dict[str, Any], new: dict[str, Any], where: str) -> Iterator[str]:
        old, old_ref = _normalized(old, self.old_root)
        new, new_ref = _normalized(new, self.new_root)
        if old_ref and new_ref:
            if (old_ref, new_ref) in self.seen:
                return
            self.seen = self.seen | {(old_ref, new_ref)}
        yield from _local_changes(old, new, where)
        old_properties, new_properties = old.get("properties", {}), new.get("properties", {})
        for name, old_property in old_properties.items():
            if name not in new_properties:
                yield f"`{where}.{name}` was removed"
            else:
                yield from self.changes(old_property, new_properties[name], f"{where}.{name}")
        if "items" in old and "items" in new:
            yield from self.changes(old["items"], new["items"], f"{where}[]")


def _resolved(schema: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``schema`` with a local ``$ref`` replaced by what it names (its own keywords kept)."""
    reference = schema.get("$ref")
    prefix = "#/$defs/"
    if not isinstance(reference, str) or not reference.startswith(prefix):
        return schema, ""
    target = root.get("$defs", {}).get(reference.removeprefix(prefix), {})
    rest = {key: value for key, value in schema.items() if key != "$ref"}
    return {**target, **rest}, reference


def _normalized(schema: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``schema`` with its reference followed, ``anyOf: [X, {type: null}]`` (a nullable
    reference or enum) read as X that also accepts ``null``; and the reference followed."""
    branches = schema.get("anyOf")
    null = {"type": "null"}
    if not isinstance(branches, list) or len(branches) != 2 or null not in branches:
        return _resolved(schema, root)
    (inner,) = [branch for branch in branches if branch != null]
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    resolved, reference = _resolved({**inner, **rest}, root)
    return {**resolved, "type": sorted((_types(resolved) or {"object"}) | {"null"})}, reference


def _local_changes(old: dict[str, Any], new: dict[str, Any], where: str) -> Iterator[str]:
    old_types, new_types = _types(old), _types(new)
    if new_types is not None and (old_types is None or old_types - new_types):
        before, after = sorted(old_types or ["any"]), sorted(new_types)
        yield f"`{where}` accepts fewer types ({before} → {after})"
    old_values, new_values = _values(old), _values(new)
    if new_values is not None and old_values != new_values:
        # A status added breaks validators of the closed set as surely as one removed.
        yield f"`{where}` changed its set of allowed values"
    for keyword in _RESTRICTING:
        if keyword in new and old.get(keyword) != new[keyword]:
            yield f"`{where}` has a new or changed `{keyword}`"
    if new.get("additionalProperties") is False and old.get("additionalProperties") is not False:
        yield f"`{where}` no longer accepts fields it does not list"
    for name in sorted(set(new.get("required", ())) - set(old.get("required", ()))):
        yield f"`{where}.{name}` became required"


def check_compatibility(
    project: Project,
    json_schemas: dict[str, dict[str, Any]],
    type_schemas: dict[str, dict[str, Any]] | None = None,
) -> Iterator[Finding]:
    """Yield a finding for each event, and each shared type published on its own, whose
    current version would change in a breaking way."""
    owners: list[tuple[str, int, str, Mapping[str, int], dict[str, Any]]] = [
        (
            schema_path(event, None),
            event.version,
            project.relative(project.event_paths[event.event]),
            event.lines,
            json_schemas[event.event],
        )
        for event in project.events
    ]
    for name, document in sorted((type_schemas or {}).items()):
        schema = project.types[name]
        owners.append(
            (
                type_schema_path(schema, None),
                schema.version,
                project.relative(project.type_paths[name]),
                schema.lines,
                document,
            )
        )
    links = SymlinkFinder(project.root)
    for relative, version, source, lines, current in owners:
        yield from _compare(project.root, links, relative, version, source, lines, current)


def _compare(
    root: Path,
    links: SymlinkFinder,
    relative: str,
    version: int,
    source: str,
    lines: Mapping[str, int],
    current: dict[str, Any],
) -> Iterator[Finding]:
    if links.first_symlink(relative) is not None:
        return  # never read through a symlink; the generated-files check reports it
    published = root / relative
    try:
        old = json.loads(read_bounded(published, MAX_FILE_BYTES, follow_symlinks=False))
    except (LoadError, ValueError, RecursionError):
        return  # nothing published for this version yet: every change is allowed
    try:
        # A published file is a committed file: anyone can have put any JSON there.
        changes = list(breaking_changes(old, current))
    except (AttributeError, TypeError, ValueError, KeyError, RecursionError):
        changes = None
    if changes is None:
        yield Finding(
            source,
            lines.get("version"),
            Code.BREAKING,
            "version",
            f"{relative} is not a schema eventdocs wrote, so v{version} cannot be compared "
            "with it; restore it from history",
        )
        return
    for change in changes:
        yield Finding(
            source,
            lines.get("version"),
            Code.BREAKING,
            "version",
            f"{change}: this breaks integrators of v{version}; bump `version`",
        )
