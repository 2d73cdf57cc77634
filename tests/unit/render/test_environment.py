"""The template environment: sandboxed, because check renders templates from pull requests."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from eventdocs.render.environment import build_environment


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
