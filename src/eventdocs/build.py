"""The build pipeline as one call: load → render → write. The CLI and the MkDocs hook use it."""

from __future__ import annotations

from pathlib import Path

from eventdocs.errors import RenderError
from eventdocs.load.project import Project, load_project
from eventdocs.render.project import Rendering, render_project
from eventdocs.write.files import WriteReport, refuse_symlinks, staged_write
from eventdocs.write.manifest import BuildManifest, inputs_loaded, inputs_on_disk


def check_source_complete(project: Project, rendering: Rendering) -> None:
    """Refuse a rendering that needed a string the source language does not have."""
    if rendering.missing_source:
        key, page = next(iter(sorted(rendering.missing_source.items())))
        more = len(rendering.missing_source) - 1
        suffix = f" (and {more} more key{'s' if more > 1 else ''})" if more else ""
        raise RenderError(
            f"no text for key {key!r}, needed by {page}; add it{suffix}",
            path=project.source.path,
        )


def build(root: Path, *, incremental: bool = True) -> WriteReport:
    """Validate everything, then write what changed; on any error nothing is written.

    Incremental (the default): outputs whose inputs did not change since the last build, and
    that nobody touched since, are neither rendered nor written again.
    """
    manifest = BuildManifest.read(root) if incremental else BuildManifest()
    # Hashing every input is only worth it when there is a previous build to compare with.
    if manifest.outputs and manifest.is_current(root, inputs_on_disk(root, manifest.outputs)):
        # Unchanged, but a folder swapped for a symlink since is refused all the same.
        refuse_symlinks(root, sorted(manifest.outputs))
        return WriteReport(unchanged=sorted(manifest.outputs))
    project = load_project(root, use_cache=incremental)
    with staged_write(root) as writer:
        rendering = render_project(
            project,
            reuse=lambda path, fingerprint: manifest.reusable(root, path, fingerprint),
            sink=writer,
        )
        check_source_complete(project, rendering)
        expected = frozenset(rendering.fingerprints)
        report = writer.commit(rendering.kept_files | expected)
    report.unchanged.extend(sorted(expected - writer.seen))
    manifest.save(root, inputs_loaded(project, expected), rendering.fingerprints)
    return report
