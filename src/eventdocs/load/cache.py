"""Parsed input files cached by content, as plain JSON data: an unchanged file is a lookup.

The cache is an accelerator only, and untrusted: anyone who can write to it could have planted
anything. An entry is JSON (nothing in it can run), names the code that wrote it and the file
it came from, and is converted back by each shape's own small decoder, which refuses anything
not in the shape it writes: whatever does not match is a miss, parsed again. It lives outside
the project (see ``eventdocs.load.cache_dir``); where it cannot be written, runs go without.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import orjson

from eventdocs import __version__
from eventdocs.base.atomic import atomic_write
from eventdocs.base.bounded import open_regular, read_within
from eventdocs.errors import LoadError
from eventdocs.load.cache_dir import record_write

T = TypeVar("T")

# The largest entry written or read: a locale file at the input limit (8 MiB) fits with room.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
# Hits refresh an entry's modification time (what eviction goes by) at most this often.
_TOUCH_AFTER_SECONDS = 3600.0
# What a decoder raises on data not in its shape; anything else it raises is a bug.
MALFORMED = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)


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


# The code that decides what is cached and how it is read back: every cached shape, its
# converters and parsers (all of load/), the example verdicts, and the build manifest; and the
# renderer, whose output the manifest vouches for: changed code renders every page again.
_FORMAT_SOURCES = (
    "base",
    "load",
    "render",
    "check/examples.py",
    "validate/payload.py",
    "write/manifest.py",
)


@functools.cache
def format_tag() -> str:
    """The cache format, derived from the code: a digest of the source in ``_FORMAT_SOURCES``
    (a folder stands for its modules), eventdocs' version and Python's.

    Any change to that code starts a fresh cache; nobody has to remember to bump a number.
    """
    package = Path(__file__).resolve().parent.parent
    parts: list[bytes | str] = [__version__, f"py{sys.version_info[0]}.{sys.version_info[1]}"]
    for source in _FORMAT_SOURCES:
        location = package / source
        paths = [location]
        if location.is_dir():
            paths = sorted(path for path in location.iterdir() if path.suffix == ".py")
        for path in paths:
            parts.append(path.relative_to(package).as_posix())
            with contextlib.suppress(OSError):  # a file we cannot read still has a name
                parts.append(path.read_bytes())
    return digest(*parts)


def cached_parse(
    cache: Path | None,
    key: str,
    source: str,
    parse: Callable[[], T],
    *,
    encode: Callable[[T], object],
    decode: Callable[[object], T],
) -> T:
    """Return what ``parse`` returns for the file whose content digest is ``source``, reloaded
    from ``cache`` when an entry for ``key`` (a digest naming the file and how it is read) holds
    it in the expected shape; otherwise parse, and store ``encode(value)`` for next time."""
    if cache is None:
        return parse()
    tag = format_tag()
    path = cache / "inputs" / f"{digest(tag, key)}.json"
    try:
        return _read_entry(path, tag, key, source, decode)
    except _Miss:
        pass
    value = parse()
    _write_entry(path, {"format": tag, "key": key, "source": source, "value": encode(value)})
    return value


class _Miss(Exception):
    """No usable entry: absent, unreadable, from other code or another file, or malformed."""


def _read_entry(path: Path, tag: str, key: str, source: str, decode: Callable[[object], T]) -> T:
    """The entry's value, decoded; raise ``_Miss`` for a miss, whatever the reason."""
    try:
        with open_regular(path, follow_symlinks=False) as (handle, status):
            raw = read_within(handle, status, MAX_ENTRY_BYTES)
    except (LoadError, OSError):
        raise _Miss(path) from None
    if raw is None:
        raise _Miss(path)
    try:
        entry = orjson.loads(raw)
        if type(entry) is not dict or (entry.get("format"), entry.get("key")) != (tag, key):
            raise _Miss(path)
        if entry.get("source") != source:
            raise _Miss(path)
        value = decode(entry["value"])
    except MALFORMED:
        raise _Miss(path) from None
    if status.st_mtime < time.time() - _TOUCH_AFTER_SECONDS:
        with contextlib.suppress(OSError, NotImplementedError):
            os.utime(path, follow_symlinks=False)
    return value


def _write_entry(path: Path, entry: dict[str, object]) -> None:
    """Best effort: an entry that JSON cannot hold exactly, or that cannot be written, is not."""
    try:
        data = orjson.dumps(entry)
        # orjson writes NaN and infinity as null: a value that does not come back is not kept.
        if orjson.loads(data) != entry or len(data) > MAX_ENTRY_BYTES:
            return
        atomic_write(path, data)
    except (TypeError, ValueError, OSError):
        return
    record_write(path.parent.parent.parent, len(data))
