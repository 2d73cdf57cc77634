"""The ``eventdocs`` MkDocs plugin (``plugins: [search, i18n, eventdocs]`` in ``mkdocs.yml``).

- Before each build it runs ``eventdocs build`` (a no-op when nothing changed), so
  ``mkdocs build`` and ``mkdocs serve`` always show the current sources; ``mkdocs serve``
  watches the project's inputs (``schema/``, ``locales/``, ``templates/``, ``pages/``,
  ``eventdocs.toml``) without a ``watch:`` list.
- It puts the templates it ships (``overrides/``) before Material's, after a project's own
  ``custom_dir``, the order MkDocs gives ``theme.dirs``: they point each language's search at its
  own index and leave out the sitemap links the i18n plugin gets wrong.
- After the build it gives each language its own search index and the root the default
  language's 404 page.

The i18n plugin builds each language again, nested in the outer build's ``on_post_build``;
the plugin acts once, in the outer build. Every event that depends on the others' order has an
explicit priority, so the plugin's place in the ``plugins`` list does not matter.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from eventdocs.errors import EventdocsError
from eventdocs.load.inputs import CONFIG_FILE, PAGES_DIR
from eventdocs.pipeline import build
from eventdocs.site.search import split_search_index

OVERRIDES = Path(__file__).resolve().parent / "overrides"
# What `mkdocs serve` watches besides docs/ and mkdocs.yml: every input of `eventdocs build`.
WATCHED = ("schema", "locales", "templates", PAGES_DIR, CONFIG_FILE)
THEME = "material"


def project_root(config: MkDocsConfig) -> Path:
    """The eventdocs project: the folder of ``mkdocs.yml``, relative to the working directory
    when inside it, so messages name ``locales/fr.yaml``."""
    root = Path(config.config_file_path).parent
    return Path(os.path.relpath(root)) if root.is_relative_to(Path.cwd()) else root


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _nested_language_build(config: MkDocsConfig) -> bool:
    plugin = _i18n(config)
    return bool(plugin is not None and getattr(plugin, "building", False))


def default_language(config: MkDocsConfig) -> str:
    """The i18n plugin's default language; without the plugin, the theme's only language."""
    plugin = _i18n(config)
    if plugin is not None:
        for language in plugin.config.languages:
            if language.default:
                return str(language.locale)
    return str(config.theme.get("language", "en"))


def add_overrides(dirs: list[str], custom_dir: str | None) -> None:
    """Put the shipped templates in ``dirs`` right after ``custom_dir`` (first without one),
    so they come before the theme's; once, however many builds reconfigure the theme."""
    if str(OVERRIDES) in dirs:
        return
    position = dirs.index(custom_dir) + 1 if custom_dir in dirs else 0
    dirs.insert(position, str(OVERRIDES))


# MkDocs' `__init_subclass__` hooks (which build the option schemas) carry no annotations.
class EventdocsPluginConfig(Config):  # type: ignore[no-untyped-call]
    """The plugin takes no options: one given is a configuration warning (an error under
    ``strict: true``)."""


class EventdocsPlugin(BasePlugin[EventdocsPluginConfig]):  # type: ignore[no-untyped-call]
    """Regenerates docs/ before each build and scopes search to each language after it."""

    def __init__(self) -> None:
        # Each language's nested build writes the root 404.html again, the last one winning:
        # the default language's page, kept here, is put back once every language is built.
        self._default_not_found: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Add the shipped templates to the theme; refuse a theme they were not written for."""
        if config.theme.name != THEME:
            raise PluginError(
                f"eventdocs: the site needs theme `{THEME}` (its search and language selector "
                f"are the ones eventdocs scopes per language), not {config.theme.name!r}"
            )
        add_overrides(config.theme.dirs, config.theme.custom_dir)
        return config

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Tell the templates the default language, whose pages search the root index."""
        env.globals["eventdocs_default_language"] = default_language(config)
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Bring docs/ up to date with the sources (writes nothing when nothing changed)."""
        if _nested_language_build(config):
            return
        try:
            build(project_root(config))
        except EventdocsError as error:
            raise PluginError(f"eventdocs: {error}") from None

    def on_serve(
        self,
        server: LiveReloadServer,
        /,
        *,
        config: MkDocsConfig,
        builder: Callable[..., Any],
    ) -> LiveReloadServer | None:
        """Rebuild when an input changes: the next build regenerates its pages first."""
        root = Path(config.config_file_path).parent
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        return server

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Keep the default language's 404 page, to put it back once every language is built."""
        if template_name == "404.html" and not _nested_language_build(config):
            self._default_not_found = output_content
        return output_content

    @event_priority(-110)  # after the i18n plugin (-100) has built and merged every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Give each language its own search index; serve the default language's 404 page."""
        plugin = _i18n(config)
        if plugin is None or _nested_language_build(config):
            return
        site_dir = Path(config.site_dir)
        if self._default_not_found is not None:
            (site_dir / "404.html").write_text(self._default_not_found, "utf-8")
            self._default_not_found = None
        languages = [language.locale for language in plugin.config.languages if language.build]
        split_search_index(site_dir, languages, default_language(config))
