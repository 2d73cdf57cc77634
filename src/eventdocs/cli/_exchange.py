"""``export`` and ``import``: a language's strings out to a translator's file and back."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.exchange.formats import FORMATS
from eventdocs.exchange.gate import ImportRefused
from eventdocs.exchange.round_trip import DEFAULT_FOLDER
from eventdocs.pipeline import export, import_translations


@click.command("export")
@click.argument("codes", nargs=-1, metavar="[LOCALE]...")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    default="po",
    show_default=True,
    help="The translators' file format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"The folder to write into (default: {DEFAULT_FOLDER}/ in the project folder).",
)
@click.pass_obj
def export_command(
    root: Path, codes: tuple[str, ...], format_name: str, output: Path | None
) -> None:
    """Write one translator's file per LOCALE (every translation by default): DIR/LOCALE.po or
    DIR/LOCALE.xlf, each string with its key, its English and the English a stale one was
    made from."""
    written = export(root, codes, format_name, output)
    for path in written:
        click.echo(f"wrote {path.as_posix()}")
    click.echo(f"eventdocs export: {len(written)} file(s) written")


@click.command("import")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE...",
)
@click.pass_obj
def import_command(root: Path, files: tuple[Path, ...]) -> int:
    """Write the translations of translators' files (LOCALE.po, LOCALE.xlf) into locales/: all
    of them, or nothing when any string breaks a rule `eventdocs check` applies."""
    try:
        changes = import_translations(root, files)
    except ImportRefused as refused:
        for problem in refused.problems:  # one line each, escaped: see `EventdocsError`
            click.echo(f"Error: {problem}", err=True)
        return 1
    for code, keys in changes.items():
        click.echo(f"locales/{code}.yaml: {len(keys)} translation(s) updated")
    total = sum(len(keys) for keys in changes.values())
    click.echo(f"eventdocs import: {total} translation(s) updated")
    return 0
