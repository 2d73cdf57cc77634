"""Every output format of ``eventdocs check``, in one table: a new one is a module and a line.

Each format turns the findings, and a phrase saying what was checked, into the lines to print.
Modules are imported when their format is asked for: start-up pays for one format only.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from eventdocs.check.findings import Finding

Formatter = Callable[[tuple[Finding, ...], str], list[str]]

# name → (module under eventdocs.report, function taking findings and `checked`)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "text_lines"),
    "json": ("machine", "json_lines"),
    "github": ("github", "github_lines"),
    "sarif": ("machine", "sarif_lines"),
}


def formatter(name: str) -> Formatter:
    """The function that prints findings in format ``name`` (one of ``FORMATS``)."""
    module, function = FORMATS[name]
    found: Formatter = getattr(import_module(f"eventdocs.report.{module}"), function)
    return found
