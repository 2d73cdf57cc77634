"""Machine-readable findings: a versioned JSON document, and SARIF 2.1.0 for code scanning."""

from __future__ import annotations

import json

from eventdocs import __version__
from eventdocs.check.findings import CODE_HELP, Code, Finding, Severity

JSON_FORMAT_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def format_json(findings: tuple[Finding, ...]) -> str:
    """Return ``{"version": 1, "findings": [...], "summary": {...}}``."""
    document = {
        "version": JSON_FORMAT_VERSION,
        "findings": [
            {
                "code": finding.code.value,
                "severity": finding.severity.value,
                "path": finding.path,
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


def format_sarif(findings: tuple[Finding, ...]) -> str:
    """Return a SARIF 2.1.0 log with one rule per finding code."""
    results = []
    for finding in findings:
        location: dict[str, object] = {"artifactLocation": {"uri": finding.path}}
        if finding.line is not None:
            location["region"] = {"startLine": finding.line}
        text = f"[{finding.key}] {finding.message}" if finding.key else finding.message
        if finding.detail:
            text += f"\n{finding.detail}"
        results.append(
            {
                "ruleId": finding.code.value,
                "level": finding.severity.value,
                "message": {"text": text},
                "locations": [{"physicalLocation": location}],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "eventdocs",
                        "version": __version__,
                        "rules": [
                            {"id": code.value, "shortDescription": {"text": CODE_HELP[code]}}
                            for code in Code
                        ],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def json_lines(findings: tuple[Finding, ...], checked: str) -> list[str]:
    """The ``json`` format of the formats table."""
    return [format_json(findings)]


def sarif_lines(findings: tuple[Finding, ...], checked: str) -> list[str]:
    """The ``sarif`` format of the formats table."""
    return [format_sarif(findings)]
