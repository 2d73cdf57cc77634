"""The template environment: sandboxed, because check renders templates from pull requests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from eventdocs.render.environment import build_environment, raw_token, raw_url


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ strings.clear() }}",
        "{{ cycler.__init__.__globals__ }}",
    ],
)
def test_templates_cannot_reach_python_internals(tmp_path: Path, source: str) -> None:
    """Attribute walks to internals and mutating calls raise instead of running."""
    (tmp_path / "page.md.j2").write_text(source, encoding="utf-8")
    template = build_environment(tmp_path).get_template("page.md.j2")
    with pytest.raises((SecurityError, jinja2.UndefinedError)):
        template.render(strings={"a": "b"})


@pytest.mark.parametrize(
    ("check", "value"),
    [(raw_token, "v1=\n"), (raw_token, "v1 = x"), (raw_url, "https://a.example/x\n")],
)
def test_code_block_values_refuse_a_trailing_newline(
    check: Callable[[str], object], value: str
) -> None:
    """What goes verbatim into a code block is matched whole: a final newline is refused."""
    with pytest.raises(ValueError, match="not a plain"):
        check(value)
