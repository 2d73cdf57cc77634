"""GitHub workflow commands: escaped properly, capped per type."""

from __future__ import annotations

from eventdocs.check.findings import Code, Finding, Severity
from eventdocs.report.github import format_github


def test_properties_and_data_are_escaped() -> None:
    """Commas and colons in properties, percent signs and newlines in data are encoded."""
    finding = Finding("docs/a,b:c.md", 3, Code.STALE, "k", "50% done", detail="x\ny")
    (line,) = format_github((finding,))
    assert (
        line
        == "::error file=docs/a%2Cb%3Ac.md,line=3,title=eventdocs stale::[k] 50%25 done%0Ax%0Ay"
    )


def test_annotations_are_capped_per_type() -> None:
    """Twelve errors and two warnings: ten errors, a notice for two more, both warnings."""
    errors = tuple(Finding(f"f{n}", n + 1, Code.MISSING, "k", "m") for n in range(12))
    warnings = tuple(Finding("w", 1, Code.EXAMPLE, "k", "m", Severity.WARNING) for _ in range(2))
    lines = format_github(errors + warnings)
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 2
    assert [line for line in lines if line.startswith("::notice")] == [
        "::notice title=eventdocs::2 more errors are not annotated; "
        "see the job summary for every finding"
    ]
