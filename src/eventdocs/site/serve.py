"""``eventdocs serve``: one language of the site, rebuilt once per edit of an input.

MkDocs' own server builds the language (the source language unless asked for another) with
the ``eventdocs`` plugin, which regenerates ``docs/`` first and watches the inputs, not
``docs/``. Only the language served is built again after an edit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from eventdocs.errors import UsageError
from eventdocs.site import plugin
from eventdocs.site.builder import prepare_site


def serve_language(root: Path, code: str | None, dev_addr: str | None) -> None:
    """Serve the language ``code`` of the project at ``root`` until interrupted."""
    from mkdocs.commands.serve import serve

    plan = prepare_site(root)
    known = [language.code for language in plan.languages]
    if code is not None and code not in known:
        raise UsageError(f"no language {code!r} in this project (locales/: {', '.join(known)})")
    plugin.serve_language(code or plan.source.code)
    # MkDocs' own command line shows its log; this one shows it too: each build, each warning.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    if dev_addr:
        serve(config_file=str(plan.config_file), livereload=True, dev_addr=dev_addr)
    else:
        serve(config_file=str(plan.config_file), livereload=True)
