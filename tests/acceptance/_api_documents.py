"""The OpenAPI and AsyncAPI documents the tests read: where each is, and readings of them
written from the two standards rather than from the renderer (where examples and schemas sit,
which keywords are prose, which are payloads)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from jsonschema import Draft7Validator, Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT7, DRAFT202012

from eventdocs.load.config import load_config
from tests.helpers import FIXTURES, LOCALES, REPO

KINDS = ("openapi", "asyncapi")
GOLDEN_SCHEMAS = REPO / "tests" / "snapshots" / "docs" / "schemas"
_GOLDEN_SOURCE = load_config(FIXTURES / "golden_project").source_locale
GOLDEN_LOCALES = (
    _GOLDEN_SOURCE,
    *sorted(
        path.stem
        for path in (FIXTURES / "golden_project" / "locales").glob("*.yaml")
        if path.stem != _GOLDEN_SOURCE
    ),
)
# Prose: the only keys whose (string) values may differ between languages.
PROSE = frozenset({"description", "summary", "x-generated"})
# Keys whose values are payloads (OpenAPI's and AsyncAPI's `examples` hold requests, a
# schema's hold values), compared as they are and never read as documents.
PAYLOADS = frozenset({"examples", "const", "default", "enum"})
# Keys whose values map names (of fields, events, types, media types) to objects: a name is
# never a keyword, whatever it is spelled.
NAMED = frozenset(
    {"properties", "patternProperties", "$defs", "schemas", "webhooks", "content", "channels"}
    | {"operations", "messages", "tags"}
)


def document_path(folder: Path, kind: str, locale: str, source: str) -> Path:
    """``folder/openapi.json`` for the source language, ``openapi.fr.json`` for French."""
    return folder / f"{kind}{'' if locale == source else f'.{locale}'}.json"


# Every committed document: the project's in each of its languages, and the golden fixture's.
PUBLISHED = {
    **{
        f"{kind}-{locale}": document_path(REPO / "docs" / "schemas", kind, locale, LOCALES[0])
        for kind in KINDS
        for locale in LOCALES
    },
    **{
        f"golden-{kind}-{locale}": document_path(GOLDEN_SCHEMAS, kind, locale, _GOLDEN_SOURCE)
        for kind in KINDS
        for locale in GOLDEN_LOCALES
    },
}


def kind_of(path: Path) -> str:
    return path.name.split(".", 1)[0]


def load(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


class Example(NamedTuple):
    """One request example of a document, and where the schema it must match sits."""

    name: str
    pointer: str
    value: Any


def examples(kind: str, document: dict[str, Any]) -> Iterator[Example]:
    """Every request example: OpenAPI's are in each webhook's request body media type,
    AsyncAPI's in each message."""
    if kind == "openapi":
        for event, item in document["webhooks"].items():
            pointer = f"/webhooks/{event}/post/requestBody/content/application~1json"
            for name, example in item["post"]["requestBody"]["content"]["application/json"][
                "examples"
            ].items():
                yield Example(f"{event}/{name}", f"{pointer}/schema", example["value"])
    else:
        for event, message in document["components"]["messages"].items():
            for example in message["examples"]:
                yield Example(
                    f"{event}/{example['name']}",
                    f"/components/messages/{event}/payload",
                    example["payload"],
                )


def validator(kind: str, document: dict[str, Any], pointer: str) -> Any:
    """A validator (formats checked) for the schema at ``pointer``, its local references
    resolved in ``document``: JSON Schema 2020-12 for OpenAPI 3.1, draft-07 for AsyncAPI."""
    uri = f"urn:eventdocs:{kind}"
    if kind == "openapi":
        registry: Registry[Any] = Registry().with_resource(
            uri, DRAFT202012.create_resource(document)
        )
        return Draft202012Validator(
            {"$ref": f"{uri}#{pointer}"},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
    registry = Registry().with_resource(uri, DRAFT7.create_resource(document))
    return Draft7Validator(
        {"$ref": f"{uri}#{pointer}"},
        registry=registry,
        format_checker=Draft7Validator.FORMAT_CHECKER,
    )


def _entries(node: dict[str, Any], named: bool) -> Iterator[tuple[str, Any, bool]]:
    """``(key, value, whether value's own keys are names)`` for each entry of ``node`` a
    reading descends into: never a payload, unless ``node`` maps names (a field named
    `default` is a schema, not a default)."""
    for key, value in node.items():
        if named or key not in PAYLOADS:
            yield key, value, not named and key in NAMED


def neutral(node: Any, named: bool = False) -> Any:
    """``node`` without its prose: what must be the same in every language."""
    if isinstance(node, list):
        return [neutral(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if named:
            result[key] = neutral(value)
        elif key in PAYLOADS:
            result[key] = value
        elif not (key in PROSE and isinstance(value, str)):
            result[key] = neutral(value, key in NAMED)
    return result


def prose(node: Any, path: str = "", named: bool = False) -> dict[str, str]:
    """Every prose string of ``node``, by its path."""
    found: dict[str, str] = {}
    if isinstance(node, dict):
        for key, value, names in _entries(node, named):
            if not named and key in PROSE and isinstance(value, str):
                found[f"{path}/{key}"] = value
            else:
                found.update(prose(value, f"{path}/{key}", names))
    elif isinstance(node, list):
        for number, item in enumerate(node):
            found.update(prose(item, f"{path}/{number}"))
    return found


def references(node: Any, named: bool = False) -> Iterator[str]:
    """Every ``$ref`` of a document, payloads left out."""
    if isinstance(node, dict):
        if not named and isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for _, value, names in _entries(node, named):
            yield from references(value, names)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def at_pointer(document: Any, pointer: str) -> Any:
    """The value a local reference (``#/a/b``) points at; ``KeyError`` when there is none."""
    node = document
    for part in pointer.removeprefix("#/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node
