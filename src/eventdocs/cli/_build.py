"""``eventdocs build``."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.pipeline import build


@click.command("build")
@click.pass_obj
def build_command(root: Path) -> None:
    """Generate the pages and JSON Schema files into docs/ (only what changed is written)."""
    report = build(root)
    click.echo(
        f"eventdocs: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed"
    )
