"""What the last build wrote, so the next one renders and writes only what changed.

``build-manifest.json``, in the project's cache folder, records a digest of every input and, per
output, the digest of what it was rendered from and its size and modification time once
written. A build whose inputs and outputs all match it does nothing; otherwise only outputs
whose inputs changed, or which changed on disk, are rendered again. It is read as carefully as
any input: a manifest that is not exactly what a build of this code writes means a full build.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from eventdocs.base.atomic import atomic_write
from eventdocs.base.bounded import file_digest, read_bounded
from eventdocs.errors import EventdocsError, LoadError
from eventdocs.load import plain
from eventdocs.load.cache import MALFORMED, digest, format_tag
from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.load.inputs import CONFIG_FILE, find_inputs, published_schema_files
from eventdocs.load.project import Project, settings_digest
from eventdocs.load.yaml_files import MAX_FILE_BYTES

MANIFEST = "build-manifest.json"
# A manifest lists every output (tens of thousands in a large project): far below this.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


def _inputs_digest(
    settings: str, files: Mapping[str, str], root: Path, outputs: Iterable[str]
) -> str:
    """A digest of every input of a build: templates and config (``settings``), each schema,
    locale and hand-written page's content digest, and the schema files of earlier versions
    (every JSON file under docs/schemas/ that is not an output)."""
    parts: list[str] = [settings]
    for name, content in sorted(files.items()):
        parts += [name, content]
    generated = set(outputs)
    parts += [name for name in published_schema_files(root) if name not in generated]
    return digest(CONFIG_FILE, *parts)


def inputs_on_disk(root: Path, outputs: Iterable[str]) -> str:
    """``_inputs_digest`` of the files as they are now, found as a load finds them and each
    read in chunks; a project that would not load is never current."""
    try:
        inputs = find_inputs(root)
    except EventdocsError:
        return ""
    files = {
        path.relative_to(root).as_posix(): file_digest(path, limit=MAX_FILE_BYTES)
        for path in (*inputs.schema_files, *inputs.type_files, *inputs.locale_files, *inputs.pages)
    }
    if inputs.envelope.is_file():
        files[inputs.envelope.relative_to(root).as_posix()] = file_digest(
            inputs.envelope, limit=MAX_FILE_BYTES
        )
    return _inputs_digest(settings_digest(inputs), files, root, outputs)


def inputs_loaded(project: Project, outputs: Iterable[str]) -> str:
    """``_inputs_digest`` of the files as the build read them: a file edited while the build
    ran is then seen as changed by the next build."""
    return _inputs_digest(project.settings_digest, project.file_digests, project.root, outputs)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        # The link itself, not its target: an output swapped for a symlink is never current.
        status = path.lstat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


@dataclass
class BuildManifest:
    """The record of the last successful build of one project."""

    inputs: str = ""
    # path → [fingerprint, size, mtime_ns]
    outputs: dict[str, list[object]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Path) -> BuildManifest:
        """The manifest the last build of ``root`` saved; an empty one if there is none, or if
        it is not a regular file, too large, or not in the shape ``save`` writes."""
        path = project_cache_dir(root) / MANIFEST
        try:
            data = plain.mapping(
                orjson.loads(read_bounded(path, MAX_MANIFEST_BYTES, follow_symlinks=False))
            )
            if data.get("tag") != format_tag():
                return cls()
            outputs = {
                plain.text(name): _output_from_plain(recorded)
                for name, recorded in plain.mapping(data["outputs"]).items()
            }
            return cls(plain.text(data["inputs"]), outputs)
        except (LoadError, OSError, *MALFORMED):
            return cls()

    def on_disk(self, root: Path, path: str) -> bool:
        """Whether ``path`` is still exactly as the last build left it."""
        recorded = self.outputs.get(path)
        return recorded is not None and _stat(root / path) == (recorded[1], recorded[2])

    def is_current(self, root: Path, inputs: str) -> bool:
        """Same inputs, and every output untouched since: nothing to do."""
        return (
            bool(self.outputs)
            and inputs == self.inputs
            and all(self.on_disk(root, path) for path in self.outputs)
        )

    def reusable(self, root: Path, path: str, fingerprint: str) -> bool:
        """Whether ``path`` was rendered from these very inputs and is unchanged on disk."""
        recorded = self.outputs.get(path)
        return recorded is not None and recorded[0] == fingerprint and self.on_disk(root, path)

    def save(self, root: Path, inputs: str, fingerprints: dict[str, str]) -> None:
        outputs: dict[str, list[object]] = {}
        for path, fingerprint in sorted(fingerprints.items()):
            status = _stat(root / path)
            if status is not None:
                outputs[path] = [fingerprint, *status]
        document = {"tag": format_tag(), "inputs": inputs, "outputs": outputs}
        # Best effort: without a manifest the next build is a full one, nothing worse.
        with contextlib.suppress(OSError):
            atomic_write(project_cache_dir(root) / MANIFEST, orjson.dumps(document))


def _output_from_plain(data: object) -> list[object]:
    fingerprint, size, mtime_ns = plain.record(data, 3)
    return [plain.text(fingerprint), plain.integer(size), plain.integer(mtime_ns)]
