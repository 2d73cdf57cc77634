"""The config table: TOML errors and bad settings point at `eventdocs.toml` and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.errors import LoadError
from eventdocs.load._toml import table_lines
from eventdocs.load._toml_guards import check_toml_depth
from eventdocs.load.config import load_config

CONFIG = """\
# settings
[other]
schema_base_url = "not this one"

[eventdocs]
source_locale = "en"
schema_base_url = "https://docs.example.com/schemas/"
identical_allowed = ["Info"]
"""


def config_with(tmp_path: Path, old: str, new: str) -> Path:
    (tmp_path / "eventdocs.toml").write_text(CONFIG.replace(old, new), encoding="utf-8")
    return tmp_path


def test_valid_config_loads(tmp_path: Path) -> None:
    """A plain URL, a locale code and a list of words are accepted."""
    config = load_config(config_with(tmp_path, "", ""))
    assert config.schema_base_url == "https://docs.example.com/schemas/"
    assert config.identical_allowed == ("Info",)


@pytest.mark.parametrize(
    "url",
    [
        'https://docs.example.com/a\\"b/',
        "https://docs.example.com/a b/",
        "https://docs.example.com/<script>/",
        "https://docs.example.com/a\\\\b/",
        "https://docs.example.com/a'b/",
        "https://docs.example.com/schemas",
        "ftp://docs.example.com/",
        "/schemas/",
        "https://user@docs.example.com/",
        "https://docs.example.com/\\n/",
    ],
)
def test_base_url_must_be_plain(tmp_path: Path, url: str) -> None:
    """Anything but a plain absolute http(s) URL ending in `/` is refused at its line."""
    root = config_with(tmp_path, '"https://docs.example.com/schemas/"', f'"{url}"')
    with pytest.raises(LoadError, match="schema_base_url: must be a plain absolute") as caught:
        load_config(root)
    assert caught.value.line == 7 and caught.value.path == root / "eventdocs.toml"


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('source_locale = "en"', 'source_locale = "../en"', 6, "not a BCP 47 language tag"),
        ('source_locale = "en"', "source_locale = 5", 6, "valid string"),
        ('["Info"]', '"Info"', 8, "identical_allowed: Input should be a valid"),
        ('["Info"]', '["Info", 3]', 8, "identical_allowed.1"),
        ('source_locale = "en"', 'source_language = "en"', 6, "unknown key"),
        ('source_locale = "en"', '"source_locale" = "x y"', 6, "source_locale:"),
    ],
)
def test_bad_settings_name_their_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    """A setting of the wrong type or shape is reported at the line it is set on."""
    with pytest.raises(LoadError, match=message) as caught:
        load_config(config_with(tmp_path, old, new))
    assert caught.value.line == line


def test_loaded_config_keeps_the_line_of_each_setting(tmp_path: Path) -> None:
    """The config remembers where each setting is written, in its own table only; a default
    setting has no line."""
    config = load_config(config_with(tmp_path, 'source_locale = "en"\n', ""))
    assert dict(config.lines) == {"schema_base_url": 6, "identical_allowed": 7}


def test_table_lines_read_quoted_dotted_and_sub_table_keys() -> None:
    """Quoted keys, dotted keys and a sub-table's header each give their setting's line."""
    text = '[eventdocs]\n"source_locale" = "en"\nextra.deep = 1\n[eventdocs.sub]\nx = 1\n'
    assert table_lines(text, "eventdocs") == (
        1,
        {"source_locale": 2, "extra": 3, "sub": 4},
    )


def test_invalid_toml_names_line_and_column(tmp_path: Path) -> None:
    """tomllib's position, written inside its message, becomes the error's line and column."""
    with pytest.raises(LoadError) as caught:
        load_config(config_with(tmp_path, 'source_locale = "en"', 'source_locale = "en'))
    error = caught.value
    assert (error.line, error.column) == (6, 20)
    assert error.message.startswith("invalid TOML: ") and "(at line" not in error.message


def test_invalid_toml_at_the_end_names_the_last_line(tmp_path: Path) -> None:
    """A document cut short is reported at its last line."""
    with pytest.raises(LoadError) as caught:
        load_config(config_with(tmp_path, '["Info"]', ""))
    assert caught.value.line == CONFIG.count("\n")


DEEP = 100_000
DEEP_VALUES = {
    "array": "identical_allowed = " + "[" * DEEP + "]" * DEEP,
    "inline table": "identical_allowed = " + "{a=" * DEEP + "1" + "}" * DEEP,
    "dotted key": "identical_allowed" + ".a" * DEEP + " = 1",
    "table header": "[" + "a." * DEEP + "a]\nx = 1",
    "just over": "identical_allowed = " + "[" * 101 + "]" * 101,
}


@pytest.mark.parametrize("deep", DEEP_VALUES.values(), ids=DEEP_VALUES.keys())
def test_deep_nesting_is_refused_at_its_line(tmp_path: Path, deep: str) -> None:
    """Arrays, inline tables or dotted keys nested past the limit are one located error, never
    a RecursionError or a parse of quadratic time."""
    with pytest.raises(LoadError, match="TOML nested more than 100 levels deep") as caught:
        load_config(config_with(tmp_path, 'identical_allowed = ["Info"]', deep))
    assert caught.value.line == 8 and caught.value.path == tmp_path / "eventdocs.toml"


SHALLOW_VALUES = {
    "brackets in strings": 'identical_allowed = ["' + "[{." * 200 + "\", '" + "[." * 200 + "']",
    "brackets in a comment": 'identical_allowed = ["Info"] # ' + "[{." * 200,
    "multi-line string": 'identical_allowed = ["""\n' + "[\n" * 200 + '"""]',
    "many numbers": "[other]\nx = [" + "1.5, " * 500 + "]",
    "exactly the limit": "identical_allowed = " + "[" * 99 + '["Info"]' + "]" * 99,
}


@pytest.mark.parametrize("value", SHALLOW_VALUES.values(), ids=SHALLOW_VALUES.keys())
def test_nesting_characters_that_do_not_nest_are_not_counted(tmp_path: Path, value: str) -> None:
    """Brackets and dots in strings, comments and numbers, or nesting up to the limit, pass the
    depth check."""
    path = config_with(tmp_path, 'identical_allowed = ["Info"]', value) / "eventdocs.toml"
    check_toml_depth(path.read_text("utf-8"), path)
