"""GitHub workflow commands: escaped properly, capped per type."""

from __future__ import annotations

from pathlib import Path

from eventdocs.check.findings import Code, Finding, Severity
from eventdocs.report.github import format_github
from eventdocs.report.places import Places


def test_properties_and_data_are_escaped(tmp_path: Path) -> None:
    """Commas and colons in properties, percent signs and newlines in data are encoded."""
    finding = Finding("docs/a,b:c.md", 3, Code.STALE, "k", "50% done", detail="x\ny")
    (line,) = format_github((finding,), Places(Path(), tmp_path))
    assert (
        line
        == "::error file=docs/a%2Cb%3Ac.md,line=3,title=eventdocs stale::[k] 50%25 done%0Ax%0Ay"
    )


def test_the_file_is_named_from_the_repository_root(tmp_path: Path) -> None:
    """A project in a subfolder: the annotation's file starts with the subfolder, which is
    how GitHub finds it in the checkout."""
    finding = Finding("locales/fr.yaml", 3, Code.STALE, "k", "m")
    (line,) = format_github((finding,), Places(Path("docs-project"), tmp_path))
    assert line.startswith("::error file=docs-project/locales/fr.yaml,line=3,")


def test_annotations_are_capped_per_type(tmp_path: Path) -> None:
    """Twelve errors and two warnings: ten errors, a notice for two more, both warnings."""
    errors = tuple(Finding(f"f{n}", n + 1, Code.MISSING, "k", "m") for n in range(12))
    warnings = tuple(Finding("w", 1, Code.EXAMPLE, "k", "m", Severity.WARNING) for _ in range(2))
    lines = format_github(errors + warnings, Places(Path(), tmp_path))
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 2
    assert [line for line in lines if line.startswith("::notice")] == [
        "::notice title=eventdocs::2 more errors are not annotated; "
        "see the job summary for every finding"
    ]


def test_a_missing_key_is_annotated_where_it_belongs(tmp_path: Path) -> None:
    """A finding with no line of its own is annotated at the line it belongs next to, when
    known, and on the whole file otherwise."""
    placed = Finding("locales/fr.yaml", None, Code.MISSING, "k", "m", near_line=9)
    unplaced = Finding("locales/fr.yaml", None, Code.MISSING, "k", "m")
    lines = format_github((placed, unplaced), Places(Path(), tmp_path))
    assert lines[0].startswith("::error file=locales/fr.yaml,line=9,title=")
    assert lines[1].startswith("::error file=locales/fr.yaml,title=")
