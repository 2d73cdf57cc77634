"""Hand-written pages, copied into ``docs/`` as they are, with the note every output carries.

The note goes where MkDocs shows nothing: a YAML comment inside the page's front matter, or an
HTML comment above a page that has none. Everything else is the page, byte for byte.
"""

from __future__ import annotations

from eventdocs.load.project import Page

_FRONT_MATTER = "---\n"


def copied_page(page: Page, note: str) -> str:
    """``page``'s text with ``note`` (one line, no ``--``) where a reader never sees it."""
    text = page.text
    if text.startswith(_FRONT_MATTER) and "\n---" in text[3:]:
        return f"{_FRONT_MATTER}# {note}\n{text.removeprefix(_FRONT_MATTER)}"
    return f"<!-- {note} -->\n\n{text}"
