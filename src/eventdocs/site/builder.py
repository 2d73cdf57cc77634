"""``eventdocs site``: every language of the site, each its own MkDocs build, in parallel.

``docs/`` is regenerated once, then each language builds in a process of its own into a
staging folder inside ``site/``, swapped in whole once it has built: a language that fails
leaves its folder as it was. Each language owns its folder of ``site/`` (the source language
the root, minus the other languages' folders) and writes nothing outside it, so languages built
on separate machines merge by copying their folders into one ``site/``.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from eventdocs.errors import SiteError, UsageError, one_line
from eventdocs.pipeline import prepare_site as regenerate
from eventdocs.site.plan import SitePlan, make_site_plan

SITE_DIR = "site"
# Staging and outgoing folders inside site/, never part of a language's own folder.
_STAGING = ".eventdocs-"
PLUGIN = "eventdocs"


def project_root(config: MkDocsConfig) -> Path:
    """The eventdocs project: the folder of ``mkdocs.yml``, relative to the working directory
    when inside it, so messages name ``locales/fr.yaml``."""
    root = Path(config.config_file_path).parent
    return Path(os.path.relpath(root)) if root.is_relative_to(Path.cwd()) else root


def prepare_site(root: Path) -> SitePlan:
    """Regenerate ``docs/`` and plan the site of the project at ``root``."""
    return make_site_plan(regenerate(root))


def build_site(root: Path, codes: Iterable[str] = (), *, jobs: int | None = None) -> list[str]:
    """Build the languages ``codes`` (all of them when empty) into ``root/site``; return the
    codes built, the source language first."""
    plan = prepare_site(root)
    known = [language.code for language in plan.languages]
    wanted = list(dict.fromkeys(codes)) or known
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise UsageError(
            f"no language {unknown[0]!r} in this project (locales/: {', '.join(known)})"
        )
    ordered = [code for code in known if code in wanted]
    build_languages(plan, ordered, root / SITE_DIR, jobs=jobs)
    return ordered


def build_languages(plan: SitePlan, codes: list[str], site_dir: Path, *, jobs: int | None) -> None:
    """Build ``codes`` into ``site_dir``, ``jobs`` at a time (default: one per CPU); the first
    language that fails is one ``SiteError``, after every other has finished."""
    if not codes:
        return
    site_dir.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(codes)))
    if workers == 1:
        failures = [build_language(plan, code, site_dir) for code in codes]
    else:
        # Spawned, not forked: the caller may run threads (a test server, a watcher), and a
        # fork copies their locks held.
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
            futures = [pool.submit(build_language, plan, code, site_dir) for code in codes]
            failures = [future.result() for future in futures]
    for code, failure in zip(codes, failures, strict=True):
        if failure is not None:
            raise SiteError(
                f"the {code!r} site did not build, and site/ keeps its last one: {failure}"
            )


def build_language(plan: SitePlan, code: str, site_dir: Path) -> str | None:
    """Build one language and swap it into ``site_dir``; return why it failed, or None.

    Runs in a worker process: what it returns must pickle, hence a message, not an exception.
    """
    language = plan.language(code)
    staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{code}-", dir=site_dir))
    try:
        config = load_config(config_file=str(plan.config_file), site_dir=str(staging))
        plugin = config.plugins.get(PLUGIN)
        if plugin is None:
            return f"mkdocs.yml lists no `{PLUGIN}` plugin"
        plugin.assign(plan, language)
        mkdocs_build(config)
        _swap_in(staging, site_dir, plan, code)
        return None
    except (MkDocsException, SystemExit, OSError) as error:
        return one_line(str(error) or type(error).__name__)
    except SiteError as error:
        return str(error)
    except Exception as error:  # a theme template or a plugin failing: still one line
        return one_line(f"{type(error).__name__}: {error}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _owned(site_dir: Path, plan: SitePlan, code: str) -> list[Path]:
    """What of ``site_dir`` belongs to language ``code`` now."""
    if code != plan.source.code:
        return [site_dir / code] if (site_dir / code).exists() else []
    others = {language.code for language in plan.languages[1:]}
    return [
        entry
        for entry in site_dir.iterdir()
        if entry.name not in others and not entry.name.startswith(_STAGING)
    ]


def _swap_in(staging: Path, site_dir: Path, plan: SitePlan, code: str) -> None:
    """Replace the language's part of ``site_dir`` with the build in ``staging``."""
    outgoing = Path(tempfile.mkdtemp(prefix=f"{_STAGING}old-{code}-", dir=site_dir))
    try:
        for entry in _owned(site_dir, plan, code):
            entry.rename(outgoing / entry.name)
        if code == plan.source.code:
            for entry in sorted(staging.iterdir()):
                entry.rename(site_dir / entry.name)
        else:
            staging.rename(site_dir / code)
    finally:
        shutil.rmtree(outgoing, ignore_errors=True)
