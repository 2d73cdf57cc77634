"""Atomic, minimal writes of generated files, and removal of generated files no longer produced.

Each file is written to a temporary file beside it and renamed over the old one, so a build
killed at any moment leaves every file either old or new, never truncated; a build that fails
puts back every file it had changed (see ``StagedWrite.commit``). Unchanged files are not
rewritten, so their modification times stay put and ``mkdocs serve`` does not rebuild. Nothing
is written through a symlink (see ``eventdocs.base.confined``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from eventdocs.base.confined import SymlinkFinder, link_target
from eventdocs.errors import WriteError
from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.render.outputs import GeneratedFile
from eventdocs.write.on_disk import generated_files_on_disk, leftover_temporaries


@dataclass
class WriteReport:
    """What a build did to the disk, as paths relative to the project root."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _inside(root: str, relative: str) -> str:
    parts = relative.split("/")
    # Names are validated on load; this is the last line of defence against writing elsewhere.
    if len(parts) < 2 or parts[0] != "docs" or any(part in {"", ".", ".."} for part in parts):
        raise WriteError(f"refusing to write outside docs/: {relative}")
    return os.path.join(root, *parts)


def refuse_symlinks(root: Path, paths: Iterable[str], finder: SymlinkFinder | None = None) -> None:
    """Raise ``WriteError`` naming the first symlink on the path of any output in ``paths``."""
    finder = finder or SymlinkFinder(root)
    for path in paths:
        link = finder.first_symlink(path)
        if link is not None:
            raise WriteError(
                f"refusing to write through a symlink (to {link_target(root / link)}); "
                "replace it with a real folder or file",
                path=root / link,
            )


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
# O_EXCL: the name is this build's own, so anything already there was planted.
_TEMPORARY_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
_LOCK_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | _NO_FOLLOW


def _same_content(path: str, data: bytes) -> bool:
    try:
        status = os.lstat(path)
        if stat.S_ISDIR(status.st_mode):  # renaming onto it would fail halfway through a commit
            raise WriteError(
                "a folder is where this generated file belongs; remove it", path=Path(path)
            )
        # A FIFO or a device is never the same: it is replaced, and never opened.
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except FileNotFoundError:
        return False


@contextmanager
def _exclusive(root: Path) -> Iterator[None]:
    """Hold the project's build lock, so concurrent builds write one after the other.

    The lock is a file of its own: a lock held on the docs/ folder itself makes every file
    created beneath it several times slower on Linux.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: atomic renames still keep every file whole
        yield
        return
    lock = project_cache_dir(root) / "build.lock"
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        # Never through a symlink, never blocking on a FIFO: the cache folder may be foreign.
        descriptor = os.open(lock, _LOCK_FLAGS, 0o644)
    except OSError:  # a read-only place for the cache: build unlocked, still atomically
        yield
        return
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


class StagedWrite:
    """Writes a build's files as they are rendered, but makes none of them visible until
    ``commit``: each changed file goes to a temporary file beside its target first, so memory
    holds one page at a time and a failed build (``abort``) leaves docs/ exactly as it was."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # Plain strings, not Path objects: a large project stages tens of thousands of files.
        self._root = str(root)
        self.report = WriteReport()
        self.staged: list[tuple[str, str]] = []
        self.folders: set[str] = set()
        self.created_folders: list[Path] = []
        self.seen: set[str] = set()
        self.links = SymlinkFinder(root)
        # Unique to this build: builds take turns, and a killed one's leftovers are cleared.
        self.token = f"{os.getpid()}-{time.monotonic_ns()}"

    def __call__(self, file: GeneratedFile) -> None:
        target = _inside(self._root, file.path)
        refuse_symlinks(self.root, [file.path], self.links)
        self.seen.add(file.path)
        data = file.text.encode("utf-8")
        try:
            if _same_content(target, data):
                self.report.unchanged.append(file.path)
                return
            folder, name = os.path.split(target)
            if folder not in self.folders:
                self._make_folder(folder)
            temporary = os.path.join(folder, f".{name}.{self.token}.tmp")
            # Our own name, so no random retries and no chmod (mkstemp makes files private);
            # no fsync: the rename is what keeps a killed build from leaving a half-written
            # file, and syncing each of thousands of pages would double a full build.
            descriptor = os.open(temporary, _TEMPORARY_FLAGS, 0o644)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
        except OSError as error:
            raise WriteError(f"cannot write {error.filename}: {error.strerror}") from None
        self.staged.append((file.path, temporary))

    def _make_folder(self, folder: str) -> None:
        path = Path(folder)
        missing = [parent for parent in (path, *path.parents) if not parent.exists()]
        path.mkdir(parents=True, exist_ok=True)
        self.created_folders.extend(reversed(missing))
        self.folders.add(folder)

    def _old_version(self, target: str) -> str:
        folder, name = os.path.split(target)
        return os.path.join(folder, f".{name}.{self.token}.old.tmp")

    def _keep_old(self, target: str) -> str | None:
        """Keep the file at ``target`` under a second name, to put back on failure; None if
        there is none. A hard link, so ``target`` never goes missing, even if the build is
        killed; a rename where the file system has no hard links."""
        try:
            os.lstat(target)
        except FileNotFoundError:
            return None
        old = self._old_version(target)
        try:
            os.link(target, old, follow_symlinks=False)
        except OSError:
            os.replace(target, old)
        return old

    def commit(self, known: frozenset[str]) -> WriteReport:
        """Rename every staged file into place; remove generated files not in ``known``.

        All or nothing: each file replaced or removed is first kept under a second name, and if
        any rename or removal fails (a folder in the way, a read-only folder, a disk error),
        every file already changed is put back and ``WriteError`` raised, so docs/ holds
        exactly the bytes it held before. A build killed midway leaves each file whole, old or
        new; the next build deletes the kept copies. Outputs the build kept as they were are
        checked for symlinks too: none may be reached through one.
        """
        refuse_symlinks(self.root, sorted(known), self.links)
        stale = sorted(generated_files_on_disk(self.root, known=known | self.seen))
        changed: list[tuple[str, str | None]] = []  # (target, its kept old version)
        target = self._root
        try:
            for path, temporary in self.staged:
                target = os.path.join(self._root, path)
                old = self._keep_old(target)
                if old is not None:
                    changed.append((target, old))
                os.replace(temporary, target)
                if old is None:
                    changed.append((target, None))
            for path in stale:
                target = os.path.join(self._root, path)
                changed.append((target, self._old_version(target)))
                os.replace(target, self._old_version(target))
        except OSError as error:
            failed = _put_back(changed)
            outcome = (
                f"could not put back {len(failed)} file(s), first {failed[0]}"
                if failed
                else "every file was left as it was"
            )
            raise WriteError(
                f"cannot write this file: {error.strerror}; {outcome}", path=Path(target)
            ) from None
        for _, old in changed:
            if old is not None:
                with contextlib.suppress(OSError):  # a copy left behind goes with the next build
                    os.unlink(old)
        self.report.written.extend(path for path, _ in self.staged)
        self.report.removed.extend(stale)
        self.staged.clear()
        return self.report

    def abort(self) -> None:
        """Drop every staged file; the old ones stay as they were."""
        for _, temporary in self.staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        self.staged.clear()
        for folder in reversed(self.created_folders):
            with contextlib.suppress(OSError):  # not empty: someone else wrote there meanwhile
                folder.rmdir()


def _put_back(changed: list[tuple[str, str | None]]) -> list[str]:
    """Undo a commit's renames, last first: each old version back in place, each new file gone.
    Return the targets that could not be put back."""
    failed = []
    for target, old in reversed(changed):
        try:
            if old is None:
                os.unlink(target)
            else:
                os.replace(old, target)
                # A hard link renamed onto its own file is a no-op: the second name stays.
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(old)
        except FileNotFoundError:  # the rename that failed had not happened yet
            continue
        except OSError:
            failed.append(target)
    return failed


@contextmanager
def staged_write(root: Path) -> Iterator[StagedWrite]:
    """Hold the build lock, clear what a killed build left, stage; abort on any error."""
    with _exclusive(root):
        for leftover in leftover_temporaries(root):
            leftover.unlink(missing_ok=True)
        writer = StagedWrite(root)
        try:
            yield writer
        except BaseException:
            writer.abort()
            raise
