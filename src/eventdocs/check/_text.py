"""Comparing prose: word diffs for translators, and the markup tokens a translation must keep."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from eventdocs._inline import CODE_SPAN, UNSAFE_LINK_TARGET

BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
LINK = re.compile(r"\]\(([^)\s]*)\)")
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|<!--")
TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#|\$\{")
# Without one of these characters a text has no markup, or nothing unsafe, to look at: most
# of a large project's hundreds of thousands of strings are checked by this one search.
_MARKUP_HINT = re.compile(r"`|\]\(|\{|\*\*")
_UNSAFE_HINT = re.compile(r"[<{$]|\]\(")


def word_diff(old: str, new: str) -> str:
    """Return ``new`` with removed words as ``[-old-]`` and added ones as ``{+new+}``."""
    old_words, new_words = old.split(), new.split()
    pieces: list[str] = []
    matcher = SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            pieces.extend(new_words[b_start:b_end])
            continue
        if a_end > a_start:
            pieces.append("[-" + " ".join(old_words[a_start:a_end]) + "-]")
        if b_end > b_start:
            pieces.append("{+" + " ".join(new_words[b_start:b_end]) + "+}")
    return " ".join(pieces)


def markup_difference(source: str, translation: str) -> str | None:
    """Describe how the translation's markup differs from the source's, or return None."""
    if not _MARKUP_HINT.search(source) and not _MARKUP_HINT.search(translation):
        return None
    source_code = Counter(match.group(2) for match in CODE_SPAN.finditer(source))
    translated_code = Counter(match.group(2) for match in CODE_SPAN.finditer(translation))
    if source_code != translated_code:
        return _differs("inline code", source_code, translated_code, quote="`")
    prose_source, prose_translation = CODE_SPAN.sub("", source), CODE_SPAN.sub("", translation)
    source_links = Counter(LINK.findall(prose_source))
    translated_links = Counter(LINK.findall(prose_translation))
    if source_links != translated_links:
        return _differs("link targets", source_links, translated_links, quote="")
    source_holes = Counter(PLACEHOLDER.findall(prose_source))
    translated_holes = Counter(PLACEHOLDER.findall(prose_translation))
    if source_holes != translated_holes:
        return _differs("placeholders", source_holes, translated_holes, quote="", wrap="{}")
    bold_source = len(BOLD.findall(prose_source))
    bold_translation = len(BOLD.findall(prose_translation))
    if bold_source != bold_translation:
        return f"the English has {bold_source} bold passage(s), the translation {bold_translation}"
    return None


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
    """Describe raw HTML, template syntax or a script link in ``text``, or return None."""
    if not _UNSAFE_HINT.search(text):
        return None
    prose = CODE_SPAN.sub("", text)
    if match := HTML_TAG.search(prose):
        return f"raw HTML {match.group(0)!r} is not allowed; write plain text or Markdown"
    if match := TEMPLATE_SYNTAX.search(prose):
        return f"template syntax {match.group(0)!r} is not allowed; it is shown literally"
    if any(UNSAFE_LINK_TARGET.match(target) for target in prose.split("](")[1:]):
        return "links may only point to http(s), mailto, or pages of this site"
    return None


def words(text: str) -> list[str]:
    """The words of ``text``, with inline code removed."""
    return re.findall(r"\w+", CODE_SPAN.sub("", text))
