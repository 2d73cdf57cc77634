"""Where eventdocs keeps its state, and how large that may grow.

Outside the project by default, in the user's cache folder, one folder per project (a digest of
its resolved path): a checkout cannot plant anything there. ``EVENTDOCS_CACHE_DIR`` names
another base folder. The parsed-input entries of all projects together stay under
``MAX_CACHE_BYTES``; past it, the least recently used go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path

CACHE_ENV = "EVENTDOCS_CACHE_DIR"
MAX_CACHE_BYTES = 256 * 1024 * 1024
# Eviction frees down to this share of the cap, so the next writes do not evict again at once.
_EVICT_TO = 0.75
ENTRIES = "inputs"

# Bytes of entries under each base folder, as far as this process knows.
_sizes: dict[Path, int] = {}


def cache_base() -> Path:
    """The folder holding every project's cache: ``$EVENTDOCS_CACHE_DIR`` or the user's."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).absolute()
    import platformdirs  # only here: a run with the override set never pays for the import

    return Path(platformdirs.user_cache_dir("eventdocs", appauthor=False))


def project_cache_dir(root: Path) -> Path:
    """This project's cache folder (not created): build manifest, lock and parsed inputs."""
    name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=16).hexdigest()
    return cache_base() / name


def _entries(base: Path) -> list[tuple[float, int, str]]:
    """Every entry under ``base`` as (modification time, size, path); symlinks and other
    strangers are not entries and are left alone."""
    found = []
    with contextlib.suppress(OSError), os.scandir(base) as projects:
        for project in projects:
            if not project.is_dir(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError), os.scandir(Path(project.path, ENTRIES)) as files:
                for file in files:
                    with contextlib.suppress(OSError):
                        status = file.stat(follow_symlinks=False)
                        if stat.S_ISREG(status.st_mode) and file.name.endswith(".json"):
                            found.append((status.st_mtime, status.st_size, file.path))
    return found


def record_write(base: Path, size: int) -> None:
    """Count an entry of ``size`` bytes just written under ``base``; past the cap, evict.

    The folder is listed once per process, then counted as written to: a cold build writes an
    entry per input file and must not list the folder each time.
    """
    total = _sizes.get(base)
    total = sum(size for _, size, _ in _entries(base)) if total is None else total + size
    if total > MAX_CACHE_BYTES:
        total = evict(base, int(MAX_CACHE_BYTES * _EVICT_TO))
    _sizes[base] = total


def evict(base: Path, target: int) -> int:
    """Remove the least recently used entries until at most ``target`` bytes are left; return
    the bytes left."""
    entries = sorted(_entries(base))
    total = sum(size for _, size, _ in entries)
    for _, size, path in entries:
        if total <= target:
            break
        with contextlib.suppress(OSError):
            Path(path).unlink()
            total -= size
    return total
