"""The inline Markdown a translation may hold, defined once for rendering and for checking."""

from __future__ import annotations

import re

# A run of backticks, the shortest content, and the same run closing it.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# A link target with a scheme other than http(s) or mailto (javascript:, data:, …).
UNSAFE_LINK_TARGET = re.compile(r"^\s*(?!(?:https?|mailto):)[A-Za-z][A-Za-z0-9+.-]*:")
