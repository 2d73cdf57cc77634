"""Every output format of ``eventdocs check``, in one table: a new one is a module and a line.

Each format turns a ``Report`` (the findings, what was checked, where the files are from the
working directory, where the site is) into the lines to print. Modules are imported when their
format is asked for: start-up pays for one format only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from urllib.parse import urljoin

from eventdocs.check.findings import Finding
from eventdocs.report.places import Places


@dataclass(frozen=True)
class Report:
    """What one run of ``eventdocs check`` found, and what any format needs to print it."""

    findings: tuple[Finding, ...]
    checked: str  # what was checked, for the summary line: "10 event(s), 4 locale(s), …"
    places: Places  # each finding's file, from the working directory
    site_url: str  # the root of the project's site, for links to the rules' reference


Formatter = Callable[[Report], list[str]]

# name → (module under eventdocs.report, function taking a Report)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "text_lines"),
    "json": ("machine", "json_lines"),
    "github": ("github", "github_lines"),
    "sarif": ("sarif", "sarif_lines"),
}


def formatter(name: str) -> Formatter:
    """The function that prints findings in format ``name`` (one of ``FORMATS``)."""
    module, function = FORMATS[name]
    found: Formatter = getattr(import_module(f"eventdocs.report.{module}"), function)
    return found


def site_url(schema_base_url: str) -> str:
    """The root of the project's site, from where it serves ``docs/schemas/``
    (``schema_base_url`` in eventdocs.toml): one folder below the root, as in ``docs/``."""
    return urljoin(schema_base_url, "..")
