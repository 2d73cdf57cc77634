"""MkDocs hooks: regenerate the pages before each build, scope search after it.

With `watch:` in mkdocs.yml naming schema/, locales/ and templates/, `mkdocs serve` rebuilds on
an edit there, and this regenerates the pages first, so a writer sees the edit at once.
The i18n plugin builds each language in a nested build; the hooks act once, in the outer one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from eventdocs.errors import EventdocsError
from eventdocs.pipeline import build
from eventdocs.site.search import split_search_index


def _project_root(config: MkDocsConfig) -> Path:
    # Relative to the working directory when inside it, so messages name `locales/fr.yaml`.
    root = Path(config.config_file_path).parent
    return Path(os.path.relpath(root)) if root.is_relative_to(Path.cwd()) else root


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _nested_language_build(config: MkDocsConfig) -> bool:
    plugin = _i18n(config)
    return bool(plugin is not None and getattr(plugin, "building", False))


def on_pre_build(config: MkDocsConfig) -> None:
    """Bring docs/ up to date with the sources (writes nothing when nothing changed)."""
    if _nested_language_build(config):
        return
    try:
        build(_project_root(config))
    except EventdocsError as error:
        raise PluginError(f"eventdocs: {error}") from None


# Each language's nested build writes the root 404.html again, the last language winning.
_default_not_found: dict[str, str] = {}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep the default language's 404 page, to put it back once every language is built."""
    if template_name == "404.html" and not _nested_language_build(config):
        _default_not_found[config.site_dir] = output_content
    return output_content


@event_priority(-110)  # after the i18n plugin (-100) has built and merged every language
def on_post_build(config: MkDocsConfig) -> None:
    """Give each language its own search index; serve the default language's 404 page."""
    plugin = _i18n(config)
    if plugin is None or _nested_language_build(config):
        return
    site_dir = Path(config.site_dir)
    if config.site_dir in _default_not_found:
        (site_dir / "404.html").write_text(_default_not_found.pop(config.site_dir), "utf-8")
    languages = [language.locale for language in plugin.config.languages if language.build]
    default = next(language.locale for language in plugin.config.languages if language.default)
    split_search_index(site_dir, languages, default)
