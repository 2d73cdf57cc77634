"""A template from a pull request cannot take the machine: each runaway ends in one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.render import _budget
from tests.helpers import Run, refusal, run_in_process_of_its_own

INTRO = "templates/sections/intro.md.j2"


def append_to_template(root: Path, text: str) -> None:
    path = root / INTRO
    path.write_text(path.read_text("utf-8") + text, "utf-8")


@pytest.mark.parametrize(
    "template",
    [
        '{{ "x" * 1000000000 }}',
        "{{ 10 ** 100000000 }}",
        "{% for i in range(10**9) %}{% endfor %}",
    ],
)
def test_huge_values_end_in_one_line(
    project: Path, run_cli: Callable[..., Run], template: str
) -> None:
    """Repeating a string, a huge power or range: refused, one line naming the template."""
    append_to_template(project, template)
    result = run_cli("-C", project, "check")
    assert result.code == 1
    assert "intro.md.j2" in refusal(result, "check")
    built = run_cli("-C", project, "build")
    assert built.code == 1 and "intro.md.j2" in refusal(built, "build")


def test_endless_loops_end_at_the_deadline(
    project: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nested loops that would run for hours stop at the render deadline, in one line."""
    monkeypatch.setattr(_budget, "MAX_RENDER_SECONDS", 1.0)
    append_to_template(
        project, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    result = run_cli("-C", project, "check")
    assert result.code == 1
    line = refusal(result, "check")
    assert "intro.md.j2" in line and "still running" in line


def test_memory_runaway_ends_in_one_line(project: Path) -> None:
    """A string doubled in a loop hits the process's memory cap: one line, exit 1."""
    append_to_template(
        project,
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}'
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    )
    result = run_in_process_of_its_own(
        "-C", project, "build", env={"EVENTDOCS_MEMORY_LIMIT_MB": "1024"}, timeout=120
    )
    assert result.returncode == 1
    line = refusal(Run(result.returncode, result.stdout, result.stderr), "build")
    assert "memory" in line.casefold()
