"""Parsed input files cached by content in ``.eventdocs-cache/``: an unchanged file is a lookup.

The cache is an accelerator only: it may be deleted at any time, and a checkout where it cannot
be written builds without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from eventdocs import __version__
from eventdocs._atomic import atomic_write

CACHE_DIR = ".eventdocs-cache"
# A new eventdocs or Python version never reads an older cache.
# Bump CACHE_FORMAT when what is pickled changes shape.
CACHE_FORMAT = 5
CACHE_TAG = f"{__version__}-{CACHE_FORMAT}-py{sys.version_info[0]}.{sys.version_info[1]}"

T = TypeVar("T")


def digest(*parts: bytes | str) -> str:
    """A short, stable content digest."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def content_digest(raw: bytes) -> str:
    """The digest of an input file's bytes; ``file_digest`` gives the same from the disk."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def file_digest(path: Path) -> str:
    """The content digest of one file, read in chunks: large locale files are never held whole."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def cache_dir(root: Path) -> Path:
    return root / CACHE_DIR


def write_atomically(path: Path, data: bytes) -> None:
    """Best effort: a cache that cannot be written is simply not written."""
    with contextlib.suppress(OSError):
        atomic_write(path, data)


def cached_parse(root: Path | None, key: str, parse: Callable[[], T]) -> T:
    """Return the cached result for ``key`` (a digest of the file's path and bytes), or parse."""
    if root is None:
        return parse()
    path = cache_dir(root) / "inputs" / f"{digest(CACHE_TAG, key)}.pickle"
    try:
        # Our own files, written by this same version: trusted like the project's sources.
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    value = parse()
    write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
