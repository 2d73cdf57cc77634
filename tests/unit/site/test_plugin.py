"""The ``eventdocs`` MkDocs plugin: found by its entry point, and its templates placed where
MkDocs looks for a theme's templates."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from eventdocs.site.plugin import OVERRIDES, EventdocsPlugin, add_overrides


def site_config(
    root: Path, theme: str = "{name: material}", plugins: str = "[eventdocs]"
) -> MkDocsConfig:
    """A minimal mkdocs.yml at ``root`` using the plugin, loaded as MkDocs loads it."""
    (root / "docs").mkdir(exist_ok=True)
    path = root / "mkdocs.yml"
    path.write_text(f"site_name: Test\ntheme: {theme}\nplugins: {plugins}\n", "utf-8")
    return load_config(config_file=str(path))


def test_the_entry_point_names_the_plugin() -> None:
    """`plugins: [eventdocs]` resolves, through the installed entry point, to the plugin."""
    (entry,) = entry_points(group="mkdocs.plugins", name="eventdocs")
    assert entry.load() is EventdocsPlugin


def test_the_templates_come_before_the_themes(tmp_path: Path) -> None:
    """Without a custom_dir the shipped templates are searched first, before Material's."""
    config = site_config(tmp_path)
    material = config.theme.dirs[0]
    add_overrides(config.theme.dirs, config.theme.custom_dir)
    assert config.theme.dirs.index(str(OVERRIDES)) < config.theme.dirs.index(material)
    assert (OVERRIDES / "main.html").is_file()
    assert (OVERRIDES / "partials" / "alternate.html").is_file()


def test_a_custom_dir_still_comes_first(tmp_path: Path) -> None:
    """A project's own custom_dir keeps precedence: the shipped templates go right after it."""
    (tmp_path / "custom").mkdir()
    config = site_config(tmp_path, "{name: material, custom_dir: custom}")
    add_overrides(config.theme.dirs, config.theme.custom_dir)
    assert config.theme.dirs[:2] == [str(tmp_path / "custom"), str(OVERRIDES)]


def test_the_templates_are_added_once(tmp_path: Path) -> None:
    """Configuring the theme again (each rebuild under `mkdocs serve`) adds the folder once."""
    config = site_config(tmp_path)
    for _ in range(3):
        add_overrides(config.theme.dirs, config.theme.custom_dir)
    assert config.theme.dirs.count(str(OVERRIDES)) == 1


def test_another_theme_is_refused(tmp_path: Path) -> None:
    """The templates extend Material's: any other theme is one clear plugin error."""
    config = site_config(tmp_path, "{name: mkdocs}")
    with pytest.raises(PluginError, match="the site needs theme `material`"):
        config.plugins.on_config(config)


def test_an_option_is_reported() -> None:
    """The plugin takes no options: one given is a configuration warning (an error under
    `strict`), never silently ignored."""
    plugin = EventdocsPlugin()
    errors, warnings = plugin.load_config({"watch": ["schema"]})
    assert errors == [] and [name for name, _ in warnings] == ["watch"]
