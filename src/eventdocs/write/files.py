"""Atomic, minimal writes of generated files, and removal of generated files no longer produced.

Each file is written to a temporary file beside it and renamed over the old one, so a build
killed at any moment leaves every file either old or new, never truncated. Unchanged files are
not rewritten, so their modification times stay put and ``mkdocs serve`` does not rebuild.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from eventdocs.errors import WriteError
from eventdocs.render.project import GENERATED_MARKER, GeneratedFile

# The marker sits in a file's first lines; reading this much is enough to find it.
_HEAD_BYTES = 512


@dataclass
class WriteReport:
    """What a build did to the disk, as paths relative to the project root."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def is_generated(path: Path) -> bool:
    """Tell whether ``path`` was written by ``eventdocs build`` (its first lines say so)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return False
    return GENERATED_MARKER.encode() in head


def generated_files_on_disk(root: Path, output_dir: str = "docs") -> set[str]:
    """Return the generated files under ``root/output_dir``, relative to ``root``."""
    base = root / output_dir
    if not base.is_dir():
        return set()
    return {
        path.relative_to(root).as_posix()
        for path in base.rglob("*")
        if path.suffix in {".md", ".json"} and path.is_file() and is_generated(path)
    }


def leftover_temporaries(root: Path, output_dir: str = "docs") -> list[Path]:
    """Temporary files a killed build left behind (``atomic_write`` names them ``.NAME.*.tmp``)."""
    base = root / output_dir
    return sorted(base.rglob(".*.tmp")) if base.is_dir() else []


def _inside(root: Path, relative: str) -> Path:
    target = (root / relative).resolve()
    docs = (root / "docs").resolve()
    # Names are validated on load; this is the last line of defence against writing elsewhere.
    if not target.is_relative_to(docs):
        raise WriteError(f"refusing to write outside docs/: {relative}")
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename; a crash leaves the old file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so concurrent builds write one after the other."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: atomic renames still keep every file whole
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def write_files(
    root: Path, files: Iterable[GeneratedFile], *, keep: frozenset[str] = frozenset()
) -> WriteReport:
    """Write every file whose content changed; remove generated files no longer produced,
    except those in ``keep`` (earlier schema versions, which stay published)."""
    with _exclusive(root / "docs"):
        return _write_files(root, tuple(files), keep)


def _write_files(root: Path, files: tuple[GeneratedFile, ...], keep: frozenset[str]) -> WriteReport:
    report = WriteReport()
    planned = {file.path: _inside(root, file.path) for file in files}
    expected = set(planned)
    try:
        for leftover in leftover_temporaries(root):
            leftover.unlink(missing_ok=True)
        for file in files:
            target = planned[file.path]
            data = file.text.encode("utf-8")
            try:
                if target.read_bytes() == data:
                    report.unchanged.append(file.path)
                    continue
            except FileNotFoundError:
                pass
            atomic_write(target, data)
            report.written.append(file.path)
        for stale in sorted(generated_files_on_disk(root) - expected - keep):
            (root / stale).unlink()
            report.removed.append(stale)
    except OSError as error:
        raise WriteError(f"cannot write {error.filename}: {error.strerror}") from None
    return report
