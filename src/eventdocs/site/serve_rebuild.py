"""Rebuilds under ``eventdocs serve``: only the pages an edit changed, when that is exact.

``eventdocs serve`` runs MkDocs' server in its *dirty* mode, where MkDocs renders again only
the pages whose Markdown is newer than their HTML, and ``eventdocs build`` rewrites only the
pages an edit changed. That is exact as long as nothing that every page shows changed: the
navigation (each page's title and place), the site's words and settings. ``DirtyRebuilds``
checks that before each rebuild and, when it changed, empties the served folder so every page
is rendered again. It also keeps MkDocs' and Material's shortcuts honest:

- MkDocs reads only the pages it renders again, and a page it has not read has no title for
  the navigation: every page's front matter is read (cheap; rendering is what costs);
- Material's search, in a dirty build, replaces the entries of the *first* page rendered
  again in its previous index (all of them when that page is the home page): instead, the new
  index starts from the previous one without the entries of every page rendered again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory

from eventdocs.site.language_build import search_plugin
from eventdocs.site.languages import SiteLanguage
from eventdocs.site.plan import SitePlan


class DirtyRebuilds:
    """What the last build of the served language rested on; one per served language."""

    def __init__(self) -> None:
        self._basis: tuple[Any, ...] | None = None
        # The search index the last build filled (Material makes a new one for each build).
        self._index: Any = None

    def before_pages(
        self,
        config: MkDocsConfig,
        files: Files,
        plan: SitePlan,
        language: SiteLanguage,
    ) -> None:
        """Get the build of ``config`` ready to render only what changed, or every page (the
        first build, or something every page shows changed)."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        for page in pages:
            if page.markdown is None:
                page.read_source(config)
        basis = (
            plan,
            language,
            _digest(Path(config.config_file_path)),
            # The sections' titles are the plan's words: every other title is a page's.
            tuple((page.file.src_uri, page.url, page.title) for page in pages),
        )
        everything = basis != self._basis
        self._basis = basis
        if everything:
            clean_directory(config.site_dir)
        search = search_plugin(config)
        if search is not None:
            previous, self._index = self._index, search.search_index
            search.search_index_prev = None  # Material's own merge: see the module's docstring
            if not everything and previous is not None:
                changed = {page.url for page in pages if page.file.is_modified()}
                search.search_index.entries = [
                    entry
                    for entry in previous.entries
                    if _page_of(entry["location"]) not in changed
                ]


def _page_of(location: str) -> str:
    """The page URL of a search entry's location (a section adds ``#anchor``)."""
    return location.partition("#")[0]


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
