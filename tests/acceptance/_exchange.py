"""Shared by the export and import tests: a project with planted stale and missing strings,
its PO files, and edits of them as a translator's tool would make."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib

from tests.helpers import EVENTS, LOCALES, Run, read_yaml, set_english, write_yaml

SOURCE, TRANSLATIONS = LOCALES[0], LOCALES[1:]
# Two keys whose English the tests rewrite (so every language goes stale), one they empty.
REVIEWED = f"events.{EVENTS[0]}.summary"
STILL_FUZZY = f"events.{EVENTS[-1]}.summary"
EMPTIED = f"events.{EVENTS[len(EVENTS) // 2]}.title"


def locale_files(root: Path) -> dict[str, bytes]:
    """Every locale file's bytes, by name."""
    return {path.name: path.read_bytes() for path in sorted((root / "locales").iterdir())}


def plant(root: Path, code: str) -> None:
    """Make ``REVIEWED`` and ``STILL_FUZZY`` stale in every language (their English is
    rewritten) and ``EMPTIED`` missing in ``code``."""
    set_english(root, REVIEWED, '"Sent whenever the reviewed English changes."')
    set_english(root, STILL_FUZZY, '"Sent whenever the other English changes."')
    path = root / "locales" / f"{code}.yaml"
    data = read_yaml(path)
    data[EMPTIED]["text"] = None
    write_yaml(path, data)


def po_path(root: Path, code: str) -> Path:
    """Where `export` writes ``code``'s PO file by default."""
    return root / "translations" / f"{code}.po"


def edit_po(path: Path, change: Callable[[polib.POFile], None]) -> None:
    """Edit the PO file ``path`` as a translator's tool would, with polib."""
    po = polib.pofile(str(path))
    change(po)
    po.save(str(path))


def entry(po: polib.POFile, key: str) -> polib.POEntry:
    """The entry of ``key`` in ``po``."""
    found = po.find(key, by="msgctxt")
    assert found is not None, key
    return found


def line_of(path: Path, key: str, nth: int = 0) -> int:
    """The line the ``nth`` entry of ``key`` starts on in the PO file ``path``."""
    entries = [item for item in polib.pofile(str(path)) if item.msgctxt == key]
    line = entries[nth].linenum
    assert line is not None
    return line


def translation_findings(run_cli: Callable[..., Run], root: Path) -> set[tuple[str, str, str]]:
    """The translation findings of `check`, as (code, file, key)."""
    document = run_cli("-C", root, "check", "--format", "json").json()
    return {
        (finding["code"], finding["path"], finding["key"])
        for finding in document["findings"]
        if finding["path"].startswith("locales/")
    }


def assert_three_edits_imported(
    run_cli: Callable[..., Run], root: Path, code: str, before: set[tuple[str, str, str]]
) -> None:
    """After importing the three edits of the round-trip tests into ``code`` (``REVIEWED``
    reviewed, ``STILL_FUZZY`` edited but left stale, ``EMPTIED`` filled), `check` reports
    exactly ``before`` less the two keys now current, and the locale file holds the texts."""
    run_cli("-C", root, "build")
    path = f"locales/{code}.yaml"
    expected = before - {("stale", path, REVIEWED), ("missing", path, EMPTIED)}
    assert translation_findings(run_cli, root) == expected
    locale = read_yaml(root / path)
    english = read_yaml(root / "locales" / f"{SOURCE}.yaml")
    assert locale[REVIEWED] == {"source": english[REVIEWED], "text": f"Revu ({code})."}
    assert locale[STILL_FUZZY]["text"] == f"Encore à revoir ({code})."
    assert locale[STILL_FUZZY]["source"] != english[STILL_FUZZY]
    assert locale[EMPTIED] == {"source": english[EMPTIED], "text": f"Titre traduit ({code})"}


def set_header(language: str) -> Callable[[polib.POFile], None]:
    """An edit that sets the header's language."""

    def change(po: polib.POFile) -> None:
        po.metadata["Language"] = language

    return change


def duplicate(po: polib.POFile) -> None:
    """Add a second entry for ``REVIEWED``."""
    first = entry(po, REVIEWED)
    po.append(polib.POEntry(msgctxt=first.msgctxt, msgid=first.msgid, msgstr="Deux fois"))


def set_fields(key: str, **fields: object) -> Callable[[polib.POFile], None]:
    """An edit that sets ``fields`` of ``key``'s entry."""

    def change(po: polib.POFile) -> None:
        for name, value in fields.items():
            setattr(entry(po, key), name, value)

    return change


def with_code(po: polib.POFile) -> None:
    """Add inline code the English does not have to ``REVIEWED``'s translation."""
    entry(po, REVIEWED).msgstr += " `secret`"


# Each edit of an exported PO file the gate refuses: the edit, the key whose entry is named
# (None: the header, line 1; a number: the nth entry of REVIEWED), and what the error says.
Edit = Callable[[polib.POFile], None]
REFUSED: dict[str, tuple[Edit | None, str | int | None, str]] = {
    "unknown key": (
        set_fields(REVIEWED, msgctxt="ui.no_such_key"),
        "ui.no_such_key",
        "no page uses",
    ),
    "msgid edited": (set_fields(REVIEWED, msgid="Other English"), REVIEWED, "neither today's"),
    "inline code added": (with_code, REVIEWED, "inline code must match the English"),
    "raw HTML": (set_fields(REVIEWED, msgstr="<script>x</script>"), REVIEWED, "raw HTML"),
    "zero-width space": (set_fields(REVIEWED, msgstr="Un\u200bdeux"), REVIEWED, "U+200B"),
    "copied English": (None, REVIEWED, "identical to the English"),
    "duplicate entry": (duplicate, 1, "is already translated at line"),
    "header of another language": (set_header("xx"), None, "the file name says"),
}
