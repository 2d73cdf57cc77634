"""The generated JSON Schema is valid 2020-12 and accepts exactly the payloads it should."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.acceptance._seeds import seed_example
from tests.helpers import LOCALES, REPO

SCHEMA_FILE = REPO / "docs/schemas/message_status_updated/v1.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_schema_passes_the_metaschema() -> None:
    """The schema is itself valid against the Draft 2020-12 metaschema."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/message_status_updated/v1.json")


def test_format_checking_is_really_on(validator: Draft202012Validator) -> None:
    """A bad `date-time` and a bad `uri` fail: the format extras are installed and used."""
    payload = seed_example("en")
    payload["payload"]["contact"]["createdAt"] = "last tuesday"
    payload["payload"]["contact"]["href"] = "not a uri"
    failed = {error.validator for error in validator.iter_errors(payload)}
    assert failed == {"format"}
    assert len(list(validator.iter_errors(payload))) == 2


@pytest.mark.parametrize("locale", LOCALES)
def test_seed_examples_validate(locale: str, validator: Draft202012Validator) -> None:
    """Each language's seed example payload is valid."""
    assert list(validator.iter_errors(seed_example(locale))) == []


def _broken(change: str) -> Any:
    payload = copy.deepcopy(seed_example("en"))
    if change == "unknown status":
        payload["payload"]["status"] = "lost"
    elif change == "missing uuid":
        del payload["payload"]["uuid"]
    elif change == "another event":
        payload["event"] = "message_created"
    elif change == "uuid is not 32 hex digits":
        payload["payload"]["uuid"] = "adf3d121-6d4c-4dcd-9081-99d6700f2381"
    elif change == "timestamp is a string":
        payload["payload"]["messageStatusPayload"]["payload"]["ts"] = "1686563913"
    return payload


@pytest.mark.parametrize(
    "change",
    [
        "unknown status",
        "missing uuid",
        "another event",
        "uuid is not 32 hex digits",
        "timestamp is a string",
    ],
)
def test_broken_payloads_are_rejected(change: str, validator: Draft202012Validator) -> None:
    """Each broken payload fails validation."""
    assert list(validator.iter_errors(_broken(change))) != []


def test_objects_accept_fields_added_later(validator: Draft202012Validator) -> None:
    """An additive change never breaks an integrator: unknown fields are accepted."""
    payload = seed_example("en")
    payload["payload"]["newField"] = 1
    payload["payload"]["contact"]["newField"] = "x"
    assert list(validator.iter_errors(payload)) == []


def test_deleted_status_is_deprecated() -> None:
    """The `deleted` status carries the standard `deprecated` keyword."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    options = schema["properties"]["payload"]["properties"]["status"]["oneOf"]
    assert [option["const"] for option in options if option.get("deprecated")] == ["deleted"]
