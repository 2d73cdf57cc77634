"""The severity a project gives each finding code (``[eventdocs.severity]`` in eventdocs.toml).

A team that publishes the English first lets translations lag: their findings become warnings,
reported in every format, and ``check`` passes. The settings themselves are validated on load
(``load.config``): only codes of late translation work may be warnings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from eventdocs.check.findings import Code, Finding, Severity


def with_severities(
    findings: Iterable[Finding], settings: Mapping[str, str], source_file: str
) -> list[Finding]:
    """``findings``, each of a code ``settings`` names at that severity; a missing English
    text stays an error whatever the setting (no page can be built without it)."""
    adjusted: list[Finding] = []
    for finding in findings:
        wanted = settings.get(finding.code.value)
        source_missing = finding.code is Code.MISSING and finding.path == source_file
        if wanted is None or source_missing or wanted == finding.severity.value:
            adjusted.append(finding)
        else:
            adjusted.append(dataclasses.replace(finding, severity=Severity(wanted)))
    return adjusted
