"""Faults injected at an exact call: the Nth call to a file-system function fails, or kills."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

import pytest

# What a build does to the disk: open a file to write it, make a folder, set a file's mode,
# give a file a second name, rename one over another, remove a file or a folder.
WRITE_STEPS = ("open", "mkdir", "chmod", "link", "replace", "rename", "unlink", "rmdir")
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def fault_at_call(
    patch: pytest.MonkeyPatch,
    names: Iterable[str],
    at: int | None,
    fault: Callable[..., object],
) -> list[str]:
    """Wrap ``os.<name>`` for each of ``names`` and return the list each call is recorded in, as
    its name and paths; the call numbered ``at`` (from 1) first runs ``fault`` with its arguments,
    to raise or to kill (``None``: only count). Opening a file only to read it is not counted."""
    calls: list[str] = []

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if name == "open" and not args[1] & _WRITING:
                return real(*args, **kwargs)
            paths = [os.fspath(arg) for arg in args if isinstance(arg, str | os.PathLike)]
            calls.append(" ".join([name, *paths]))
            if len(calls) == at:
                fault(*args, **kwargs)
            return real(*args, **kwargs)

        return call

    for name in names:
        patch.setattr(os, name, counted(name, getattr(os, name)))
    return calls
