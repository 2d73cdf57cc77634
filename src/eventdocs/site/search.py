"""One search index per language, so a French reader's search returns French pages only.

Material for MkDocs and mkdocs-static-i18n write one index for the whole site. After the build,
this splits it: each language gets ``<lang>/search/search_index.json`` (locations relative to
the language root) and the root index keeps the default language. ``overrides/main.html``
points each page's search at its language root. Both rely only on the index's documented
format and Material's documented ``config`` template block; the browser tests fail if an
upgrade changes either.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def split_search_index(site_dir: Path, languages: list[str], default: str) -> dict[str, int]:
    """Split ``site_dir/search/search_index.json`` by language; return entries per language."""
    root_index = site_dir / "search" / "search_index.json"
    index = json.loads(root_index.read_text("utf-8"))
    others = [language for language in languages if language != default]
    buckets: dict[str, list[dict[str, Any]]] = {language: [] for language in languages}
    for entry in index["docs"]:
        prefix = entry["location"].split("/", 1)[0]
        if prefix in others:
            buckets[prefix].append({**entry, "location": entry["location"][len(prefix) + 1 :]})
        else:
            buckets[default].append(entry)
    for language, entries in buckets.items():
        target = (
            root_index
            if language == default
            else site_dir / language / "search" / "search_index.json"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        scoped = {**index, "config": {**index["config"], "lang": [language]}, "docs": entries}
        target.write_text(json.dumps(scoped, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return {language: len(entries) for language, entries in buckets.items()}
