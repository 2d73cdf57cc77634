"""Machine-readable findings: a versioned JSON document (SARIF is ``report/sarif.py``)."""

from __future__ import annotations

import json

from eventdocs.check.findings import Severity
from eventdocs.report.formats import Report

JSON_FORMAT_VERSION = 1


def format_json(report: Report) -> str:
    """Return ``{"version": 1, "findings": [...], "summary": {...}}``; each ``path`` is from
    the working directory."""
    findings = report.findings
    document = {
        "version": JSON_FORMAT_VERSION,
        "findings": [
            {
                "code": finding.code.value,
                "severity": finding.severity.value,
                "path": report.places.shown(finding.path),
                "line": finding.line,
                "key": finding.key or None,
                "message": finding.message,
                "detail": finding.detail or None,
            }
            for finding in findings
        ],
        "summary": {
            severity.value: sum(finding.severity is severity for finding in findings)
            for severity in Severity
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def json_lines(report: Report) -> list[str]:
    """The ``json`` format of the formats table."""
    return [format_json(report)]
