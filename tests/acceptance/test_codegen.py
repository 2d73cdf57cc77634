"""Code generators make the same code from every language variant of the published schemas:
the same classes, fields and enum members, each named after a title (an identifier) and enum
members after their values; only descriptions and comments change with the language.

Each generator runs once per language over a folder of every event's and every shared type's
schema, as an integrator generating a client would: datamodel-code-generator (Python models;
`--use-title-as-name` is its documented way to name classes after titles) and
json-schema-to-typescript (TypeScript, which names declarations after titles by default).
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from eventdocs.render.jsonschema import schema_path, type_schema_path
from tests.acceptance._schemas import schemas
from tests.helpers import LOCALES, REPO, repo_project

GENERATORS = ("python", "typescript")
SUFFIXES = {"python": ".py", "typescript": ".d.ts"}


def published(locale: str) -> dict[str, Path]:
    """Every published schema of the current versions in ``locale``, by module name: each
    event's and each shared type's."""
    project = repo_project()
    code = None if locale == LOCALES[0] else locale
    files = {event.event: REPO / schema_path(event, code) for event in project.events}
    for name, schema in project.types.items():
        files[name] = REPO / type_schema_path(schema, code)
    return files


MODULES = tuple(sorted(published(LOCALES[0])))


def document(module: str) -> Any:
    return json.loads(published(LOCALES[0])[module].read_text("utf-8"))


def enum_values(schema: dict[str, Any]) -> list[str] | None:
    """The values of an enum schema (a `oneOf` of constants, as the catalog writes enums)."""
    options = schema.get("oneOf", [])
    if options and all("const" in option for option in options):
        return [option["const"] for option in options]
    return None


def titled(module: str) -> dict[str, dict[str, Any]]:
    """The titled schemas of a module's English schema, by title; a title names one schema."""
    found: dict[str, dict[str, Any]] = {}
    for schema in schemas(document(module)):
        if isinstance(schema.get("title"), str):
            assert found.setdefault(schema["title"], schema) == schema, schema["title"]
    return found


def enum_titles(module: str) -> dict[str, list[str]]:
    """The module's enums, by title, with their values."""
    return {
        title: values
        for title, schema in titled(module).items()
        if (values := enum_values(schema)) is not None
    }


class Declaration(NamedTuple):
    """A generated class, interface, enum or type alias: its members' names (an object's fields,
    an enum's members) and, for an enum, its values."""

    members: tuple[str, ...]
    values: tuple[str, ...] = ()


def python_declarations(source: str) -> dict[str, Declaration]:
    """The classes of a generated Python module: models with their fields, enums with their
    members and values."""
    found = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = [
            statement.target.id
            for statement in node.body
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
        ]
        members = [
            (statement.targets[0].id, statement.value.value)
            for statement in node.body
            if isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, ast.Constant)
        ]
        found[node.name] = Declaration(
            tuple(fields + [name for name, _ in members]),
            tuple(str(value) for _, value in members),
        )
    return found


_COMMENT = re.compile(r"/\*.*?\*/\n?", re.S)
_INTERFACE = re.compile(r"^export interface (\w+) \{\n(.*?)^\}$", re.M | re.S)
_MEMBER = re.compile(r'^  ("[^"]+"|[\w$]+)\??:', re.M)  # one level in: nested objects are deeper
_ALIAS = re.compile(r"^export type (\w+) = (.*?);$", re.M | re.S)


def typescript_declarations(source: str) -> dict[str, Declaration]:
    """The declarations of a generated TypeScript file: interfaces with their properties, type
    aliases (an enum is one) with the string literals they allow."""
    code = _COMMENT.sub("", source)
    found = {
        name: Declaration(tuple(_MEMBER.findall(body))) for name, body in _INTERFACE.findall(code)
    }
    for name, union in _ALIAS.findall(code):
        found[name] = Declaration((), tuple(re.findall(r'"([^"]*)"', union)))
    return found


def without_prose(generator: str, source: str) -> str:
    """The generated code less what is written in a language: descriptions, docstrings and
    comments."""
    if generator == "typescript":
        return _COMMENT.sub("", source)
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            node.keywords = [keyword for keyword in node.keywords if keyword.arg != "description"]
        if isinstance(node, ast.ClassDef | ast.Module) and ast.get_docstring(node) is not None:
            node.body = node.body[1:]
    return ast.dump(tree)


def commands(generator: str, schemas: Path, output: Path) -> list[str | Path]:
    if generator == "python":
        return [
            Path(sys.executable).parent / "datamodel-codegen",
            *("--input", schemas, "--input-file-type", "jsonschema", "--output", output),
            # Class names from titles; no timestamp; the formatter that needs no other tool.
            *("--use-title-as-name", "--disable-timestamp", "--formatters", "builtin"),
            *("--target-python-version", "3.11"),
        ]
    node = shutil.which("node")
    assert node, "Node.js is required (make test installs the npm packages)"
    return [node, REPO / "node_modules" / ".bin" / "json2ts", "-i", schemas, "-o", output]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Each generator's output folder for each language, made by one run over a folder of that
    language's schemas; every run is started at once."""
    root = tmp_path_factory.mktemp("codegen")
    processes = {}
    for locale in LOCALES:
        # One folder name in every language: generators write it into their output.
        schemas = root / locale / "schemas"
        schemas.mkdir(parents=True)
        for module, path in published(locale).items():
            shutil.copyfile(path, schemas / f"{module}.json")
        for generator in GENERATORS:
            argv = commands(generator, schemas, root / locale / generator)
            processes[generator, locale] = subprocess.Popen(
                argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
    for (generator, locale), process in processes.items():
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, f"{generator} ({locale}): {out}{err}"
    return {key: root / key[1] / key[0] for key in processes}


def output(generated: dict[tuple[str, str], Path], generator: str, locale: str) -> dict[str, str]:
    """The generated source of each module."""
    folder = generated[generator, locale]
    return {
        module: (folder / f"{module}{SUFFIXES[generator]}").read_text("utf-8") for module in MODULES
    }


def declarations(generator: str, source: str) -> dict[str, Declaration]:
    parse = python_declarations if generator == "python" else typescript_declarations
    return parse(source)


@pytest.mark.parametrize("locale", LOCALES[1:])
@pytest.mark.parametrize("generator", GENERATORS)
def test_every_language_generates_the_same_code_but_its_prose(
    generator: str, locale: str, generated: dict[tuple[str, str], Path]
) -> None:
    """The language variants of every schema generate the declarations the English does, with
    the same members, and code that differs from it in descriptions and comments only."""
    english, variant = (
        output(generated, generator, LOCALES[0]),
        output(generated, generator, locale),
    )
    for module in MODULES:
        assert declarations(generator, variant[module]) == declarations(generator, english[module])
        assert without_prose(generator, variant[module]) == without_prose(
            generator, english[module]
        ), module


@pytest.mark.parametrize("module", MODULES)
def test_every_object_and_enum_schema_has_a_title(module: str) -> None:
    """Every schema a generator declares a type for (an object with properties, an enum) has a
    title, so no generator falls back on the field's name (`Status`, then `Status1`)."""
    named = [
        schema
        for schema in schemas(document(module))
        if "properties" in schema or enum_values(schema) is not None
    ]
    assert named and all(isinstance(schema.get("title"), str) for schema in named), module


@pytest.mark.parametrize("module", MODULES)
@pytest.mark.parametrize("generator", GENERATORS)
def test_every_declaration_is_named_after_a_title(
    generator: str, module: str, generated: dict[tuple[str, str], Path]
) -> None:
    """Every class, interface, enum and alias is named after a title of the schema, and every
    titled object or enum is declared: no name is made up from a field's name or numbered to
    tell two apart (`Payload1`, `Status2`)."""
    found = declarations(generator, output(generated, generator, LOCALES[0])[module])
    titles = titled(module)
    declared = {
        title
        for title, schema in titles.items()
        if schema.get("type") == "object" or enum_values(schema) is not None
    }
    assert set(found) <= set(titles)
    assert declared <= set(found)


@pytest.mark.parametrize("module", [module for module in MODULES if enum_titles(module)])
@pytest.mark.parametrize("generator", GENERATORS)
def test_enum_members_are_named_from_their_values(
    generator: str, module: str, generated: dict[tuple[str, str], Path]
) -> None:
    """Each enum is declared under its title with the schema's values, in order, and its
    members (where the language has any) are named from the values themselves."""
    found = declarations(generator, output(generated, generator, LOCALES[0])[module])
    for title, values in enum_titles(module).items():
        assert found[title].values == tuple(values)
        if generator == "python":
            assert found[title].members == tuple(value.replace("-", "_") for value in values)
