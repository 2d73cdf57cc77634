"""The one careful reader: regular files only, bounded, never blocking on what was planted."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from eventdocs.base.bounded import file_digest, read_bounded, read_head, read_within
from eventdocs.errors import LoadError, MissingFileError


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo.yaml"
    os.mkfifo(path)
    return path


@pytest.fixture
def endless(tmp_path: Path) -> Path:
    path = tmp_path / "zero.yaml"
    path.symlink_to("/dev/zero")
    return path


def test_regular_file_is_read_whole(tmp_path: Path) -> None:
    """A regular file within the limit comes back byte for byte."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n")
    assert read_bounded(path, 5) == b"a: 1\n"


def test_missing_file_is_named_as_missing(tmp_path: Path) -> None:
    """A file that is not there raises the error callers tell apart from an unreadable one."""
    with pytest.raises(MissingFileError, match="schema not found"):
        read_bounded(tmp_path / "none.yaml", 10, what="schema")


def test_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    """A FIFO is opened without blocking and refused as not a regular file."""
    with pytest.raises(LoadError, match="not a regular file"):
        read_bounded(fifo, 10)


def test_symlink_to_dev_zero_is_refused(endless: Path) -> None:
    """A symlink to an endless device is refused before a byte is read."""
    with pytest.raises(LoadError, match="not a regular file"):
        read_bounded(endless, 10)


def test_symlink_is_refused_when_not_followed(tmp_path: Path) -> None:
    """Without following symlinks, even a link to a good file is refused."""
    (tmp_path / "real.json").write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert read_bounded(tmp_path / "link.json", 10) == b"{}"
    with pytest.raises(LoadError):
        read_bounded(tmp_path / "link.json", 10, follow_symlinks=False)


def test_directory_is_refused(tmp_path: Path) -> None:
    """A folder where a file is expected is refused, not crashed on."""
    with pytest.raises(LoadError, match="not a regular file"):
        read_bounded(tmp_path, 10)


def test_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    """A file larger than the limit is refused, naming the limit."""
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 11)
    with pytest.raises(LoadError, match="over the limit of 10 bytes"):
        read_bounded(path, 10)


def test_file_grown_since_its_status_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    """A file that grew after ``fstat`` is read no further than one byte past the limit."""
    path = tmp_path / "small.yaml"
    path.write_bytes(b"x")
    status = path.stat()

    class Growing(io.BytesIO):
        asked: list[int] = []  # noqa: RUF012 - a record of this one test's calls

        def read(self, size: int | None = -1) -> bytes:
            self.asked.append(-1 if size is None else size)
            return super().read(size)

    handle = Growing(b"x" * 1000)
    assert read_within(handle, status, 10) is None  # type: ignore[arg-type]
    assert sum(handle.asked) == 11
    assert read_within(io.BytesIO(b"xy"), status, 10) == b"xy"  # type: ignore[arg-type]


def test_head_of_anything_but_a_regular_file_is_none(fifo: Path, endless: Path) -> None:
    """The first bytes of a FIFO or a symlink are never read."""
    assert read_head(fifo, 512) is None
    assert read_head(endless, 512) is None


def test_digest_of_anything_but_a_regular_file_matches_no_file(fifo: Path, endless: Path) -> None:
    """A FIFO or an endless device gets a digest at once, one that no content has."""
    assert file_digest(fifo, limit=100) == file_digest(endless, limit=100) == "unreadable"
