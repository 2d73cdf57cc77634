"""The one place the Jinja environment is built and its filters registered."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from eventdocs.base.confined import refuse_outside
from eventdocs.render._budget import checked_binop
from eventdocs.render.fields import Row
from eventdocs.render.markdown_text import (
    Markdown,
    escape_inline,
    inline_code,
    json_block,
    quoted_title,
)
from eventdocs.render.passage_marks import as_markdown, unmarked
from eventdocs.render.prose import parse_prose
from eventdocs.render.status_markup import changed_words, progress_bar


def _finalize(value: Any) -> Any:
    # Escape by default: only values built by our own filters reach the page unescaped.
    return value if isinstance(value, Markdown) else escape_inline(str(value))


def type_cell(row: Row, types_base: str) -> Markdown:
    """The type column of a fields table: the JSON type as inline code, a shared type as a
    link to its page (``types_base`` + ``<Type>.md``); a union's types each linked after it."""
    code = inline_code(row.label)
    if row.ref:
        return Markdown(f"[{code}]({types_base}{row.ref}.md)")
    if row.refs:
        links = ", ".join(f"[{inline_code(name)}]({types_base}{name}.md)" for name in row.refs)
        return Markdown(f"{code} ({links})")
    return code


def with_identifier(title: str, identifier: str) -> Markdown:
    """Return ``title (`identifier`)``, or just ``title`` when it is the identifier itself
    (a marked title keeps its mark)."""
    if unmarked(title).casefold() == identifier.casefold():
        return as_markdown(title)
    return Markdown(f"{as_markdown(title)} ({inline_code(identifier)})")


def identifier_with(identifier: str, title: str) -> Markdown:
    """Return ``identifier`` as code followed by ``(title)``, unless the title is the identifier."""
    if unmarked(title).casefold() == identifier.casefold():
        return inline_code(identifier)
    return Markdown(f"{inline_code(identifier)} ({as_markdown(title)})")


_PLAIN_URL = re.compile(r"^https?://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+$")


def raw_url(url: str) -> Markdown:
    """Return a configured URL verbatim, for code blocks; refuse anything that is not a URL."""
    if not _PLAIN_URL.fullmatch(url) or "'" in url or '"' in url:
        raise ValueError(f"not a plain URL: {url!r}")
    return Markdown(url)


_TOKEN = re.compile(r"^[A-Za-z0-9=:_-]{0,64}$")


def raw_token(value: str) -> Markdown:
    """Return a header name or signature prefix verbatim, for code blocks; the model allows
    letters, digits and ``=:_-`` only, and this refuses anything else all the same."""
    if not _TOKEN.fullmatch(value):
        raise ValueError(f"not a plain token: {value!r}")
    return Markdown(value)


def front_matter_value(text: str) -> Markdown:
    """Return ``text`` as a YAML string for front matter: its words without markup, with
    ``<``, ``>`` and ``&`` escaped once, since the theme prints ``page.meta.title`` as HTML."""
    plain = html.escape(parse_prose(text).plain, quote=False)
    return Markdown(json.dumps(plain, ensure_ascii=False))


_LITERAL_KEY = re.compile(r"""["'](ui\.[A-Za-z0-9_.]+)["']""")


def literal_keys(environment: jinja2.Environment) -> frozenset[str]:
    """Return the ``ui.*`` keys templates name literally, used or not by today's schemas.

    A template may need a key only for some schemas (a deprecated field, an outdated page);
    counting literal names keeps such keys from being reported as orphans meanwhile.
    """
    keys: set[str] = set()
    for name in environment.list_templates(extensions=["j2"]):
        source, _, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
        keys.update(_LITERAL_KEY.findall(source))
    return frozenset(keys)


class _ProjectLoader(jinja2.FileSystemLoader):
    """Loads templates from ``templates/``, refusing one whose symlink leads outside the project
    (checked again here, just before reading: loading the project checked every file once)."""

    def __init__(self, templates_dir: Path) -> None:
        super().__init__(templates_dir)
        self.project_root = templates_dir.parent

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = Path(self.searchpath[0], *jinja2.loaders.split_template_path(template))
        refuse_outside(self.project_root, path, what="template")
        return super().get_source(environment, template)


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with the operators that build values checked against the render budget."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # Whether an attribute is safe depends on the object's type and the name only, and a
        # large project reads the same few hundred thousands of times.
        self._safe_attributes: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe_attributes.get(key)
        if safe is None:
            safe = self._safe_attributes[key] = super().is_safe_attribute(obj, attr, value)
        return safe

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)


def build_environment(templates_dir: Path) -> jinja2.Environment:
    """Return the environment every page is rendered with (strict about undefined names).

    Templates arrive in pull requests too, and ``check`` renders them: sandboxed, a template
    cannot reach Python internals or change the objects it is given, and the values it builds
    are bounded (see ``_budget``).
    """
    environment = _BoundedSandbox(
        loader=_ProjectLoader(templates_dir),
        autoescape=False,  # the output is Markdown; `_finalize` does the escaping
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: templates need not be checked on disk
    )
    environment.filters.update(
        admonition_title=quoted_title,
        changed_words=changed_words,
        code=inline_code,
        front_matter_value=front_matter_value,
        json_block=json_block,
        progress_bar=progress_bar,
        raw_url=raw_url,
        raw_token=raw_token,
        type_cell=type_cell,
        identifier_with=identifier_with,
        with_identifier=with_identifier,
    )
    return environment
