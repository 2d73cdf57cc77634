"""``eventdocs new-locale``: scaffold a language with every key, none translated yet."""

from __future__ import annotations

from pathlib import Path

from eventdocs.base.atomic import atomic_write
from eventdocs.edit.yaml_text import translation_entry, translation_file_header
from eventdocs.errors import LoadError, UsageError
from eventdocs.load.locale import parse_locale_bytes, validate_locale_code
from eventdocs.load.project import Project


def scaffold_locale(project: Project, code: str, used_keys: frozenset[str]) -> Path:
    """Write ``locales/<code>.yaml`` with every key the pages use and an empty ``text``."""
    try:
        validate_locale_code(code, registry=True)
    except LoadError as error:
        raise UsageError(error.message) from None
    path = project.root / "locales" / f"{code}.yaml"
    if path.exists():
        raise UsageError(f"{project.relative(path)} already exists")
    source = project.source
    # The source file's order keeps related keys together; keys it lacks come last.
    ordered = [key for key in source.entries if key in used_keys]
    ordered += sorted(used_keys - source.entries.keys())
    parts = [translation_file_header(code, source.code)]
    for key in ordered:
        entry = source.entries.get(key)
        parts.append(
            "\n" + translation_entry(key, entry.text if entry and entry.text else "", None)
        )
    scaffold = "".join(parts).encode("utf-8")
    # Never write a file that `load` refuses (escaped characters can push it over the limit).
    parse_locale_bytes(path, scaffold, is_source=False)
    atomic_write(path, scaffold)
    return path
