"""Markdown pages: one per (language, event), and an events index per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from eventdocs.errors import EventdocsError, RenderError
from eventdocs.load.envelope import Envelope
from eventdocs.load.locale import Locale
from eventdocs.load.schema_model import EventSchema, TypeSchema
from eventdocs.render._budget import bounded_output, render_deadline
from eventdocs.render._template_errors import template_failure
from eventdocs.render.api_parts import API_KINDS, api_document_path
from eventdocs.render.fields import Row
from eventdocs.render.jsonschema import schema_path, type_schema_path
from eventdocs.render.markdown_text import Markdown
from eventdocs.render.translator import Fallbacks, Translations

EVENT_TEMPLATE = "event_page.md.j2"
INDEX_TEMPLATE = "events_index.md.j2"
TYPE_TEMPLATE = "type_page.md.j2"
TYPES_INDEX_TEMPLATE = "types_index.md.j2"


@dataclass(frozen=True)
class RenderedPage:
    """A page's Markdown and what it had to fall back on."""

    path: str
    text: str
    fallbacks: Fallbacks


def event_page_path(locale: Locale, event: EventSchema) -> str:
    """Return the page's path relative to the project root (the i18n plugin's folder layout)."""
    return f"docs/{locale.code}/events/{event.event}.md"


def events_index_path(locale: Locale) -> str:
    return f"docs/{locale.code}/events/index.md"


def type_page_path(locale: Locale, schema: TypeSchema) -> str:
    return f"docs/{locale.code}/types/{schema.name}.md"


def types_index_path(locale: Locale) -> str:
    return f"docs/{locale.code}/types/index.md"


def _downloads(path_of: Callable[[str | None], str], code: str | None) -> dict[str, str | None]:
    """Links from a page (two folders below docs/) to a download in the source language and,
    on another language's page, in that language."""
    return {
        "source": "../../" + path_of(None).removeprefix("docs/"),
        "localized": "../../" + path_of(code).removeprefix("docs/") if code else None,
    }


def categorized(events: tuple[EventSchema, ...]) -> list[tuple[str, list[EventSchema]]]:
    """Events by category, categories in order of their first event; events without one last,
    under the empty category."""
    groups: dict[str, list[EventSchema]] = {}
    for event in events:
        groups.setdefault(event.category or "", []).append(event)
    other = groups.pop("", None)
    return [*groups.items(), *([("", other)] if other else [])]


def render_event_page(
    environment: jinja2.Environment,
    event: EventSchema,
    translations: Translations,
    *,
    rows: list[Row],
    envelope: Envelope,
    schema_url: str,
    generated_from: str,
) -> RenderedPage:
    """Render the page documenting ``event`` in the language of ``translations``."""
    target = translations.target
    code = None if target.is_source else target.code
    schema_links = {
        **_downloads(lambda language: schema_path(event, language), code),
        "url": schema_url,
    }
    text, fallbacks = render_template(
        environment,
        EVENT_TEMPLATE,
        translations,
        event=event,
        key=f"events.{event.event}",
        rows=rows,
        envelope=envelope,
        types_base="../types/",
        schema=schema_links,
        generated_from=Markdown(generated_from),
    )
    return RenderedPage(event_page_path(target, event), text, fallbacks)


def render_events_index(
    environment: jinja2.Environment,
    events: tuple[EventSchema, ...],
    translations: Translations,
    *,
    envelope: Envelope,
    has_types: bool = False,
    generated_from: str,
) -> RenderedPage:
    """Render the page listing every event, by category, with its one-line summary, and
    links to the OpenAPI and AsyncAPI documents (English, and the page's language)."""
    code = None if translations.target.is_source else translations.target.code
    api_documents = {
        kind: _downloads(functools.partial(api_document_path, kind), code) for kind in API_KINDS
    }
    text, fallbacks = render_template(
        environment,
        INDEX_TEMPLATE,
        translations,
        events=events,
        categories=categorized(events),
        envelope=envelope,
        has_types=has_types,
        api_documents=api_documents,
        generated_from=Markdown(generated_from),
    )
    return RenderedPage(events_index_path(translations.target), text, fallbacks)


def render_type_page(
    environment: jinja2.Environment,
    schema: TypeSchema,
    translations: Translations,
    *,
    rows: list[Row],
    used_by: list[str],
    generated_from: str,
) -> RenderedPage:
    """Render the page of the shared type ``schema`` in the language of ``translations``."""
    code = None if translations.target.is_source else translations.target.code
    downloads = _downloads(lambda language: type_schema_path(schema, language), code)
    text, fallbacks = render_template(
        environment,
        TYPE_TEMPLATE,
        translations,
        schema=schema,
        key=f"types.{schema.name}",
        rows=rows,
        used_by=used_by,
        downloads=downloads,
        types_base="",
        generated_from=Markdown(generated_from),
    )
    return RenderedPage(type_page_path(translations.target, schema), text, fallbacks)


def render_types_index(
    environment: jinja2.Environment,
    types: tuple[TypeSchema, ...],
    translations: Translations,
    *,
    generated_from: str,
) -> RenderedPage:
    """Render the page listing every shared type with its one-line summary."""
    text, fallbacks = render_template(
        environment,
        TYPES_INDEX_TEMPLATE,
        translations,
        types=types,
        generated_from=Markdown(generated_from),
    )
    return RenderedPage(types_index_path(translations.target), text, fallbacks)


def render_template(
    environment: jinja2.Environment,
    template_name: str,
    translations: Translations,
    **context: Any,
) -> tuple[str, Fallbacks]:
    fallbacks = translations.tracker.start_output()
    helpers = {
        "t": translations.page,
        "text": translations.plain,
        "locale": translations.target.code,
    }
    try:
        template = environment.get_template(template_name)
        with render_deadline():
            body = bounded_output(template.generate(outdated=False, **helpers, **context))
            if fallbacks.outdated:
                # The notice depends on every lookup the page made: known only afterwards.
                body = bounded_output(template.generate(outdated=True, **helpers, **context))
    except EventdocsError:
        raise
    except Exception as error:  # a template can raise anything: each becomes its error line
        raise _failure(environment, error, template_name) from None
    return tidy_markdown(body), fallbacks


def _failure(environment: jinja2.Environment, error: Exception, template_name: str) -> RenderError:
    # `build_environment` always loads templates from one folder.
    loader = environment.loader
    assert isinstance(loader, jinja2.FileSystemLoader)
    return template_failure(error, Path(loader.searchpath[0]), template_name)


_FENCE = re.compile(r"^(`{3,}|~{3,})")


def tidy_markdown(text: str) -> str:
    """Fold runs of blank lines outside code blocks; end with exactly one newline."""
    lines: list[str] = []
    fence = ""
    for line in text.strip("\n").split("\n"):
        if fence:
            fence = "" if line.strip() == fence else fence
        elif match := _FENCE.match(line):
            fence = match.group(1)
        elif not line.strip() and lines and not lines[-1].strip():
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"
