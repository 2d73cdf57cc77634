"""``eventdocs status`` output: coverage per language (and per subject) as text, JSON, or a
Markdown table for a pull-request comment."""

from __future__ import annotations

import json
from collections.abc import Callable

from eventdocs.render.coverage import Coverage
from eventdocs.report.github import code_cell

STATUS_FORMATS = ("text", "json", "markdown")
JSON_STATUS_VERSION = 1


def status_text(rows: list[Coverage], *, by_subject: bool) -> list[str]:
    """A column per count, a row per language (and per subject with ``by_subject``)."""
    name, width = "locale", 0
    if by_subject:
        width = max(len(row.subject) for row in rows)
        name = f"{'locale':<8} {'subject':<{width}}"
    else:
        rows = [row for row in rows if not row.subject]
    lines = [f"{name:<8} {'translated':>10} {'stale':>6} {'missing':>8} {'total':>6}  coverage"]
    for row in rows:
        percent = 100 * row.translated / row.total if row.total else 100.0
        label = f"{row.locale:<8} {row.subject or '(all)':<{width}}" if by_subject else row.locale
        lines.append(
            f"{label:<8} {row.translated:>10} {row.stale:>6} {row.missing:>8} "
            f"{row.total:>6}  {percent:5.1f}%"
        )
    return lines


def status_json(rows: list[Coverage], *, by_subject: bool) -> list[str]:
    """``{"version": 1, "locales": [...], "subjects": [...]}``; subjects are always listed."""
    languages = [
        {key: value for key, value in row._asdict().items() if key != "subject"}
        for row in rows
        if not row.subject
    ]
    subjects = [row._asdict() for row in rows if row.subject]
    document = {"version": JSON_STATUS_VERSION, "locales": languages, "subjects": subjects}
    return [json.dumps(document, indent=2)]


def status_markdown(rows: list[Coverage], *, by_subject: bool) -> list[str]:
    """A GitHub-flavoured table for a pull-request comment; a locale's code and a subject
    are code spans, escaped as the job summary's are (they come from the project's files)."""
    header = "| Language |" + (" Subject |" if by_subject else "")
    header += " Translated | Stale | Missing | Total | Coverage |"
    align = "| :-- |" + (" :-- |" if by_subject else "") + " --: | --: | --: | --: | --: |"
    lines = ["### Translation status", "", header, align]
    for row in rows:
        if row.subject and not by_subject:
            continue
        cells = [code_cell(row.locale)]
        if by_subject:
            cells.append(code_cell(row.subject) if row.subject else "(all)")
        counts = [str(count) for count in (row.translated, row.stale, row.missing, row.total)]
        lines.append("| " + " | ".join([*cells, *counts, f"{row.percent}%"]) + " |")
    return lines


def status_formatter(name: str) -> Callable[..., list[str]]:
    """The function printing coverage in format ``name`` (one of ``STATUS_FORMATS``)."""
    formatters: dict[str, Callable[..., list[str]]] = {
        "text": status_text,
        "json": status_json,
        "markdown": status_markdown,
    }
    return formatters[name]
