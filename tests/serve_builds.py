"""Builds as ``eventdocs serve`` makes them, in a process of their own (MkDocs keeps its plugins
for the life of a process): ``python -m tests.serve_builds ROOT SITE LANG`` builds LANG of the
project at ROOT into SITE, prints ``built``, then builds again for each line read from stdin."""

from __future__ import annotations

import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

from eventdocs.site import plugin
from eventdocs.site.serve import _exact_dirty_builds

SERVE_URL = "http://127.0.0.1:8000/"


def main(root: str, site: str, language: str) -> None:
    plugin.serve_language(language)
    logging.getLogger("mkdocs.commands.build").addFilter(_exact_dirty_builds)
    started = False
    while not started or sys.stdin.readline():
        config = load_config(config_file=f"{root}/mkdocs.yml", site_dir=site)
        config.site_url = SERVE_URL
        if not started:
            config.plugins.on_startup(command="serve", dirty=True)
            started = True
        build(config, serve_url=SERVE_URL, dirty=True)
        print("built", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
