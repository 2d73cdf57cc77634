"""What a translation may say: the rules ``check`` reports and ``build`` obeys.

A translation is shown only if the site would render nothing but prose from it and it carries
the same inline code and links as the English; otherwise the page falls back to the English.
"""

from __future__ import annotations

import re
from collections import Counter

from eventdocs.render.prose import parse_prose

PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#|\$\{")
# Without one of these characters a text has no markup to compare: most of a large project's
# hundreds of thousands of strings are settled by this one search.
_MARKUP_HINT = re.compile(r"[`\[{*_]")


def markup_difference(source: str, translation: str) -> str | None:
    """Describe how the translation's markup differs from the source's, or return None.

    Both are parsed as the site renders them: inline code and links (targets and titles) must
    be the same, in any order; bold and emphasis only as the English has them.
    """
    if not _MARKUP_HINT.search(source) and not _MARKUP_HINT.search(translation):
        return None
    english, translated = parse_prose(source), parse_prose(translation)
    if english.code_spans != translated.code_spans:
        return _differs("inline code", english.code_spans, translated.code_spans, quote="`")
    if english.links != translated.links:
        return _differs(
            "link targets and titles",
            Counter(_show_link(link) for link in english.links.elements()),
            Counter(_show_link(link) for link in translated.links.elements()),
            quote="",
        )
    source_holes = Counter(PLACEHOLDER.findall(english.prose_text))
    translated_holes = Counter(PLACEHOLDER.findall(translated.prose_text))
    if source_holes != translated_holes:
        return _differs("placeholders", source_holes, translated_holes, quote="", wrap="{}")
    for strong, what in ((True, "bold"), (False, "emphasized")):
        counts = english.emphasis(strong=strong), translated.emphasis(strong=strong)
        if counts[0] != counts[1] and (strong or not counts[0]):
            return f"the English has {counts[0]} {what} passage(s), the translation {counts[1]}"
    return None


def prose_fits(source: str, translation: str) -> bool:
    """Whether a page may show ``translation`` for ``source``: nothing refused, same markup."""
    return not _refused(translation) and markup_difference(source, translation) is None


def _show_link(link: tuple[str, str | None]) -> str:
    href, title = link
    return href if title is None else f'{href} "{title}"'


def _differs(
    what: str, source: Counter[str], translation: Counter[str], *, quote: str, wrap: str = ""
) -> str:
    def show(items: Counter[str]) -> str:
        if not items:
            return "none"
        left, right = (wrap[0], wrap[1]) if wrap else ("", "")
        return ", ".join(f"{quote}{left}{item}{right}{quote}" for item in sorted(items.elements()))

    return (
        f"{what} must match the English: "
        f"English has {show(source)}, translation has {show(translation)}"
    )


def unsafe_content(text: str) -> str | None:
    """Describe what the site would not render as plain prose in ``text``, or return None:
    raw HTML, entities, images, autolinks, block syntax, attribute lists, template syntax."""
    problems = _refused(text)
    if not problems:
        return None
    more = len(problems) - 1
    return problems[0] + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def _refused(text: str) -> list[str]:
    """What the rules refuse in ``text``; empty for most strings, and no message is built
    for a page's lookup unless there is something to say."""
    prose = parse_prose(text)
    problems = list(prose.problems)
    if match := TEMPLATE_SYNTAX.search(prose.prose_text):
        problems.append(f"template syntax {match.group(0)!r} is not allowed; it is shown literally")
    return problems
