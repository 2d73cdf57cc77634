"""SARIF 2.1.0 for code scanning: one rule per finding code, one located result per finding.

Each rule carries its texts from ``check.findings.RULES`` and links to its section of the
project's reference page of checks. A result names its file relative to ``%SRCROOT%``, the
working directory (where code scanning expects the repository root), or, for a project
outside it, by its absolute ``file`` URI: SARIF asks producers to resolve ``..`` segments
rather than write them (§3.10.2). ``%SRCROOT%`` is declared without its absolute URI, which
would differ on every machine (§3.14.14 allows this, for deterministic logs).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from eventdocs import __version__
from eventdocs.check.findings import RULES, Code, Finding
from eventdocs.errors import printable
from eventdocs.report.formats import Report
from eventdocs.report.places import Places

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SOURCE_ROOT = "%SRCROOT%"
# pages/en/checks.md, which the site serves at its root (the default language); one section,
# anchored by the code, per rule.
RULES_PAGE = "checks/"


def rule_url(site_url: str, code: Code) -> str:
    """The rule's section of the reference page of checks."""
    return f"{site_url}{RULES_PAGE}#{code.value}"


def rule_descriptor(code: Code, site_url: str) -> dict[str, Any]:
    """The ``reportingDescriptor`` of ``code``: its texts, its fix and its reference link."""
    rule, url = RULES[code], rule_url(site_url, code)
    return {
        "id": code.value,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.meaning},
        "help": {
            "text": f"{rule.meaning}\n\nHow to fix: {rule.fix}\n\nReference: {url}",
            "markdown": f"{rule.meaning}\n\n**How to fix:** {rule.fix}\n\n[Reference]({url})",
        },
        "helpUri": url,
        # Every code can be an error; a result's own `level` says when one is a warning.
        "defaultConfiguration": {"level": "error"},
    }


def artifact_location(places: Places, path: str) -> dict[str, str]:
    """A file relative to ``%SRCROOT%`` when it is below the working directory, else its
    absolute ``file`` URI."""
    shown = places.shown(path)
    if places.inside(shown):
        return {"uri": quote(shown, safe="/"), "uriBaseId": SOURCE_ROOT}
    return {"uri": places.target(path).resolve().as_uri()}


def _shown_as_written(text: str) -> str:
    """Text code scanning shows as it is: control, bidi and zero-width characters escaped, and
    no ``[text](target)`` a viewer would make a link of (a word diff quotes a translation
    file's ``source``, which anyone can write)."""
    return printable(text).replace("](", "]\\(")


def _result(finding: Finding, places: Places, rule_index: int) -> dict[str, Any]:
    text = f"[{finding.key}] {finding.message}" if finding.key else finding.message
    if finding.detail:
        text += f"\n{finding.detail}"
    text = "\n".join(_shown_as_written(line) for line in text.split("\n"))
    location = {
        "artifactLocation": artifact_location(places, finding.path),
        # Code scanning shows a result only at a line: one about a whole file is shown where
        # it belongs (a missing key, where `sync` adds it) or at the file's first line.
        "region": {"startLine": finding.line or finding.near_line or 1},
    }
    return {
        "ruleId": finding.code.value,
        "ruleIndex": rule_index,
        "level": finding.severity.value,
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    }


def format_sarif(report: Report) -> str:
    """Return the SARIF log of ``report``: one run, every rule, a result per finding."""
    codes = list(Code)
    index = {code: number for number, code in enumerate(codes)}
    driver = {
        "name": "eventdocs",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": f"{report.site_url}{RULES_PAGE}",
        "rules": [rule_descriptor(code, report.site_url) for code in codes],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {
            SOURCE_ROOT: {"description": {"text": "The working directory eventdocs check ran in."}}
        },
        "results": [
            _result(finding, report.places, index[finding.code]) for finding in report.findings
        ],
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def sarif_lines(report: Report) -> list[str]:
    """The ``sarif`` format of the formats table."""
    return [format_sarif(report)]
