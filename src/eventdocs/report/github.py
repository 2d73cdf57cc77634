"""GitHub workflow commands: the first annotations of each severity, the rest in the step summary.

GitHub shows at most 10 annotations of one type per step; printing more only hides them, so
the rest are counted in a notice and listed in full in ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from eventdocs.check.findings import Finding, Severity
from eventdocs.errors import printable
from eventdocs.report.formats import Report
from eventdocs.report.places import Places

ANNOTATIONS_PER_TYPE = 10


def _data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: tuple[Finding, ...], places: Places) -> list[str]:
    """Return the workflow-command lines, capped per severity, with a notice for the rest;
    GitHub resolves ``file`` from the repository root, where the workflow runs."""
    lines: list[str] = []
    for severity in Severity:
        of_severity = [finding for finding in findings if finding.severity is severity]
        for finding in of_severity[:ANNOTATIONS_PER_TYPE]:
            properties = f"file={_property(places.shown(finding.path))}"
            if (line := finding.line or finding.near_line) is not None:
                properties += f",line={line}"
            properties += f",title={_property('eventdocs ' + finding.code.value)}"
            key = f"[{finding.key}] " if finding.key else ""
            message = key + finding.message + (f"\n{finding.detail}" if finding.detail else "")
            lines.append(f"::{severity.value} {properties}::{_data(message)}")
        hidden = len(of_severity) - ANNOTATIONS_PER_TYPE
        if hidden > 0:
            lines.append(
                f"::notice title=eventdocs::{hidden} more {severity.value}s are not annotated; "
                "see the job summary for every finding"
            )
    return lines


def step_summary(findings: tuple[Finding, ...], places: Places) -> str:
    """Return every finding as a Markdown table for ``$GITHUB_STEP_SUMMARY``."""
    rows = [
        "## eventdocs check",
        "",
        f"{len(findings)} finding(s).",
        "",
        "| Severity | Code | Location | Key | Message |",
        "| --- | --- | --- | --- | --- |",
    ]
    for finding in findings:
        cells = [
            finding.severity.value,
            finding.code.value,
            places.location(finding),
            finding.key,
        ]
        message = finding.message + (f" ({finding.detail})" if finding.detail else "")
        rows.append("| " + " | ".join([*map(summary_cell, cells), code_cell(message)]) + " |")
    return "\n".join(rows) + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~])")


def summary_cell(text: str) -> str:
    """A table cell GitHub renders as the very text: findings quote untrusted translations."""
    escaped = html.escape(printable(text), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def code_cell(text: str) -> str:
    """A table cell showing ``text`` as code: a message quotes translations, and in a code span
    GitHub makes no link of an address, no mention of `@name` and no markup of anything."""
    text = printable(text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def append_step_summary(path: Path, findings: tuple[Finding, ...], places: Places) -> None:
    """Append the summary table to the file GitHub names in ``$GITHUB_STEP_SUMMARY``."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(step_summary(findings, places))


def github_lines(report: Report) -> list[str]:
    """The ``github`` format of the formats table: annotations, and every finding in the job
    summary when the workflow names one (``$GITHUB_STEP_SUMMARY``)."""
    if report.findings and (summary := os.environ.get("GITHUB_STEP_SUMMARY")):
        append_step_summary(Path(summary), report.findings, report.places)
    return format_github(report.findings, report.places)
