"""Generated files: each one on disk must be exactly what ``eventdocs build`` would write now."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventdocs.base.bounded import read_bounded
from eventdocs.base.confined import SymlinkFinder, link_target
from eventdocs.check.findings import Code, Finding
from eventdocs.errors import LoadError, MissingFileError
from eventdocs.load.yaml_files import MAX_FILE_BYTES
from eventdocs.render.outputs import GeneratedFile
from eventdocs.write.on_disk import generated_files_on_disk


def first_different_line(old: str, new: str) -> int:
    """Return the 1-based number of the first line where ``old`` and ``new`` differ."""
    pairs = zip(old.splitlines(), new.splitlines(), strict=False)  # the shorter one ends it
    for number, (old_line, new_line) in enumerate(pairs, 1):
        if old_line != new_line:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


class GeneratedFilesCheck:
    """Compares each file, as it is rendered, with what is on disk; then looks for strays."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.findings: list[Finding] = []
        self.seen: set[str] = set()
        self.links = SymlinkFinder(root)
        self.reported_links: set[str] = set()

    def __call__(self, file: GeneratedFile) -> None:
        self.seen.add(file.path)
        link = self.links.first_symlink(file.path)
        if link is not None:  # never read through it: it may lead anywhere
            if link not in self.reported_links:
                self.reported_links.add(link)
                self.findings.append(
                    Finding(
                        link,
                        None,
                        Code.GENERATED,
                        "",
                        f"a symlink (to {link_target(self.root / link)}) where generated files "
                        "go; `eventdocs build` never writes through one: replace it with a "
                        "real folder or file",
                    )
                )
            return
        try:
            # No file longer than the expected one's UTF-8 (at most 4 bytes a character) can
            # equal it: read no further. (An output may be larger than any input: the API
            # documents describe every event at once.)
            raw = read_bounded(
                self.root / file.path,
                max(MAX_FILE_BYTES, 4 * len(file.text) + 1),
                what="generated file",
                follow_symlinks=False,
            )
        except MissingFileError:
            self.findings.append(
                Finding(file.path, None, Code.GENERATED, "", "missing; run `eventdocs build`")
            )
            return
        except LoadError as error:  # a FIFO, a device, a huge file: never read, reported
            self.findings.append(
                Finding(
                    file.path,
                    None,
                    Code.GENERATED,
                    "",
                    f"{error.message}; delete it and run `eventdocs build`",
                )
            )
            return
        on_disk = raw.decode("utf-8", errors="replace")
        if on_disk != file.text:
            self.findings.append(
                Finding(
                    file.path,
                    first_different_line(on_disk, file.text),
                    Code.GENERATED,
                    "",
                    "out of date or edited by hand; run `eventdocs build` (edit the sources, "
                    "not this file)",
                )
            )

    def strays(self, kept: frozenset[str]) -> Iterator[Finding]:
        """Generated files on disk that the build no longer produces."""
        for stray in sorted(generated_files_on_disk(self.root, known=kept | self.seen)):
            yield Finding(
                stray,
                None,
                Code.GENERATED,
                "",
                "no longer generated; run `eventdocs build` to remove it",
            )
