"""Generated files on disk compared with what a build would write now."""

from __future__ import annotations

from pathlib import Path

from eventdocs.check.generated import GeneratedFilesCheck
from eventdocs.load.yaml_files import MAX_FILE_BYTES
from eventdocs.render.outputs import GeneratedFile

LARGE = "x" * (MAX_FILE_BYTES + 1024) + "\n"  # an output larger than any input may be


def test_an_output_larger_than_the_input_limit_is_compared_not_refused(tmp_path: Path) -> None:
    """A current output past the input size limit (an API document of thousands of events) is
    current; the same file with one more byte is out of date, not unreadable."""
    path = tmp_path / "docs" / "schemas" / "openapi.json"
    path.parent.mkdir(parents=True)
    path.write_text(LARGE, encoding="utf-8")
    check = GeneratedFilesCheck(tmp_path)
    check(GeneratedFile("docs/schemas/openapi.json", LARGE))
    assert check.findings == []
    path.write_text(LARGE + "y", encoding="utf-8")
    check = GeneratedFilesCheck(tmp_path)
    check(GeneratedFile("docs/schemas/openapi.json", LARGE))
    (finding,) = check.findings
    assert finding.message.startswith("out of date")
