"""The exchange formats, one row each: what ``export --format`` names, the file suffix
``import`` recognises, and the functions that write and read the format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from eventdocs.base.bounded import read_bounded
from eventdocs.errors import UsageError
from eventdocs.exchange.po import dump_po, load_po
from eventdocs.exchange.units import MAX_EXCHANGE_BYTES, ExchangeFile
from eventdocs.exchange.xliff import dump_xliff, load_xliff


class ExchangeFormat(NamedTuple):
    name: str
    suffix: str
    # (one language's units, the source language) → the file's bytes
    dump: Callable[[ExchangeFile, str], bytes]
    # (the file's path, its bytes) → its units; raises `LoadError` naming file and line
    load: Callable[[Path, bytes], ExchangeFile]


FORMATS: dict[str, ExchangeFormat] = {
    "po": ExchangeFormat("po", ".po", dump_po, load_po),
    "xliff": ExchangeFormat("xliff", ".xlf", dump_xliff, load_xliff),
}


def format_of(path: Path) -> ExchangeFormat:
    """The format of the file ``path``, by its suffix; a ``UsageError`` for any other."""
    for exchange_format in FORMATS.values():
        if path.suffix.lower() == exchange_format.suffix:
            return exchange_format
    known = ", ".join(f"*{exchange_format.suffix}" for exchange_format in FORMATS.values())
    raise UsageError(f"{path.as_posix()}: not a translator's file ({known})")


def read_exchange_file(path: Path) -> ExchangeFile:
    """Read ``path`` in the format its suffix names, within the project's file size limit."""
    exchange_format = format_of(path)
    raw = read_bounded(path, MAX_EXCHANGE_BYTES, what=f"{exchange_format.name.upper()} file")
    return exchange_format.load(path, raw)
