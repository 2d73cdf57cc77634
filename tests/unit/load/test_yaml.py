"""Strict YAML reading: what PyYAML alone lets through is refused, with a file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.errors import LoadError
from eventdocs.load.yaml_files import load_yaml


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


@pytest.mark.parametrize(
    "text",
    [
        "a: !!timestamp 2022-10-12\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x, y}\n",
        "a: !!omap [x: 1]\n",
        "a: !!pairs [x: 1]\n",
        "a: !!python/object/apply:os.system [ls]\n",
        "a: !custom x\n",
        "a: !custom {b: 1}\n",
        "a: [!custom x]\n",
        "!!set {a, b}\n",
        "? !!binary aGVsbG8=\n: x\n",
        "a: !!int abc\n",
        "a: !!bool maybe\n",
    ],
)
def test_explicit_tags_are_refused_at_their_node(tmp_path: Path, text: str) -> None:
    """Any explicit tag that would change a value, on a value or a key, is one located error."""
    with pytest.raises(LoadError, match="explicit YAML tags are not allowed") as caught:
        load_yaml(write(tmp_path, text))
    assert caught.value.line == 1 and caught.value.column is not None


def test_tags_naming_the_plain_type_are_accepted(tmp_path: Path) -> None:
    """`!!str`, `!!int`, `!!map` and their kin change nothing where they fit the value."""
    text = "a: !!str 1\nb: !!int '2'\nc: !!map {d: !!seq [!!null '']}\n"
    assert load_yaml(write(tmp_path, text)).data == {"a": "1", "b": 2, "c": {"d": [None]}}


@pytest.mark.parametrize("value", ["0x_", "0b_", "1" * 5000])
def test_number_lookalikes_that_are_no_number_are_refused(tmp_path: Path, value: str) -> None:
    """A value matching YAML's number pattern that Python cannot convert is an error."""
    with pytest.raises(LoadError, match="cannot be read as a number") as caught:
        load_yaml(write(tmp_path, f"a: b\nc: {value}\n"))
    assert caught.value.line == 2


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 150 + "]" * 150 + "\n",
        "a: " + "{b: " * 150 + "c" + "}" * 150 + "\n",
        "".join(" " * level + "k:\n" for level in range(150)) + " " * 150 + "k: v\n",
        "- " * 150 + "x\n",
    ],
    ids=["flow-sequences", "flow-mappings", "block-mappings", "compact-sequences"],
)
def test_deep_nesting_is_refused_before_composing(tmp_path: Path, text: str) -> None:
    """Nesting past the limit, in flow or block style, is one located error."""
    with pytest.raises(LoadError, match="nested more than 100 levels deep") as caught:
        load_yaml(write(tmp_path, text))
    assert caught.value.line is not None and caught.value.column is not None


def test_nesting_up_to_the_limit_is_accepted(tmp_path: Path) -> None:
    """A document exactly 100 collections deep still loads."""
    document = load_yaml(write(tmp_path, "a: " + "[" * 99 + "]" * 99 + "\n"))
    assert isinstance(document.data["a"], list)


@pytest.mark.parametrize(("character", "column"), [("\x07", 5), ("\x00", 5), ("\x1b", 5)])
def test_control_characters_are_located(tmp_path: Path, character: str, column: int) -> None:
    """A control character is reported at its line and column, in one line, after any
    multi-byte text."""
    with pytest.raises(LoadError) as caught:
        load_yaml(write(tmp_path, f"a: é\nc: d{character}e\n"))
    error = caught.value
    assert (error.line, error.column) == (2, column)
    assert "\n" not in str(error) and "not allowed" in error.message
