"""``eventdocs check`` as one call: load, render in memory through the build's code, compare."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventdocs.check.compatibility import check_compatibility
from eventdocs.check.examples import check_examples
from eventdocs.check.findings import Finding, Severity
from eventdocs.check.generated import GeneratedFilesCheck
from eventdocs.check.site_config import check_site_config
from eventdocs.check.translations import check_translations
from eventdocs.load.project import Project, load_project
from eventdocs.render.project import Rendering, render_project


@dataclass(frozen=True)
class CheckResult:
    """The findings, sorted by file and line, and what was checked."""

    project: Project
    rendering: Rendering
    findings: tuple[Finding, ...]

    @property
    def failed(self) -> bool:
        return any(finding.severity is Severity.ERROR for finding in self.findings)


def run_checks(root: Path) -> CheckResult:
    """Load the project at ``root`` and return every finding; writes nothing."""
    project = load_project(root)
    generated = GeneratedFilesCheck(project.root)
    rendering = render_project(project, sink=generated)
    findings = [*check_translations(project, rendering.used_keys), *generated.findings]
    findings.extend(generated.strays(rendering.kept_files))
    for event in project.events:
        path = project.relative(project.event_paths[event.event])
        findings.extend(
            check_examples(event, path, rendering.json_schemas[event.event], project.cache)
        )
    findings.extend(check_compatibility(project, rendering.json_schemas))
    findings.extend(check_site_config(project))
    return CheckResult(project, rendering, tuple(sorted(findings)))
