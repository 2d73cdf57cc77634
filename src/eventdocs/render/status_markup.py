"""The markup of the translation status page that no Markdown has: progress bars, and the
English word diff as deleted and inserted passages.

Both are built here, never by a template, from numbers and from text made inert: every ASCII
character that Markdown or HTML could read as syntax is written as a numeric character
reference, so a diff of any English (the ``source`` a translation file records is anyone's
to write) is shown as typed and can form no link, emphasis, tag or table cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventdocs.errors import printable
from eventdocs.render.coverage import Coverage
from eventdocs.render.markdown_text import Markdown
from eventdocs.render.prose import parse_prose
from eventdocs.render.word_diff import WordChange

_SYNTAX = re.compile(r"[^A-Za-z0-9 \u00a0-\U0010ffff]")


def literal(text: str) -> Markdown:
    """``text`` shown exactly as typed, on one line: invisible and control characters as
    their escapes (as ``check`` prints them), every ASCII punctuation mark as a character
    reference."""
    return Markdown(_SYNTAX.sub(lambda match: f"&#{ord(match.group())};", printable(text)))


def progress_bar(row: Coverage, label: str) -> Markdown:
    """An accessible progress bar of ``row``'s translated share, named ``label`` (its words
    only), its percentage as its content for browsers that draw none."""
    name = literal(parse_prose(label).plain)
    # `<progress>` needs a positive maximum: a subject with nothing to translate is complete.
    value, maximum = (row.translated, row.total) if row.total else (1, 1)
    return Markdown(
        f'<progress value="{value}" max="{maximum}" aria-label="{name}">{row.percent}%</progress>'
    )


_TAGS = {"removed": "del", "added": "ins"}


def changed_words(changes: Iterable[WordChange], language: str) -> Markdown:
    """The word diff of the source text, marked as in ``language`` (so it is pronounced as
    such on another language's page): removed runs in ``<del>``, added ones in ``<ins>``
    (struck through and underlined, so it reads without colour), each run's words as typed."""
    pieces: list[str] = []
    for change in changes:
        words = literal(change.words)
        tag = _TAGS.get(change.kind)
        pieces.append(f"<{tag}>{words}</{tag}>" if tag else words)
    return Markdown(f'<span lang="{literal(language)}">{" ".join(pieces)}</span>')
