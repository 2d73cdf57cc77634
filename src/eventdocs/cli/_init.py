"""``eventdocs init``: registers itself with the command group when imported."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.cli import cli
from eventdocs.errors import one_line
from eventdocs.scaffold import scaffold_project


@cli.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Add the project to a folder that is not empty; a file already there is never replaced.",
)
@click.pass_obj
def init_command(root: Path, folder: Path, force: bool) -> None:
    """Create a new docs project in FOLDER: settings, an example event, the English strings,
    the templates, a home page and a mkdocs.yml that uses the eventdocs plugin."""
    target = root / folder
    written = scaffold_project(target, force=force)
    shown = one_line(target.as_posix())
    click.echo(f"eventdocs init: {len(written)} files written to {shown}")
    click.echo(
        f"next, in {shown}: `eventdocs build`, `eventdocs check`, then `mkdocs serve` to preview "
        '(`pip install "eventdocs[site]"` installs MkDocs)'
    )
