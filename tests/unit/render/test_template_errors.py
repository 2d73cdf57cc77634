"""A failing template, whatever it raises, is one `RenderError` at the template's file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.errors import RenderError
from eventdocs.load.envelope import DEFAULT_ENVELOPE
from eventdocs.load.locale import Entries, Locale
from eventdocs.render.environment import build_environment
from eventdocs.render.pages import INDEX_TEMPLATE, render_events_index
from eventdocs.render.translator import LookupTracker, Translations

ENGLISH = Locale("en", Path("en.yaml"), True, Entries.of(()), {})


def render_with_section(tmp_path: Path, section: str) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / INDEX_TEMPLATE).write_text('# Events\n\n{% include "sections/part.j2" %}\n')
    (tmp_path / "sections" / "part.j2").write_text(section)
    render_events_index(
        build_environment(tmp_path),
        (),
        Translations(ENGLISH, ENGLISH, LookupTracker()),
        envelope=DEFAULT_ENVELOPE,
        generated_from="x",
    )


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("ok\n{{ 1 / 0 }}\n", "template failed: ZeroDivisionError: division by zero"),
        ("ok\n{{ none.attribute() }}\n", "template uses an undefined name"),
        ("ok\n{{ missing_name }}\n", "template uses an undefined name: 'missing_name'"),
        ("ok\n{{ (1, 2) | raw_url }}\n", "template failed: TypeError"),
        ("ok\n{{ 'x' | code(1, 2) }}\n", "template failed: TypeError"),
        ("ok\n{{ 'x' | raw_url }}\n", "template failed: ValueError: not a plain URL"),
        ('ok\n{% include "sections/nowhere.j2" %}\n', "template not found: sections/nowhere.j2"),
        (
            "ok\n{% macro again(n) %}{{ again(n) }}{% endmacro %}{{ again(1) }}\n",
            "template recursion too deep",
        ),
    ],
)
def test_runtime_failures_name_the_template_line(
    tmp_path: Path, section: str, message: str
) -> None:
    """An exception raised by template code is reported at the innermost template line."""
    with pytest.raises(RenderError, match=message) as caught:
        render_with_section(tmp_path, section)
    error = caught.value
    assert error.path is not None and error.path.name == "part.j2"
    assert error.line == 2
    assert "\n" not in str(error)


def test_syntax_error_names_its_line(tmp_path: Path) -> None:
    """A syntax error in an included template names that template and line."""
    with pytest.raises(RenderError, match="template syntax error") as caught:
        render_with_section(tmp_path, "ok\n{{ 'x' | no_such_filter }}\n")
    assert caught.value.path is not None and caught.value.path.name == "part.j2"
    assert caught.value.line == 2


def test_long_messages_are_shortened(tmp_path: Path) -> None:
    """A message quoting a huge value is cut, so the error stays readable."""
    with pytest.raises(RenderError) as caught:
        render_with_section(tmp_path, "ok\n{{ ('x' * 5000) | raw_url }}\n")
    assert len(str(caught.value)) < 400
