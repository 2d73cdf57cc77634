"""Unions validate payloads that fit several open shapes, a discriminator names a real field,
and a fields table has a size limit: on a small English-only project."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.render.fields import MAX_ROWS
from tests.helpers import FIXTURES, REPO, Run

KIND = "  - {name: kind, type: string, required: true}\n"
CUSTOMER = f"name: Customer\nfields:\n{KIND}  - {{name: name, type: string}}\n"
COMPANY = f"name: Company\nfields:\n{KIND}  - {{name: vat, type: string}}\n"
EVENT = """event: order_paid
version: 1
category: order
payload:
  - name: id
    type: string
    required: true
    example: ord_8f2k
  - name: amount
    type: integer
    required: true
  - name: recipient
    one_of: [{ref: Customer}, {ref: Company}]
    discriminator: kind
  - name: channel
    type: string
    const: web
    nullable: true
examples:
  - id: ord_1
    amount: 1200
    channel: null
    recipient: {kind: customer, name: Ann}
"""
RECIPIENT_LINE = EVENT.splitlines().index("  - name: recipient") + 1
STRINGS = """types.Customer.title: Customer
types.Customer.summary: A person.
types.Customer.fields.kind: Always `customer`
types.Customer.fields.name: The name
types.Company.title: Company
types.Company.summary: A company.
types.Company.fields.kind: Always `company`
types.Company.fields.vat: The VAT number
events.order_paid.fields.recipient: Who receives the order
events.order_paid.fields.channel: Always `web`, or `null` when unknown
"""


@pytest.fixture
def union_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The envelope fixture with two shared types and a union of them, the working directory
    (findings name its files from there)."""
    root = tmp_path / "union"
    shutil.copytree(FIXTURES / "envelope_project", root)
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "schema" / "types").mkdir()
    (root / "schema" / "types" / "Customer.yaml").write_text(CUSTOMER, "utf-8")
    (root / "schema" / "types" / "Company.yaml").write_text(COMPANY, "utf-8")
    (root / "schema" / "order_paid.yaml").write_text(EVENT, "utf-8")
    english = (REPO / "locales" / "en.yaml").read_text("utf-8").splitlines(keepends=True)
    with (root / "locales" / "en.yaml").open("a", encoding="utf-8") as handle:
        handle.write(STRINGS)
        handle.writelines(line for line in english if line.startswith("ui."))
    monkeypatch.chdir(root)
    return root


def test_a_union_of_open_shapes_accepts_what_fits_one(
    union_project: Path, run_cli: Callable[..., Run]
) -> None:
    """A payload that fits both open shapes is valid (`anyOf`, not `oneOf`); the page links
    both types."""
    result = run_cli("-C", union_project, "build")
    assert result.code == 0, result.err
    schema = json.loads((union_project / "docs/schemas/order_paid/v1.json").read_text("utf-8"))
    assert schema["properties"]["id"]["examples"] == ["ord_8f2k"]  # a field's own example
    # A nullable constant accepts null (the example sends it) as well as the constant.
    assert schema["properties"]["channel"]["anyOf"] == [
        {"type": "string", "const": "web"},
        {"type": "null"},
    ]
    assert schema["properties"]["recipient"]["anyOf"] == [
        {"$ref": "#/$defs/Customer"},
        {"$ref": "#/$defs/Company"},
    ]
    page = (union_project / "docs/en/events/order_paid.md").read_text("utf-8")
    assert "[`Customer`](../types/Customer.md), [`Company`](../types/Company.md)" in page


def test_a_discriminator_names_a_required_string_of_every_shape(
    union_project: Path, run_cli: Callable[..., Run]
) -> None:
    """A discriminator that one shape lacks is one error at the union's line."""
    (union_project / "schema" / "types" / "Company.yaml").write_text(
        COMPANY.replace("{name: kind, type: string, required: true}", "{name: kind, type: string}"),
        "utf-8",
    )
    result = run_cli("-C", union_project, "build")
    assert result.code == 1
    assert result.err.startswith(
        f"Error: {union_project / 'schema' / 'order_paid.yaml'}:{RECIPIENT_LINE}:"
    )  # `- name: recipient`
    assert "discriminator `kind`" in result.err


def test_a_fields_table_past_the_limit_is_one_error(
    union_project: Path, run_cli: Callable[..., Run]
) -> None:
    """A type expanded under many fields would make millions of rows: refused at once."""
    wide = "".join(f"  - {{name: f{number}, type: string}}\n" for number in range(200))
    (union_project / "schema" / "types" / "Wide.yaml").write_text(f"name: Wide\nfields:\n{wide}")
    fields = "".join(f"  - {{name: w{number}, ref: Wide}}\n" for number in range(MAX_ROWS // 200))
    event = EVENT.replace("  - name: recipient\n", f"{fields}  - name: recipient\n")
    (union_project / "schema" / "order_paid.yaml").write_text(event, "utf-8")
    result = run_cli("-C", union_project, "build")
    assert result.code == 1 and result.err.count("\n") == 1
    assert f"more than {MAX_ROWS} rows" in result.err


def test_a_shared_type_example_is_checked_like_an_event_example(
    union_project: Path, run_cli: Callable[..., Run]
) -> None:
    """A type's example its own schema rejects stops the build and is a `check` finding; a
    valid one is shown on the type's page."""
    customer = union_project / "schema" / "types" / "Customer.yaml"
    customer.write_text(CUSTOMER + "examples:\n  - {kind: 12}\n", "utf-8")
    built = run_cli("-C", union_project, "build")
    assert built.code == 1
    assert "example 1 does not match the type's schema: $.kind: 12 is not of type 'string'" in (
        built.err
    )
    checked = run_cli("-C", union_project, "check", "--format", "json").json()["findings"]
    assert {(f["path"], f["code"], f["key"]) for f in checked} >= {
        ("schema/types/Customer.yaml", "example", "examples[0]")
    }
    customer.write_text(CUSTOMER + "examples:\n  - {kind: customer, name: Ann}\n", "utf-8")
    assert run_cli("-C", union_project, "build").code == 0
    page = (union_project / "docs/en/types/Customer.md").read_text("utf-8")
    assert '"name": "Ann"' in page
