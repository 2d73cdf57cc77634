"""The build pipeline as one call: load → render → write. The CLI and the MkDocs hook use it."""

from __future__ import annotations

from pathlib import Path

from eventdocs.errors import RenderError
from eventdocs.load.project import Project, load_project
from eventdocs.render.project import Rendering, render_project
from eventdocs.write.files import WriteReport, write_files


def render_checked(project: Project) -> Rendering:
    """Render ``project``; refuse if the source language lacks a string a page needs."""
    rendering = render_project(project)
    if rendering.missing_source:
        key, page = next(iter(sorted(rendering.missing_source.items())))
        more = len(rendering.missing_source) - 1
        suffix = f" (and {more} more key{'s' if more > 1 else ''})" if more else ""
        raise RenderError(
            f"no text for key {key!r}, needed by {page}; add it{suffix}",
            path=project.source.path,
        )
    return rendering


def build(root: Path) -> WriteReport:
    """Validate everything, then write what changed; on any error nothing is written."""
    project = load_project(root)
    rendering = render_checked(project)
    return write_files(root, rendering.files, keep=rendering.kept_files)
