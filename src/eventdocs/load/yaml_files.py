"""Strict YAML reading: positions for every node, no duplicate keys, no aliases, no explicit
tags, bounded size and depth.

PyYAML alone keeps the last of two duplicate keys, expands alias bombs, and turns
``2022-10-12T15:57:16Z`` into a ``datetime``; translators deserve better errors than that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from eventdocs.base.bounded import read_bounded
from eventdocs.errors import LoadError
from eventdocs.load._yaml_guards import check_shape, reader_error

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 2_000_000
_YAML_TAG = "tag:yaml.org,2002:"
_STRING_TAG = f"{_YAML_TAG}str"
# What a plain scalar may resolve to; an explicit tag is accepted only where it changes nothing.
_SCALAR_TAGS = frozenset(f"{_YAML_TAG}{name}" for name in ("str", "int", "float", "bool", "null"))
_MAPPING_TAG = f"{_YAML_TAG}map"
_SEQUENCE_TAG = f"{_YAML_TAG}seq"
_MERGE_TAG = f"{_YAML_TAG}merge"

Location = tuple[str | int, ...]


class Span(NamedTuple):
    """Where a node sits in its file: 1-based line and column, and character offsets."""

    line: int
    column: int
    start: int
    end: int


def span_of(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, start.index, end.index)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its plain Python data, and the node tree to find positions in."""

    path: Path
    data: Any
    text: str
    root: yaml.Node | None = field(default=None, repr=False)

    def node_at(self, location: Location) -> tuple[yaml.Node | None, yaml.Node | None]:
        """Return the (key node, value node) at ``location``, or the nearest ancestor's."""
        key_node, node = None, self.root
        for part in location:
            if isinstance(node, yaml.MappingNode):
                pair = next((pair for pair in node.value if pair[0].value == part), None)
                if pair is None:
                    break
                key_node, node = pair
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                key_node, node = None, node.value[part]
            else:
                break
        return key_node, node

    def line_of(self, location: Location) -> int | None:
        """Return the line of ``location`` (its key's line for a mapping entry)."""
        key_node, node = self.node_at(location)
        chosen = key_node or node
        return chosen.start_mark.line + 1 if chosen is not None else None


# libyaml's parser when PyYAML was built with it: several times faster on large locale files.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader without the timestamp resolver: dates stay the strings they were written as."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_bytes(path: Path, *, what: str = "file") -> bytes:
    """Read ``path`` whole, within the size limit; raise ``LoadError`` naming it."""
    return read_bounded(path, MAX_FILE_BYTES, what=what)


def decode_text(raw: bytes, path: Path) -> str:
    """Decode UTF-8 (a BOM is allowed) with CRLF folded to LF; raise ``LoadError`` at the line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise LoadError(
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8",
            path=path,
            line=line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, *, what: str = "file") -> str:
    """Read ``path`` as UTF-8 (a BOM is allowed), with CRLF folded to LF, within the size limit."""
    return decode_text(read_bytes(path, what=what), path)


def load_yaml(path: Path, *, what: str = "file", raw: bytes | None = None) -> YamlDocument:
    """Parse one YAML document strictly; raise ``LoadError`` naming the file and line.

    ``raw`` is the file's bytes when the caller has them: read already, or about to be written
    by an edit, which must not write a file that loading it again would refuse.
    """
    if raw is not None and len(raw) > MAX_FILE_BYTES:
        raise LoadError(
            f"{what} would be {len(raw)} bytes, over the limit of {MAX_FILE_BYTES} bytes; split it",
            path=path,
        )
    text = decode_text(raw, path) if raw is not None else read_text(path, what=what)
    if not text.strip():
        raise LoadError(f"{what} is empty", path=path, line=1)
    loader = _StrictLoader(text)
    try:
        check_shape(text, path, _BaseLoader, max_nodes=MAX_NODES)
        root = loader.get_single_node()
    except yaml.reader.ReaderError as error:
        byte_offset = _BaseLoader is not yaml.SafeLoader
        raise reader_error(error, text, path, byte_offset=byte_offset) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise LoadError(
            f"invalid YAML: {problem}; check the indentation and quoting here",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as error:
        raise LoadError(f"invalid YAML: {error}", path=path, line=1) from None
    finally:
        loader.dispose()
    if root is None:
        raise LoadError(f"{what} is empty", path=path, line=1)
    data = _Builder(path, loader).build(root)
    return YamlDocument(path, data, text, root)


def _shown_tag(tag: str) -> str:
    """A tag as it was most likely written: ``!!binary`` rather than its full name."""
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


class _Builder:
    """Turns a node tree into plain data, refusing aliases and duplicate keys."""

    def __init__(self, path: Path, loader: _StrictLoader) -> None:
        self.path = path
        self.loader = loader
        self.seen: set[int] = set()

    def _error(self, message: str, node: yaml.Node) -> LoadError:
        span = span_of(node)
        return LoadError(message, path=self.path, line=span.line, column=span.column)

    def build(self, node: yaml.Node) -> Any:
        # The composer hands an alias back as the very node it names: a node met twice is one,
        # and refusing it here stops an alias bomb before anything is expanded.
        if id(node) in self.seen:
            raise self._error(
                "YAML anchors and aliases are not allowed (this value is reused by an alias); "
                "write the value out",
                node,
            )
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise self._error(f"more than {MAX_NODES} YAML nodes; split the file", node)
        if isinstance(node, yaml.MappingNode):
            return dict(self._mapping_items(node))
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQUENCE_TAG)
            return [self.build(item) for item in node.value]
        if node.tag == _STRING_TAG:
            return node.value  # the common case, without the constructor's machinery
        self._check_scalar_tag(node)
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, ArithmeticError):
            # `0x_` and a 5,000-digit integer match the number patterns but are no number.
            raise self._error("this value cannot be read as a number; quote it", node) from None

    def _check_tag(self, node: yaml.Node, *allowed: str) -> None:
        if node.tag not in allowed:
            raise self._error(
                f"explicit YAML tags are not allowed ({_shown_tag(node.tag)}); write a plain value",
                node,
            )

    def _check_scalar_tag(self, node: yaml.Node) -> None:
        self._check_tag(node, *_SCALAR_TAGS)
        # `!!int abc` names an allowed type but the value is not one: refused, never guessed.
        if self.loader.resolve(yaml.ScalarNode, node.value, (True, False)) != node.tag:
            raise self._error(
                f"explicit YAML tags are not allowed ({_shown_tag(node.tag)} on another "
                "type of value); write a plain value",
                node,
            )

    def _mapping_items(self, node: yaml.MappingNode) -> Iterator[Any]:
        if node.tag == _MERGE_TAG or any(key.tag == _MERGE_TAG for key, _ in node.value):
            raise self._error("YAML merge keys (<<) are not allowed", node)
        self._check_tag(node, _MAPPING_TAG)
        keys: set[Any] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._error("a mapping key must be a plain value", key_node)
            self._check_tag(key_node, *_SCALAR_TAGS)
            if id(key_node) in self.seen:
                raise self._error("YAML anchors and aliases are not allowed", key_node)
            self.seen.add(id(key_node))
            # Keys are names as written: `no` and `1.0` stay text, never bool or float.
            key = key_node.value
            if key in keys:
                raise self._error(f"duplicate key {key!r}; keep only one", key_node)
            keys.add(key)
            yield key, self.build(value_node)
