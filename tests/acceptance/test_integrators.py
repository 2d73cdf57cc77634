"""What integrators rely on: two validators that agree, language variants, catalog, versions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from eventdocs.load.schema_model import EventSchema, Field
from tests.helpers import (
    EVENTS,
    FIXTURES,
    LOCALES,
    REPO,
    UNKNOWN_EVENT,
    Run,
    read_yaml,
    repo_project,
    write_yaml,
)

SCHEMAS = REPO / "docs" / "schemas"
VALID = sorted((FIXTURES / "payloads" / "valid").glob("*.json"))
INVALID = sorted((FIXTURES / "payloads" / "invalid").glob("*.json"))
AJV = REPO / "tests" / "js" / "ajv_validate.mjs"


def load(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


# The payload fixtures are payloads of one event: its English schema is the one they test.
FIXTURE_EVENT = load(VALID[0])["event"]
ENGLISH = SCHEMAS / FIXTURE_EVENT / "v1.json"
# Every published schema of the current versions: each event in each language.
VARIANTS = [(event, locale) for event in EVENTS for locale in LOCALES]


def event_schema(name: str) -> EventSchema:
    return next(event for event in repo_project().events if event.event == name)


def schema_file(event: str, locale: str) -> Path:
    """The published schema of the current version of ``event``, described in ``locale``."""
    suffix = "" if locale == LOCALES[0] else f".{locale}"
    return SCHEMAS / event / f"v{event_schema(event).version}{suffix}.json"


def python_verdicts(schema_file: Path, payloads: list[Path]) -> dict[str, bool]:
    validator = Draft202012Validator(
        load(schema_file), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return {path.name: validator.is_valid(load(path)) for path in payloads}


def ajv_verdicts(schema_file: Path, payloads: list[Path]) -> dict[str, bool]:
    """Run Ajv 2020 + ajv-formats (default strict mode) in Node.js; a missing tool fails."""
    node = shutil.which("node")
    assert node, "Node.js is required (make test installs the npm packages)"
    result = subprocess.run(
        [node, str(AJV), str(schema_file), *map(str, payloads)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # Strict mode logs what it merely tolerates; a clean schema makes it say nothing.
    assert result.stderr == ""
    return {Path(name).name: not errors for name, errors in json.loads(result.stdout).items()}


def test_there_is_a_fixture_per_status_and_for_metadata() -> None:
    """Positive fixtures cover all seven statuses and a payload with `metadata`."""
    statuses = {load(path)["payload"]["status"] for path in VALID}
    assert statuses == {"enqueued", "sent", "delivered", "read", "failed", "mismatch", "deleted"}
    assert any("metadata" in load(path)["payload"] for path in VALID)
    assert any("metadata" not in load(path)["payload"] for path in VALID)


def test_python_jsonschema_accepts_valid_and_rejects_invalid() -> None:
    """python-jsonschema (formats on) gives every fixture its expected verdict."""
    assert python_verdicts(ENGLISH, VALID) == {path.name: True for path in VALID}
    assert python_verdicts(ENGLISH, INVALID) == {path.name: False for path in INVALID}


def test_ajv_agrees_with_python_jsonschema_on_every_fixture() -> None:
    """Ajv 2020 in strict mode reaches the same verdict on every valid and invalid fixture."""
    fixtures = VALID + INVALID
    assert ajv_verdicts(ENGLISH, fixtures) == python_verdicts(ENGLISH, fixtures)


@pytest.mark.parametrize(("event", "locale"), VARIANTS)
def test_every_example_is_valid_for_both_validators_in_every_variant(
    event: str, locale: str, tmp_path: Path
) -> None:
    """Each language variant of each event's schema accepts every example of that event, in
    python-jsonschema (formats on) and in Ajv's strict mode (standard keywords only)."""
    examples = []
    for number, example in enumerate(event_schema(event).examples):
        examples.append(tmp_path / f"example-{number}.json")
        examples[-1].write_text(json.dumps(example), "utf-8")
    expected = {path.name: True for path in examples}
    assert python_verdicts(schema_file(event, locale), examples) == expected
    assert ajv_verdicts(schema_file(event, locale), examples) == expected


def schema_refs(node: Any) -> list[str]:
    """Every `$ref` anywhere in a JSON Schema document."""
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [ref for value in node.values() for ref in schema_refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in schema_refs(item)]
    return []


@pytest.mark.parametrize(("event", "locale"), VARIANTS)
def test_every_schema_is_self_contained(event: str, locale: str) -> None:
    """Every `$ref` points into the document's own `$defs` and resolves there, and every
    definition is referenced: a downloaded file validates alone."""
    document = load(schema_file(event, locale))
    definitions = document.get("$defs", {})
    refs = schema_refs(document)
    for ref in refs:
        assert ref.startswith("#/$defs/"), ref
        assert ref.removeprefix("#/$defs/") in definitions, ref
    assert set(definitions) == {ref.removeprefix("#/$defs/") for ref in refs}


# Keywords whose values are payloads, not schemas: a `title` there is data.
INSTANCES = frozenset({"examples", "const", "enum", "default"})


def titles(node: Any) -> list[str]:
    """Every `title` keyword anywhere in a JSON Schema document."""
    if isinstance(node, dict):
        own = [node["title"]] if isinstance(node.get("title"), str) else []
        inner = [value for key, value in node.items() if key not in INSTANCES]
        return own + [title for value in inner for title in titles(value)]
    if isinstance(node, list):
        return [title for item in node for title in titles(item)]
    return []


@pytest.mark.parametrize("event", EVENTS)
def test_every_title_is_an_identifier(event: str) -> None:
    """Titles are PascalCase identifiers (`MessageStatusUpdated`, `Contact`), never prose."""
    found = titles(load(schema_file(event, LOCALES[0])))
    assert found and all(re.fullmatch(r"[A-Z][A-Za-z0-9]*", title) for title in found), found


def without(node: Any, keys: frozenset[str]) -> Any:
    """``node`` with the entries named in ``keys`` left out, at any depth."""
    if isinstance(node, dict):
        return {key: without(value, keys) for key, value in node.items() if key not in keys}
    if isinstance(node, list):
        return [without(item, keys) for item in node]
    return node


@pytest.mark.parametrize(("event", "locale"), [pair for pair in VARIANTS if pair[1] != LOCALES[0]])
def test_language_variant_differs_only_in_prose(event: str, locale: str) -> None:
    """A variant has its own `$id` and translated descriptions; everything else, the titles
    code generators name classes after included, is the English schema's."""
    english, variant = load(schema_file(event, LOCALES[0])), load(schema_file(event, locale))
    assert variant["$id"].endswith(f"/{event}/{schema_file(event, locale).name}")
    assert variant["description"] != english["description"]
    prose = frozenset({"$id", "$comment", "description"})
    assert without(variant, prose) == without(english, prose)


def test_catalog_lists_every_schema_in_schemastore_format() -> None:
    """The catalog has SchemaStore's shape and names each event's schema in every language."""
    catalog = load(SCHEMAS / "catalog.json")
    assert set(catalog) == {"$schema", "version", "schemas"}
    assert catalog["$schema"] == "https://json.schemastore.org/schema-catalog.json"
    urls = set()
    for entry in catalog["schemas"]:
        assert set(entry) <= {"name", "description", "fileMatch", "url", "versions"}
        assert {"name", "description", "url"} <= set(entry)
        assert entry["url"].startswith("https://")
        assert all(url.startswith("https://") for url in entry["versions"].values())
        urls.add(entry["url"].rsplit("/", 2)[-2] + "/" + entry["url"].rsplit("/", 1)[-1])
    on_disk = {f"{path.parent.name}/{path.name}" for path in SCHEMAS.glob("*/v*.json")}
    assert urls == on_disk


def removable_field() -> tuple[EventSchema, Field]:
    """An event and an optional field of its own payload that has a JSON type (not a shared
    type, not an enum): removing it is a breaking change and nothing else."""
    return next(
        (event, field)
        for event in repo_project().events
        for field in event.payload
        if not field.required and field.type and not field.enum
    )


def remove_field(root: Path, event: str, name: str) -> None:
    """Remove the payload field ``name`` of ``event`` from its schema, its examples and the
    strings of every language."""
    path = root / "schema" / f"{event}.yaml"
    data = read_yaml(path)
    data["payload"] = [field for field in data["payload"] if field["name"] != name]
    for example in data["examples"]:
        example["payload"].pop(name, None)
    write_yaml(path, data)
    prefixes = (f"events.{event}.fields.{name}", f"events.{event}.values.{name}")
    for locale in LOCALES:
        locale_path = root / "locales" / f"{locale}.yaml"
        strings = read_yaml(locale_path)
        kept = {
            key: value
            for key, value in strings.items()
            if not any(key == prefix or key.startswith(f"{prefix}.") for prefix in prefixes)
        }
        assert len(kept) < len(strings)
        write_yaml(locale_path, kept)


def test_breaking_change_without_version_bump_fails(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Removing a field while keeping version 1 is reported as `breaking`, at `version:`."""
    event, field = removable_field()
    remove_field(project, event.event, field.name)
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    breaking = [f for f in findings if f["code"] == "breaking"]
    assert [f["message"].split(":")[0] for f in breaking] == [
        f"`$.payload.{field.name}` was removed"
    ]
    lines = (project / f"schema/{event.event}.yaml").read_text("utf-8").splitlines()
    assert breaking[0]["path"] == f"schema/{event.event}.yaml"
    assert lines[breaking[0]["line"] - 1].startswith("version:")


def test_version_bump_publishes_v2_and_keeps_v1(project: Path, run_cli: Callable[..., Run]) -> None:
    """With `version: 2` the change is allowed; v1 stays served and listed in the catalog."""
    event, field = removable_field()
    name = event.event
    remove_field(project, name, field.name)
    path = project / "schema" / f"{name}.yaml"
    data = read_yaml(path)
    data["version"] = 2
    write_yaml(path, data)
    v1 = (project / f"docs/schemas/{name}/v1.json").read_bytes()
    assert run_cli("-C", project, "build").code == 0
    assert (project / f"docs/schemas/{name}/v1.json").read_bytes() == v1
    v2 = load(project / f"docs/schemas/{name}/v2.json")
    assert v2["$id"].endswith(f"/{name}/v2.json")
    assert field.name not in v2["properties"]["payload"]["properties"]
    catalog = load(project / "docs/schemas/catalog.json")
    (entry,) = [entry for entry in catalog["schemas"] if entry["name"] == name]
    assert entry["url"].endswith(f"/{name}/v2.json")
    assert entry["versions"] == {
        "v1": entry["url"].removesuffix("v2.json") + "v1.json",
        "v2": entry["url"],
    }
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out


def test_additive_change_is_not_breaking(project: Path, run_cli: Callable[..., Run]) -> None:
    """A new optional field in version 1 is allowed: objects are open to additions."""
    event, _ = removable_field()  # an event with payload fields of its own
    path = project / "schema" / f"{event.event}.yaml"
    data = read_yaml(path)
    assert "addedLater" not in {field["name"] for field in data["payload"]}
    data["payload"].append({"name": "addedLater", "type": "string"})
    data["examples"][0]["payload"]["addedLater"] = "whatsapp"
    write_yaml(path, data)
    english = read_yaml(project / "locales/en.yaml")
    english[f"events.{event.event}.fields.addedLater"] = "A field added in version 1"
    write_yaml(project / "locales/en.yaml", english)
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    assert not [f for f in findings if f["code"] == "breaking"]


def test_validate_accepts_a_valid_payload(run_cli: Callable[..., Run]) -> None:
    """`validate` exits 0 on a valid payload, the event taken from the payload."""
    result = run_cli("-C", REPO, "validate", VALID[0])
    assert result.code == 0
    assert result.out.strip().endswith(f"valid {FIXTURE_EVENT} payload")


def test_validate_reports_each_error_with_its_path(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """Each error is printed with its JSON path; exit 1."""
    payload = load(VALID[0])
    payload["payload"]["status"] = "bounced"
    del payload["payload"]["uuid"]
    target = tmp_path / "bad.json"
    target.write_text(json.dumps(payload), "utf-8")
    result = run_cli("-C", REPO, "validate", target)
    assert result.code == 1
    assert f"{target}: $.payload: 'uuid' is a required property" in result.out
    assert "$.payload.status: 'bounced' is not one of 'enqueued'" in result.out


def test_validate_reads_stdin(run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` reads the payload from standard input."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(VALID[0].read_text("utf-8")))
    assert run_cli("-C", REPO, "validate", "-").code == 0


def test_validate_event_option_overrides_the_payload(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """`--event` chooses the schema, over the payload's own `event`; an event the project does
    not have is a usage error."""
    result = run_cli("-C", REPO, "validate", VALID[0], "--event", FIXTURE_EVENT)
    assert result.code == 0
    other = next(event for event in EVENTS if event != FIXTURE_EVENT)
    result = run_cli("-C", REPO, "validate", VALID[0], "--event", other)
    assert result.code == 1
    assert f"$.event: {other!r} was expected" in result.out
    assert result.out.strip().endswith(f"invalid {other} payload")
    result = run_cli("-C", REPO, "validate", VALID[0], "--event", UNKNOWN_EVENT)
    assert result.code == 2 and f"unknown event {UNKNOWN_EVENT!r}" in result.err


def test_validate_refuses_broken_json(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    """Malformed JSON is one error line with its line and column; exit 1."""
    target = tmp_path / "broken.json"
    target.write_text(f'{{\n  "event": "{FIXTURE_EVENT}",\n  "payload": {{,}}\n}}\n', "utf-8")
    result = run_cli("-C", REPO, "validate", target)
    assert result.code == 1
    assert (
        result.err == f"Error: {target}:3:15: invalid JSON: "
        "Expecting property name enclosed in double quotes\n"
    )
