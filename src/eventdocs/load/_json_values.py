"""Schema examples are published as JSON: each value must be one every strict JSON parser reads
back as written.

YAML spells ``.nan``, ``.inf``, integers of any size, ``12:30`` (750), ``017`` (15), ``no``
(false); JSON has none of these, and orjson would quietly write NaN as ``null``. Checked on the
node tree, so each refusal points at the value's own line, and iteratively, so no nesting
exhausts the stack.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import yaml

from eventdocs.errors import LoadError
from eventdocs.load.yaml_files import Location, YamlDocument, span_of

MAX_EXAMPLES = 100
MAX_EXAMPLE_DEPTH = 64
MAX_EXAMPLE_BYTES = 256 * 1024
MAX_EXAMPLES_BYTES = 1024 * 1024
# The integers an IEEE double (every JavaScript parser, many others) holds exactly.
MAX_SAFE_INTEGER = 2**53 - 1

# RFC 8259's number grammar; YAML's `1_000`, `0x1f`, `017`, `1.` and `12:30` are not JSON.
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_NOT_A_NUMBER = re.compile(r"[-+]?\.(?:inf|nan)", re.IGNORECASE)


def check_examples(document: YamlDocument) -> None:
    """Raise ``LoadError`` at the first example value JSON cannot carry exactly, or past a limit."""
    data, root = document.data, document.root
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        return  # not a mapping at all: the shape check says so
    node = next((value for key, value in root.value if key.value == "examples"), None)
    examples = data.get("examples")
    if not isinstance(examples, list) or not isinstance(node, yaml.SequenceNode):
        return
    if len(examples) > MAX_EXAMPLES:
        raise _error(document, node, ("examples",), f"more than {MAX_EXAMPLES} examples")
    total = 0
    for index, (example, example_node) in enumerate(zip(examples, node.value, strict=True)):
        location = ("examples", index)
        # `examples.N` itself is the first level: the depth counts from there.
        _check_values(
            document,
            example,
            example_node,
            location,
            _scalar_problem,
            max_depth=MAX_EXAMPLE_DEPTH + 1,
        )
        size = len(json.dumps(example, ensure_ascii=False).encode("utf-8"))
        if size > MAX_EXAMPLE_BYTES:
            raise _error(
                document,
                example_node,
                location,
                f"example is {size} bytes of JSON, over the limit of {MAX_EXAMPLE_BYTES}",
            )
        total += size
        if total > MAX_EXAMPLES_BYTES:
            raise _error(
                document,
                example_node,
                location,
                f"the examples add up to over {MAX_EXAMPLES_BYTES} bytes of JSON; keep fewer",
            )


def _check_values(
    document: YamlDocument,
    value: Any,
    node: yaml.Node,
    location: Location,
    problem_of: Callable[[Any, yaml.Node], str | None],
    *,
    max_depth: int | None = None,
) -> None:
    # Value and node side by side: the builder made one from the other, key for key.
    stack: list[tuple[Any, yaml.Node, Location]] = [(value, node, location)]
    while stack:
        value, node, location = stack.pop()
        if max_depth is not None and isinstance(value, (dict, list)) and len(location) > max_depth:
            raise _error(document, node, location, f"nested deeper than {MAX_EXAMPLE_DEPTH} levels")
        if isinstance(value, dict) and isinstance(node, yaml.MappingNode):
            stack.extend(
                (value[key.value], child, (*location, key.value))
                for key, child in reversed(node.value)
            )
        elif isinstance(value, list) and isinstance(node, yaml.SequenceNode):
            stack.extend(
                (item, child, (*location, index))
                for index, (item, child) in reversed(
                    list(enumerate(zip(value, node.value, strict=True)))
                )
            )
        else:
            problem = problem_of(value, node)
            if problem:
                raise _error(document, node, location, problem)


def _type_problem(value: Any, node: yaml.Node) -> str | None:
    if value is None or isinstance(value, (str, bool, int, float)):
        return None
    return f"a YAML {node.tag.rsplit(':', 1)[-1]} value has no JSON form; quote it as text"


def _scalar_problem(value: Any, node: yaml.Node) -> str | None:
    """What keeps this scalar from being published as the JSON the author wrote, if anything."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, bool):
        if str(node.value).lower() in {"true", "false"}:
            return None
        return f"{node.value} is read by YAML as {str(value).lower()}; quote it if it is text"
    if not isinstance(value, (int, float)):
        return _type_problem(value, node)
    written = str(node.value)
    shown = _shorten(written)
    # Python will not print an integer of over 4,300 digits; such a value gets its size instead.
    small = isinstance(value, float) or value.bit_length() < 4096
    read = _shorten(repr(value)) if small else "a huge integer"
    if isinstance(value, float) and not math.isfinite(value):
        if _NOT_A_NUMBER.fullmatch(written):
            return f"{shown} is not JSON (JSON has no NaN or Infinity); write a number or null"
        return f"{shown} is too large for a JSON number (a double)"
    if not _JSON_NUMBER.fullmatch(written):
        return (
            f"{shown} is read by YAML as the number {read}; write it as JSON writes "
            "numbers, or quote it if it is text"
        )
    if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:
        return (
            f"{shown} is beyond ±{MAX_SAFE_INTEGER}, the integers JSON parsers read exactly; "
            "quote it as text"
        )
    if isinstance(value, float) and Decimal(written) != Decimal(repr(value)):
        return f"{shown} has more precision than a JSON number (a double) keeps: it reads {read}"
    return None


def _shorten(text: str) -> str:
    # A number of thousands of digits stays one readable line in the error.
    return text if len(text) <= 40 else f"{text[:20]}… ({len(text)} characters)"


def _error(document: YamlDocument, node: yaml.Node, location: Location, message: str) -> LoadError:
    dotted = ".".join(str(part) for part in location)
    span = span_of(node)
    return LoadError(f"{dotted}: {message}", path=document.path, line=span.line, column=span.column)
