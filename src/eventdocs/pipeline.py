"""The pipeline as the commands run it, one short function each, over the same stages.

load (files → validated models) → render (pages and JSON Schema, in memory) → then either
check (compares in memory, writes nothing) or write (atomic, only what changed). ``build``,
``check``, ``status``, ``validate``, ``accept``, ``new_locale``, ``rename``, ``sync``,
``export`` and ``import_translations`` are siblings, each doing only
the work it needs; the CLI and the MkDocs plugin call only these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventdocs.check.compatibility import check_compatibility
from eventdocs.check.examples import (
    check_examples,
    invalid_examples,
    refuse_invalid_examples,
)
from eventdocs.check.findings import Finding, Severity, input_finding
from eventdocs.check.generated import GeneratedFilesCheck
from eventdocs.check.severity import with_severities
from eventdocs.check.site_config import check_site_config
from eventdocs.check.translations import check_translations
from eventdocs.edit.accept import Accepted, accept_minor_edit, accept_translations
from eventdocs.edit.new_locale import scaffold_locale
from eventdocs.edit.rename import Renamed, rename_keys
from eventdocs.edit.sync import Synced, sync_locales
from eventdocs.errors import EventdocsError, RenderError, SiteError, UsageError
from eventdocs.exchange.gate import Changes
from eventdocs.exchange.round_trip import export_files, import_files
from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.load.envelope import load_envelope
from eventdocs.load.problems import input_problems
from eventdocs.load.project import Project, event_names, load_event_project, load_project
from eventdocs.render.coverage import Coverage, coverage
from eventdocs.render.project import Rendering, render_project, used_keys
from eventdocs.render.schemas import render_event_schema
from eventdocs.validate.payload import payload_errors
from eventdocs.write.files import WriteReport, refuse_symlinks, staged_write
from eventdocs.write.manifest import BuildManifest, inputs_loaded, inputs_on_disk


def check_source_complete(project: Project, rendering: Rendering) -> None:
    """Refuse a rendering that needed a string the source language does not have."""
    if rendering.missing_source:
        key, page = next(iter(sorted(rendering.missing_source.items())))
        more = len(rendering.missing_source) - 1
        suffix = f" (and {more} more key{'s' if more > 1 else ''})" if more else ""
        raise RenderError(
            f"no text for key {key!r}, needed by {page}; add it{suffix}",
            path=project.source.path,
        )


def build(root: Path, *, incremental: bool = True) -> WriteReport:
    """Validate everything, then write what changed; on any error nothing is written.

    Incremental (the default): outputs whose inputs did not change since the last build, and
    that nobody touched since, are neither rendered nor written again.
    """
    return _build(root, incremental=incremental)[0]


def _build(root: Path, *, incremental: bool = True) -> tuple[WriteReport, Project | None]:
    """``build``, and the project it loaded (None when nothing had changed)."""
    manifest = BuildManifest.read(root) if incremental else BuildManifest()
    # Hashing every input is only worth it when there is a previous build to compare with.
    if manifest.outputs and manifest.is_current(root, inputs_on_disk(root, manifest.outputs)):
        # Unchanged, but a folder swapped for a symlink since is refused all the same.
        refuse_symlinks(root, sorted(manifest.outputs))
        return WriteReport(unchanged=sorted(manifest.outputs)), None
    project = load_project(root, use_cache=incremental)
    with staged_write(root) as writer:
        rendering = render_project(
            project,
            reuse=lambda path, fingerprint: manifest.reusable(root, path, fingerprint),
            sink=writer,
        )
        check_source_complete(project, rendering)
        for event in project.events:
            refuse_invalid_examples(
                event,
                project.event_paths[event.event],
                rendering.json_schemas[event.event],
                project.cache,
            )
        for name, type_document in rendering.type_schemas.items():
            type_ = project.types[name]
            refuse_invalid_examples(type_, project.type_paths[name], type_document, project.cache)
        expected = frozenset(rendering.fingerprints)
        report = writer.commit(rendering.kept_files | expected)
    report.unchanged.extend(sorted(expected - writer.seen))
    manifest.save(root, inputs_loaded(project, expected), rendering.fingerprints)
    return report, project


@dataclass(frozen=True)
class CheckResult:
    """The findings, sorted by file and line, and what was checked (nothing was rendered when
    an input does not load: ``project`` and ``rendering`` are then ``None``)."""

    project: Project | None
    rendering: Rendering | None
    findings: tuple[Finding, ...]

    @property
    def failed(self) -> bool:
        return any(finding.severity is Severity.ERROR for finding in self.findings)


def check(root: Path) -> CheckResult:
    """Load the project at ``root`` and return every finding; writes nothing. When inputs do
    not load, every problem of every file is a finding and nothing else is checked."""
    try:
        project = load_project(root)
    except EventdocsError as error:
        problems = input_problems(root) or [error]
        findings = [input_finding(root, problem) for problem in problems]
        return CheckResult(None, None, tuple(sorted(findings, key=Finding.sort_key)))
    generated = GeneratedFilesCheck(project.root)
    try:
        rendering = render_project(project, sink=generated)
    except RenderError as error:  # a template that fails is an input that does not work
        return CheckResult(project, None, (input_finding(root, error),))
    findings = [*check_translations(project, rendering.used_keys), *generated.findings]
    findings.extend(generated.strays(rendering.kept_files))
    for event in project.events:
        path = project.relative(project.event_paths[event.event])
        findings.extend(
            check_examples(
                event,
                path,
                rendering.json_schemas[event.event],
                project.types,
                project.cache,
                payload_field=project.envelope.payload_field,
                identifier=project.envelope.identified_by.body_field,
            )
        )
    for name, type_document in rendering.type_schemas.items():
        path = project.relative(project.type_paths[name])
        findings.extend(invalid_examples(project.types[name], path, type_document, project.cache))
    findings.extend(check_compatibility(project, rendering.json_schemas, rendering.type_schemas))
    findings.extend(check_site_config(project))
    findings = with_severities(
        findings, project.config.severity, project.relative(project.source.path)
    )
    return CheckResult(project, rendering, tuple(sorted(findings, key=Finding.sort_key)))


def prepare_site(root: Path) -> Project:
    """Regenerate docs/ and return the project whose site is to be built; refuse a
    ``mkdocs.yml`` ``check`` reports (MkDocs runs what it names: a plugin, a hook, a tag)."""
    project = _build(root)[1] or load_project(root)
    refused = [
        finding for finding in check_site_config(project) if finding.severity is Severity.ERROR
    ]
    if refused:
        first = refused[0]
        more = f" (and {len(refused) - 1} more; run `eventdocs check`)" if len(refused) > 1 else ""
        raise SiteError(f"{first.message}{more}", path=project.root / first.path, line=first.line)
    return project


def status(root: Path) -> list[Coverage]:
    """Translation coverage per language: the keys the pages use, current, stale or missing.

    Only the source language is rendered, for the keys its pages use; nothing is compared.
    """
    project = load_project(root)
    return coverage(project, used_keys(project))


def accept(root: Path, locale: str, keys: tuple[str, ...]) -> list[Accepted]:
    """Mark ``keys`` (every stale key when empty) of ``locale`` as current; nothing rendered."""
    return accept_translations(load_project(root), locale, keys)


def accept_minor(root: Path, keys: tuple[str, ...]) -> list[Accepted]:
    """Re-stamp ``keys`` in every language after an English edit that changed no meaning."""
    return accept_minor_edit(load_project(root), keys)


def new_locale(root: Path, code: str) -> Path:
    """Write ``locales/<code>.yaml`` with every key the pages use, none translated yet."""
    project = load_project(root)
    return scaffold_locale(project, code, used_keys(project))


def rename(root: Path, old: str, new: str) -> list[Renamed]:
    """Rename key ``old`` (and every key under it) to ``new`` in every locale file."""
    return rename_keys(load_project(root), old, new)


def sync(root: Path, codes: tuple[str, ...], *, prune: bool) -> list[Synced]:
    """Add every key the pages use to the locale files ``codes`` (all translations when
    empty), untranslated; with ``prune``, remove the keys no page uses."""
    project = load_project(root)
    return sync_locales(project, codes, used_keys(project), prune=prune)


def export(root: Path, codes: tuple[str, ...], format_name: str, folder: Path | None) -> list[Path]:
    """Write a translator's file (``format_name``) per language ``codes`` (every translation
    when empty) into ``folder`` (``translations/`` by default); return those that changed."""
    project = load_project(root)
    return export_files(project, used_keys(project), codes, format_name, folder)


def import_translations(root: Path, paths: tuple[Path, ...]) -> Changes:
    """Write the translations of translators' files ``paths`` into ``locales/`` once the
    import gate accepts every one of them; return what changed, per language and key."""
    project = load_project(root)
    return import_files(project, used_keys(project), paths)


class UnknownEventError(UsageError):
    """A payload names an event the project does not document."""


def event_field(root: Path) -> str | None:
    """The body field that names the event in this catalog's deliveries (``None``: a header
    names it); only ``schema/envelope.yaml`` is read."""
    envelope, _ = load_envelope(root, cache=project_cache_dir(root))
    return envelope.identified_by.body_field


def validate(root: Path, payload: Any, event_name: str) -> list[str]:
    """Return every way ``payload`` breaks the JSON Schema of ``event_name``, in path order.

    Only that event's schema and the source language are loaded, and only its schema rendered:
    one payload needs nothing else of the project.
    """
    known = event_names(root)
    if event_name not in known:
        listed = ", ".join(sorted(known))
        raise UnknownEventError(f"unknown event {event_name!r}; this project documents: {listed}")
    project = load_event_project(root, event_name)
    return list(payload_errors(render_event_schema(project, event_name), payload))
