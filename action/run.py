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
from typing import NoReturn

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


def refuse(message: str) -> NoReturn:
    """Stop with one error annotation (GitHub reads workflow commands from standard output)."""
    print(f"::error title=eventdocs::{message.replace('%', '%25')}", flush=True)
    raise SystemExit(1)


def write_sarif(project: str, target: str) -> None:
    """Write the SARIF report to ``target`` and name it in the step's outputs; a run that
    could not check anything (a usage error) writes none."""
    if "\n" in target or "\r" in target:
        refuse("the SARIF file name holds a line break")
    result = check(project, "sarif")
    if result.returncode in (0, 1) and result.stdout:
        write_new(Path(target), result.stdout)
        append("GITHUB_OUTPUT", f"sarif-file={target}\n")


def write_new(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` without following a symbolic link anywhere in the checkout:
    the repository is a pull request's, and a link planted at the report's path (or at a folder
    on the way) would have the report written wherever it points."""
    checkout = Path.cwd()
    path = target if target.is_absolute() else checkout / target
    inside = path.parent.is_relative_to(checkout)
    # Folders above the checkout are the runner's; those inside it are the pull request's.
    for folder in [*reversed(path.parent.parents), path.parent] if inside else []:
        if folder.is_relative_to(checkout) and folder.is_symlink():
            refuse(f"not writing the SARIF report through the link {folder}")
        if folder.is_relative_to(checkout) and not folder.exists():
            folder.mkdir()
    if not inside:
        path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o644)
    except OSError as error:  # a link at the report's own path: O_NOFOLLOW refuses it
        refuse(f"not writing the SARIF report {target}: {error.strerror}")
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


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
    # Exit 1 without a single annotation is an error line (out of memory, say), not findings.
    annotated = any(line.startswith("::") for line in result.stdout.splitlines())
    if result.returncode not in (0, 1) or (result.returncode == 1 and not annotated):
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
