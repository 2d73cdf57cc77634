"""``eventdocs check`` and ``eventdocs status``."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.check.findings import Finding, input_finding
from eventdocs.errors import EventdocsError, UsageError
from eventdocs.load.config import ProjectConfig, load_config
from eventdocs.pipeline import CheckResult, check, status
from eventdocs.report.formats import FORMATS, Report, formatter, site_url
from eventdocs.report.places import Places
from eventdocs.report.status import STATUS_FORMATS, status_formatter


def _checked(result: CheckResult) -> str:
    project = result.project
    if project is None or result.rendering is None:
        return "inputs that do not load: nothing else checked"
    return (
        f"{len(project.events)} event(s), {len(project.locales)} locale(s), "
        f"{len(result.rendering.fingerprints)} generated file(s)"
    )


def _schema_base_url(root: Path, result: CheckResult) -> str:
    """Where the project serves its schemas; the default when its settings do not load."""
    if result.project is not None:
        return result.project.config.schema_base_url
    try:
        return load_config(root).schema_base_url
    except EventdocsError:  # already a finding; the links still need a site
        return ProjectConfig().schema_base_url


def _check(root: Path) -> CheckResult:
    """Every finding; an error no stage turned into one is an ``input`` finding too, so each
    format reports it (a SARIF log or a JSON document is never left empty)."""
    try:
        return check(root)
    except UsageError:
        raise
    except EventdocsError as error:
        findings: tuple[Finding, ...] = (input_finding(root, error),)
        return CheckResult(None, None, findings)


@click.command("check")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="How to print findings (files are named from the working directory).",
)
@click.pass_obj
def check_command(root: Path, output_format: str) -> int:
    """Report translation drift and out-of-date generated files; exit 1 on any error."""
    result = _check(root)
    report = Report(
        result.findings,
        _checked(result),
        Places(root),
        site_url(_schema_base_url(root, result)),
    )
    for line in formatter(output_format)(report):
        click.echo(line)
    return 1 if result.failed else 0


@click.command("status")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(STATUS_FORMATS),
    default=None,
    help="How to print the table (default: text; markdown is for a pull-request comment).",
)
# Replaced by `--format json`; kept for a while so scripts keep working, with a note.
@click.option("--json", "as_json", is_flag=True, hidden=True)
@click.option("--by-subject", is_flag=True, help="Also one row per event, type and group of words.")
@click.pass_obj
def status_command(root: Path, output_format: str | None, as_json: bool, by_subject: bool) -> None:
    """Show translation coverage per language: translated, stale, missing, total."""
    if as_json:
        if output_format not in (None, "json"):
            raise click.UsageError(f"--json contradicts --format {output_format}")
        click.echo("eventdocs: --json is deprecated; use --format json", err=True)
        output_format = "json"
    rows = status(root)
    for line in status_formatter(output_format or "text")(rows, by_subject=by_subject):
        click.echo(line)
