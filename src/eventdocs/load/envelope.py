"""How a catalog delivers its events (``schema/envelope.yaml``): one declaration for all.

Which part of a request names the event (a body field, as ``{"event": …, "payload": …}``, or
an HTTP header), where the payload sits in the body, the headers an integrator reads, and the
signature that proves a request came from the platform. A project without the file delivers
``{"event": <name>, "payload": {…}}``, the most common shape, and documents no headers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from eventdocs.base.confined import refuse_outside
from eventdocs.load._models import (
    FORBID_UNKNOWN_KEYS,
    Checked,
    Constrained,
    validate_document,
    with_lines,
)
from eventdocs.load._pattern import check_pattern
from eventdocs.load.cache import content_digest
from eventdocs.load.inputs import ENVELOPE_FILE
from eventdocs.load.plain_codec import cached_model
from eventdocs.load.schema_model import FieldName, Format
from eventdocs.load.yaml_files import load_yaml, read_bytes

# An HTTP header name (RFC 9110 token), as integrators spell it: letters, digits and `-`.
HeaderName = Annotated[str, Constrained(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]


@dataclass(frozen=True, kw_only=True)
class IdentifiedBy:
    """Where the event's name is: a ``body_field`` of the JSON body, or an HTTP ``header``."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    body_field: FieldName | None = None
    header: HeaderName | None = None

    def __post_init__(self) -> None:
        if (self.body_field is None) == (self.header is None):
            raise ValueError("identified_by: name one `body_field` or one `header`")


@dataclass(frozen=True, kw_only=True)
class Header:
    """An HTTP header every delivery carries (or may carry), described per language."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    name: HeaderName
    required: bool = False
    format: Format | None = None
    pattern: Annotated[str, Checked(check_pattern)] | None = None


@dataclass(frozen=True, kw_only=True)
class Signature:
    """How a delivery is signed: an HMAC of the body (or of ``<timestamp>.<body>``) with the
    integrator's secret, sent in ``header`` as hex or base64 after an optional ``prefix``."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    header: HeaderName
    algorithm: Literal["hmac-sha256", "hmac-sha512", "hmac-sha1"] = "hmac-sha256"
    encoding: Literal["hex", "base64"] = "hex"
    prefix: Annotated[str, Constrained(pattern=r"^[A-Za-z0-9=:_-]{0,16}$")] = ""
    timestamp_header: HeaderName | None = None


@dataclass(frozen=True, kw_only=True)
class Envelope:
    """The shape of every delivery of the catalog."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    identified_by: IdentifiedBy = IdentifiedBy(body_field="event")
    # The body field holding the payload; none when the body is the payload itself.
    payload_field: FieldName | None = "payload"
    headers: tuple[Header, ...] = ()
    signature: Signature | None = None
    lines: Mapping[str, int] = dataclass_field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        names = [header.name.lower() for header in self.headers]
        if len(set(names)) != len(names):
            raise ValueError("headers: a header is listed twice")
        identifier = self.identified_by.body_field
        if identifier is not None and identifier == self.payload_field:
            raise ValueError("the event's name and its payload need two different body fields")
        if self.signature is not None:
            for name in (self.signature.header, self.signature.timestamp_header):
                if name is not None and name.lower() not in names:
                    raise ValueError(f"signature: list the header {name!r} under `headers`")
        if self.identified_by.header and self.identified_by.header.lower() not in names:
            raise ValueError(
                f"identified_by: list the header {self.identified_by.header!r} under `headers`"
            )


DEFAULT_ENVELOPE = Envelope()


def load_envelope(root: Path, *, cache: Path | None = None) -> tuple[Envelope, str]:
    """``schema/envelope.yaml`` and the digest of its bytes; the default envelope (and an
    empty digest) when the project has none."""
    path = root / "schema" / ENVELOPE_FILE
    if not path.exists() and not path.is_symlink():
        return DEFAULT_ENVELOPE, ""
    refuse_outside(root, path, what="envelope file")
    raw = read_bytes(path, what="envelope file")
    content = content_digest(raw)

    def parse() -> Envelope:
        document = load_yaml(path, what="envelope file", raw=raw)
        envelope = validate_document(Envelope, document)
        lines = {
            name: line
            for name in ("identified_by", "payload_field", "headers", "signature")
            if (line := document.line_of((name,))) is not None
        }
        return with_lines(envelope, lines)

    return cached_model(cache, path, content, parse, Envelope), content
