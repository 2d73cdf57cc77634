"""A page's weight: the theme's whitespace-only lines dropped from every page.

Material's templates leave a fifth of a page as lines holding nothing but spaces. In HTML a run
of whitespace renders as one space wherever it stands, except where an element keeps it as it is
(``<pre>``, ``<textarea>``) or is no markup at all (``<script>``, ``<style>``): those are copied
untouched, and elsewhere a line break is always left where lines were, so nothing renders
differently.
"""

from __future__ import annotations

import re

# An element whose content is kept as it is, from its start tag to its end tag.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def drop_blank_lines(html: str) -> str:
    """``html`` without its whitespace-only lines, verbatim elements kept as they are."""
    parts = _VERBATIM.split(html)
    # `split` yields text, then each match's two groups (the element, its name), then text.
    kept = [
        part if index % 3 == 1 else ("" if index % 3 == 2 else _BLANK_LINES.sub("", part))
        for index, part in enumerate(parts)
    ]
    return "".join(kept)
