"""Reading one table of a TOML file, with the line of each of its settings.

``tomllib`` keeps no positions, so the table's lines are read from the text once, on load: the
line of the table's header and of each key set directly in it (a sub-table's header counts as
the line of its key). Config files are short and written by hand; that is all a finding needs.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdocs.errors import LoadError
from eventdocs.load._toml_guards import check_toml_depth, too_deep

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]*?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?:"([^"\\]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=.]""")


@dataclass(frozen=True)
class TomlTable:
    """One table of a TOML file: its data, and the line of its header and of each setting."""

    path: Path
    data: Any
    table: str
    header: int | None = None
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, location: tuple[str | int, ...]) -> int | None:
        """The line of the setting ``location`` starts with, else the table header's line."""
        if location and (line := self.lines.get(str(location[0]))) is not None:
            return line
        return self.header


def _unquoted(name: str) -> str:
    return name.strip().strip("\"'")


def table_lines(text: str, table: str) -> tuple[int | None, dict[str, int]]:
    """The line of ``[table]`` and of each key set directly in it, first occurrence each."""
    header: int | None = None
    lines: dict[str, int] = {}
    inside = False
    prefix = f"{table}."
    for number, line in enumerate(text.split("\n"), start=1):
        if match := _TABLE_HEADER.match(line):
            name = ".".join(_unquoted(part) for part in match.group(1).split("."))
            inside = name == table
            if inside and header is None:
                header = number
            elif name.startswith(prefix):
                lines.setdefault(name.removeprefix(prefix).split(".")[0], number)
        elif inside and (key := _KEY.match(line)):
            lines.setdefault(next(part for part in key.groups() if part is not None), number)
    return header, lines


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
    header, lines = table_lines(text, table)
    return TomlTable(path, data.get(table, {}), table, header, lines)
