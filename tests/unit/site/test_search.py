"""One search index per language, split from the site's single index."""

from __future__ import annotations

import json
from pathlib import Path

from eventdocs.site.search import split_search_index


def test_each_language_gets_its_own_pages(tmp_path: Path) -> None:
    """Entries under `fr/` move to the French index, relative to its root; the rest stay."""
    index = {
        "config": {"lang": ["en", "fr"], "separator": "[\\s]+"},
        "docs": [
            {"location": "events/", "title": "Events", "text": ""},
            {"location": "fr/events/", "title": "Événements", "text": ""},
            {"location": "fr/events/sent/#read", "title": "Lu", "text": ""},
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), "utf-8")
    counts = split_search_index(tmp_path, ["en", "fr"], "en")
    assert counts == {"en": 1, "fr": 2}
    french = json.loads((tmp_path / "fr" / "search" / "search_index.json").read_text("utf-8"))
    assert [entry["location"] for entry in french["docs"]] == ["events/", "events/sent/#read"]
    assert french["config"]["lang"] == ["fr"]
    english = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    assert [entry["title"] for entry in english["docs"]] == ["Events"]
