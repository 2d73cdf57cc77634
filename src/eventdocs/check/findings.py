"""A finding: one problem ``eventdocs check`` reports, with a stable code and a place.

``RULES`` is the one place each code is explained: the SARIF rules of ``--format sarif`` are
built from it, and the reference page ``pages/en/checks.md`` has a section for each code
(a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from eventdocs.errors import EventdocsError


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


@dataclass(frozen=True)
class Rule:
    """What a finding code means and how to fix it, in plain sentences (``fix`` may quote
    commands and file names as inline code)."""

    name: str  # a readable identifier for code scanning (`MissingTranslation`)
    summary: str  # one sentence
    meaning: str  # what the finding says about the project
    fix: str  # what to do, naming the command that does it where one does


RULES: dict[Code, Rule] = {
    Code.INPUT: Rule(
        "InputDoesNotLoad",
        "An input file does not load.",
        "A file eventdocs reads (eventdocs.toml, a schema, a locale file, a template, a "
        "hand-written page) is unreadable, not valid YAML or TOML, or not in the shape its "
        "format requires, or a folder the project needs is missing. Nothing else is checked "
        "until every input loads.",
        "Correct the file at the line named; the message says what is wrong. Run "
        "`eventdocs check` again: it lists every problem of every file that does not load.",
    ),
    Code.MISSING: Rule(
        "MissingTranslation",
        "A string the pages need has no text in this language.",
        "A page or JSON Schema uses this key, but the locale file lacks it or its `text` is "
        "empty. A translation's page shows the English in its place, under the out-of-date "
        "notice; without the English, `eventdocs build` stops.",
        "For a translation, run `eventdocs sync` to add every missing key to the locale files, "
        "untranslated, then fill in each `text`. For the source language, add the key and its "
        "English text to its locale file by hand. A new language starts with "
        "`eventdocs new-locale CODE`.",
    ),
    Code.ORPHAN: Rule(
        "OrphanKey",
        "A key in a locale file that no page uses.",
        "No page or schema uses this key any more (its field, event or type was removed or "
        "renamed), or the English has no text for it.",
        "Run `eventdocs sync --prune` to remove the keys no page uses from every translation, "
        "or delete the key by hand. If its field was renamed, `eventdocs rename OLD NEW` moves "
        "every translation to the new key instead.",
    ),
    Code.STALE: Rule(
        "StaleTranslation",
        "The English changed after this translation was made.",
        "The translation's `source` no longer matches the English text: the translation may "
        "say something the English no longer says. The finding shows the change as a word "
        "diff.",
        "Update `text` to match the new English, then run `eventdocs accept LOCALE KEY` to "
        "record that it is current. If the English edit changed no meaning (a typo fix), run "
        "`eventdocs accept --minor KEY` to keep every language current.",
    ),
    Code.UNTRANSLATED: Rule(
        "UntranslatedText",
        "The translation is identical to the English text.",
        "The `text` of this language is the English, word for word, so readers of this "
        "language read English.",
        "Translate it. If every word of it is the same in this language (`JSON`, `Info`), add "
        "the words to `identical_allowed` in eventdocs.toml. Then run `eventdocs check`.",
    ),
    Code.MARKUP: Rule(
        "MarkupDiffers",
        "Inline code, bold, links or placeholders differ from the English text.",
        "A translation carries prose only: identifiers in inline code, link targets and titles, "
        "bold and `{placeholders}` must be those of the English. A translation that differs is "
        "not shown: the page shows the English instead.",
        "Copy the inline code, links, bold and placeholders from the English unchanged and "
        "translate only the words around them; then run `eventdocs check`.",
    ),
    Code.UNSAFE: Rule(
        "UnsafeMarkup",
        "A string holds markup the site must not render.",
        "Raw HTML, an entity, an image, an autolink, a reference link, block syntax, an "
        "attribute list, a script link or template syntax in a string: the site would render "
        "it, so the string is never shown.",
        "Remove the markup and write plain text, keeping only the inline code, emphasis and "
        "links the English has. Once `eventdocs check` accepts it, `eventdocs build` shows it "
        "on the page.",
    ),
    Code.INVISIBLE: Rule(
        "InvisibleCharacter",
        "A control, separator, bidirectional or zero-width character in a string.",
        "A character a reader cannot see, which can hide text or change the order in which "
        "the rest is shown.",
        "Delete the character named in the message (retype the text around it if your editor "
        "does not show it), then run `eventdocs check`.",
    ),
    Code.GENERATED: Rule(
        "GeneratedFileOutOfDate",
        "A generated file is out of date, missing, or was edited by hand.",
        "The files under docs/ are outputs: each must be exactly what `eventdocs build` writes "
        "from the current inputs, and no other file may be there.",
        "Run `eventdocs build` and commit docs/. Never edit docs/ by hand: edit the schema, "
        "locale, template or page it is made from.",
    ),
    Code.EXAMPLE: Rule(
        "ExampleMismatch",
        "An example payload does not match the schema.",
        "An example of an event or type breaks its own JSON Schema, shows a field the schema "
        "does not document, or (a warning) no example shows a documented field.",
        "Correct the example in the schema file, or the field it disagrees with, and run "
        "`eventdocs check` again; `eventdocs validate PAYLOAD.json` checks any payload against "
        "the same schema.",
    ),
    Code.BREAKING: Rule(
        "BreakingChange",
        "A schema changed in a way that breaks integrators, without a version bump.",
        "Compared with the published JSON Schema of the same version, a field was removed, a "
        "type narrowed, an object closed, an enum value added or removed, a field made "
        "required, or a format or pattern added.",
        "Bump `version` in the schema file (the earlier version stays published) and run "
        "`eventdocs build`; or undo the change.",
    ),
    Code.SITE: Rule(
        "SiteConfigMismatch",
        "mkdocs.yml disagrees with the project.",
        "A locale the site does not build or a language with no locale file, another default "
        "language or docs_dir, Markdown extensions other than those translations are checked "
        "with, a setting that loads other hosts or runs other code, a Python tag, or a "
        "language without its home page.",
        "Edit mkdocs.yml as the message says (a new language needs its `- locale:` entry in "
        "the i18n plugin and its home page `pages/LOCALE/index.md`), then run "
        "`eventdocs check`.",
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
    # For a finding with no line of its own, where known: the line it belongs next to (a
    # missing key's place, where `eventdocs sync` adds it). Code scanning shows it there.
    near_line: int | None = None

    def sort_key(self) -> tuple[str, int, str, str, str]:
        """File by file, a file's own findings first, then line by line."""
        return (self.path, self.line or 0, self.code.value, self.key, self.message)


def input_finding(root: Path, problem: EventdocsError) -> Finding:
    """The ``input`` finding of an error: at its file (relative to ``root`` when inside it,
    the project itself when it names none) and line."""
    path = problem.path
    if path is not None and path.is_relative_to(root):
        where = path.relative_to(root).as_posix()
    else:
        where = path.as_posix() if path is not None else "."
    return Finding(where, problem.line, Code.INPUT, "", problem.message)
