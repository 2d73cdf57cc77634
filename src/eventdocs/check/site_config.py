"""The site against the project: ``mkdocs.yml`` must build exactly the project's languages.

The languages are the files in ``locales/`` (``source_locale`` in ``eventdocs.toml`` is the
default); ``mkdocs.yml`` repeats them for the i18n plugin, so this check keeps the two in step.
It also holds the site to the Markdown extensions eventdocs parses translations with: rendered
with other extensions, a translation could become markup that eventdocs never checked; and
settings that load other hosts or run other code are findings too (see ``site_foreign``), and
so is a site without the ``eventdocs`` plugin, which regenerates the pages and scopes search
to each language. A project without ``mkdocs.yml`` builds no site, and gets no finding here.
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
        self.check_languages(data)
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

    def check_languages(self, data: dict[str, Any]) -> None:
        codes = [locale.code for locale in self.project.locales]
        found = _i18n_languages(data)
        if found is None:
            self.report(
                ("plugins",),
                "no `i18n` plugin with `languages`: the site builds none of the languages of "
                f"locales/ ({', '.join(codes)}); add one `- locale:` entry for each",
            )
            return
        location, languages = found
        listed: set[str] = set()
        defaults: list[tuple[int, str]] = []
        for index, language in enumerate(languages):
            entry = (*location, index)
            code = language.get("locale") if isinstance(language, dict) else None
            if not isinstance(code, str):
                self.report(entry, "an i18n language without a `locale:` code")
                continue
            listed.add(code)
            if code not in codes:
                self.report(
                    entry,
                    f"language {_shown(code)} has no locale file locales/{code}.yaml: create it "
                    f"with `eventdocs new-locale {code}`, or remove this entry",
                )
            elif language.get("build", True) is not True:
                self.report(
                    (*entry, "build"),
                    f"language {_shown(code)} is not built: set `build: true`",
                )
            if language.get("default") is True:
                defaults.append((index, code))
        for code in codes:
            if code not in listed:
                self.report(
                    location,
                    f"locale {code!r} (locales/{code}.yaml) has no entry in the i18n "
                    f"`languages`, so the site does not build its pages: add `- locale: {code}`",
                )
        source = self.project.config.source_locale
        if [code for _, code in defaults] != [source]:
            where = (*location, defaults[0][0], "default") if defaults else location
            shown = ", ".join(_shown(code) for _, code in defaults) or "none"
            self.report(
                where,
                f"the default language is {shown}; it must be the source locale {source!r} "
                "(eventdocs.toml `source_locale`), alone",
            )

    def check_site_plugin(self, data: dict[str, Any]) -> None:
        if not any(name == SITE_PLUGIN for _, name in named_plugins(data.get("plugins"))):
            self.report(
                ("plugins",) if "plugins" in data else (),
                f"no `{SITE_PLUGIN}` plugin: the site would be built from docs/ as it is, "
                "without regenerating it, and each language's search would return every "
                f"language's pages; add `- {SITE_PLUGIN}` to plugins",
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


def _i18n_languages(data: dict[str, Any]) -> tuple[Location, list[Any]] | None:
    """Where the i18n plugin's ``languages`` list is, and the list; None if there is none."""
    plugins = data.get("plugins")
    entries: list[tuple[Location, Any]] = []
    if isinstance(plugins, list):
        for index, plugin in enumerate(plugins):
            if isinstance(plugin, dict) and len(plugin) == 1 and "i18n" in plugin:
                entries.append((("plugins", index, "i18n"), plugin["i18n"]))
    elif isinstance(plugins, dict) and "i18n" in plugins:
        entries.append((("plugins", "i18n"), plugins["i18n"]))
    for location, options in entries:
        if isinstance(options, dict) and isinstance(options.get("languages"), list):
            return (*location, "languages"), options["languages"]
    return None


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
