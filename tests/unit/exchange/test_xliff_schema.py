"""The vendored XLIFF 2.1 core schema: the very published files, usable with the network off."""

from __future__ import annotations

import hashlib

import pytest

from tests.unit.exchange.xliff_schema import SCHEMA_DIR, core_schema, schema_errors

DIGESTS = {
    "xliff_core_2.0.xsd": "5686d2dbe9dac95e34d1b06a805e1e0f4999db5d5a67dc8bb8514c780592a84d",
    "informativeCopiesOf3rdPartySchemas/w3c/xml.xsd": (
        "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c"
    ),
}


@pytest.mark.parametrize(("name", "digest"), DIGESTS.items())
def test_the_schemas_are_the_published_files(name: str, digest: str) -> None:
    """Each vendored schema has the digest its README records: not edited since."""
    assert hashlib.sha256((SCHEMA_DIR / name).read_bytes()).hexdigest() == digest


def test_the_schemas_come_with_their_notices() -> None:
    """The OASIS and W3C notices their terms require sit beside them."""
    notice = (SCHEMA_DIR / "NOTICE.md").read_text(encoding="utf-8")
    assert "Copyright © OASIS Open 2018" in notice and "W3C SOFTWARE AND DOCUMENT NOTICE" in notice


def test_the_schema_knows_xml_space() -> None:
    """The import of ``xml.xsd`` resolved locally: ``xml:space`` is checked, not ignored."""
    assert core_schema() is not None
    wrong = (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en">'
        b'<file id="f" xml:space="sometimes"><unit id="u"><segment><source>a</source>'
        b"</segment></unit></file></xliff>"
    )
    assert any("space" in error for error in schema_errors(wrong))
    assert schema_errors(wrong.replace(b"sometimes", b"preserve")) == []
