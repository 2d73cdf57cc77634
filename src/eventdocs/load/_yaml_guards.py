"""Checks made before a YAML node tree is built: depth, node count, where a bad character is.

libyaml's parser is iterative, but composing nodes recurses: a file nested tens of thousands of
levels deep overflows the C stack and kills the process; and a composed node costs hundreds of
bytes, so an 8 MiB file of numbers took a gigabyte before its nodes could be counted. Depth
and count are therefore measured on the parser's event stream, which costs no recursion and
no tree, before anything is composed.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from eventdocs.errors import LoadError

MAX_DEPTH = 100

# How a block collection can be nested without a flow bracket: by indentation, or by indicators
# (`- - x`, `? - x`) at the start of a line. A line's leading run of these characters bounds the
# column its nested collections start at.
_LEADING_RUN = "[ \t?:-]"
_FLOW_OPENERS = ("[", "{")
_BLOCK_COLUMNS = MAX_DEPTH // 4
_DEEP_LINE = re.compile(f"^{_LEADING_RUN}{{{_BLOCK_COLUMNS}}}", re.MULTILINE)


def _surely_shallow(text: str) -> bool:
    """Tell, without parsing, whether ``text`` cannot nest deeper than ``MAX_DEPTH``.

    Each flow collection opens with a bracket, so there are at most as many as brackets. Each
    block collection starts further right than its parent, except a sequence directly under a
    mapping key: with every line's leading run under ``_BLOCK_COLUMNS`` characters, at most
    two block collections start in each of those columns.
    """
    brackets = sum(text.count(opener) for opener in _FLOW_OPENERS)
    if brackets + 2 * _BLOCK_COLUMNS > MAX_DEPTH:
        return False
    return _DEEP_LINE.search(text) is None


def _surely_few(text: str, max_nodes: int) -> bool:
    """Tell, without parsing, whether ``text`` cannot hold more than ``max_nodes`` nodes: past
    the first, every node follows an indicator (a key's `:`, an item's `-` or `,`, a bracket,
    a `?`), and a key with its value is two."""
    indicators = sum(text.count(mark) for mark in ",-[{?") + 2 * text.count(":")
    return indicators + 1 <= max_nodes


def check_shape(text: str, path: Path, loader: type[yaml.SafeLoader], *, max_nodes: int) -> None:
    """Raise ``LoadError`` at the first collection nested deeper than ``MAX_DEPTH``, or at the
    node past ``max_nodes``.

    YAML errors met on the way propagate as they are, for the caller to report.
    """
    if _surely_shallow(text) and _surely_few(text, max_nodes):
        return
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    nodes = (yaml.ScalarEvent, yaml.AliasEvent, *starts)
    depth = count = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, nodes):
            count += 1
            if count > max_nodes:
                raise _located(f"more than {max_nodes} YAML nodes; split the file", path, event)
        if isinstance(event, starts):
            depth += 1
            if depth > MAX_DEPTH:
                message = f"YAML nested more than {MAX_DEPTH} levels deep; flatten it"
                raise _located(message, path, event)
        elif isinstance(event, ends):
            depth -= 1


def _located(message: str, path: Path, event: yaml.Event) -> LoadError:
    mark = event.start_mark
    return LoadError(
        message,
        path=path,
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
    )


def reader_error(
    error: yaml.reader.ReaderError, text: str, path: Path, *, byte_offset: bool
) -> LoadError:
    """Turn a bad-character error (which carries an offset, not a line) into a located one.

    libyaml reads the text as UTF-8 and reports a ``byte_offset``; the Python reader, a
    character's.
    """
    if byte_offset:
        encoded = text.encode("utf-8")
        before = encoded[: error.position].decode("utf-8", errors="ignore")
    else:
        before = text[: error.position]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    character = error.character
    shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    return LoadError(
        f"invalid YAML: {error.reason} (character {shown}); remove it",
        path=path,
        line=line,
        column=column,
    )
