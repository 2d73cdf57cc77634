"""The site against the project: ``mkdocs.yml`` must build the project's pages as checked.

The languages are the files in ``locales/``: the ``eventdocs`` plugin builds each from
``docs/<lang>/``, so ``mkdocs.yml`` names none, but it must have that plugin, read ``docs/``,
and every language needs its home page. It also holds the site to the Markdown extensions
eventdocs parses translations with: rendered with other extensions, a translation could become
markup that eventdocs never checked; and settings that load other hosts or run other code are
findings too (see ``site_foreign``). A project without ``mkdocs.yml`` builds no site, and gets
no finding here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

from eventdocs.check.findings import Code, Finding
from eventdocs.check.site_foreign import SITE_PLUGIN, foreign_settings, named_plugins
from eventdocs.errors import LoadError
from eventdocs.load.inputs import PAGES_DIR
from eventdocs.load.project import Project
from eventdocs.load.site_config import PYTHON_TAG, SITE_CONFIG, SiteConfig, load_site_config
from eventdocs.load.yaml_files import Location

# The parser's own settings, read here only: the site must configure the extensions the same.
from eventdocs.render.site_markdown import (
    SITE_MARKDOWN_EXTENSION_CONFIGS,
    SITE_MARKDOWN_EXTENSIONS,
)

_MAX_SHOWN = 60


def _shown(value: object) -> str:
    """A value from the file for a message: short text as written, anything else by kind."""
    if isinstance(value, str):
        return repr(value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "…")
    if isinstance(value, bool | int | float) or value is None:
        return repr(value)
    return f"a {type(value).__name__} value"


class _SiteCheck:
    def __init__(self, project: Project, site: SiteConfig) -> None:
        self.project = project
        self.document = site.document
        self.tagged = site.tagged
        self.findings: list[Finding] = []

    def report(self, location: Location, message: str, *, path: str = SITE_CONFIG) -> None:
        line = self.document.line_of(location) if location and path == SITE_CONFIG else None
        self.findings.append(Finding(path, line, Code.SITE, "", message))

    def run(self) -> list[Finding]:
        for tagged in self.tagged:
            if tagged.tag.startswith(PYTHON_TAG):
                self.findings.append(
                    Finding(
                        SITE_CONFIG,
                        tagged.line,
                        Code.SITE,
                        "",
                        f"a Python tag ({tagged.shown}): MkDocs would import or run the Python "
                        "it names; eventdocs read it as data and ran nothing. Remove it",
                    )
                )
        data = self.document.data
        if not isinstance(data, dict):
            self.report((), "mkdocs.yml is not a mapping of settings")
            return self.findings
        self.check_docs_dir(data)
        self.check_extensions(data)
        self.check_site_plugin(data)
        for location, message in foreign_settings(data, _shown):
            self.report(location, message)
        self.check_home_pages()
        return self.findings

    def check_docs_dir(self, data: dict[str, Any]) -> None:
        docs_dir = data.get("docs_dir", "docs")
        if not isinstance(docs_dir, str) or posixpath.normpath(docs_dir) != "docs":
            self.report(
                ("docs_dir",),
                f"docs_dir is {_shown(docs_dir)}: it must be `docs`, where eventdocs writes",
            )

    def check_site_plugin(self, data: dict[str, Any]) -> None:
        if not any(name == SITE_PLUGIN for _, name in named_plugins(data.get("plugins"))):
            self.report(
                ("plugins",) if "plugins" in data else (),
                f"no `{SITE_PLUGIN}` plugin: the site would be built from docs/ as it is, "
                "without regenerating it, every language mixed into one site; add "
                f"`- {SITE_PLUGIN}` to plugins",
            )

    def check_extensions(self, data: dict[str, Any]) -> None:
        location: Location = ("markdown_extensions",)
        extensions = list(_extensions(data.get("markdown_extensions", [])))
        names = tuple(name for name, _ in extensions)
        if names != SITE_MARKDOWN_EXTENSIONS:
            self.report(
                location,
                "markdown_extensions must be exactly "
                f"{', '.join(SITE_MARKDOWN_EXTENSIONS)}, in this order: eventdocs parses every "
                "translation with these, and rendered with other extensions a translation may "
                "become markup it never checked, so its safety guarantees do not hold",
            )
            return
        for index, (name, options) in enumerate(extensions):
            expected = SITE_MARKDOWN_EXTENSION_CONFIGS.get(name, {})
            if (options or {}) != expected:
                wanted = ", ".join(f"{key}: {value}" for key, value in expected.items())
                self.report(
                    (*location, index),
                    f"the options of {name} differ from eventdocs' ({wanted or 'none'}): "
                    "translations are checked as rendered with those, so its safety "
                    "guarantees do not hold",
                )

    def check_home_pages(self) -> None:
        written = {page.source for page in self.project.pages}
        for locale in self.project.locales:
            page = f"{PAGES_DIR}/{locale.code}/index.md"
            if page not in written:
                self.report(
                    (),
                    f"the home page of {locale.code!r} is missing: write it (by hand; "
                    "`eventdocs build` copies it to docs/)",
                    path=page,
                )


def _extensions(value: object) -> Iterator[tuple[str, object]]:
    """``markdown_extensions`` as (name, options), in order, whichever form MkDocs accepts."""
    items = value.items() if isinstance(value, dict) else value if isinstance(value, list) else []
    for item in items:
        if isinstance(item, tuple):
            yield str(item[0]), item[1]
        elif isinstance(item, dict) and len(item) == 1:
            ((name, options),) = item.items()
            yield str(name), options
        else:
            yield (item if isinstance(item, str) else _shown(item)), None


def check_site_config(project: Project) -> list[Finding]:
    """Every way ``mkdocs.yml`` disagrees with the project; none when there is no mkdocs.yml."""
    path = project.root / SITE_CONFIG
    if not path.exists() and not path.is_symlink():
        return []
    try:
        site = load_site_config(project.root)
    except LoadError as error:
        return [Finding(SITE_CONFIG, error.line, Code.SITE, "", error.message)]
    return _SiteCheck(project, site).run()
