"""Reading a file that anyone may have planted: regular files only, never more than a limit.

A FIFO blocks a plain ``open`` until someone writes to it, ``/dev/zero`` never ends, and a file
can grow between ``stat`` and ``read``: every read of the project's files or of eventdocs' own
state goes through here, so none of them can hang a run or exhaust its memory.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from io import BufferedReader
from pathlib import Path

from eventdocs.errors import LoadError, MissingFileError

# O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


@contextmanager
def open_regular(
    path: Path, *, what: str = "file", follow_symlinks: bool = True
) -> Iterator[tuple[BufferedReader, os.stat_result]]:
    """Open ``path`` for reading if it is a regular file; yield it and its status.

    Raise ``MissingFileError`` if it does not exist, ``LoadError`` if it cannot be opened or is
    anything but a regular file (a symlink too, without ``follow_symlinks``).
    """
    flags = _READ_FLAGS if follow_symlinks else _READ_FLAGS | _NO_FOLLOW
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise MissingFileError(f"{what} not found", path=path) from None
    except OSError as error:
        raise LoadError(f"cannot read {what}: {error.strerror}", path=path) from None
    try:
        # The status of what was opened, not of what the name points to a moment later.
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise LoadError(f"{what} is not a regular file", path=path)
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        yield handle, status


def read_within(handle: BufferedReader, status: os.stat_result, limit: int) -> bytes | None:
    """Read an opened file whole, or return None if it holds more than ``limit`` bytes (it may
    have grown since ``status`` was taken: reading stops one byte past the limit)."""
    if status.st_size > limit:
        return None
    wanted = status.st_size + 1
    data = handle.read(wanted)
    if len(data) == wanted:  # grown since: read on, still bounded
        data += handle.read(limit + 1 - len(data))
    return data if len(data) <= limit else None


def read_bounded(
    path: Path, limit: int, *, what: str = "file", follow_symlinks: bool = True
) -> bytes:
    """Read the regular file ``path`` whole, if it holds at most ``limit`` bytes; else raise
    ``LoadError`` (``MissingFileError`` if it does not exist) naming it."""
    with open_regular(path, what=what, follow_symlinks=follow_symlinks) as (handle, status):
        data = read_within(handle, status, limit)
    if data is None:
        size = max(status.st_size, limit + 1)
        raise LoadError(
            f"{what} is {size} bytes, over the limit of {limit} bytes; split it", path=path
        )
    return data


def read_head(path: Path, count: int) -> bytes | None:
    """The first ``count`` bytes of ``path``; None if it is not a regular file (symlinks
    included) or cannot be read."""
    try:
        with open_regular(path, follow_symlinks=False) as (handle, _):
            return handle.read(count)
    except (LoadError, OSError):
        return None


def file_digest(path: Path, *, limit: int) -> str:
    """The content digest of one file, read in chunks: large locale files are never held whole.
    Anything but a regular file of at most ``limit`` bytes gets a digest no file has."""
    try:
        with open_regular(path) as (handle, status):
            if status.st_size > limit:
                return "unreadable"
            hasher = hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16))
    except (LoadError, OSError):
        return "unreadable"
    return hasher.hexdigest()
