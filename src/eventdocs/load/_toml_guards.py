"""The check made before TOML is parsed: how deep it nests.

``tomllib`` recurses once per nested array or inline table, so a file nested tens of thousands
of levels deep ends in ``RecursionError``; and it spends time quadratic in the parts of one
dotted key or table header. Both are counted here without recursion, before parsing, with the
limit YAML files have.
"""

from __future__ import annotations

import re
from pathlib import Path

from eventdocs.errors import LoadError
from eventdocs.load._yaml_guards import MAX_DEPTH

# What the scan looks at: strings and comments are skipped whole (an unterminated one runs to
# the end of its line, or of the file for a multi-line one, as TOML reads it), then the
# characters that nest, separate key parts, or end a key.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)'
    r"|'''(?:[^']|'(?!''))*(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
    r"|[\[\]{},.=\n]",
    re.DOTALL,
)


def too_deep(path: Path, line: int, column: int | None = None) -> LoadError:
    """The error for TOML nested deeper than ``MAX_DEPTH``, at ``line``."""
    return LoadError(
        f"TOML nested more than {MAX_DEPTH} levels deep; flatten it",
        path=path,
        line=line,
        column=column,
    )


def check_toml_depth(text: str, path: Path) -> None:
    """Raise ``LoadError`` where arrays, inline tables and dotted key parts together nest
    deeper than ``MAX_DEPTH``.

    A key's depth is its dotted parts (a header's and a key's counted apart); a value's, the
    brackets open around it plus its key's. An overestimate only for files no one writes.
    """
    if sum(text.count(char) for char in "[{.") <= MAX_DEPTH:
        return  # the common case: too few nesting characters to be deep
    openers: list[str] = []
    dots, in_key = 0, True
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            if not openers:  # a top-level line starts a new key or table header
                dots, in_key = 0, True
            continue
        if token in ("[", "{"):
            # `[` where a top-level key would start opens a table header: a key, dots and all.
            header = token == "[" and in_key and not openers
            openers.append(token)
            if token == "{":  # an inline table's keys count their own dots
                dots, in_key = 0, True
            elif not header:
                in_key = False
        elif token in ("]", "}"):
            if openers:
                openers.pop()
            in_key = False
        elif token == "," and openers and openers[-1] == "{":
            dots, in_key = 0, True
        elif token == "=":
            in_key = False
        elif token == "." and in_key:
            dots += 1
        else:
            continue
        if len(openers) + dots > MAX_DEPTH:
            start = match.start()
            line = text.count("\n", 0, start) + 1
            raise too_deep(path, line, start - (text.rfind("\n", 0, start) + 1) + 1)
