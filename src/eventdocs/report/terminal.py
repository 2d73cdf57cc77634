"""Text from untrusted files made safe to print: no character may drive the terminal.

A finding quotes locale files and a message names paths; an escape sequence or a bidi
override in either could rewrite what a CI log shows. Such characters print as ``\\u202e``.
"""

from __future__ import annotations

import re

# C0 and C1 controls (escape sequences start here), separators, bidi and zero-width marks.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\u061c\ufeff]"
)


def printable(text: str) -> str:
    """Return ``text`` with every control, separator, bidi and zero-width character escaped."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)
