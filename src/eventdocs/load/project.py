"""A whole documentation project: ``eventdocs.toml``, ``schema/``, ``locales/``, ``templates/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventdocs.base.bounded import file_digest
from eventdocs.errors import ConfigError, UsageError
from eventdocs.load.cache import content_digest, digest, format_tag
from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.load.config import ProjectConfig, load_config
from eventdocs.load.envelope import DEFAULT_ENVELOPE, Envelope, load_envelope
from eventdocs.load.inputs import (
    CONFIG_FILE,
    ENVELOPE_FILE,
    PAGES_DIR,
    Inputs,
    find_inputs,
    page_output,
    schema_files,
    type_files,
)
from eventdocs.load.locale import (
    Locale,
    load_locale,
    share_source_texts,
)
from eventdocs.load.references import check_discriminators, check_envelope, check_references
from eventdocs.load.schema import load_event_schema, load_type_schema
from eventdocs.load.schema_model import EventSchema, TypeSchema, types_used
from eventdocs.load.yaml_files import MAX_FILE_BYTES, decode_text, read_bytes


@dataclass(frozen=True)
class Page:
    """A hand-written page, as read: where it comes from, where ``build`` copies it."""

    source: str
    output: str
    text: str
    content_digest: str


@dataclass(frozen=True)
class Project:
    """Everything ``build`` and ``check`` read, loaded and validated, before anything is written."""

    root: Path
    config: ProjectConfig
    events: tuple[EventSchema, ...]
    event_paths: dict[str, Path]
    locales: tuple[Locale, ...]
    # How every event is delivered (schema/envelope.yaml, or the default envelope).
    envelope: Envelope = DEFAULT_ENVELOPE
    # The shared object types, by name, and their files.
    types: dict[str, TypeSchema] = field(default_factory=dict)
    type_paths: dict[str, Path] = field(default_factory=dict)
    # Hand-written pages (pages/<lang>/), copied into docs/ as they are.
    pages: tuple[Page, ...] = ()
    # Schema files of earlier versions already in docs/: published URLs stay served, untouched.
    published_files: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    published_type_files: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    # Content digests of the inputs, for incremental builds: templates and config, and each
    # schema and locale file (by its path relative to the root) as it was loaded.
    settings_digest: str = ""
    file_digests: dict[str, str] = field(default_factory=dict)
    # Where parsed files are cached (None: not cached), for later stages' own cached results.
    cache: Path | None = None

    @property
    def source(self) -> Locale:
        """The source language (always first in ``locales``)."""
        return self.locales[0]

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def relative(self, path: Path) -> str:
        """Return ``path`` relative to the project root, as findings and file headers show it."""
        return path.relative_to(self.root).as_posix()

    def locale(self, code: str) -> Locale:
        """Return the locale ``code`` named on the command line, or raise ``UsageError``."""
        for locale in self.locales:
            if locale.code == code:
                return locale
        known = ", ".join(locale.code for locale in self.locales)
        raise UsageError(f"unknown locale {code!r}; this project has: {known}")


_SCHEMA_FILE = re.compile(r"^v([1-9][0-9]*)(?:\.([A-Za-z-]+))?\.json$")


def _published_files(root: Path, schema: EventSchema | TypeSchema) -> tuple[tuple[int, str], ...]:
    """Earlier versions' schema files of an event or a shared type: (version, path relative
    to the root). They stay published, untouched, so their URLs keep working."""
    if isinstance(schema, EventSchema):
        folder = root / "docs" / "schemas" / schema.event
    else:
        folder = root / "docs" / "schemas" / "types" / schema.name
    # A symlinked folder is refused by `build` and reported by `check`: nothing read through it.
    if folder.is_symlink() or not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.iterdir()):
        match = _SCHEMA_FILE.match(path.name)
        if match and int(match.group(1)) < schema.version and not path.is_symlink():
            found.append((int(match.group(1)), path.relative_to(root).as_posix()))
    return tuple(found)


def _check_templates(inputs: Inputs) -> None:
    """Refuse a template that is not UTF-8 text within limits."""
    for path in inputs.templates:
        decode_text(read_bytes(path, what="template"), path)


def settings_digest(inputs: Inputs) -> str:
    """One digest of every template, the config and the envelope: a change there can touch
    every page."""
    parts: list[bytes | str] = [format_tag()]
    # Digests read in chunks and bounded: a planted huge template cannot fill the memory.
    for path in inputs.templates:
        parts += [path.relative_to(inputs.root).as_posix(), file_digest(path, limit=MAX_FILE_BYTES)]
    for path in (inputs.config, inputs.envelope):  # either can change every page
        parts.append(file_digest(path, limit=MAX_FILE_BYTES) if path.is_file() else "")
    return digest(*parts)


def _load_pages(inputs: Inputs, codes: frozenset[str]) -> tuple[Page, ...]:
    pages = []
    for path in inputs.pages:
        code = path.relative_to(inputs.root / PAGES_DIR).parts[0]
        if code not in codes:
            raise ConfigError(
                f"a page for {code!r}, which has no locale file (locales/{code}.yaml); "
                "add the language or move the page",
                path=path,
            )
        raw = read_bytes(path, what="page")
        pages.append(
            Page(
                source=path.relative_to(inputs.root).as_posix(),
                output=page_output(inputs.root, path),
                text=decode_text(raw, path),
                content_digest=content_digest(raw),
            )
        )
    return tuple(pages)


def event_names(root: Path) -> list[str]:
    """The events the project documents, by their schema files' names, none of them read."""
    return [path.stem for path in schema_files(root)]


def load_event_project(root: Path, event_name: str) -> Project:
    """The project reduced to what one event's English JSON Schema needs: the config, that
    event's schema, the shared types it uses and the source language; ``event_name`` must be
    one of ``event_names``."""
    cache = project_cache_dir(root)
    config = load_config(root, cache=cache)
    path = root / "schema" / f"{event_name}.yaml"
    event, content = load_event_schema(path, cache=cache)
    types = _load_types_used(root, event, cache)
    envelope = load_envelope(root, cache=cache)[0]
    check_envelope(envelope, types, [(event, path)])
    source_path = root / "locales" / f"{config.source_locale}.yaml"
    source = load_locale(source_path, is_source=True, cache=cache)
    return Project(
        root=root,
        config=config,
        events=(event,),
        event_paths={event.event: path},
        locales=(source,),
        envelope=envelope,
        types=types,
        type_paths={name: root / "schema" / "types" / f"{name}.yaml" for name in types},
        file_digests={path.relative_to(root).as_posix(): content},
        cache=cache,
    )


def _load_types_used(root: Path, event: EventSchema, cache: Path | None) -> dict[str, TypeSchema]:
    """The shared types ``event`` uses, at any depth, checked as a full load checks them."""
    files = {path.stem: path for path in type_files(root)}
    known = {name: load_type_schema(path, cache=cache)[0] for name, path in files.items()}
    check_references(
        known,
        [(event, root / "schema" / f"{event.event}.yaml")],
        [(schema, files[name]) for name, schema in known.items()],
    )
    return {name: known[name] for name in types_used(event.references(), known)}


def load_project(root: Path, *, use_cache: bool = True) -> Project:
    """Load and validate the project at ``root``; raise on the first unusable file."""
    cache = project_cache_dir(root) if use_cache else None
    config = load_config(root, cache=cache)
    inputs = find_inputs(root)
    envelope, envelope_digest = load_envelope(root, cache=cache)
    # Digested before the templates are read: a template edited during the build is rebuilt.
    settings = settings_digest(inputs)
    loaded = [load_event_schema(path, cache=cache) for path in inputs.schema_files]
    events = tuple(event for event, _ in loaded)
    loaded_types = [load_type_schema(path, cache=cache) for path in inputs.type_files]
    types = {schema.name: schema for schema, _ in loaded_types}
    located = list(zip(events, inputs.schema_files, strict=True))
    located_types = [
        (schema, path) for (schema, _), path in zip(loaded_types, inputs.type_files, strict=True)
    ]
    check_references(types, located, located_types)
    check_discriminators(
        types,
        [(event.payload, "payload", event.lines, path) for event, path in located]
        + [(schema.fields, "fields", schema.lines, path) for schema, path in located_types],
    )
    check_envelope(envelope, types, located)
    source_path = root / "locales" / f"{config.source_locale}.yaml"
    if source_path not in inputs.locale_files:
        raise _no_source_locale(root, config, source_path)
    source = load_locale(source_path, is_source=True, cache=cache)
    locales = (
        source,
        *(
            share_source_texts(source, load_locale(path, is_source=False, cache=cache))
            for path in inputs.locale_files
            if path != source_path
        ),
    )
    _check_templates(inputs)
    pages = _load_pages(inputs, frozenset(locale.code for locale in locales))
    file_digests = {
        **{
            path.relative_to(root).as_posix(): content
            for path, (_, content) in zip(inputs.schema_files, loaded, strict=True)
        },
        **{
            path.relative_to(root).as_posix(): content
            for path, (_, content) in zip(inputs.type_files, loaded_types, strict=True)
        },
        **{locale.path.relative_to(root).as_posix(): locale.content_digest for locale in locales},
        **{page.source: page.content_digest for page in pages},
        **({f"schema/{ENVELOPE_FILE}": envelope_digest} if envelope_digest else {}),
    }
    return Project(
        root=root,
        config=config,
        events=events,
        event_paths={
            event.event: path for event, path in zip(events, inputs.schema_files, strict=True)
        },
        locales=locales,
        envelope=envelope,
        types=types,
        type_paths={
            schema.name: path
            for (schema, _), path in zip(loaded_types, inputs.type_files, strict=True)
        },
        pages=pages,
        published_files={event.event: _published_files(root, event) for event in events},
        published_type_files={
            name: _published_files(root, schema) for name, schema in types.items()
        },
        settings_digest=settings,
        file_digests=file_digests,
        cache=cache,
    )


def _no_source_locale(root: Path, config: ProjectConfig, source_path: Path) -> ConfigError:
    line = config.lines.get("source_locale")
    if line is None:  # the default language: the missing file is the one to name
        return ConfigError(
            f"the source locale {config.source_locale!r} has no file; create it",
            path=source_path,
        )
    return ConfigError(
        f"source_locale: {config.source_locale!r} has no file "
        f"(locales/{config.source_locale}.yaml); create it or change this setting",
        path=root / CONFIG_FILE,
        line=line,
    )
