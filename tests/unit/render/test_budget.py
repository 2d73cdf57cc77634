"""The render budget: values, output and time a template may take."""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError

from eventdocs.render import _budget
from eventdocs.render._budget import RenderBudgetExceeded, bounded_output, checked_binop


@pytest.mark.parametrize(
    ("operator", "left", "right"),
    [("*", "x", 10**9), ("*", 10**7, [1]), ("+", "x" * 600_000, "y" * 600_000), ("**", 2, 10**6)],
)
def test_operators_building_huge_values_are_refused(
    operator: str, left: object, right: object
) -> None:
    """Repeating, concatenating or raising past the bounds raises before the value is built."""
    with pytest.raises(SecurityError):
        checked_binop(operator, left, right)


def test_ordinary_operations_pass() -> None:
    """Small repetitions, sums and powers are untouched."""
    for operator, left, right in (("*", "-", 80), ("+", "a", "b"), ("**", 2, 10), ("*", 3, 4)):
        checked_binop(operator, left, right)


def test_output_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A render whose output keeps growing stops at the limit."""
    monkeypatch.setattr(_budget, "MAX_OUTPUT_CHARS", 10)
    assert bounded_output(["abc", "def"]) == "abcdef"
    with pytest.raises(RenderBudgetExceeded):
        bounded_output(["abcdef", "ghijkl"])


def test_a_render_past_its_deadline_is_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    """A loop that never ends is interrupted once the deadline passes."""
    monkeypatch.setattr(_budget, "MAX_RENDER_SECONDS", 0.2)
    with pytest.raises(RenderBudgetExceeded):
        loop_within_the_deadline()


def loop_within_the_deadline() -> None:
    with _budget.render_deadline():
        while True:
            pass
