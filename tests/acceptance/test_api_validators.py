"""The OpenAPI and AsyncAPI documents pass their standards' own validators in every language
(the project's, the golden fixture's, and a catalog whose header names the event), and every
example in them validates against its schema, local references resolved, formats checked."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from eventdocs.cli import main
from tests.acceptance._api_documents import KINDS, PUBLISHED, examples, kind_of, load, validator
from tests.helpers import FIXTURES, REPO, repo_project

PARSER = REPO / "tests" / "js" / "asyncapi_parse.mjs"
OPENAPI = {name: path for name, path in PUBLISHED.items() if kind_of(path) == "openapi"}
ASYNCAPI = {name: path for name, path in PUBLISHED.items() if kind_of(path) == "asyncapi"}
# What the parser may say of a valid document: AsyncAPI 3.1 exists, and 3.0 is asked for.
ALLOWED_INFORMATION = {"asyncapi-latest-version"}


@pytest.fixture(scope="module")
def header_named(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The documents of tests/fixtures/envelope_project/ (a header names the event, the body
    is the payload, three headers), built with this repository's templates and `ui.*` strings."""
    root = tmp_path_factory.mktemp("envelope") / "project"
    shutil.copytree(FIXTURES / "envelope_project", root)
    shutil.copytree(REPO / "templates", root / "templates")
    english = (REPO / "locales" / "en.yaml").read_text("utf-8").splitlines(keepends=True)
    with (root / "locales" / "en.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(line for line in english if line.startswith("ui."))
    assert main(["-C", str(root), "build"]) == 0
    return {kind: root / "docs" / "schemas" / f"{kind}.json" for kind in KINDS}


def parse_asyncapi(paths: list[Path]) -> dict[str, Any]:
    """Run @asyncapi/parser in Node.js over ``paths``; a missing Node.js or package fails."""
    node = shutil.which("node")
    assert node, "Node.js is required (make test installs the npm packages)"
    result = subprocess.run(
        [node, str(PARSER), *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def parsed(header_named: dict[str, Path]) -> dict[str, Any]:
    """What the parser says of every AsyncAPI document, from one run of Node.js."""
    results = parse_asyncapi([*ASYNCAPI.values(), header_named["asyncapi"]])
    return {
        **{name: results[str(path)] for name, path in ASYNCAPI.items()},
        "header-named": results[str(header_named["asyncapi"])],
    }


@pytest.mark.parametrize("name", sorted(OPENAPI))
def test_openapi_spec_validator_accepts_every_document(name: str) -> None:
    """openapi-spec-validator finds nothing wrong with the OpenAPI 3.1 document."""
    document = load(OPENAPI[name])
    assert document["openapi"].startswith("3.1.")
    validate(document)


def test_openapi_spec_validator_accepts_headers_as_parameters(
    header_named: dict[str, Path],
) -> None:
    """Envelope headers, as header parameters of each webhook, are valid OpenAPI 3.1."""
    document = load(header_named["openapi"])
    assert document["webhooks"]["order_paid"]["post"]["parameters"]
    validate(document)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda document: document["components"]["schemas"]["Contact"].update(type="strin"),
        lambda document: next(iter(document["webhooks"].values()))["post"].update(
            parameters=[{"name": "X-Any", "in": "body"}]
        ),
    ],
    ids=["schema", "parameter"],
)
def test_openapi_spec_validator_refuses_a_broken_document(break_it: Any) -> None:
    """The validator is really at work: a bad schema type or parameter location is refused."""
    document = copy.deepcopy(load(OPENAPI[f"openapi-{repo_project().source.code}"]))
    break_it(document)
    with pytest.raises(OpenAPIValidationError):
        validate(document)


@pytest.mark.npm
@pytest.mark.parametrize("name", [*sorted(ASYNCAPI), "header-named"])
def test_asyncapi_parser_accepts_every_document(name: str, parsed: dict[str, Any]) -> None:
    """@asyncapi/parser parses the AsyncAPI 3.0 document with no error or warning, and no
    remark but that a later AsyncAPI version exists."""
    result = parsed[name]
    assert result["parsed"]
    remarks = [d for d in result["diagnostics"] if d["code"] not in ALLOWED_INFORMATION]
    assert remarks == []
    assert all(d["severity"] >= 2 for d in result["diagnostics"])


@pytest.mark.npm
def test_asyncapi_parser_refuses_a_broken_document(tmp_path: Path) -> None:
    """The parser is really at work: a shared type of an unknown JSON type is an error."""
    document = load(ASYNCAPI[f"asyncapi-{repo_project().source.code}"])
    name = next(iter(document["components"]["schemas"]))
    document["components"]["schemas"][name]["type"] = "strin"
    broken = tmp_path / "asyncapi.json"
    broken.write_text(json.dumps(document), "utf-8")
    result = parse_asyncapi([broken])[str(broken)]
    assert not result["parsed"]
    assert any(d["severity"] == 0 for d in result["diagnostics"])


def example_errors(path: Path) -> dict[str, list[str]]:
    """Each example's validation errors, and whether the schema refuses a list (it must)."""
    document, kind = load(path), kind_of(path)
    errors = {}
    for example in examples(kind, document):
        check = validator(kind, document, example.pointer)
        errors[example.name] = [error.message for error in check.iter_errors(example.value)]
        assert not check.is_valid([]), example.name
    return errors


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_every_example_validates_against_its_schema(name: str) -> None:
    """Each request example of the document is valid for the schema beside it (2020-12 for
    OpenAPI, draft-07 for AsyncAPI, formats checked), and the schema is not an open door."""
    errors = example_errors(PUBLISHED[name])
    assert errors and all(found == [] for found in errors.values()), errors
    if not name.startswith("golden-"):
        assert len(errors) == sum(len(event.examples) for event in repo_project().events)


@pytest.mark.parametrize("kind", KINDS)
def test_examples_validate_when_a_header_names_the_event(
    kind: str, header_named: dict[str, Path]
) -> None:
    """With the body as the payload, each example validates against its schema."""
    errors = example_errors(header_named[kind])
    assert errors and all(found == [] for found in errors.values()), errors


@pytest.mark.parametrize("spelling", ["X-Hook-Event", "x-hook-event"])
def test_the_header_naming_the_event_is_fixed_to_it_however_spelt(
    tmp_path: Path, spelling: str
) -> None:
    """The header that names the event carries the event's name as `const` in both documents,
    whatever the case `identified_by` spells it in (header names are case-insensitive)."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "envelope_project", root)
    shutil.copytree(REPO / "templates", root / "templates")
    envelope = root / "schema" / "envelope.yaml"
    envelope.write_text(
        envelope.read_text("utf-8").replace("header: X-Hook-Event", f"header: {spelling}"), "utf-8"
    )
    english = (REPO / "locales" / "en.yaml").read_text("utf-8").splitlines(keepends=True)
    with (root / "locales" / "en.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(line for line in english if line.startswith("ui."))
    assert main(["-C", str(root), "build"]) == 0
    openapi = load(root / "docs" / "schemas" / "openapi.json")
    asyncapi = load(root / "docs" / "schemas" / "asyncapi.json")
    for event, webhook in openapi["webhooks"].items():
        (named,) = [p for p in webhook["post"]["parameters"] if p["name"] == "X-Hook-Event"]
        assert named["schema"]["const"] == event
        message = asyncapi["components"]["messages"][event]
        assert message["headers"]["properties"]["X-Hook-Event"]["const"] == event
