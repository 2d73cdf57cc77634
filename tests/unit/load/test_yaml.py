"""Strict YAML reading: what PyYAML alone lets through is refused, with a file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.errors import LoadError
from eventdocs.load._yaml import load_yaml


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "file.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_duplicate_keys_are_refused_at_the_second(tmp_path: Path) -> None:
    """PyYAML keeps the last duplicate silently; here it is an error at its line."""
    with pytest.raises(LoadError) as caught:
        load_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n"))
    assert caught.value.line == 3 and "duplicate key 'a'" in caught.value.message


def test_aliases_are_refused(tmp_path: Path) -> None:
    """An alias is refused before anything is expanded."""
    with pytest.raises(LoadError, match="anchors and aliases are not allowed"):
        load_yaml(write(tmp_path, "a: &x [1, 2]\nb: *x\n"))


def test_dates_stay_strings(tmp_path: Path) -> None:
    """A timestamp is the text it was written as, not a datetime."""
    assert load_yaml(write(tmp_path, "at: 2022-10-12T15:57:16Z\n")).data == {
        "at": "2022-10-12T15:57:16Z"
    }


def test_keys_stay_text(tmp_path: Path) -> None:
    """`no` and `1.0` as keys are names, not a boolean and a float."""
    assert load_yaml(write(tmp_path, "no: x\n1.0: y\n")).data == {"no": "x", "1.0": "y"}


def test_bom_and_crlf_read_like_plain_lf(tmp_path: Path) -> None:
    """A UTF-8 BOM and CRLF endings give the same data and lines as LF."""
    document = load_yaml(write(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: two\r\n"))
    assert document.data == {"a": 1, "b": "two"}
    assert document.line_of(("b",)) == 2


def test_line_of_finds_nested_keys(tmp_path: Path) -> None:
    """Positions are found for nested mappings and list items, else the nearest parent."""
    document = load_yaml(write(tmp_path, "top:\n  - name: x\n  - name: y\n    type: z\n"))
    assert document.line_of(("top", 1, "type")) == 4
    assert document.line_of(("top", 1, "missing")) == 3


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    """A byte that is not UTF-8 is reported at its line."""
    with pytest.raises(LoadError) as caught:
        load_yaml(write(tmp_path, b"a: ok\nb: caf\xe9\n"))
    assert caught.value.line == 2
