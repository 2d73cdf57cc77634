"""The site's Markdown parser, as MkDocs runs it, stopped before it writes HTML.

``prose`` reads translations with it, so what ``check`` accepts is what the page shows;
``check`` verifies that ``mkdocs.yml`` names these very extensions.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

if TYPE_CHECKING:
    import markdown

# The extensions of the site's `mkdocs.yml`; `eventdocs check` refuses a site that differs.
SITE_MARKDOWN_EXTENSIONS: tuple[str, ...] = (
    "admonition",
    "attr_list",
    "tables",
    "toc",
    "pymdownx.highlight",
    "pymdownx.superfences",
)
SITE_MARKDOWN_EXTENSION_CONFIGS = {"toc": {"permalink": True}}


def convert_line(line: str) -> list[Element]:
    """The blocks the site's parser makes of ``line``, with escapes and stashed HTML still
    marked (``site_parser().htmlStash`` holds what the placeholders stand for)."""
    parser = site_parser()
    parser.reset()
    # An empty document never reaches the tree processors: nothing may be left from the last.
    parser.captured = Element("div")  # type: ignore[attr-defined]
    parser.convert(line)
    return list(parser.captured)  # type: ignore[attr-defined]


def _marked(
    element: Element | str | None, start: int | None, end: int | None
) -> tuple[Element | str | None, int | None, int | None]:
    if isinstance(element, Element):
        element.set("data-eventdocs-autolink", "")
    return element, start, end


@lru_cache(maxsize=1)
def site_parser() -> markdown.Markdown:
    """The site's Markdown parser, stopped before serializing so the tree can be read."""
    import markdown
    from markdown.inlinepatterns import (
        AUTOLINK_RE,
        AUTOMAIL_RE,
        AutolinkInlineProcessor,
        AutomailInlineProcessor,
    )
    from markdown.treeprocessors import Treeprocessor

    class Capture(Treeprocessor):
        def run(self, root: Element) -> None:
            # A copy: later processors undo escapes in place, and those must stay visible.
            self.md.captured = copy.deepcopy(root)  # type: ignore[attr-defined]

    class MarkedAutolink(AutolinkInlineProcessor):
        # The stubs type the base `Pattern.handleMatch`, which inline processors override.
        def handleMatch(  # type: ignore[override]
            self, m: re.Match[str], data: str
        ) -> tuple[Element | str | None, int | None, int | None]:
            return _marked(*super().handleMatch(m, data))

    class MarkedAutomail(AutomailInlineProcessor):
        def handleMatch(  # type: ignore[override]
            self, m: re.Match[str], data: str
        ) -> tuple[Element | str | None, int | None, int | None]:
            return _marked(*super().handleMatch(m, data))

    parser = markdown.Markdown(
        extensions=list(SITE_MARKDOWN_EXTENSIONS),
        extension_configs=SITE_MARKDOWN_EXTENSION_CONFIGS,
    )
    # Same patterns at the same priorities: only marked, so check can name what it found.
    parser.inlinePatterns.register(MarkedAutolink(AUTOLINK_RE, parser), "autolink", 120)
    parser.inlinePatterns.register(MarkedAutomail(AUTOMAIL_RE, parser), "automail", 110)
    # After the inline patterns, before backslash escapes are undone: escaped characters are
    # still told apart from the syntax the writer typed.
    parser.treeprocessors.register(Capture(parser), "eventdocs-capture", 1)
    return parser
