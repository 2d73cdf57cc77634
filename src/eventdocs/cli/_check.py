"""``eventdocs check`` and ``eventdocs status``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from eventdocs.pipeline import CheckResult, check, status


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
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="How to print findings.",
)
@click.pass_obj
def check_command(root: Path, output_format: str) -> int:
    """Report translation drift and out-of-date generated files; exit 1 on any error."""
    result = check(root)
    findings = result.findings
    if output_format == "json":
        from eventdocs.report.machine import format_json

        click.echo(format_json(findings))
    elif output_format == "sarif":
        from eventdocs.report.machine import format_sarif

        click.echo(format_sarif(findings))
    elif output_format == "github":
        from eventdocs.report.github import append_step_summary, format_github

        for line in format_github(findings):
            click.echo(line)
        if findings and (summary := os.environ.get("GITHUB_STEP_SUMMARY")):
            append_step_summary(Path(summary), findings)
    else:
        from eventdocs.report.text import format_text

        for line in format_text(findings, checked=_checked(result)):
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
