"""The site's languages: the project's locale files, each built as a site of its own.

The source language (``source_locale``) owns the site's root, every other language the folder
named by its code. Everything a language's build needs beyond the shared ``mkdocs.yml`` is
here: its words (``render.site_strings``), Material's interface language, the writing
direction, and what its search index is told about the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventdocs.load.project import Project
from eventdocs.render.site_strings import SiteStrings, site_strings

# Scripts written right to left (ISO 639 codes): Material sets `dir` from its own language
# list, which does not hold every one of these, so the build states it.
RIGHT_TO_LEFT = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi"}
)


@dataclass(frozen=True)
class SiteLanguage:
    """One language of the site, as its own MkDocs build sees it."""

    code: str
    is_source: bool
    # Material's interface language (its strings, `lang` and search defaults) for ``code``.
    theme_language: str
    direction: str
    strings: SiteStrings

    @property
    def folder(self) -> str:
        """Where the language lives in ``site/``: the root for the source language."""
        return "" if self.is_source else self.code


@cache
def _material_languages() -> frozenset[str]:
    import material  # type: ignore[import-untyped]  # the theme ships no type information

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


def theme_language(code: str) -> str:
    """The Material language closest to ``code``: itself, its primary subtag (``pt`` for
    ``pt-AO``), or English for a language Material does not translate."""
    known = _material_languages()
    for candidate in (code, code.split("-")[0]):
        if candidate in known:
            return candidate
    return "en"


def writing_direction(code: str) -> str:
    """``rtl`` for a language written right to left, else ``ltr`` (Material's values)."""
    return "rtl" if code.split("-")[0] in RIGHT_TO_LEFT else "ltr"


def site_languages(project: Project) -> tuple[SiteLanguage, ...]:
    """Every language of the project, the source language first."""
    return tuple(
        SiteLanguage(
            code=locale.code,
            is_source=locale.is_source,
            theme_language=theme_language(locale.code),
            direction=writing_direction(locale.code),
            strings=site_strings(project, locale),
        )
        for locale in project.locales
    )
