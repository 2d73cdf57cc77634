"""What integrators rely on: two validators that agree, language variants, catalog, versions."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.helpers import FIXTURES, REPO, Run, read_yaml, write_yaml

SCHEMAS = REPO / "docs" / "schemas"
ENGLISH = SCHEMAS / "message_status_updated" / "v1.json"
VALID = sorted((FIXTURES / "payloads" / "valid").glob("*.json"))
INVALID = sorted((FIXTURES / "payloads" / "invalid").glob("*.json"))
AJV = REPO / "tests" / "js" / "ajv_validate.mjs"


def load(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


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


@pytest.mark.parametrize("variant", sorted(SCHEMAS.glob("*/v*.json")), ids=lambda path: path.name)
def test_every_variant_compiles_in_ajv_strict_mode(variant: Path) -> None:
    """Each language variant uses standard keywords only: Ajv's strict mode accepts it."""
    assert ajv_verdicts(variant, VALID[:1]) == {VALID[0].name: True}


@pytest.mark.parametrize("locale", ["fr", "pt", "it"])
def test_language_variant_differs_only_in_prose(locale: str) -> None:
    """A variant has its own `$id` and translated descriptions, and the English structure."""
    english, variant = load(ENGLISH), load(SCHEMAS / "message_status_updated" / f"v1.{locale}.json")
    assert variant["$id"].endswith(f"/message_status_updated/v1.{locale}.json")
    assert variant["description"] != english["description"]

    def structure(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: structure(value)
                for key, value in node.items()
                if key not in {"$id", "$comment", "title", "description"}
            }
        if isinstance(node, list):
            return [structure(item) for item in node]
        return node

    assert structure(variant) == structure(english)


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


def remove_metadata_field(root: Path) -> None:
    path = root / "schema" / "message_status_updated.yaml"
    data = read_yaml(path)
    data["payload"] = [field for field in data["payload"] if field["name"] != "metadata"]
    del data["examples"][1]["payload"]["metadata"]
    write_yaml(path, data)
    for locale in ("en", "fr", "pt", "it"):
        locale_path = root / "locales" / f"{locale}.yaml"
        strings = read_yaml(locale_path)
        del strings["events.message_status_updated.fields.metadata"]
        write_yaml(locale_path, strings)


def test_breaking_change_without_version_bump_fails(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Removing a field while keeping version 1 is reported as `breaking`."""
    remove_metadata_field(project)
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    breaking = [f for f in findings if f["code"] == "breaking"]
    assert [f["message"].split(":")[0] for f in breaking] == ["`$.payload.metadata` was removed"]
    lines = (project / "schema/message_status_updated.yaml").read_text("utf-8").splitlines()
    assert breaking[0]["path"] == "schema/message_status_updated.yaml"
    assert lines[breaking[0]["line"] - 1].startswith("version:")


def test_version_bump_publishes_v2_and_keeps_v1(project: Path, run_cli: Callable[..., Run]) -> None:
    """With `version: 2` the change is allowed; v1 stays served and listed in the catalog."""
    remove_metadata_field(project)
    path = project / "schema" / "message_status_updated.yaml"
    data = read_yaml(path)
    data["version"] = 2
    write_yaml(path, data)
    v1 = (project / "docs/schemas/message_status_updated/v1.json").read_bytes()
    assert run_cli("-C", project, "build").code == 0
    assert (project / "docs/schemas/message_status_updated/v1.json").read_bytes() == v1
    v2 = load(project / "docs/schemas/message_status_updated/v2.json")
    assert v2["$id"].endswith("/message_status_updated/v2.json")
    assert "metadata" not in v2["properties"]["payload"]["properties"]
    catalog = load(project / "docs/schemas/catalog.json")
    assert set(catalog["schemas"][0]["versions"]) == {"v1", "v2"}
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out


def test_additive_change_is_not_breaking(project: Path, run_cli: Callable[..., Run]) -> None:
    """A new optional field in version 1 is allowed: objects are open to additions."""
    path = project / "schema" / "message_status_updated.yaml"
    data = read_yaml(path)
    data["payload"].append({"name": "channel", "type": "string"})
    data["examples"][0]["payload"]["channel"] = "whatsapp"
    write_yaml(path, data)
    english = read_yaml(project / "locales/en.yaml")
    english["events.message_status_updated.fields.channel"] = "The channel of the message"
    write_yaml(project / "locales/en.yaml", english)
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    assert not [f for f in findings if f["code"] == "breaking"]


def test_validate_accepts_a_valid_payload(run_cli: Callable[..., Run]) -> None:
    """`validate` exits 0 on a valid payload, the event taken from the payload."""
    result = run_cli("-C", REPO, "validate", VALID[0])
    assert result.code == 0
    assert result.out.strip().endswith("valid message_status_updated payload")


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
    """`--event` chooses the schema; an unknown event is a usage error."""
    result = run_cli("-C", REPO, "validate", VALID[0], "--event", "message_status_updated")
    assert result.code == 0
    result = run_cli("-C", REPO, "validate", VALID[0], "--event", "message_created")
    assert result.code == 2 and "unknown event 'message_created'" in result.err


def test_validate_refuses_broken_json(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    """Malformed JSON is one error line with its line and column; exit 1."""
    target = tmp_path / "broken.json"
    target.write_text('{\n  "event": "message_status_updated",\n  "payload": {,}\n}\n', "utf-8")
    result = run_cli("-C", REPO, "validate", target)
    assert result.code == 1
    assert (
        result.err == f"Error: {target}:3:15: invalid JSON: "
        "Expecting property name enclosed in double quotes\n"
    )
