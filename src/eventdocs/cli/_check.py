"""``eventdocs check`` and ``eventdocs status``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventdocs.check.findings import Finding, input_finding
from eventdocs.check.status import Coverage
from eventdocs.errors import EventdocsError, UsageError
from eventdocs.load.config import ProjectConfig, load_config
from eventdocs.pipeline import CheckResult, check, status
from eventdocs.report.formats import FORMATS, Report, formatter, site_url
from eventdocs.report.places import Places


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
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@click.option("--by-subject", is_flag=True, help="Also one row per event, type and group of words.")
@click.pass_obj
def status_command(root: Path, as_json: bool, by_subject: bool) -> None:
    """Show translation coverage per language: translated, stale, missing, total."""
    rows = status(root)
    if as_json:
        languages = [_fields(row) for row in rows if not row.subject]
        subjects = [row._asdict() for row in rows if row.subject]
        document = {"version": 1, "locales": languages, "subjects": subjects}
        click.echo(json.dumps(document, indent=2))
        return
    name, width = "locale", 0
    if by_subject:
        width = max(len(row.subject) for row in rows)
        name = f"{'locale':<8} {'subject':<{width}}"
    else:
        rows = [row for row in rows if not row.subject]
    header = f"{name:<8} {'translated':>10} {'stale':>6} {'missing':>8} {'total':>6}  coverage"
    click.echo(header)
    for row in rows:
        percent = 100 * row.translated / row.total if row.total else 100.0
        label = f"{row.locale:<8} {row.subject or '(all)':<{width}}" if by_subject else row.locale
        click.echo(
            f"{label:<8} {row.translated:>10} {row.stale:>6} {row.missing:>8} "
            f"{row.total:>6}  {percent:5.1f}%"
        )


def _fields(row: Coverage) -> dict[str, object]:
    """A language's row as the JSON output has always written it."""
    return {key: value for key, value in row._asdict().items() if key != "subject"}
