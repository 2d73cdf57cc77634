"""`eventdocs export --format xliff` and `import` round trips: a language out to an XLIFF 2.1
file and back, through the same gate as PO files, with the file edited as a tool would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests.acceptance._exchange import (
    EMPTIED,
    REVIEWED,
    STILL_FUZZY,
    TRANSLATIONS,
    assert_three_edits_imported,
    locale_files,
    plant,
    translation_findings,
)
from tests.helpers import Run

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
NS = {"x": XLIFF}


def xliff_path(root: Path, code: str) -> Path:
    """Where `export --format xliff` writes ``code``'s file by default."""
    return root / "translations" / f"{code}.xlf"


def edit_xliff(path: Path, change: Callable[[etree._Element], None]) -> None:
    """Edit the XLIFF file ``path`` as a translator's tool would, with an XML library."""
    tree = etree.parse(str(path))
    change(tree.getroot())
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def segment(root: etree._Element, key: str) -> etree._Element:
    """The (first) segment of the unit of ``key``."""
    found = root.xpath(f"//x:unit[@id='{key}']/x:segment", namespaces=NS)
    assert found, key
    element: etree._Element = found[0]
    return element


def set_target(root: etree._Element, key: str, text: str, *, state: str, stale: bool) -> None:
    """Give ``key``'s segment the plain target ``text`` and ``state``, stale or not."""
    found = segment(root, key)
    target = found.find(f"{{{XLIFF}}}target")
    if target is None:
        target = etree.SubElement(found, f"{{{XLIFF}}}target")
    for child in list(target):
        target.remove(child)
    target.text = text
    found.set("state", state)
    if not stale:
        found.attrib.pop("subState", None)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_export_then_import_changes_no_byte(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """Exporting every language as XLIFF and importing the files unedited leaves every locale
    file byte-identical, with stale, missing and current units among them."""
    plant(project, code)
    before = locale_files(project)
    assert run_cli("-C", project, "export", "--format", "xliff").code == 0
    root = etree.parse(str(xliff_path(project, code))).getroot()
    assert segment(root, REVIEWED).get("subState") == "eventdocs:stale"
    assert segment(root, EMPTIED).get("state") == "initial"
    files = [xliff_path(project, other) for other in TRANSLATIONS]
    result = run_cli("-C", project, "import", *files)
    assert result.code == 0, result.err
    assert locale_files(project) == before


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_edited_units_change_exactly_what_check_reports(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """A reviewed stale unit and a filled missing one become current; a stale unit edited
    but still marked stale stays stale; `check` then reports exactly that one key."""
    plant(project, code)
    run_cli("-C", project, "build")
    before = translation_findings(run_cli, project)
    assert run_cli("-C", project, "export", code, "--format", "xliff").code == 0

    def translate(root: etree._Element) -> None:
        set_target(root, REVIEWED, f"Revu ({code}).", state="reviewed", stale=False)
        set_target(root, STILL_FUZZY, f"Encore à revoir ({code}).", state="translated", stale=True)
        set_target(root, EMPTIED, f"Titre traduit ({code})", state="translated", stale=False)

    edit_xliff(xliff_path(project, code), translate)
    result = run_cli("-C", project, "import", xliff_path(project, code))
    assert result.code == 0, result.err
    assert_three_edits_imported(run_cli, project, code, before)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_tampered_protected_code_is_refused_at_its_unit(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """Changing what a protected code stands for (its original data) in a unit is refused
    at the unit's line, and no locale file changes."""
    assert run_cli("-C", project, "export", code, "--format", "xliff").code == 0
    file = xliff_path(project, code)
    tree = etree.parse(str(file))
    data = tree.getroot().xpath("//x:unit[x:originalData]", namespaces=NS)[0]
    key = data.get("id")
    for item in data.xpath("x:originalData/x:data", namespaces=NS):
        item.text = "[a link](https://attacker.example/)"
    tree.write(str(file), xml_declaration=True, encoding="UTF-8")
    # Where the unit stands in the file as written back (the writer may move lines).
    written = etree.parse(str(file)).getroot()
    line = written.xpath(f"//x:unit[@id='{key}']", namespaces=NS)[0].sourceline
    before = locale_files(project)
    result = run_cli("-C", project, "import", file)
    assert result.code == 1, result.out
    assert f"{file.name}:{line}:" in result.err and key in result.err, result.err
    assert locale_files(project) == before
