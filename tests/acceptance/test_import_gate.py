"""`eventdocs import` is a gate: every rule `check` applies to a locale string, and the file's
own (its language, its keys, its English), refuse an import at the PO file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from eventdocs.exchange.units import MAX_EXCHANGE_BYTES
from tests.acceptance._exchange import (
    EMPTIED,
    REFUSED,
    REVIEWED,
    SOURCE,
    TRANSLATIONS,
    edit_po,
    entry,
    line_of,
    locale_files,
    plant,
    po_path,
    set_fields,
)
from tests.helpers import Run


@pytest.mark.parametrize("code", TRANSLATIONS)
@pytest.mark.parametrize("kind", REFUSED)
def test_the_gate_refuses_at_the_entrys_line(
    project: Path, run_cli: Callable[..., Run], code: str, kind: str
) -> None:
    """Each rule refuses the import with one `Error: FILE:LINE:` line at the PO entry, and
    no locale file changes."""
    run_cli("-C", project, "export", code)
    po_file = po_path(project, code)
    change, where, expected = REFUSED[kind]
    if change is None:  # the translation replaced by its English
        english = entry(polib.pofile(str(po_file)), REVIEWED).msgid
        change = set_fields(REVIEWED, msgstr=english)
    edit_po(po_file, change)
    before = locale_files(project)
    result = run_cli("-C", project, "import", f"translations/{code}.po")
    if where is None:
        line = 1
    elif isinstance(where, int):
        line = line_of(po_file, REVIEWED, where)
    else:
        line = line_of(po_file, where)
    assert result.code == 1
    assert result.err.splitlines() == [result.err.splitlines()[0]], result.err
    assert result.err.startswith(f"Error: translations/{code}.po:{line}: "), result.err
    assert expected in result.err
    assert locale_files(project) == before


def test_one_refused_file_refuses_the_whole_import(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Several files import all or nothing: a good file is not written when another is
    refused, and every refusal of every file is reported."""
    run_cli("-C", project, "export")
    good, *bad = TRANSLATIONS
    edit_po(po_path(project, good), set_fields(REVIEWED, msgstr="Un texte tout neuf"))
    for code in bad:
        edit_po(po_path(project, code), set_fields(REVIEWED, msgid="Other English"))
    before = locale_files(project)
    result = run_cli("-C", project, "import", *(po_path(project, code) for code in TRANSLATIONS))
    assert result.code == 1
    assert [line.split(":")[1] for line in result.err.splitlines()] == [
        f" {po_path(project, code).as_posix()}" for code in bad
    ]
    assert locale_files(project) == before


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "de.po",
            'msgid ""\nmsgstr ""\n"Language: de\\n"\n',
            "de.po:1: the project has no language 'de'",
        ),
        (
            f"{SOURCE}.po",
            f'msgid ""\nmsgstr ""\n"Language: {SOURCE}\\n"\n',
            "is the source language",
        ),
        (
            f"{TRANSLATIONS[0]}.po",
            'msgid ""\nmsgstr ""\n"Language: x\\n"\n\nmsgid "a" "b\n',
            ":5: not a PO file polib can read",
        ),
        (
            f"{TRANSLATIONS[0]}.po",
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n',
            ":1: the header names no Language",
        ),
    ],
)
def test_a_file_the_project_cannot_take_is_one_error_line(
    project: Path, run_cli: Callable[..., Run], name: str, content: str, expected: str
) -> None:
    """A file for a language the project lacks, for the source language, one polib cannot
    parse or one that names no language: one error line naming the file, no traceback."""
    path = project / "incoming" / name
    path.parent.mkdir()
    path.write_text(content, "utf-8")
    before = locale_files(project)
    result = run_cli("-C", project, "import", f"incoming/{name}")
    assert result.code == 1
    assert len(result.err.splitlines()) == 1 and result.err.startswith(f"Error: incoming/{name}")
    assert expected in result.err and "Traceback" not in result.err
    assert locale_files(project) == before


def test_a_file_over_the_size_limit_is_refused(project: Path, run_cli: Callable[..., Run]) -> None:
    """A PO file past the translators' file limit (32 MiB) is refused unread."""
    path = project / f"{TRANSLATIONS[0]}.po"
    path.write_bytes(b"#" * (MAX_EXCHANGE_BYTES + 1))
    result = run_cli("-C", project, "import", path.name)
    assert result.code == 1
    assert result.err.startswith(f"Error: {path.name}: PO file is {MAX_EXCHANGE_BYTES + 1} bytes")


def test_a_fuzzy_translation_of_a_missing_key_is_refused(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A tool's unreviewed suggestion for a key with no translation is refused: it has no
    state to keep, and recording it would make it current."""
    code = TRANSLATIONS[0]
    plant(project, code)
    run_cli("-C", project, "export", code)
    edit_po(po_path(project, code), set_fields(EMPTIED, msgstr="Suggestion", flags=["fuzzy"]))
    result = run_cli("-C", project, "import", po_path(project, code))
    assert result.code == 1 and "marked fuzzy" in result.err
    assert f":{line_of(po_path(project, code), EMPTIED)}: " in result.err
