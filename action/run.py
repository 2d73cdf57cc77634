"""The GitHub Action's one script (action.yml runs it): `eventdocs check` as annotations, a job
summary and, when asked, a SARIF report for code scanning.

It runs with the Python eventdocs is installed in, from the repository's root, so the paths
it reports are the repository's. It needs nothing but the standard library and that Python, so
a test runs it exactly as the action does.

Environment: ``EVENTDOCS_PROJECT`` (the project folder; default ``.``), ``EVENTDOCS_SARIF``
(the SARIF file to write; empty for none), and GitHub's ``GITHUB_STEP_SUMMARY`` and
``GITHUB_OUTPUT``. Exit code: that of `eventdocs check` (0 clean, 1 findings or an input that
does not load, 2 a usage error such as a project folder that does not exist).
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

SUMMARY_TITLE = "## eventdocs check"


def check(project: str, output_format: str) -> subprocess.CompletedProcess[str]:
    """``eventdocs -C PROJECT check --format FORMAT``, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "eventdocs", "-C", project, "check", "--format", output_format],
        capture_output=True,
        text=True,
        check=False,
    )


def append(variable: str, text: str) -> None:
    """Append ``text`` to the file GitHub names in ``variable`` (nothing outside a workflow)."""
    if path := os.environ.get(variable):
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(text)


def write_sarif(project: str, target: str) -> None:
    """Write the SARIF report to ``target`` and name it in the step's outputs; a run that
    could not check anything (a usage error) writes none."""
    if "\n" in target or "\r" in target:
        raise SystemExit("::error title=eventdocs::the SARIF file name holds a line break")
    result = check(project, "sarif")
    if result.returncode in (0, 1) and result.stdout:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text(result.stdout, encoding="utf-8")
        append("GITHUB_OUTPUT", f"sarif-file={target}\n")


def main() -> int:
    """Run the check the action runs; return its exit code."""
    project = os.environ.get("EVENTDOCS_PROJECT") or "."
    if sarif := os.environ.get("EVENTDOCS_SARIF", ""):
        write_sarif(project, sarif)
    summary = Path(os.environ.get("GITHUB_STEP_SUMMARY") or os.devnull)
    before = summary.stat().st_size if summary.is_file() else 0
    result = check(project, "github")
    # The annotations are workflow commands: GitHub reads them from this step's output.
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    wrote_summary = summary.is_file() and summary.stat().st_size > before
    if result.returncode not in (0, 1):
        (error,) = result.stderr.strip().splitlines()[-1:] or ["no message"]
        # Workflow-command data escapes `%`; the summary shows the line as text, never markup.
        print(f"::error title=eventdocs::{error.replace('%', '%25')}")
        shown = html.escape(error)
        append(
            "GITHUB_STEP_SUMMARY",
            f"{SUMMARY_TITLE}\n\neventdocs could not run:\n\n<pre>{shown}</pre>\n",
        )
    elif not wrote_summary:
        # `--format github` writes its table only when there are findings.
        append("GITHUB_STEP_SUMMARY", f"{SUMMARY_TITLE}\n\nNo findings.\n")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
