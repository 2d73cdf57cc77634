"""Render a whole project in memory: the step ``build`` writes out and ``check`` compares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eventdocs.errors import RenderError
from eventdocs.load.cache import digest
from eventdocs.load.format_schemas import FORMATS
from eventdocs.load.locale import Locale
from eventdocs.load.project import Project
from eventdocs.load.schema_model import EventSchema, TypeSchema
from eventdocs.render.api_documents import api_documents
from eventdocs.render.api_parts import API_KINDS, api_document_path
from eventdocs.render.catalog import CATALOG_PATH, build_catalog
from eventdocs.render.coverage import Coverage, Progress, coverage, progress_by_locale
from eventdocs.render.environment import build_environment, literal_keys
from eventdocs.render.hand_written import copied_page
from eventdocs.render.jsonschema import schema_id, schema_path, type_schema_path
from eventdocs.render.outputs import GeneratedFile, Reuse, Sink, dump_json, generated_note
from eventdocs.render.pages import (
    event_page_path,
    events_index_path,
    render_event_page,
    render_events_index,
    render_type_page,
    render_types_index,
    type_page_path,
    types_index_path,
)
from eventdocs.render.plan import RenderPlan
from eventdocs.render.schemas import (
    cached_format_schemas,
    event_schema,
    format_schema_path,
    type_schema,
)
from eventdocs.render.site_strings import site_keys
from eventdocs.render.status_page import (
    STATUS_TEMPLATE,
    render_status_page,
    status_page_path,
    translation_status,
)
from eventdocs.render.translator import Fallbacks, LookupTracker, Translations


@dataclass(frozen=True)
class Rendering:
    """The files rendered, the fingerprint of every output, and what the lookups found."""

    files: tuple[GeneratedFile, ...]
    used_keys: frozenset[str]
    fingerprints: dict[str, str] = field(default_factory=dict)
    outdated_pages: dict[str, frozenset[str]] = field(default_factory=dict)
    missing_source: dict[str, str] = field(default_factory=dict)
    json_schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The English schema of each shared type that has examples.
    type_schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    kept_files: frozenset[str] = frozenset()


def _never(path: str, fingerprint: str) -> bool:
    return False


class _Renderer:
    """Renders the outputs of one project, remembering every lookup made along the way."""

    def __init__(self, project: Project, reuse: Reuse, sink: Sink) -> None:
        self.project = project
        self.reuse = reuse
        self.sink = sink
        self.environment = build_environment(project.templates_dir)
        self.fingerprints: dict[str, str] = {}
        self.used_keys: set[str] = set(literal_keys(self.environment)) | site_keys(project)
        self.missing_source: dict[str, str] = {}
        self.outdated: dict[str, frozenset[str]] = {}
        self.json_schemas: dict[str, dict[str, Any]] = {}
        self.type_schemas: dict[str, dict[str, Any]] = {}
        # Each event's one-line summary in each language, for the catalog.
        self.summaries: dict[str, dict[str, str]] = {}
        self.plan = RenderPlan(project)
        # Whether an output was left as it is on disk: the keys looked up are then not all.
        self.reused_any = False

    def wanted(self, path: str, *parts: str) -> bool:
        """Record the output's fingerprint; tell whether it must be rendered."""
        fingerprint = digest(self.project.settings_digest, *parts)
        self.fingerprints[path] = fingerprint
        reused = self.reuse(path, fingerprint)
        self.reused_any |= reused
        return not reused

    def render_language(self, locale: Locale) -> None:
        """Render every page and JSON Schema in ``locale``'s language."""
        translations = Translations(self.project.source, locale, LookupTracker())
        self.render_pages(translations)
        for event in self.project.events:
            self.render_schema(event, translations)
        for schema in self.project.types.values():
            self.render_type_schema(schema, translations)
        self.render_api_documents(translations)
        translations.tracker.start_output()  # the catalog is not a page: no notice to show
        self.summaries[locale.code] = {
            event.event: translations.markdown[f"events.{event.event}.summary"]
            for event in self.project.events
        }
        self.used_keys |= translations.used

    def render_pages(self, translations: Translations) -> None:
        project, locale = self.project, translations.target
        locale_file = self.plan.locale_files[locale.code]
        base_url = project.config.schema_base_url
        for event in project.events:
            path = event_page_path(locale, event)
            if not self.wanted(path, "page", *self.plan.event_parts(event, locale)):
                continue
            page = render_event_page(
                self.environment,
                event,
                translations,
                rows=self.plan.event_rows[event.event],
                envelope=project.envelope,
                schema_url=schema_id(base_url, event, None),
                generated_from=generated_note(self.plan.event_files[event.event], locale_file),
            )
            self.add(page.path, page.text, page.fallbacks)
        path = events_index_path(locale)
        if self.wanted(path, "index", *self.plan.everything(locale)):
            index = render_events_index(
                self.environment,
                project.events,
                translations,
                envelope=project.envelope,
                has_types=bool(project.types),
                generated_from=generated_note("schema/", locale_file),
            )
            self.add(index.path, index.text, index.fallbacks)
        self.render_type_pages(translations)

    def render_type_pages(self, translations: Translations) -> None:
        project, locale = self.project, translations.target
        locale_file = self.plan.locale_files[locale.code]
        for name, schema in project.types.items():
            path = type_page_path(locale, schema)
            events = tuple(self.plan.used_by[name])
            file = self.plan.type_files[name]
            if self.wanted(path, "type", *self.plan.type_parts(name, locale, events)):
                page = render_type_page(
                    self.environment,
                    schema,
                    translations,
                    rows=self.plan.type_rows[name],
                    used_by=list(events),
                    generated_from=generated_note(file, locale_file),
                )
                self.add(page.path, page.text, page.fallbacks)
        path = types_index_path(locale)
        if project.types and self.wanted(path, "types", *self.plan.everything(locale)):
            index = render_types_index(
                self.environment,
                tuple(project.types.values()),
                translations,
                generated_from=generated_note("schema/types/", locale_file),
            )
            self.add(index.path, index.text, index.fallbacks)

    def render_schema(self, event: EventSchema, translations: Translations) -> None:
        # Checks compare against the English schema of every event, so it is always built.
        document = self.render_json(
            schema_path(event, _code(translations)),
            "schema",
            self.plan.event_parts(event, translations.target),
            translations,
            self.plan.event_files[event.event],
            lambda code, note: event_schema(self.project, event, translations, code, note),
            english_needed=True,
        )
        if document is not None:
            self.json_schemas[event.event] = document

    def render_type_schema(self, schema: TypeSchema, translations: Translations) -> None:
        # A type with examples has them checked against its English schema: always built.
        document = self.render_json(
            type_schema_path(schema, _code(translations)),
            "type-schema",
            self.plan.type_parts(schema.name, translations.target),
            translations,
            self.plan.type_files[schema.name],
            lambda code, note: type_schema(self.project, schema, translations, code, note),
            english_needed=bool(schema.examples),
        )
        if document is not None:
            self.type_schemas[schema.name] = document

    def render_api_documents(self, translations: Translations) -> None:
        """The OpenAPI and AsyncAPI documents in one language, built from the same parts."""
        code, locale = _code(translations), translations.target
        parts = self.plan.everything(locale)
        paths = {kind: api_document_path(kind, code) for kind in API_KINDS}
        wanted = [kind for kind, path in paths.items() if self.wanted(path, kind, *parts)]
        if wanted:
            fallbacks = translations.tracker.start_output()
            note = generated_note("schema/", self.plan.locale_files[locale.code])
            documents = api_documents(self.project, translations, code, note, wanted)
            for kind, document in documents.items():
                self.add(paths[kind], dump_json(document), fallbacks)

    def render_status_pages(self) -> None:
        """Each language's translation status page (the source language's shows them all),
        when the project's templates have one."""
        project = self.project
        if STATUS_TEMPLATE not in self.environment.list_templates():
            return
        every_locale = tuple(
            digest for locale in project.locales for digest in locale.digests.values()
        )
        counted: tuple[dict[str, dict[str, Progress]], list[Coverage]] | None = None
        for locale in project.locales:
            parts = self.plan.everything(locale) + (every_locale if locale.is_source else ())
            if not self.wanted(status_page_path(locale), "status", *parts):
                continue
            if counted is None:
                # The pages of this build looked up every key only if none was left as it was.
                keys = used_keys(project) if self.reused_any else frozenset(self.used_keys)
                progress = progress_by_locale(project, keys)
                counted = progress, coverage(project, keys, progress)
            progress, rows = counted
            translations = Translations(project.source, locale, LookupTracker())
            page = render_status_page(
                self.environment,
                translation_status(project, locale, progress[locale.code], rows),
                translations,
                generated_from=generated_note("schema/", "locales/"),
            )
            self.add(page.path, page.text, page.fallbacks)

    def render_json(
        self,
        path: str,
        kind: str,
        parts: tuple[str, ...],
        translations: Translations,
        source_file: str,
        build: Callable[[str | None, str], dict[str, Any]],
        *,
        english_needed: bool,
    ) -> dict[str, Any] | None:
        """Render one JSON Schema output unless it is current; return the document when it
        is the source language's (rendered even when current, if ``english_needed``)."""
        code = _code(translations)
        wanted = self.wanted(path, kind, *parts)
        if not wanted and (code or not english_needed):
            return None
        fallbacks = translations.tracker.start_output()
        locale_file = self.plan.locale_files[translations.target.code]
        document = build(code, generated_note(source_file, locale_file))
        if wanted:
            self.add(path, dump_json(document), fallbacks)
        return document if code is None else None

    def render_catalog(self) -> None:
        project, source = self.project, self.project.source
        self.wanted(CATALOG_PATH, "catalog", *self.plan.everything(source))
        catalog = build_catalog(
            project.events,
            project.locales,
            project.config.schema_base_url,
            lambda event, locale: self.summaries[locale.code][event.event],
            {
                event: tuple(sorted({version for version, _ in published}))
                for event, published in project.published_files.items()
            },
        )
        self.sink(GeneratedFile(CATALOG_PATH, dump_json(catalog)))

    def render_formats(self) -> None:
        """The JSON Schemas of the project's own file formats, for authors' editors."""
        documents: dict[str, dict[str, Any]] | None = None
        for name in FORMATS:
            path = format_schema_path(name)
            if self.wanted(path, "format", name):
                documents = documents or cached_format_schemas(self.project.cache)
                self.sink(GeneratedFile(path, dump_json(documents[name])))

    def copy_pages(self) -> None:
        """Copy every hand-written page; one that would replace a generated page is refused."""
        for page in self.project.pages:
            if page.output in self.fingerprints:
                raise RenderError(
                    f"this page would replace the generated {page.output}; rename it",
                    path=self.project.root / page.source,
                )
            if self.wanted(page.output, "copy", page.source, page.content_digest):
                text = copied_page(page, generated_note(page.source))
                self.sink(GeneratedFile(page.output, text))

    def add(self, path: str, text: str, fallbacks: Fallbacks) -> None:
        self.sink(GeneratedFile(path, text))
        for key in sorted(fallbacks.missing_source):
            self.missing_source.setdefault(key, path)
        if fallbacks.outdated and path.endswith(".md"):
            self.outdated[path] = frozenset(fallbacks.outdated)


def _code(translations: Translations) -> str | None:
    """The language code of a variant, ``None`` for the source language."""
    target = translations.target
    return None if target.is_source else target.code


def used_keys(project: Project) -> frozenset[str]:
    """Every key the pages use: what rendering the source language alone looks up (every
    language renders the same templates over the same schemas), plus the keys templates name."""
    renderer = _Renderer(project, _never, lambda file: None)
    renderer.render_language(project.source)
    return frozenset(renderer.used_keys)


def render_project(
    project: Project, *, reuse: Reuse = _never, sink: Sink | None = None
) -> Rendering:
    """Render every output except those ``reuse`` says are current on disk.

    Each file goes to ``sink`` as soon as it is rendered; without one, the files are collected
    in the result. The English JSON Schema of every event is always built: checks use it.
    """
    collected: list[GeneratedFile] = []
    renderer = _Renderer(project, reuse, sink or collected.append)
    for locale in project.locales:
        renderer.render_language(locale)
    renderer.render_status_pages()
    renderer.render_catalog()
    renderer.render_formats()
    renderer.copy_pages()
    return Rendering(
        files=tuple(sorted(collected, key=lambda file: file.path)),
        used_keys=frozenset(renderer.used_keys),
        fingerprints=renderer.fingerprints,
        outdated_pages=renderer.outdated,
        missing_source=renderer.missing_source,
        json_schemas=renderer.json_schemas,
        type_schemas=renderer.type_schemas,
        kept_files=frozenset(
            path
            for published in (
                *project.published_files.values(),
                *project.published_type_files.values(),
            )
            for _, path in published
        ),
    )
