"""Generated files: each one on disk must be exactly what ``eventdocs build`` would write now."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventdocs.check.findings import Code, Finding
from eventdocs.render.project import GeneratedFile
from eventdocs.write.files import generated_files_on_disk


def first_different_line(old: str, new: str) -> int:
    """Return the 1-based number of the first line where ``old`` and ``new`` differ."""
    for number, (old_line, new_line) in enumerate(zip(old.splitlines(), new.splitlines()), 1):
        if old_line != new_line:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


def check_generated(
    root: Path, files: tuple[GeneratedFile, ...], kept: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    """Yield a finding for each generated file that is missing, different or no longer made."""
    for file in files:
        try:
            on_disk = (root / file.path).read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:
            yield Finding(file.path, 0, Code.GENERATED, "", "missing; run `eventdocs build`")
            continue
        if on_disk != file.text:
            yield Finding(
                file.path,
                first_different_line(on_disk, file.text),
                Code.GENERATED,
                "",
                "out of date or edited by hand; run `eventdocs build` (edit the sources, "
                "not this file)",
            )
    known = frozenset({file.path for file in files} | kept)
    for stray in sorted(generated_files_on_disk(root, known=known)):
        yield Finding(
            stray, 0, Code.GENERATED, "", "no longer generated; run `eventdocs build` to remove it"
        )
