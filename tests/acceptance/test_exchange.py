"""`eventdocs export` and `import` round trips: a language out to a PO file and back.

They run over every language of the project, with planted stale and missing strings, and
`check` tells what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from tests.acceptance._exchange import (
    EMPTIED,
    REVIEWED,
    SOURCE,
    STILL_FUZZY,
    TRANSLATIONS,
    assert_three_edits_imported,
    edit_po,
    entry,
    locale_files,
    plant,
    po_path,
    translation_findings,
)
from tests.helpers import Run, read_yaml, set_english


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_export_then_import_changes_no_byte(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """Exporting every language and importing the files unedited leaves every locale file
    byte-identical, with stale (fuzzy), missing (empty) and current entries among them."""
    plant(project, code)
    before = locale_files(project)
    assert run_cli("-C", project, "export").code == 0
    po = polib.pofile(str(po_path(project, code)))
    assert entry(po, REVIEWED).fuzzy and entry(po, EMPTIED).msgstr == ""
    result = run_cli("-C", project, "import", *(po_path(project, c) for c in TRANSLATIONS))
    assert result.code == 0, result.err
    assert result.out.endswith("eventdocs import: 0 translation(s) updated\n")
    assert locale_files(project) == before


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_edited_entries_change_exactly_what_check_reports(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """A reviewed fuzzy entry and a filled empty one become current; a fuzzy entry edited but
    left fuzzy stays stale; `check` then reports exactly that one key in that language."""
    plant(project, code)
    run_cli("-C", project, "build")
    before = translation_findings(run_cli, project)
    path = f"locales/{code}.yaml"
    assert {
        ("stale", path, REVIEWED),
        ("stale", path, STILL_FUZZY),
        ("missing", path, EMPTIED),
    } <= before
    assert run_cli("-C", project, "export", code).code == 0

    def translate(po: polib.POFile) -> None:
        reviewed = entry(po, REVIEWED)
        reviewed.msgstr, reviewed.flags = f"Revu ({code}).", []
        entry(po, STILL_FUZZY).msgstr = f"Encore à revoir ({code})."
        entry(po, EMPTIED).msgstr = f"Titre traduit ({code})"

    edit_po(po_path(project, code), translate)
    result = run_cli("-C", project, "import", po_path(project, code))
    assert result.code == 0, result.err
    assert f"locales/{code}.yaml: 3 translation(s) updated" in result.out
    assert_three_edits_imported(run_cli, project, code, before)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_translation_of_the_earlier_english_stays_stale(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """A file exported before the English changed records its translation against the
    English it showed, the earlier one: the key stays stale, with the new text."""
    run_cli("-C", project, "export", code)
    set_english(project, REVIEWED, '"Sent whenever the reviewed English changes."')
    earlier = read_yaml(project / "locales" / f"{code}.yaml")[REVIEWED]["source"]
    edit_po(po_path(project, code), lambda po: setattr(entry(po, REVIEWED), "msgstr", "Refait."))
    assert run_cli("-C", project, "import", po_path(project, code)).code == 0
    assert read_yaml(project / "locales" / f"{code}.yaml")[REVIEWED] == {
        "source": earlier,
        "text": "Refait.",
    }
    run_cli("-C", project, "build")
    assert ("stale", f"locales/{code}.yaml", REVIEWED) in translation_findings(run_cli, project)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_an_empty_entry_deletes_no_translation(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """Emptying a translated entry in the PO file leaves its translation in place."""
    run_cli("-C", project, "export", code)
    before = locale_files(project)
    edit_po(po_path(project, code), lambda po: setattr(entry(po, REVIEWED), "msgstr", ""))
    assert run_cli("-C", project, "import", po_path(project, code)).code == 0
    assert locale_files(project) == before


def test_export_is_deterministic_and_writes_only_what_changed(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """A second export writes nothing; `-o` writes the same bytes elsewhere."""
    first = run_cli("-C", project, "export")
    assert first.out.splitlines()[:-1] == [
        f"wrote {po_path(project, code).as_posix()}" for code in TRANSLATIONS
    ]
    written = {code: po_path(project, code).read_bytes() for code in TRANSLATIONS}
    assert run_cli("-C", project, "export").out == "eventdocs export: 0 file(s) written\n"
    other = tmp_path / "elsewhere"
    assert run_cli("-C", project, "export", "-o", other).code == 0
    assert {code: (other / f"{code}.po").read_bytes() for code in TRANSLATIONS} == written


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("export", SOURCE), "is the source language"),
        (("export", "xx"), "unknown locale 'xx'"),
        (("export", "--format", "docx"), "Invalid value for '--format'"),
        (("import", "locales/en.yaml"), "not a translator's file"),
        (("import", "missing.po"), "does not exist"),
        (("import",), "Missing argument"),
    ],
)
def test_usage_errors_exit_2(
    project: Path, run_cli: Callable[..., Run], arguments: tuple[str, ...], expected: str
) -> None:
    """Exporting the source language or one the project lacks, an unknown format, a file of
    no known format, or none at all, are usage errors: exit 2, nothing written."""
    before = locale_files(project)
    result = run_cli("-C", project, *arguments)
    assert result.code == 2 and expected in result.err
    assert locale_files(project) == before and not (project / "translations").exists()


def test_export_never_writes_through_a_planted_symlink(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """A `translations` symlink in the checkout is refused, named by default or with `-o`:
    the export writes nothing."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "translations").symlink_to(outside)
    for options in ((), ("-o", str(project / "translations" / "po"))):
        result = run_cli("-C", project, "export", *options)
        assert result.code == 1 and "translations is a symlink" in result.err, result.err
    assert list(outside.iterdir()) == []


def test_a_folder_where_a_file_goes_is_refused_before_any_write(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A folder where a language's file goes (a pull request can plant one) stops the export
    with one error line naming it, before any file is written."""
    last = po_path(project, TRANSLATIONS[-1])
    (last / "keep").parent.mkdir(parents=True)
    (last / "keep").write_text("", "utf-8")
    result = run_cli("-C", project, "export")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert f"{last.name}: not a file" in result.err, result.err
    assert sorted(path.name for path in last.parent.iterdir()) == [last.name]
