"""`[eventdocs.severity]`: known codes, `error` or `warning`, strict codes refused at their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.check.findings import Code
from eventdocs.errors import LoadError
from eventdocs.load.config import LAGGING_CODES, STRICT_CODES, load_config

HEAD = '[eventdocs]\nsource_locale = "en"\n\n[eventdocs.severity]\n'


def write_config(root: Path, body: str) -> Path:
    (root / "eventdocs.toml").write_text(HEAD + body, encoding="utf-8")
    return root


def test_every_finding_code_is_lagging_or_strict() -> None:
    """Each finding code is named once, as one that may be a warning or one that may not."""
    assert sorted((*LAGGING_CODES, *STRICT_CODES)) == sorted(code.value for code in Code)
    assert not set(LAGGING_CODES) & set(STRICT_CODES)


def test_defaults_set_no_severity(tmp_path: Path) -> None:
    """Without the table every code keeps the severity its check gives it."""
    (tmp_path / "eventdocs.toml").write_text("[eventdocs]\n", encoding="utf-8")
    assert load_config(tmp_path).severity == {}


@pytest.mark.parametrize("code", LAGGING_CODES)
def test_lagging_codes_may_be_warnings(tmp_path: Path, code: str) -> None:
    """A code of late translation work may be set to `warning`."""
    config = load_config(write_config(tmp_path, f'{code} = "warning"\n'))
    assert config.severity == {code: "warning"}


@pytest.mark.parametrize("code", [code.value for code in Code])
def test_every_code_may_be_an_error(tmp_path: Path, code: str) -> None:
    """Any code may be made an error (a warning of `example` then fails `check` too)."""
    assert load_config(write_config(tmp_path, f'{code} = "error"\n')).severity == {code: "error"}


@pytest.mark.parametrize("code", STRICT_CODES)
def test_strict_codes_are_refused_as_warnings_at_their_line(tmp_path: Path, code: str) -> None:
    """A strict code set to `warning` is refused at its own line, saying why."""
    root = write_config(tmp_path, f'stale = "warning"\n{code} = "warning"\n')
    with pytest.raises(LoadError) as raised:
        load_config(root)
    assert raised.value.line == 6
    assert raised.value.path == root / "eventdocs.toml"
    assert f"severity.{code}: cannot be a warning" in raised.value.message


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ('stale = "info"\n', 'must be "error" or "warning"'),
        ("stale = 1\n", 'must be "error" or "warning"'),
        ('stael = "warning"\n', "no finding has this code"),
    ],
)
def test_bad_severities_are_refused_at_their_line(tmp_path: Path, body: str, says: str) -> None:
    """An unknown code or a value other than `error`/`warning` is refused at its line."""
    with pytest.raises(LoadError) as raised:
        load_config(write_config(tmp_path, body))
    assert raised.value.line == 5
    assert says in raised.value.message


def test_severity_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    """`severity = "warning"` is refused at its line: it must name codes."""
    (tmp_path / "eventdocs.toml").write_text(
        '[eventdocs]\nsource_locale = "en"\nseverity = "warning"\n', encoding="utf-8"
    )
    with pytest.raises(LoadError) as raised:
        load_config(tmp_path)
    assert raised.value.line == 3
    assert "must be a table of finding codes" in raised.value.message
