"""Every published `.json` under docs/ parses with a strict parser: no NaN, no Infinity, no
duplicate keys, no integer a double cannot hold."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO, Run

PUBLISHED = sorted((REPO / "docs").rglob("*.json"))
MAX_SAFE_INTEGER = 2**53 - 1


def strict_load(text: str) -> Any:
    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ValueError(f"duplicate key among {keys}")
        return dict(pairs)

    def exact_integer(digits: str) -> int:
        if abs(int(digits)) > MAX_SAFE_INTEGER:
            raise ValueError(f"{digits} is beyond what a double holds")
        return int(digits)

    return json.loads(
        text,
        parse_constant=no_constant,
        object_pairs_hook=no_duplicates,
        parse_int=exact_integer,
    )


def test_there_is_published_json() -> None:
    """The project publishes JSON at all (else the strict check below checks nothing)."""
    assert PUBLISHED


@pytest.mark.parametrize("path", PUBLISHED, ids=[p.relative_to(REPO).as_posix() for p in PUBLISHED])
def test_published_json_parses_strictly(path: Path) -> None:
    """Each committed JSON file under docs/ is strict JSON."""
    strict_load(path.read_text("utf-8"))


def test_freshly_built_json_parses_strictly(project: Path, run_cli: Callable[..., Run]) -> None:
    """A fresh build of the project writes only strict JSON."""
    for path in (project / "docs").rglob("*.json"):
        path.unlink()
    assert run_cli("-C", project, "build").code == 0
    built = sorted((project / "docs").rglob("*.json"))
    assert [p.relative_to(project) for p in built] == [p.relative_to(REPO) for p in PUBLISHED]
    for path in built:
        strict_load(path.read_text("utf-8"))
