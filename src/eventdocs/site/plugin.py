"""The ``eventdocs`` MkDocs plugin (``plugins: [search, eventdocs]`` in ``mkdocs.yml``).

Each build it takes part in builds one language of the site (``site.language_build``):
``eventdocs site`` assigns the language; a plain ``mkdocs build`` or ``mkdocs serve`` builds
the source language at the root, after regenerating ``docs/`` (a no-op when nothing changed).
A plain ``mkdocs build`` then builds the other languages into their folders, as ``eventdocs
site`` does. ``mkdocs serve`` watches the project's inputs (``schema/``, ``locales/``,
``templates/``, ``pages/``, ``eventdocs.toml``) instead of ``docs/``, which only the plugin
writes: one edit, one rebuild.

It puts the templates it ships (``overrides/``) before Material's, after a project's own
``custom_dir``, the order MkDocs gives ``theme.dirs``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from eventdocs.errors import EventdocsError
from eventdocs.load.inputs import CONFIG_FILE, PAGES_DIR
from eventdocs.site.builder import build_languages, prepare_site, project_root
from eventdocs.site.language_build import (
    alternates,
    configure,
    copy_downloads,
    language_files,
    resolve_downloads,
)
from eventdocs.site.languages import SiteLanguage
from eventdocs.site.page_weight import drop_blank_lines
from eventdocs.site.plan import SitePlan
from eventdocs.site.serve_rebuild import DirtyRebuilds

OVERRIDES = Path(__file__).resolve().parent / "overrides"
# What `mkdocs serve` watches besides mkdocs.yml: every input of `eventdocs build`.
WATCHED = ("schema", "locales", "templates", PAGES_DIR, CONFIG_FILE)
THEME = "material"
# The date every page says it was updated: the epoch, which gzip reads as "no timestamp".
BUILD_DATE = "1970-01-01"
# The language `eventdocs serve --lang` asked for: MkDocs makes the plugin when it loads
# mkdocs.yml, after the command chose the language, so the choice reaches it through here.
_served: list[str] = []


def serve_language(code: str) -> None:
    """Make the builds of this process that no one assigns a language build ``code``."""
    _served[:] = [code]


def add_overrides(dirs: list[str], custom_dir: str | None) -> None:
    """Put the shipped templates in ``dirs`` right after ``custom_dir`` (first without one),
    so they come before the theme's; once, however many times the theme is configured."""
    if str(OVERRIDES) in dirs:
        return
    position = dirs.index(custom_dir) + 1 if custom_dir in dirs else 0
    dirs.insert(position, str(OVERRIDES))


# MkDocs' `__init_subclass__` hooks (which build the option schemas) carry no annotations.
class EventdocsPluginConfig(Config):  # type: ignore[no-untyped-call]
    """The plugin takes no options: one given is a configuration warning (an error under
    ``strict: true``)."""


class EventdocsPlugin(BasePlugin[EventdocsPluginConfig]):  # type: ignore[no-untyped-call]
    """Sets a build up as one language of the site; on its own, builds the whole site."""

    def __init__(self) -> None:
        self.plan: SitePlan | None = None
        self.language: SiteLanguage | None = None
        self.command: str | None = None
        self.dirty = False
        self.assigned = False
        self.rebuilds = DirtyRebuilds()

    def assign(self, plan: SitePlan, language: SiteLanguage) -> None:
        """Make this build the one of ``language`` (``eventdocs site`` and ``serve`` do, after
        regenerating ``docs/`` themselves)."""
        self.plan, self.language, self.assigned = plan, language, True

    def _assigned(self) -> tuple[SitePlan, SiteLanguage]:
        if self.plan is None or self.language is None:  # on_config sets both, always first
            raise PluginError("eventdocs: the plugin was used before MkDocs configured it")
        return self.plan, self.language

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember the command (a plain ``mkdocs build`` builds every language), and whether
        ``mkdocs serve`` renders only what changed (``eventdocs serve`` asks it to)."""
        self.command, self.dirty = command, dirty

    # Before `search`, wherever the plugin is listed: search reads the theme's language.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Set the build up as its language's; refuse a theme the templates were not written
        for."""
        if config.theme.name != THEME:
            raise PluginError(
                f"eventdocs: the site needs theme `{THEME}` (its language selector and search "
                f"are the ones eventdocs sets up per language), not {config.theme.name!r}"
            )
        add_overrides(config.theme.dirs, config.theme.custom_dir)
        # MkDocs keeps a plugin across the rebuilds of `mkdocs serve`: each one regenerates.
        if not self.assigned:
            try:
                self.plan = prepare_site(project_root(config))
            except EventdocsError as error:
                raise PluginError(f"eventdocs: {error}") from None
            self.language = self.plan.language(_served[0]) if _served else self.plan.source
        plan, language = self._assigned()
        configure(config, plan, language)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Add the source language's pages this language lacks; resolve the downloads."""
        plan, language = self._assigned()
        return language_files(files, config, plan, language)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
        """No page carries the day it was built: ``sitemap.xml.gz`` takes its timestamp from
        the pages' dates, and two builds of the same inputs must be byte-identical."""
        page.update_date = BUILD_DATE
        return page

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        """No page carries the day it was built (see ``on_pre_page``), even one a dirty build
        does not read; under a server that renders only what changed, make that exact
        (``serve_rebuild``)."""
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = BUILD_DATE
        if self.command == "serve" and self.dirty:
            plan, language = self._assigned()
            self.rebuilds.before_pages(config, files, plan, language)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext | None:
        """The language selector leads to this same page in each language."""
        plan, language = self._assigned()
        config.extra["alternate"] = alternates(plan, language, page)
        return context

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Links to the downloads lead one folder above a non-source language's root."""
        return resolve_downloads(html)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """The page without the theme's whitespace-only lines (``page_weight``)."""
        return drop_blank_lines(output)

    def on_serve(
        self,
        server: LiveReloadServer,
        /,
        *,
        config: MkDocsConfig,
        builder: Callable[..., Any],
    ) -> LiveReloadServer | None:
        """Rebuild on an edit of an input, not of docs/: the next build regenerates docs/
        first, and watching it would rebuild a second time for the plugin's own writes."""
        server.unwatch(config.docs_dir)
        root = Path(config.config_file_path).parent
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The source language's build copies the downloads; a plain ``mkdocs build`` then
        builds every other language into its folder."""
        plan, language = self._assigned()
        if not language.is_source:
            return
        try:
            copy_downloads(plan, Path(config.site_dir))
            if self.command in ("build", "gh-deploy"):
                others = [other.code for other in plan.languages[1:]]
                build_languages(plan, others, Path(config.site_dir), jobs=None)
        except EventdocsError as error:
            raise PluginError(f"eventdocs: {error}") from None
