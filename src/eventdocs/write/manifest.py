"""What the last build wrote, so the next one renders and writes only what changed.

``.eventdocs-cache/build-manifest.json`` records a digest of every input and, per output, the
digest of what it was rendered from and its size and modification time once written. A build
whose inputs and outputs all match it does nothing; otherwise only outputs whose inputs changed,
or which changed on disk, are rendered again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from eventdocs.load._cache import CACHE_TAG, cache_dir, digest, file_digest, write_atomically
from eventdocs.load.project import CONFIG_FILE, Project, templates_and_config_digest

MANIFEST = "build-manifest.json"


def _inputs_digest(
    settings: str, files: Mapping[str, str], root: Path, outputs: Iterable[str]
) -> str:
    """A digest of every input of a build: templates and config (``settings``), each schema and
    locale file's content digest, and the schema files of earlier versions (every JSON file
    under docs/schemas/ that is not an output)."""
    parts: list[str] = [settings]
    for name, content in sorted(files.items()):
        parts += [name, content]
    schemas = root / "docs" / "schemas"
    if schemas.is_dir():
        generated = set(outputs)
        names = (path.relative_to(root).as_posix() for path in schemas.rglob("*.json"))
        parts += sorted(name for name in names if name not in generated)
    return digest(CONFIG_FILE, *parts)


def inputs_on_disk(root: Path, outputs: Iterable[str]) -> str:
    """``_inputs_digest`` of the files as they are now, each read in chunks."""
    files = {
        path.relative_to(root).as_posix(): file_digest(path)
        for folder in ("schema", "locales")
        for path in (root / folder).glob("*.yaml")
    }
    return _inputs_digest(templates_and_config_digest(root), files, root, outputs)


def inputs_loaded(project: Project, outputs: Iterable[str]) -> str:
    """``_inputs_digest`` of the files as the build read them: a file edited while the build
    ran is then seen as changed by the next build."""
    return _inputs_digest(project.settings_digest, project.file_digests, project.root, outputs)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
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
        try:
            data = json.loads((cache_dir(root) / MANIFEST).read_text("utf-8"))
            if data.get("tag") != CACHE_TAG:
                return cls()
            return cls(str(data["inputs"]), dict(data["outputs"]))
        except (OSError, ValueError, KeyError, TypeError):
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
        document = {"tag": CACHE_TAG, "inputs": inputs, "outputs": outputs}
        write_atomically(cache_dir(root) / MANIFEST, json.dumps(document).encode("utf-8"))
