"""Schema examples are refused, at the value's own line, unless JSON carries them exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.errors import LoadError
from eventdocs.load._json_values import (
    MAX_EXAMPLE_BYTES,
    MAX_EXAMPLE_DEPTH,
    check_examples,
)
from eventdocs.load.yaml_files import load_yaml

HEAD = (
    "event: thing_done\nversion: 1\npayload: []\nexamples:\n  - event: thing_done\n    payload:\n"
)


def load(tmp_path: Path, text: str) -> LoadError | None:
    path = tmp_path / "thing_done.yaml"
    path.write_text(text, "utf-8")
    try:
        check_examples(load_yaml(path))
    except LoadError as error:
        return error
    return None


def example_with(tmp_path: Path, value: str) -> LoadError | None:
    return load(tmp_path, f"{HEAD}      n: {value}\n")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", ".nan is not JSON (JSON has no NaN or Infinity)"),
        (".inf", ".inf is not JSON"),
        ("-.Inf", "-.Inf is not JSON"),
        ("1.0e+400", "too large for a JSON number"),
        ("9007199254740992", "beyond ±9007199254740991"),
        ("-9007199254740992", "beyond ±9007199254740991"),
        ("9" * 4000, "beyond ±9007199254740991"),
        ("0.10000000000000000001", "more precision than a JSON number (a double) keeps"),
        ("1.0e-400", "more precision"),
        ("12:30", "read by YAML as the number 750"),
        ("017", "read by YAML as the number 15"),
        ("0x1f", "read by YAML as the number 31"),
        ("1_000", "read by YAML as the number 1000"),
        ("no", "read by YAML as false"),
    ],
)
def test_value_json_cannot_carry_is_refused_at_its_line(
    tmp_path: Path, value: str, message: str
) -> None:
    """Each YAML-only number, boolean or type is one error naming the file, line and value path."""
    error = example_with(tmp_path, value)
    assert error is not None
    assert str(error).startswith(f"{tmp_path / 'thing_done.yaml'}:7:10: examples.0.payload.n: ")
    assert message in str(error)
    assert len(str(error)) < 300


@pytest.mark.parametrize(
    "value",
    [
        "9007199254740991",
        "-9007199254740991",
        "0",
        "-0",
        "0.1",
        "1.5e+300",
        "true",
        "False",
        "null",
        "~",
        "'.nan'",
        '"12:30"',
        "[1, 2.5, {a: b}]",
    ],
)
def test_json_values_are_accepted(tmp_path: Path, value: str) -> None:
    """Numbers, booleans, null, text and containers written as JSON writes them pass."""
    assert example_with(tmp_path, value) is None


def test_deep_example_is_refused(tmp_path: Path) -> None:
    """An example nested past the depth limit is refused at the first level too deep."""
    deep = "[" * MAX_EXAMPLE_DEPTH + "]" * MAX_EXAMPLE_DEPTH
    error = example_with(tmp_path, deep)
    assert error is not None and f"nested deeper than {MAX_EXAMPLE_DEPTH} levels" in str(error)
    assert ":7:" in str(error)
    # The example mapping and its payload are two levels: two fewer brackets fit.
    shallow = "[" * (MAX_EXAMPLE_DEPTH - 2) + "]" * (MAX_EXAMPLE_DEPTH - 2)
    assert example_with(tmp_path, shallow) is None


def test_oversized_example_is_refused(tmp_path: Path) -> None:
    """An example over the size limit names its size and the limit, at the example's line."""
    error = example_with(tmp_path, "x" * MAX_EXAMPLE_BYTES)
    assert error is not None and f"over the limit of {MAX_EXAMPLE_BYTES}" in str(error)
    assert ":5:" in str(error)


def test_too_many_examples_are_refused(tmp_path: Path) -> None:
    """More examples than the limit is one error at the examples list."""
    text = HEAD.replace("examples:\n", "examples:\n" + "  - {}\n" * 100) + "      n: 1\n"
    error = load(tmp_path, text)
    assert error is not None and "more than 100 examples" in str(error)


def test_values_outside_examples_are_left_to_the_shape_check(tmp_path: Path) -> None:
    """Only examples are held to JSON numbers: `version: 0x1` is the shape check's business."""
    assert load(tmp_path, HEAD.replace("version: 1", "version: 0x1") + "      n: 1\n") is None
