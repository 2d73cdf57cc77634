"""The build manifest: a no-op build needs untouched outputs and unchanged inputs."""

from __future__ import annotations

import os
from pathlib import Path

from eventdocs.write.manifest import BuildManifest


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
    (tmp_path / ".eventdocs-cache").mkdir()
    (tmp_path / ".eventdocs-cache/build-manifest.json").write_text("{not json", "utf-8")
    assert BuildManifest.read(tmp_path).outputs == {}
