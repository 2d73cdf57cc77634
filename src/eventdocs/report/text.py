"""Human-readable findings: one line each, the word diff of stale ones indented below."""

from __future__ import annotations

from collections import Counter

import click

from eventdocs.check.findings import Finding, Severity
from eventdocs.errors import printable
from eventdocs.report.formats import Report
from eventdocs.report.places import Places

# Past this many findings of one code, the text lists no more of them but says how many:
# a terminal stays readable; the machine formats carry every finding.
TEXT_LIMIT_PER_CODE = 50


def format_text(findings: tuple[Finding, ...], *, places: Places, checked: str) -> list[str]:
    """Return the lines to print, each file named from the working directory; colour is added
    here and stripped by click off a terminal."""
    lines: list[str] = []
    shown: Counter[str] = Counter()
    for finding in findings:
        shown[finding.code.value] += 1
        if shown[finding.code.value] > TEXT_LIMIT_PER_CODE:
            continue
        colour = "red" if finding.severity is Severity.ERROR else "yellow"
        key = f" [{printable(finding.key)}]" if finding.key else ""
        lines.append(
            f"{click.style(printable(places.location(finding)), bold=True)}: "
            f"{click.style(finding.code.value, fg=colour)}{key} {printable(finding.message)}"
        )
        if finding.detail:
            lines.append(f"    {printable(finding.detail)}")
    for code, count in sorted(shown.items()):
        if count > TEXT_LIMIT_PER_CODE:
            lines.append(
                f"… and {count - TEXT_LIMIT_PER_CODE} more {code} findings "
                "(`--format json` lists every one)"
            )
    lines.append(summary_line(findings, checked=checked))
    return lines


def summary_line(findings: tuple[Finding, ...], *, checked: str) -> str:
    """``eventdocs check: 2 errors, 1 warning (…)`` or ``…: no findings (…)``."""
    counts = Counter(finding.severity for finding in findings)
    if not findings:
        return f"eventdocs check: no findings ({checked})"
    parts = [
        f"{counts[severity]} {severity.value}{'' if counts[severity] == 1 else 's'}"
        for severity in Severity
        if counts[severity]
    ]
    return f"eventdocs check: {', '.join(parts)} ({checked})"


def text_lines(report: Report) -> list[str]:
    """The ``text`` format of the formats table."""
    return format_text(report.findings, places=report.places, checked=report.checked)
