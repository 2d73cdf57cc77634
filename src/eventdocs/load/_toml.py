"""Reading one table of a TOML file, with line numbers for error messages.

``tomllib`` keeps no positions; a line is found by scanning the text for the table's header and
the key. Good enough to point at a setting: config files are short and written by hand.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from eventdocs.errors import LoadError
from eventdocs.load._toml_guards import check_toml_depth, too_deep
from eventdocs.load.yaml_files import Location, YamlDocument

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]*?)\s*\]\s*(?:#.*)?$")


@dataclass(frozen=True)
class TomlTable(YamlDocument):
    """One table of a TOML file as the validators read a YAML document: data and lines."""

    table: str = field(default="", kw_only=True)

    def line_of(self, location: Location) -> int | None:
        """Return the line the location's setting is on, else the table header's line."""
        header = key_line = None
        inside = False
        setting = _key_pattern(str(location[0])) if location else None
        for number, line in enumerate(self.text.split("\n"), start=1):
            if match := _TABLE_HEADER.match(line):
                inside = match.group(1).strip("\"'") == self.table
                header = number if inside and header is None else header
            elif inside and setting and setting.match(line):
                key_line = number
                break
        return key_line or header


def _key_pattern(key: str) -> re.Pattern[str]:
    name = re.escape(key)
    return re.compile(rf"""^\s*(?:{name}|"{name}"|'{name}')\s*=""")


def load_toml_table(path: Path, text: str, table: str) -> TomlTable:
    """Parse ``text`` as TOML and return its ``table`` (empty when absent); raise ``LoadError``."""
    check_toml_depth(text, path)
    try:
        data = tomllib.loads(text)
    except RecursionError:  # the depth check stops this first; a second lock all the same
        raise too_deep(path, 1) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = column = None
        if match := _TOML_POSITION.search(message):
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        elif message.endswith("(at end of document)"):
            line = text.rstrip().count("\n") + 1
            message = message.removesuffix("(at end of document)").rstrip()
        raise LoadError(f"invalid TOML: {message}", path=path, line=line, column=column) from None
    return TomlTable(path, data.get(table, {}), text, table=table)
