"""``eventdocs check`` and ``eventdocs status``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventdocs.pipeline import CheckResult, check, status
from eventdocs.report.formats import FORMATS, formatter


def _checked(result: CheckResult) -> str:
    project = result.project
    return (
        f"{len(project.events)} event(s), {len(project.locales)} locale(s), "
        f"{len(result.rendering.fingerprints)} generated file(s)"
    )


@click.command("check")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="How to print findings.",
)
@click.pass_obj
def check_command(root: Path, output_format: str) -> int:
    """Report translation drift and out-of-date generated files; exit 1 on any error."""
    result = check(root)
    for line in formatter(output_format)(result.findings, _checked(result)):
        click.echo(line)
    return 1 if result.failed else 0


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@click.pass_obj
def status_command(root: Path, as_json: bool) -> None:
    """Show translation coverage per language: translated, stale, missing, total."""
    rows = status(root)
    if as_json:
        click.echo(json.dumps({"version": 1, "locales": [row._asdict() for row in rows]}, indent=2))
        return
    header = f"{'locale':<8} {'translated':>10} {'stale':>6} {'missing':>8} {'total':>6}  coverage"
    click.echo(header)
    for row in rows:
        percent = 100 * row.translated / row.total if row.total else 100.0
        click.echo(
            f"{row.locale:<8} {row.translated:>10} {row.stale:>6} {row.missing:>8} "
            f"{row.total:>6}  {percent:5.1f}%"
        )
