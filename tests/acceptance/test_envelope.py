"""A catalog declares how its events are delivered: what names the event, where the payload
is, the headers and the signature; pages, JSON Schema and `validate` follow the declaration.

The fixture (tests/fixtures/envelope_project/) names events in a header, sends the payload as
the whole body and signs `<timestamp>.<body>` with HMAC-SHA256.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdocs.validate.payload import payload_errors
from tests.helpers import FIXTURES, REPO, Run

SECRET = b"whsec_test"


@pytest.fixture
def built(tmp_path: Path, run_cli: Callable[..., Run]) -> Path:
    """The fixture with this repository's templates and `ui.*` strings, built."""
    root = tmp_path / "envelope"
    shutil.copytree(FIXTURES / "envelope_project", root)
    shutil.copytree(REPO / "templates", root / "templates")
    ui = [
        line
        for line in (REPO / "locales" / "en.yaml").read_text("utf-8").splitlines(keepends=True)
        if line.startswith("ui.")
    ]
    with (root / "locales" / "en.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(ui)
    result = run_cli("-C", root, "build")
    assert result.code == 0, result.err
    return root


def schema(root: Path) -> dict[str, Any]:
    return json.loads((root / "docs/schemas/order_paid/v1.json").read_text("utf-8"))  # type: ignore[no-any-return]


def test_the_body_is_the_payload_when_a_header_names_the_event(built: Path) -> None:
    """No `event` or `payload` property: the payload's own fields are the body's."""
    document = schema(built)
    assert document["title"] == "OrderPaid"
    assert set(document["properties"]) == {"id", "amount"}
    assert document["required"] == ["id", "amount"]
    assert list(payload_errors(document, {"id": "ord_1", "amount": 1})) == []
    assert list(payload_errors(document, {"id": "ord_1", "amount": -1}))


def verifier(root: Path) -> Callable[[bytes, bytes, dict[str, str]], bool]:
    """The `verify` function the events index shows, run as an integrator would paste it."""
    index = (root / "docs/en/events/index.md").read_text("utf-8")
    (code,) = re.findall(r'```python title="verify.py"\n(.*?)```', index, re.DOTALL)
    namespace: dict[str, Any] = {}
    exec(compile(code, "verify.py", "exec"), namespace)
    return namespace["verify"]  # type: ignore[no-any-return]


def test_the_signature_snippet_verifies_a_signed_request(built: Path) -> None:
    """The snippet accepts a request signed as declared and refuses a tampered one."""
    verify = verifier(built)
    body, stamp = b'{"id":"ord_1","amount":1200}', "1700000000"
    signature = hmac.new(SECRET, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    headers = {"X-Hook-Timestamp": stamp, "X-Hook-Signature": f"v1={signature}"}
    assert verify(SECRET, body, headers)
    assert verify(SECRET, body, {name.lower(): value for name, value in headers.items()})
    assert not verify(SECRET, body + b" ", headers)
    assert not verify(b"another secret", body, headers)
    # Hostile requests are refused, never an exception.
    assert not verify(SECRET, body, {**headers, "X-Hook-Signature": "v1=é"})
    assert not verify(SECRET, body, {"X-Hook-Signature": f"v1={signature}"})


def test_the_index_documents_headers_and_signature(built: Path) -> None:
    """The delivery section names the header that carries the event and lists every header
    with its description; the event page says where its name is."""
    index = (built / "docs/en/events/index.md").read_text("utf-8")
    assert "- **Event name in the HTTP header**: `X-Hook-Event`" in index
    assert "- The body is the payload itself." in index
    for name, text in [
        ("X-Hook-Event", "The name of the event"),
        ("X-Hook-Signature", "The signature of the request"),
    ]:
        assert f"| `{name}` | `string` | Yes | {text} |" in index
    assert "| `X-Hook-Timestamp` | `string` `^[0-9]+$` | Yes |" in index
    assert "- **Prefix**: `v1=`" in index
    page = (built / "docs/en/events/order_paid.md").read_text("utf-8")
    assert "- **Event name in the HTTP header**: `X-Hook-Event`" in page


def test_validate_needs_the_event_named_when_a_header_names_it(
    built: Path, tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    """Without `--event`, a payload cannot name its event here: a usage error; with it, the
    body is validated as the payload."""
    payload = tmp_path / "order.json"
    payload.write_text('{"id": "ord_1", "amount": 5}', "utf-8")
    refused = run_cli("-C", built, "validate", payload)
    assert refused.code == 2 and "HTTP header" in refused.err
    accepted = run_cli("-C", built, "validate", payload, "--event", "order_paid")
    assert accepted.code == 0, accepted.out + accepted.err


def test_the_default_envelope_is_event_and_payload() -> None:
    """Without schema/envelope.yaml, a body is `{"event": name, "payload": {...}}`."""
    document = json.loads((REPO / "docs/schemas/message_status_updated/v1.json").read_text("utf-8"))
    assert document["required"] == ["event", "payload"]
    assert document["properties"]["event"]["const"] == "message_status_updated"


@pytest.mark.parametrize(
    ("envelope", "message"),
    [
        ("identified_by: {}\n", "name one `body_field` or one `header`"),
        ("identified_by: {header: X-Event}\n", "list the header 'X-Event' under `headers`"),
        ("payload_field: event\n", "two different body fields"),
        ("signature: {header: X-Sig}\n", "list the header 'X-Sig' under `headers`"),
        ("headers: [{name: 'bad header'}]\n", "headers.0.name"),
    ],
)
def test_an_inconsistent_envelope_is_one_error_at_its_file(
    project: Path, run_cli: Callable[..., Run], envelope: str, message: str
) -> None:
    """Each inconsistency of schema/envelope.yaml stops the build with one line naming it."""
    (project / "schema" / "envelope.yaml").write_text(envelope, "utf-8")
    result = run_cli("-C", project, "build")
    assert result.code == 1
    assert result.err.startswith(f"Error: {project / 'schema' / 'envelope.yaml'}:"), result.err
    assert message in result.err and result.err.count("\n") == 1


def test_the_field_naming_the_event_cannot_be_a_payload_field(
    built: Path, run_cli: Callable[..., Run]
) -> None:
    """With the body as the payload, a payload field named like the event's field would clash:
    one error at that field."""
    envelope = built / "schema" / "envelope.yaml"
    text = envelope.read_text("utf-8").replace("  header: X-Hook-Event\n", "  body_field: id\n")
    envelope.write_text(text, "utf-8")
    result = run_cli("-C", built, "build")
    assert result.code == 1
    assert result.err.startswith(f"Error: {built / 'schema' / 'order_paid.yaml'}:")
    assert "its field `id` already names the event" in result.err


def test_an_envelope_that_is_not_a_file_is_refused(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A folder in place of schema/envelope.yaml is an error, not the default envelope."""
    (project / "schema" / "envelope.yaml").mkdir()
    result = run_cli("-C", project, "build")
    assert result.code == 1 and "envelope.yaml" in result.err
