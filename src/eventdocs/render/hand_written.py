"""Hand-written pages, copied into ``docs/`` as they are, with the note every output carries.

The note goes where MkDocs shows nothing: a YAML comment inside the page's front matter (a
block MkDocs reads as front matter: ``---`` … ``---`` or ``...`` holding a mapping), or an HTML
comment above a page that has none. Everything else is the page, byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from eventdocs.errors import LoadError
from eventdocs.load.project import Page
from eventdocs.load.yaml_files import load_yaml

# MkDocs' own rule for front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def copied_page(page: Page, note: str) -> str:
    """``page``'s text with ``note`` (one line, no ``--``) where a reader never sees it."""
    text = page.text
    if _has_front_matter(page.source, text):
        first, _, rest = text.partition("\n")
        return f"{first}\n# {note}\n{rest}"
    return f"<!-- {note} -->\n\n{text}"


def _has_front_matter(source: str, text: str) -> bool:
    """Whether MkDocs reads a front matter at the top of ``text``: a block that is a mapping
    (read with eventdocs' strict loader; a block it refuses counts as none)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return False
    try:
        document = load_yaml(Path(source), what="front matter", raw=match.group(1).encode())
    except LoadError:
        return False
    return isinstance(document.data, dict)
