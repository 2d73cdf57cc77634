"""The OpenAPI and AsyncAPI documents say what the JSON Schemas say, in the same words: every
event, its body and examples, the shared types once, each document standing alone, the same
in every language but for descriptions; the events index links them; `build` and `check`
treat them like every other output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdocs.load.schema_model import EventSchema
from eventdocs.render.api_parts import map_schema, relocated
from eventdocs.render.asyncapi import draft07
from eventdocs.render.outputs import GENERATED_MARKER
from eventdocs.render.project import render_project
from tests.acceptance._api_documents import (
    KINDS,
    PUBLISHED,
    at_pointer,
    load,
    neutral,
    prose,
    references,
)
from tests.helpers import EVENTS, LOCALES, REPO, Run, repo_project, set_english

SCHEMAS = REPO / "docs" / "schemas"
SOURCE = LOCALES[0]
# The keywords of JSON Schema draft-07 and those AsyncAPI's Schema Object adds.
# (One string split in words: a list literal would take one line per keyword.)
DRAFT07 = frozenset(
    (  # noqa: SIM905
        "$id $schema $ref $comment title description default readOnly writeOnly examples "
        "multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength "
        "pattern additionalItems items maxItems minItems uniqueItems contains maxProperties "
        "minProperties required additionalProperties definitions properties "
        "patternProperties dependencies propertyNames const enum type format "
        "contentMediaType contentEncoding if then else allOf anyOf oneOf not "
        "discriminator externalDocs deprecated"
    ).split()
)
# What a published JSON Schema has at its root only, and a document holds its own way.
ROOT_ONLY = ("$schema", "$id", "$comment", "$defs", "examples")


def document(kind: str, locale: str = SOURCE) -> dict[str, Any]:
    return load(PUBLISHED[f"{kind}-{locale}"])  # type: ignore[no-any-return]


def event_schema(name: str) -> EventSchema:
    return next(event for event in repo_project().events if event.event == name)


def published_body(event: str) -> dict[str, Any]:
    """The event's published English JSON Schema, as a document's request body holds it."""
    schema = load(SCHEMAS / event / f"v{event_schema(event).version}.json")
    return relocated({key: value for key, value in schema.items() if key not in ROOT_ONLY})


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_document_stands_alone(name: str) -> None:
    """Every `$ref` is local and resolves; every shared type is referenced; no schema inside
    carries an `$id`, `$schema` or `$defs` that would move its references elsewhere."""
    found = load(PUBLISHED[name])
    refs = list(references(found))
    for ref in refs:
        assert ref.startswith("#/"), ref
        at_pointer(found, ref)
    shared = found.get("components", {}).get("schemas", {})
    assert set(shared) == {
        ref.removeprefix("#/components/schemas/")
        for ref in refs
        if ref.startswith("#/components/schemas/")
    }
    text = json.dumps(neutral(found))
    assert not any(f'"{key}"' in text for key in ("$id", "$schema", "$defs", "definitions"))


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_document_says_it_is_generated_in_its_first_lines(name: str) -> None:
    """The generated note sits where builds look for it (the first 512 bytes), in an `x-`
    extension both standards allow at the root."""
    path = PUBLISHED[name]
    assert GENERATED_MARKER.encode() in path.read_bytes()[:512]
    assert load(path)["x-generated"].startswith(GENERATED_MARKER)


@pytest.mark.parametrize(("kind", "locale"), [(k, locale) for k in KINDS for locale in LOCALES[1:]])
def test_languages_differ_only_in_descriptions(kind: str, locale: str) -> None:
    """A language's document is the English one but for `description` and `summary` texts (and
    the note): names, titles, tags, enum values and examples are the same, and the prose is
    there in both, translated."""
    english, variant = document(kind), document(kind, locale)
    assert neutral(variant) == neutral(english)
    english_prose, variant_prose = prose(english), prose(variant)
    assert english_prose.keys() == variant_prose.keys()
    assert variant["info"]["description"] != english["info"]["description"]


@pytest.mark.parametrize("event", EVENTS)
def test_every_event_is_a_webhook_with_its_published_schema(event: str) -> None:
    """Each event is a POST webhook named after it, tagged with its category, whose body is its
    published JSON Schema and whose examples are its examples."""
    schema = event_schema(event)
    openapi = document("openapi")
    operation = openapi["webhooks"][event]["post"]
    assert operation["operationId"] == event
    assert operation.get("tags") == ([schema.category] if schema.category else None)
    media = operation["requestBody"]["content"]["application/json"]
    assert media["schema"] == published_body(event)
    assert [example["value"] for example in media["examples"].values()] == list(schema.examples)
    if schema.category:
        assert schema.category in {tag["name"] for tag in openapi["tags"]}


@pytest.mark.parametrize("event", EVENTS)
def test_every_event_is_an_operation_and_a_message(event: str) -> None:
    """Each event is a `send` operation on the one webhook channel, naming the channel's
    message for it, whose payload is the draft-07 form of the published schema."""
    schema = event_schema(event)
    asyncapi = document("asyncapi")
    operation = asyncapi["operations"][event]
    assert operation["action"] == "send"
    assert operation["channel"] == {"$ref": "#/channels/webhook"}
    (reference,) = operation["messages"]
    message = at_pointer(asyncapi, at_pointer(asyncapi, reference["$ref"])["$ref"])
    assert message["name"] == event
    assert message["payload"] == draft07(published_body(event))
    assert [example["payload"] for example in message["examples"]] == list(schema.examples)
    tags = [at_pointer(asyncapi, tag["$ref"])["name"] for tag in message.get("tags", [])]
    assert tags == ([schema.category] if schema.category else [])


@pytest.mark.parametrize("locale", LOCALES)
def test_asyncapi_schemas_use_draft07_keywords_only(locale: str) -> None:
    """Every schema of the AsyncAPI document uses draft-07's keywords (and AsyncAPI's), and no
    `$ref` has keywords beside it that draft-07 would ignore."""
    asyncapi = document("asyncapi", locale)
    schemas = [
        *asyncapi["components"].get("schemas", {}).values(),
        *(message["payload"] for message in asyncapi["components"]["messages"].values()),
    ]
    keywords: set[str] = set()

    def collect(node: dict[str, Any]) -> dict[str, Any]:
        keywords.update(node)
        assert "$ref" not in node or len(node) == 1, node
        return node

    for schema in schemas:
        map_schema(schema, collect)
    assert keywords and keywords <= DRAFT07, keywords - DRAFT07


def test_shared_types_are_components_once() -> None:
    """The shared types the events use are the documents' `components/schemas`, each once,
    the published type schema's shape (its own `$ref`s pointing at components)."""
    used = {ref for event in repo_project().events for ref in event.references()}
    shared = document("openapi")["components"]["schemas"]
    assert used <= set(shared)
    for name, schema in shared.items():
        assert schema["title"] == name
        assert "asyncapi" not in schema and name in document("asyncapi")["components"]["schemas"]


@pytest.mark.parametrize("locale", LOCALES)
def test_events_index_links_both_documents(locale: str) -> None:
    """The events index links the English documents, and those in its own language, and
    every link leads to a published file."""
    index = (REPO / "docs" / locale / "events" / "index.md").read_text("utf-8")
    for kind in KINDS:
        wanted = {PUBLISHED[f"{kind}-{SOURCE}"], PUBLISHED[f"{kind}-{locale}"]}
        for path in wanted:
            assert f"](../../schemas/{path.name})" in index
            assert path.is_file()


def test_rendering_twice_gives_the_same_documents() -> None:
    """Two renderings of the project give byte-identical documents, the committed ones."""
    first, second = (
        {file.path: file.text for file in render_project(repo_project()).files} for _ in "12"
    )
    for path in PUBLISHED.values():
        if path.is_relative_to(SCHEMAS):
            output = path.relative_to(REPO).as_posix()
            assert first[output] == second[output] == path.read_text("utf-8")


def test_check_reports_an_edited_or_missing_document(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """`check` finds a document edited by hand and one deleted; `build` puts both back."""
    edited = project / "docs" / "schemas" / f"openapi.{LOCALES[-1]}.json"
    missing = project / "docs" / "schemas" / "asyncapi.json"
    original = edited.read_text("utf-8")
    edited.write_text(original.replace('"webhooks"', '"webhook"'), "utf-8")
    missing.unlink()
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    generated = {f["path"]: f["message"] for f in findings if f["code"] == "generated"}
    assert generated.keys() == {
        edited.relative_to(project).as_posix(),
        "docs/schemas/asyncapi.json",
    }
    assert run_cli("-C", project, "build").code == 0
    assert edited.read_text("utf-8") == original and missing.is_file()
    assert run_cli("-C", project, "check").code == 0


def test_a_translation_edit_rewrites_that_language_s_documents_only(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Rewording one language's description of the documents rewrites that language's two
    documents and nothing else."""
    locale = LOCALES[-1]
    path = project / "locales" / f"{locale}.yaml"
    lines = path.read_text("utf-8").split("\n")
    at = lines.index("ui.api.description:") + 2
    assert lines[at].startswith('  text: "')
    lines[at] = lines[at][:-1] + ' (2)"'
    path.write_text("\n".join(lines), "utf-8")
    result = run_cli("-C", project, "build")
    assert result.code == 0 and "2 written" in result.out, result.out
    for kind in KINDS:
        documents = project / "docs" / "schemas"
        assert load(documents / f"{kind}.{locale}.json")["info"]["description"].endswith("(2)")


def test_a_bare_address_in_a_translation_never_reaches_the_documents(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A translation holding a bare web address (which portals autolink) is an `unsafe`
    finding, and the documents of its language carry the English instead."""
    locale, key = LOCALES[-1], f"events.{EVENTS[0]}.summary"
    path = project / "locales" / f"{locale}.yaml"
    lines = path.read_text("utf-8").split("\n")
    at = lines.index(f"{key}:") + 2
    assert lines[at].startswith('  text: "')
    lines[at] = lines[at][:-1] + ' www.evil.example/login"'
    path.write_text("\n".join(lines), "utf-8")
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    assert any(f["code"] == "unsafe" and f["key"] == key for f in findings), findings
    assert run_cli("-C", project, "build").code == 0
    for kind in KINDS:
        assert "evil.example" not in (
            project / "docs" / "schemas" / f"{kind}.{locale}.json"
        ).read_text("utf-8")


def test_summaries_are_plain_text(project: Path, run_cli: Callable[..., Run]) -> None:
    """`summary` is plain text in both formats: the title's words, with no Markdown escapes or
    entities (descriptions keep the pages' inert Markdown)."""
    set_english(project, f"events.{EVENTS[0]}.title", "Shipped & on its way <soon>, *fast*")
    assert run_cli("-C", project, "build").code == 0
    openapi = load(project / "docs" / "schemas" / "openapi.json")
    asyncapi = load(project / "docs" / "schemas" / "asyncapi.json")
    words = "Shipped & on its way <soon>, fast"
    assert openapi["webhooks"][EVENTS[0]]["post"]["summary"] == words
    assert asyncapi["components"]["messages"][EVENTS[0]]["summary"] == words


def test_the_version_changes_with_any_event_version(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """`info.version` names the set of events and versions: a new version of one event changes
    it in every document of every language, alike."""
    before = {
        load(path)["info"]["version"] for path in (project / "docs" / "schemas").glob("*api*.json")
    }
    schema = project / "schema" / f"{EVENTS[0]}.yaml"
    text = schema.read_text("utf-8")
    assert "\nversion: 1\n" in text
    schema.write_text(text.replace("\nversion: 1\n", "\nversion: 2\n"), "utf-8")
    assert run_cli("-C", project, "build").code == 0
    after = {
        load(path)["info"]["version"] for path in (project / "docs" / "schemas").glob("*api*.json")
    }
    assert len(before) == len(after) == 1 and before != after
