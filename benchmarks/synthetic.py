"""A synthetic project of any size, derived from a real one: for benchmarks and stress tests.

Every event is a copy of one of the real events (in turn) under another name, over the real
shared types; every extra language reuses an existing translation's text, so the project is
clean for `eventdocs check`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from eventdocs.edit.yaml_text import translation_entry, translation_file_header

# Well-formed BCP 47 tags, in the shape the site's i18n plugin accepts as folder names.
EXTRA_LOCALES = (
    "de",
    "es",
    "nl",
    "sv",
    "da",
    "fi",
    "pl",
    "cs",
    "sk",
    "hu",
    "ro",
    "bg",
    "el",
    "tr",
    "ru",
    "uk",
    "ja",
    "ko",
    "ar",
    "he",
    "hi",
    "id",
    "vi",
    "th",
    "nb",
    "ca",
    "hr",
    "sl",
    "lt",
    "lv",
)


def make_synthetic_project(base: Path, target: Path, *, events: int, locales: int) -> Path:
    """Write a project with ``events`` events and ``locales`` languages under ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(base / "templates", target / "templates")
    shutil.copy(base / "eventdocs.toml", target / "eventdocs.toml")
    (target / "schema").mkdir()
    (target / "locales").mkdir()
    (target / "docs").mkdir()
    if (base / "schema" / "types").is_dir():
        shutil.copytree(base / "schema" / "types", target / "schema" / "types")
    originals = [path.stem for path in sorted((base / "schema").glob("*.yaml"))]
    english = yaml.safe_load((base / "locales" / "en.yaml").read_text("utf-8"))
    donor = yaml.safe_load((base / "locales" / "fr.yaml").read_text("utf-8"))
    copies: dict[str, list[str]] = {original: [] for original in originals}
    for number in range(events):
        original = originals[number % len(originals)]
        name = f"event_{number:04d}"
        copies[original].append(name)
        text = (base / "schema" / f"{original}.yaml").read_text("utf-8")
        (target / "schema" / f"{name}.yaml").write_text(
            re.sub(rf"\b{original}\b", name, text), "utf-8"
        )

    def per_event(key: str) -> list[str]:
        if key.startswith("events."):
            original = key.split(".")[1]
            prefix = f"events.{original}."
            return [key.replace(prefix, f"events.{name}.", 1) for name in copies[original]]
        return [key]

    english_lines = [
        f"{new}: {_quoted(text)}\n" for key, text in english.items() for new in per_event(key)
    ]
    (target / "locales" / "en.yaml").write_text("".join(english_lines), "utf-8")
    codes = ["fr", "pt", "it", *EXTRA_LOCALES][: max(0, locales - 1)]
    for code in codes:
        parts = [translation_file_header(code, "en")]
        for key, text in english.items():
            for new in per_event(key):
                parts.append(translation_entry(new, text, donor[key]["text"]))
        (target / "locales" / f"{code}.yaml").write_text("".join(parts), "utf-8")
    return target


def _quoted(text: str) -> str:
    from eventdocs.edit.yaml_text import yaml_string

    return yaml_string(text)
