"""The JSON Schemas of eventdocs' own formats describe the files a project really holds, and
every file says which one its editor should use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from eventdocs.load.format_schemas import FORMATS
from tests.helpers import LOCALES, REPO

FORMAT_DIR = REPO / "docs" / "schemas" / "format"
MODELINE = "# yaml-language-server: $schema="


def files_of(name: str) -> list[Path]:
    """The repository's files in format ``name``."""
    return {
        "event": sorted((REPO / "schema").glob("*.yaml")),
        "type": sorted((REPO / "schema" / "types").glob("*.yaml")),
        "envelope": sorted((REPO / "schema").glob("envelope.yaml")),
        "locale-source": [REPO / "locales" / f"{LOCALES[0]}.yaml"],
        "locale-translation": [REPO / "locales" / f"{code}.yaml" for code in LOCALES[1:]],
    }[name]


CASES = [
    (name, path)
    for name in FORMATS
    for path in files_of(name)
    if path.name != "envelope.yaml" or name == "envelope"
]


@pytest.mark.parametrize(("name", "path"), CASES, ids=[f"{n}:{p.name}" for n, p in CASES])
def test_every_file_is_valid_against_its_format_schema(name: str, path: Path) -> None:
    """The published schema accepts every file the project holds in that format."""
    schema = json.loads((FORMAT_DIR / f"{name}.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text("utf-8"))))
    assert errors == []


@pytest.mark.parametrize(("name", "path"), CASES, ids=[f"{n}:{p.name}" for n, p in CASES])
def test_every_file_names_its_format_schema(name: str, path: Path) -> None:
    """The first line points yaml-language-server at the right schema, by a relative path."""
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith(MODELINE)
    target = (path.parent / first.removeprefix(MODELINE)).resolve()
    assert target == (FORMAT_DIR / f"{name}.json").resolve()


@pytest.mark.parametrize(
    ("name", "document"),
    [
        (
            "event",
            {
                "event": "a",
                "version": 1,
                "payload": [{"name": "x", "type": "strin"}],
                "examples": [{}],
            },
        ),
        ("type", {"name": "lowercase", "fields": [{"name": "x", "type": "string"}]}),
        ("locale-translation", {"ui.x": {"text": "missing its source"}}),
        ("event", {"event": "a", "version": 1, "payload_type": "A", "examples": [{}], "colour": 1}),
    ],
)
def test_a_format_schema_refuses_what_loading_refuses(name: str, document: object) -> None:
    """A typo in a type, a bad name, a missing key or an unknown key: refused by the schema,
    as the loader refuses it."""
    schema = json.loads((FORMAT_DIR / f"{name}.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document))
