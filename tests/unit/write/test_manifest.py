"""The build manifest: a no-op build needs untouched outputs and unchanged inputs."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.write import manifest
from eventdocs.write.manifest import MANIFEST, BuildManifest


def test_touched_output_is_not_current(tmp_path: Path) -> None:
    """Changing a recorded output by hand makes the next build look at it again."""
    output = tmp_path / "docs/en/a.md"
    output.parent.mkdir(parents=True)
    output.write_text("a", "utf-8")
    BuildManifest().save(tmp_path, "inputs", {"docs/en/a.md": "fingerprint"})
    manifest = BuildManifest.read(tmp_path)
    assert manifest.is_current(tmp_path, "inputs")
    assert manifest.reusable(tmp_path, "docs/en/a.md", "fingerprint")
    assert not manifest.is_current(tmp_path, "other inputs")
    assert not manifest.reusable(tmp_path, "docs/en/a.md", "other fingerprint")
    stat = output.stat()
    os.utime(output, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert not manifest.is_current(tmp_path, "inputs")


def test_unreadable_manifest_means_a_full_build(tmp_path: Path) -> None:
    """A corrupt or foreign manifest is ignored, never trusted."""
    path = project_cache_dir(tmp_path) / MANIFEST
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    assert BuildManifest.read(tmp_path).outputs == {}


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "huge", "wrong-shape"])
def test_manifest_that_is_not_our_file_means_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A manifest replaced by a FIFO, an endless device, a folder, a huge file or another
    shape is read at once, bounded, and ignored."""
    path = project_cache_dir(tmp_path) / MANIFEST
    path.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        monkeypatch.setattr(manifest, "MAX_MANIFEST_BYTES", 100)
        path.write_bytes(b" " * 101)
    else:
        BuildManifest().save(tmp_path, "inputs", {})
        document = orjson.loads(path.read_bytes())
        document["outputs"] = {"docs/en/a.md": ["fingerprint", "size", 0]}
        path.write_bytes(orjson.dumps(document))
    assert BuildManifest.read(tmp_path).outputs == {}
