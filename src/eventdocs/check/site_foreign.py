"""Settings of ``mkdocs.yml`` that bring into the site what eventdocs never checked.

Every page is held to requesting no host the English does not link to; these settings would
undo that for the whole site (a script or stylesheet from another host, Google Fonts, an
analytics tag), have the build run code other than the plugins eventdocs knows (``search``
and its own, ``eventdocs``, which builds each language), or replace the theme templates the
``eventdocs`` plugin ships with templates of the project's own (``theme.custom_dir``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from eventdocs.load.yaml_files import Location

SITE_PLUGIN = "eventdocs"
ALLOWED_PLUGINS = ("search", SITE_PLUGIN)
# A scheme (`https:`, `data:`, `javascript:`), or a protocol-relative start: browsers read a
# backslash as a slash there, so `/\host` leaves the site as `//host` does.
_FOREIGN_URL = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|[/\\]{2})")

Problem = tuple[Location, str]
Shown = Callable[[object], str]


def foreign_settings(data: dict[str, Any], shown: Shown) -> Iterator[Problem]:
    """Yield (where, message) for each setting that loads another host or runs other code;
    ``shown`` renders a value from the file for a message."""
    yield from _assets(data, shown)
    yield from _theme(data, shown)
    extra = data.get("extra")
    if isinstance(extra, dict) and "analytics" in extra:
        yield (
            ("extra", "analytics"),
            "extra.analytics sends every reader's visits to an analytics host; remove it",
        )
    yield from _plugins(data.get("plugins"), shown)
    yield from _hooks(data.get("hooks"), shown)


def _assets(data: dict[str, Any], shown: Shown) -> Iterator[Problem]:
    for key in ("extra_javascript", "extra_css"):
        entries = data.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            # An entry is a path, or (MkDocs 1.5+) a mapping with a `path`.
            where: Location = (key, index)
            if isinstance(entry, dict):
                entry, where = entry.get("path"), (key, index, "path")
            if isinstance(entry, str) and _FOREIGN_URL.match(entry):
                yield (
                    where,
                    f"{key} entry {shown(entry)} is loaded from another host by every page; "
                    "copy the file into docs/ and name its path",
                )


def _theme(data: dict[str, Any], shown: Shown) -> Iterator[Problem]:
    theme = data.get("theme")
    options = theme if isinstance(theme, dict) else {}
    if options.get("font", None) is not False:
        where: Location = ("theme", "font") if "font" in options else ("theme",)
        yield (
            where,
            "theme.font must be `false`: otherwise the Material theme loads its fonts from "
            "Google Fonts on every page",
        )
    if "custom_dir" in options:
        yield (
            ("theme", "custom_dir"),
            f"theme.custom_dir is {shown(options['custom_dir'])}: its templates would replace "
            f"the ones the `{SITE_PLUGIN}` plugin ships, which eventdocs' pages are checked "
            "with; remove it",
        )


def named_plugins(plugins: object) -> list[tuple[Location, object]]:
    """Each plugin of ``plugins`` (a list, or a mapping, as MkDocs accepts) with its place."""
    named: list[tuple[Location, object]] = []
    if isinstance(plugins, list):
        for index, plugin in enumerate(plugins):
            names = list(plugin) if isinstance(plugin, dict) else [plugin]
            named += [(("plugins", index), name) for name in names]
    elif isinstance(plugins, dict):
        named += [(("plugins", name), name) for name in plugins]
    return named


def _plugins(plugins: object, shown: Shown) -> Iterator[Problem]:
    for where, name in named_plugins(plugins):
        if name not in ALLOWED_PLUGINS:
            yield (
                where,
                f"plugin {shown(name)}: the site may use only {', '.join(ALLOWED_PLUGINS)}; "
                "building it runs a plugin's code, and its output is not checked",
            )


def _hooks(hooks: object, shown: Shown) -> Iterator[Problem]:
    entries = hooks if isinstance(hooks, list) else [] if hooks is None else [hooks]
    for index, hook in enumerate(entries):
        yield (
            ("hooks", index) if isinstance(hooks, list) else ("hooks",),
            f"hook {shown(hook)}: building the site runs the code of every hook; the "
            f"`{SITE_PLUGIN}` plugin does what the site needs, so none is allowed",
        )
