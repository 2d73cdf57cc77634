"""Every error prints as one printable line, whatever its message or file name holds."""

from __future__ import annotations

from pathlib import Path

from eventdocs.errors import LoadError, one_line


def test_line_breaks_in_a_message_are_folded() -> None:
    """A library's multi-line message becomes one line."""
    error = LoadError('invalid YAML: bad\n  in "<unicode string>", position 9\n', path=Path("a"))
    assert str(error) == 'a: invalid YAML: bad in "<unicode string>", position 9'


def test_control_characters_in_a_file_name_are_escaped() -> None:
    """A hostile file name cannot start a new line or colour the terminal."""
    error = LoadError("bad", path=Path("locales/x\ny\x1b[31m.yaml"), line=2)
    assert str(error) == "locales/x y\\x1b[31m.yaml:2: bad"


def test_plain_text_is_unchanged() -> None:
    """Ordinary messages print as they are written."""
    assert one_line("eventdocs.toml:3: source_locale: 'xx' is not a tag") == (
        "eventdocs.toml:3: source_locale: 'xx' is not a tag"
    )
