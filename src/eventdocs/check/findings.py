"""A finding: one problem ``eventdocs check`` reports, with a stable code and a place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """Stable finding codes; CI configurations and tools may rely on them."""

    INPUT = "input"  # a file that does not load: unreadable, malformed or inconsistent
    MISSING = "missing"
    ORPHAN = "orphan"
    STALE = "stale"
    UNTRANSLATED = "untranslated"
    MARKUP = "markup"
    UNSAFE = "unsafe"
    INVISIBLE = "invisible"
    GENERATED = "generated"
    EXAMPLE = "example"
    BREAKING = "breaking"
    SITE = "site"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


CODE_HELP: dict[Code, str] = {
    Code.INPUT: (
        "An input file does not load: unreadable, not valid YAML or TOML, or not in the shape "
        "its format requires; nothing else is checked until it does."
    ),
    Code.MISSING: "A string the pages need has no text in this language.",
    Code.ORPHAN: "A key in a locale file that no page uses any more.",
    Code.STALE: "The English text changed after this translation was made.",
    Code.UNTRANSLATED: "The translation is identical to the English text.",
    Code.MARKUP: "Inline code, bold, links or placeholders differ from the English text.",
    Code.UNSAFE: (
        "Markup the site would render from a string: raw HTML, an entity, an image, an autolink, "
        "a reference link, block syntax, an attribute list, a script link or template syntax."
    ),
    Code.INVISIBLE: "A control, line separator, bidirectional or zero-width character in a string.",
    Code.GENERATED: "A generated file is out of date, missing, or was edited by hand.",
    Code.EXAMPLE: "An example payload does not match the event's schema.",
    Code.BREAKING: "A schema changed in a way that breaks integrators without a version bump.",
    Code.SITE: (
        "mkdocs.yml disagrees with the project: a locale it does not build or a language with "
        "no locale file, another default language or docs_dir, Markdown extensions other than "
        "those translations are checked with, a Python tag; or a home page is missing."
    ),
}


@dataclass(frozen=True)
class Finding:
    """One problem, at a file (relative to the project root) and, where it has one, a line
    (``None`` for a finding about a whole file, such as a missing one)."""

    path: str
    line: int | None
    code: Code
    key: str
    message: str
    severity: Severity = Severity.ERROR
    detail: str = ""

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def sort_key(self) -> tuple[str, int, str, str, str]:
        """File by file, a file's own findings first, then line by line."""
        return (self.path, self.line or 0, self.code.value, self.key, self.message)
