"""Payload JSON is read strictly: each refusal is one error naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.errors import LoadError
from eventdocs.validate._json import MAX_DEPTH, MAX_NUMBER_DIGITS, parse_json

WHERE = Path("payload.json")


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('{"a": 1,\n "a": 2}', "2:2", "duplicate key 'a'"),
        ('{ "a" : {"b": 1} ,\n\n "a" :2}', "3:2", "duplicate key 'a'"),
        ('{"ab": 1, "a\\u0062": 2}', "1:11", "duplicate key 'ab'"),
        ('{"a":\n NaN}', "2:2", "NaN is not JSON"),
        ("[Infinity]", "1:2", "Infinity is not JSON"),
        ("[1, -Infinity]", "1:5", "-Infinity is not JSON"),
        ("[1e400]", "1:2", "1e400 is too large for a JSON number"),
        (
            "[" + "9" * 5000 + "]",
            "1:2",
            f"number of 5000 digits, over the limit of {MAX_NUMBER_DIGITS}",
        ),
        ("[" * 100_000, f"1:{MAX_DEPTH + 1}", f"nested deeper than {MAX_DEPTH} levels"),
        ('{"a": [1, 2,]}', "1:13", "Expecting value"),
        ("", "1:1", "Expecting value"),
    ],
)
def test_bad_payload_is_one_located_error(text: str, where: str, message: str) -> None:
    """Duplicates, NaN/Infinity, long or infinite numbers, deep nesting, syntax: file:line:col."""
    with pytest.raises(LoadError) as caught:
        parse_json(text, WHERE)
    assert str(caught.value).startswith(f"payload.json:{where}: invalid JSON: ")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('[{"a": 1}, {"a": 1}]', [{"a": 1}, {"a": 1}]),
        ('{"a": {"a": 1}}', {"a": {"a": 1}}),
        ("[" + "9" * MAX_NUMBER_DIGITS + "]", [int("9" * MAX_NUMBER_DIGITS)]),
        ("[1.5e+10, -0, 0.25, true, false, null]", [1.5e10, 0, 0.25, True, False, None]),
    ],
)
def test_strict_json_is_read_exactly(text: str, value: object) -> None:
    """Equal keys in different objects, long exact integers and the depth limit itself pass."""
    assert parse_json(text, WHERE) == value


def test_nesting_up_to_the_limit_is_read() -> None:
    """Exactly the depth limit of nested arrays is accepted."""
    value = parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH, WHERE)
    for _ in range(MAX_DEPTH - 1):
        value = value[0]
    assert value == []


def test_large_array_is_scanned_in_linear_time() -> None:
    """A million-element array is read without a per-element scan (bounded time)."""
    text = "[" + ",".join(["1"] * 1_000_000) + "]"
    assert len(parse_json(text, WHERE)) == 1_000_000
