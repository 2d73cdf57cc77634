"""What earlier builds left under docs/: the files they generated, a killed one's temporaries.

A generated file says so in its first lines (``GENERATED_MARKER``); a build's temporary files
and kept old versions are named ``.NAME.*.tmp`` (see ``eventdocs.write.files``). Nothing is
looked for through a symlinked docs/ folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from eventdocs.base.bounded import read_head
from eventdocs.render.outputs import GENERATED_MARKER

# The marker sits in a file's first lines; reading this much is enough to find it.
_HEAD_BYTES = 512


def is_generated(path: Path) -> bool:
    """Tell whether ``path`` was written by ``eventdocs build`` (its first lines say so).

    A build writes regular files only: anything else (a FIFO, a device, a symlink) is someone
    else's, never opened for reading in a way that could block, and never removed.
    """
    head = read_head(path, _HEAD_BYTES)
    return head is not None and GENERATED_MARKER.encode() in head


def generated_files_on_disk(
    root: Path, output_dir: str = "docs", *, known: frozenset[str] = frozenset()
) -> set[str]:
    """Return the generated files under ``root/output_dir``, relative to ``root``, leaving out
    (unread) those in ``known``: only strangers need their first lines read."""
    base = root / output_dir
    # Through a symlinked docs/ the walk would list, and a build remove, files elsewhere.
    if base.is_symlink() or not base.is_dir():
        return set()
    found: set[str] = set()
    for folder, _, names in os.walk(base):
        prefix = Path(folder).relative_to(root).as_posix()
        for name in names:
            if not name.endswith((".md", ".json")):
                continue
            relative = f"{prefix}/{name}"
            if relative not in known and is_generated(root / relative):
                found.add(relative)
    return found


def leftover_temporaries(root: Path, output_dir: str = "docs") -> list[Path]:
    """Temporary files and kept old versions a killed build left behind (builds name them
    ``.NAME.*.tmp``); never looked for through a symlinked folder."""
    base = root / output_dir
    if base.is_symlink() or not base.is_dir():
        return []
    return sorted(
        Path(folder, name)
        for folder, _, names in os.walk(base)
        for name in names
        if name.startswith(".") and name.endswith(".tmp")
    )
