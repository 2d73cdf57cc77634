"""A synthetic project of any size, derived from a real one: for benchmarks and stress tests.

Every event is a copy of one of the real events (in turn) under another name, over the real
shared types; every extra language reuses the French translation's text and home page, so the
project is clean for `eventdocs check`; `mkdocs.yml` is the real one with the project's
languages, so the site builds as the real one does.

Usage: python benchmarks/synthetic.py DEST --events E --locales L   (L counts English)
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import click
import yaml

from eventdocs.edit.yaml_text import translation_entry, translation_file_header, yaml_string

REPO = Path(__file__).resolve().parent.parent
SOURCE = "en"
# The real project's own translations come first, in this order; every language's strings (and
# an extra language's home page) are the donor's text, so every language costs the same.
BASE_TRANSLATIONS = ("fr", "pt", "it")
DONOR = "fr"
# Well-formed BCP 47 tags, in the shape the site's i18n plugin accepts as folder names, each a
# language the theme (Material) is translated into, with its own name for the language selector.
# Right-to-left (ar, he) and CJK (ja, zh, ko) come early: a 16-language project has all five.
EXTRA_LANGUAGES = {
    "de": "Deutsch",
    "ar": "العربية",
    "es": "Español",
    "ja": "日本語",
    "nl": "Nederlands",
    "he": "עברית",
    "sv": "Svenska",
    "zh": "中文",
    "pl": "Polski",
    "ko": "한국어",
    "tr": "Türkçe",
    "ru": "Русский",
    "da": "Dansk",
    "fi": "Suomi",
    "cs": "Čeština",
    "sk": "Slovenčina",
    "hu": "Magyar",
    "ro": "Română",
    "bg": "Български",
    "el": "Ελληνικά",
    "uk": "Українська",
    "hi": "हिन्दी",
    "id": "Bahasa Indonesia",
    "vi": "Tiếng Việt",
    "th": "ไทย",
    "nb": "Norsk bokmål",
    "ca": "Català",
    "hr": "Hrvatski",
    "sl": "Slovenščina",
    "lt": "Lietuvių",
    "lv": "Latviešu",
}
EXTRA_LOCALES = tuple(EXTRA_LANGUAGES)
MAX_LOCALES = 1 + len(BASE_TRANSLATIONS) + len(EXTRA_LOCALES)
SITE_CONFIG = "mkdocs.yml"


class SiteConfigLoader(yaml.SafeLoader):
    """mkdocs.yml read as data: a tag of MkDocs' own (`!ENV`) loads as nothing."""


SiteConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def synthetic_locales(count: int) -> list[str]:
    """The languages of a ``count``-language synthetic project, the source language first."""
    if not 1 <= count <= MAX_LOCALES:
        raise ValueError(f"a synthetic project has 1 to {MAX_LOCALES} languages, not {count}")
    return [SOURCE, *BASE_TRANSLATIONS, *EXTRA_LOCALES][:count]


def make_synthetic_project(base: Path, target: Path, *, events: int, locales: int) -> Path:
    """Write a project with ``events`` events and ``locales`` languages under ``target``:
    schema, locales, templates and settings, and (when ``base`` has them) every language's
    hand-written pages and the site's ``mkdocs.yml``."""
    codes = synthetic_locales(locales)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(base / "templates", target / "templates")
    shutil.copy(base / "eventdocs.toml", target / "eventdocs.toml")
    (target / "schema").mkdir()
    (target / "locales").mkdir()
    (target / "docs").mkdir()
    if (base / "schema" / "types").is_dir():
        shutil.copytree(base / "schema" / "types", target / "schema" / "types")
    originals = [path.stem for path in sorted((base / "schema").glob("*.yaml"))]
    english = yaml.safe_load((base / "locales" / f"{SOURCE}.yaml").read_text("utf-8"))
    donor = yaml.safe_load((base / "locales" / f"{DONOR}.yaml").read_text("utf-8"))
    copies: dict[str, list[str]] = {original: [] for original in originals}
    for number in range(events):
        original = originals[number % len(originals)]
        name = f"event_{number:04d}"
        copies[original].append(name)
        text = (base / "schema" / f"{original}.yaml").read_text("utf-8")
        (target / "schema" / f"{name}.yaml").write_text(
            re.sub(rf"\b{original}\b", name, text), "utf-8"
        )

    # A category no event is in has no page: its strings would be orphans.
    used = {
        str(yaml.safe_load((base / "schema" / f"{name}.yaml").read_text("utf-8")).get("category"))
        for name, names in copies.items()
        if names
    }

    def per_event(key: str) -> list[str]:
        if key.startswith("categories.") and key.split(".")[1] not in used:
            return []
        if key.startswith("events."):
            original = key.split(".")[1]
            prefix = f"events.{original}."
            return [key.replace(prefix, f"events.{name}.", 1) for name in copies[original]]
        return [key]

    english_lines = [
        f"{new}: {yaml_string(text)}\n" for key, text in english.items() for new in per_event(key)
    ]
    (target / "locales" / f"{SOURCE}.yaml").write_text("".join(english_lines), "utf-8")
    for code in codes[1:]:
        parts = [translation_file_header(code, SOURCE)]
        for key, text in english.items():
            for new in per_event(key):
                parts.append(translation_entry(new, text, donor[key]["text"]))
        (target / "locales" / f"{code}.yaml").write_text("".join(parts), "utf-8")
    _copy_pages(base, target, codes)
    if (base / SITE_CONFIG).is_file():
        _write_site_config(base, target, codes)
    return target


def _copy_pages(base: Path, target: Path, codes: Sequence[str]) -> None:
    """Each language's hand-written pages: its own in ``base``, else the donor's."""
    if not (base / "pages").is_dir():
        return
    for code in codes:
        own = base / "pages" / code
        shutil.copytree(own if own.is_dir() else base / "pages" / DONOR, target / "pages" / code)


def _write_site_config(base: Path, target: Path, codes: Sequence[str]) -> None:
    """``base``'s mkdocs.yml, saying it is copied: it names no language (the site's languages
    are the locale files)."""
    text = (base / SITE_CONFIG).read_text("utf-8")
    note = f"# Copied by benchmarks/synthetic.py from {SITE_CONFIG}; {len(codes)} languages.\n"
    (target / SITE_CONFIG).write_text(note + text, "utf-8")


# ── The command line ─────────────────────────────────────────────────────────────────────────


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@click.option("--events", type=click.IntRange(min=1), required=True, help="How many events.")
@click.option(
    "--locales",
    type=click.IntRange(1, MAX_LOCALES),
    required=True,
    help="How many languages, English included.",
)
def main(dest: Path, events: int, locales: int) -> None:
    """Write a complete synthetic project (schema, locales, templates, pages, mkdocs.yml) into
    DEST, a new or empty folder, from this repository's project."""
    if dest.exists() and any(dest.iterdir()):
        raise click.ClickException(f"{dest} is not empty: give a new or empty folder")
    make_synthetic_project(REPO, dest, events=events, locales=locales)
    shown = ", ".join(synthetic_locales(locales))
    click.echo(f"{dest}: {events} events × {locales} languages ({shown})")


if __name__ == "__main__":
    main()
