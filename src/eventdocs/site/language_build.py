"""One language's MkDocs build: the shared ``mkdocs.yml``, set up for that language.

Each language is a plain single-language MkDocs site (``docs/<lang>/`` into its own folder of
``site/``) with Material's own language selector, so a build costs what its pages cost,
whatever the number of languages. The downloads (``docs/schemas/``) are never MkDocs files:
the source language's build copies them once, and links to them resolve to that one copy.
"""

from __future__ import annotations

import logging
import posixpath
import re
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from eventdocs.base.confined import resolves_inside
from eventdocs.errors import SiteError, WriteError
from eventdocs.site.languages import SiteLanguage
from eventdocs.site.plan import DOCS_DIR, SCHEMAS_DIR, SitePlan

# MkDocs resolves a link against its own site root only; a non-source language's link to the
# downloads, one folder above its root, goes through this marker, swapped for `../` after.
_ABOVE_ROOT = "eventdocs-above-the-language-root"
_MARKED_HREF = re.compile(rf'(href="(?:\.\./)*){_ABOVE_ROOT}/')


def configure(config: MkDocsConfig, plan: SitePlan, language: SiteLanguage) -> None:
    """Make ``config`` (``mkdocs.yml`` as loaded) the build of ``language``."""
    config.docs_dir = str(plan.docs_dir(language))
    config.site_name = language.strings.site_name
    config.theme["language"] = language.theme_language
    config.theme["direction"] = language.direction
    features = config.theme.get("features") or []
    if "navigation.prune" not in features:
        # Only the open section's pages: a page's size no longer grows with the catalog.
        config.theme["features"] = [*features, "navigation.prune"]
    config.nav = plan.nav(language)
    if config.site_url and language.folder:
        config.site_url = posixpath.join(config.site_url, language.folder, "")
    _split_chinese_words(config, plan, language)


def _split_chinese_words(config: MkDocsConfig, plan: SitePlan, language: SiteLanguage) -> None:
    """Let Material's search split runs of Han characters into words (with jieba) in a Chinese
    build only: it would do so in every build where jieba is importable, and Japanese kanji
    are words Material's Japanese search splits its own way. The search plugin's dictionaries
    (``jieba_dict``, ``jieba_dict_user``) are then a Chinese build's only, and files of the
    project: ``mkdocs.yml`` is a contributor's to edit."""
    from material.plugins.search import plugin as search  # type: ignore[import-untyped]

    chinese = language.code.split("-")[0] == "zh"
    search.jieba = _jieba() if chinese else None
    if (plugin := search_plugin(config)) is not None:
        for option in ("jieba_dict", "jieba_dict_user"):
            path = plugin.config.get(option)
            if path and not chinese:
                plugin.config[option] = None  # Material would load it with no segmenter
            elif path and not resolves_inside(plan.root, Path(path)):
                raise SiteError(
                    f"search option `{option}` names a file outside the project: {path!r}",
                    path=plan.config_file,
                )


def search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin of the build of ``config``, if it lists one."""
    from material.plugins.search import plugin as search

    return next(
        (plugin for plugin in config.plugins.values() if isinstance(plugin, search.SearchPlugin)),
        None,
    )


def _jieba() -> ModuleType | None:
    try:
        import jieba  # type: ignore[import-untyped]  # ships no type information
    except ImportError:  # an install without the `site` extra's segmenter: whole runs are words
        return None
    jieba.setLogLevel(logging.WARNING)  # it logs the loading of its dictionary at every build
    module: ModuleType = jieba
    return module


def language_files(
    files: Files, config: MkDocsConfig, plan: SitePlan, language: SiteLanguage
) -> Files:
    """The language's files, plus the source language's hand-written pages it lacks (shown in
    the source language, as a missing translation is), and links to the downloads resolved."""
    have = {file.src_uri for file in files}
    source_dir = plan.docs_dir(plan.source)
    extra = [
        File(page, str(source_dir), config.site_dir, config.use_directory_urls)
        for page in plan.pages.get(plan.source.code, ())
        if page not in have
    ]
    return _WithDownloads(
        [*files, *extra], root=plan.root, language=language, site_dir=config.site_dir
    )


class _WithDownloads(Files):
    """Files that also answer for a link into ``docs/schemas/``: a file MkDocs never copies
    (the source language's build copies the folder once, as it is)."""

    def __init__(
        self, files: list[File], *, root: Path, language: SiteLanguage, site_dir: str
    ) -> None:
        super().__init__(files)
        self._downloads = (root / DOCS_DIR / SCHEMAS_DIR).resolve()
        self._prefix = "" if language.is_source else f"{_ABOVE_ROOT}/"
        self._site_dir = site_dir

    def get_file_from_path(self, path: str) -> File | None:
        found = super().get_file_from_path(path)
        if found is not None or not path.startswith(f"../{SCHEMAS_DIR}/"):
            return found
        relative = path.removeprefix("../")
        target = (self._downloads.parent / relative).resolve()
        if not target.is_relative_to(self._downloads) or not target.is_file():
            return None  # MkDocs reports the broken link, as for any other
        download = File(relative, None, self._site_dir, False, inclusion=InclusionLevel.NOT_IN_NAV)
        download.url = self._prefix + relative
        return download


def resolve_downloads(html: str) -> str:
    """A page's HTML with its links to the downloads pointing one folder above its root."""
    return _MARKED_HREF.sub(r"\1../", html)


def copy_downloads(plan: SitePlan, site_dir: Path) -> None:
    """Copy ``docs/schemas/`` into the site byte for byte (the source language's build does);
    a symlink there is refused, never followed or published. A file already there with the
    size and time of its copy is left as it is (``eventdocs serve`` builds into one folder
    again and again; every other build, into an empty one)."""
    source = plan.root / DOCS_DIR / SCHEMAS_DIR
    if not source.is_dir() or source.is_symlink():
        if source.is_symlink():
            raise WriteError("a symlink in place of the downloads folder", path=source)
        return
    _remove_withdrawn(source, site_dir / SCHEMAS_DIR)
    for path in sorted(source.rglob("*")):
        if path.is_symlink():
            raise WriteError("a symlink among the downloads: refused, never published", path=path)
        target = site_dir / SCHEMAS_DIR / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.is_file() and not _same_copy(path, target):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def _remove_withdrawn(source: Path, copy: Path) -> None:
    """Remove from ``copy`` the files ``source`` no longer has (a folder served again and
    again keeps the downloads of every build before)."""
    if not copy.is_dir() or copy.is_symlink():
        return
    for path in sorted(copy.rglob("*"), reverse=True):
        kept = source / path.relative_to(copy)
        if path.is_dir() and not path.is_symlink():
            if not kept.is_dir():
                shutil.rmtree(path)
        elif not kept.is_file():
            path.unlink()


def _same_copy(path: Path, target: Path) -> bool:
    """Whether ``target`` is the copy ``copy2`` made of ``path`` as it is now."""
    try:
        made, copied = path.stat(), target.stat()
    except OSError:
        return False
    return (made.st_size, made.st_mtime_ns) == (copied.st_size, copied.st_mtime_ns)


def alternates(plan: SitePlan, language: SiteLanguage, page: Page) -> list[dict[str, Any]]:
    """Material's language selector for ``page``: the same page in every language (every
    language has every page), as links relative to it."""
    here = _in_site(language, page.url)
    return [
        {
            "name": other.strings.language_name,
            "link": _relative(_in_site(other, page.url), here),
            "lang": other.code,
        }
        for other in plan.languages
    ]


def _in_site(language: SiteLanguage, url: str) -> str:
    """A page URL of ``language``'s build as a path from the site's root."""
    return posixpath.join(language.folder, url) if language.folder else url


def _relative(target: str, start: str) -> str:
    """The link from the page at ``start`` to the page at ``target`` (site paths)."""
    folder = start if start.endswith("/") or not start else posixpath.dirname(start)
    link = posixpath.relpath(f"/{target}", f"/{folder}")
    return (
        f"{link}/"
        if (target.endswith("/") or not target) and link != "."
        else ("./" if link == "." else link)
    )
