"""The depth pre-check: its shortcut never lets through what the exact count would refuse."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from eventdocs.errors import LoadError
from eventdocs.load._yaml_guards import MAX_DEPTH, _surely_shallow, check_shape


def _nested(rng: random.Random, depth: int) -> object:
    value: object = "x"
    for _ in range(depth - 1):
        value = [value] if rng.random() < 0.5 else {rng.choice("ab"): value}
    return value


def _depth(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
    return deepest


@pytest.mark.parametrize("seed", range(40))
def test_shortcut_is_sound_for_every_style(seed: int) -> None:
    """Whenever the text-only shortcut calls a document shallow, it really is."""
    rng = random.Random(seed)
    data = _nested(rng, rng.randrange(MAX_DEPTH - 20, MAX_DEPTH + 40))
    for indent in (2, 3, 4):
        for flow in (False, None, True):
            text = yaml.safe_dump(data, indent=indent, default_flow_style=flow, width=10_000)
            if _surely_shallow(text):
                assert _depth(text) <= MAX_DEPTH


def _slowest_growing(pairs: int) -> str:
    """Block nesting that moves right as slowly as YAML allows: a mapping and an indentless
    sequence under it per column."""
    return "".join(" " * column + "k:\n" + " " * column + "-\n" for column in range(pairs)) + (
        " " * pairs + "v\n"
    )


def test_shortcut_is_sound_for_the_slowest_growing_block_nesting() -> None:
    """Two levels per column is the most block nesting can pack; the shortcut allows for it."""
    verdicts = {}
    for pairs in range(20, 70):
        text = _slowest_growing(pairs)
        verdicts[pairs] = _surely_shallow(text)
        if verdicts[pairs]:
            assert _depth(text) <= MAX_DEPTH
    assert verdicts[20] and not verdicts[69]


def test_brackets_in_text_only_cost_the_exact_count(tmp_path: Path) -> None:
    """Many brackets in strings skip the shortcut, and a shallow file still passes."""
    text = "".join(f'k{index}: "see [docs](x) and {{this}}"\n' for index in range(200))
    assert not _surely_shallow(text)
    check_shape(text, tmp_path / "f.yaml", yaml.SafeLoader, max_nodes=10**9)


def test_exact_count_names_the_line(tmp_path: Path) -> None:
    """Past the limit, the error points at the collection that went one level too deep."""
    text = "top:\n" + "".join(" " * level + "k:\n" for level in range(1, 120)) + " " * 120 + "v\n"
    with pytest.raises(LoadError) as caught:
        check_shape(text, tmp_path / "f.yaml", yaml.SafeLoader, max_nodes=10**9)
    assert caught.value.line == MAX_DEPTH + 1


def test_too_many_nodes_are_refused_before_composing(tmp_path: Path) -> None:
    """A flow list of more nodes than allowed is refused on the event stream, at its line."""
    text = "values: [" + ", ".join("1" for _ in range(50)) + "]\n"
    with pytest.raises(LoadError, match="more than 40 YAML nodes"):
        check_shape(text, tmp_path / "f.yaml", yaml.SafeLoader, max_nodes=40)
    check_shape(text, tmp_path / "f.yaml", yaml.SafeLoader, max_nodes=60)
