"""``eventdocs serve``: one language of the site, rebuilt once per edit of an input.

MkDocs' own server builds the language (the source language unless asked for another) with
the ``eventdocs`` plugin, which regenerates ``docs/`` first and watches the inputs, not
``docs/``. Only the language served is built again after an edit, and of it only the pages
the edit changed, unless it changed what every page shows (``site.serve_rebuild``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException

from eventdocs.errors import SiteError, UsageError
from eventdocs.load.site_config import SITE_CONFIG
from eventdocs.site import plugin
from eventdocs.site.builder import prepare_site

_LOG = logging.StreamHandler()
_LOG.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))


def _exact_dirty_builds(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning that a dirty build may be inaccurate: the plugin renders every page
    again whenever what they share changed (``site.serve_rebuild``)."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def serve_language(root: Path, code: str | None, dev_addr: str | None) -> None:
    """Serve the language ``code`` of the project at ``root`` until interrupted."""
    from mkdocs.commands.serve import serve  # imported late: the server is heavy to load

    plan = prepare_site(root)
    known = [language.code for language in plan.languages]
    if code is not None and code not in known:
        raise UsageError(f"no language {code!r} in this project (locales/: {', '.join(known)})")
    plugin.serve_language(code or plan.source.code)
    # MkDocs' own command line shows its log; this one shows it too: each build, each warning.
    logger = logging.getLogger("mkdocs")
    if _LOG not in logger.handlers:
        logger.addHandler(_LOG)
    logger.setLevel(logging.INFO)
    logging.getLogger("mkdocs.commands.build").addFilter(_exact_dirty_builds)
    options: dict[str, Any] = {} if dev_addr is None else {"dev_addr": dev_addr}
    try:
        serve(config_file=str(plan.config_file), livereload=True, build_type="dirty", **options)
    except (MkDocsException, SystemExit, OSError) as error:  # MkDocs logged the details
        raise SiteError(f"the site could not be served: {error}", path=root / SITE_CONFIG) from None
