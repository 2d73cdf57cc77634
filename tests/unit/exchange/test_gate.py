"""The import gate: what a translator's file may change, refused with the file and line of
each entry that breaks a rule `check` applies."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from eventdocs.edit.imported import Translation
from eventdocs.exchange.collect import collect
from eventdocs.exchange.gate import Changes, ImportRefused, admit
from eventdocs.exchange.units import ExchangeFile, UnitState
from eventdocs.render.project import used_keys
from tests.helpers import LOCALES, repo_project

TRANSLATIONS = LOCALES[1:]


@cache
def _keys() -> frozenset[str]:
    return used_keys(repo_project())


def _exported(code: str) -> ExchangeFile:
    """Locale ``code`` as `export` collects it, read back from ``translations/<code>.po``,
    each unit at a line of its own."""
    exchange = collect(repo_project(), code, _keys())
    units = tuple(replace(unit, line=10 * (index + 1)) for index, unit in enumerate(exchange.units))
    return replace(exchange, units=units, path=Path(f"translations/{code}.po"))


def _with(exchange: ExchangeFile, index: int, **changes: object) -> ExchangeFile:
    units = list(exchange.units)
    units[index] = replace(units[index], **changes)  # type: ignore[arg-type]
    return replace(exchange, units=tuple(units))


def _refusals(*files: ExchangeFile) -> list[tuple[str, int | None, str]]:
    with pytest.raises(ImportRefused) as caught:
        admit(repo_project(), _keys(), files)
    return [
        (problem.path.as_posix() if problem.path else "", problem.line, problem.message)
        for problem in caught.value.problems
    ]


def _admitted(*files: ExchangeFile) -> Changes:
    return admit(repo_project(), _keys(), files)


def _plain_unit(exchange: ExchangeFile) -> int:
    """The index of a unit whose English has no markup at all (plain words only)."""
    return next(
        index
        for index, unit in enumerate(exchange.units)
        if unit.english.replace(" ", "").isalpha() and len(unit.english.split()) > 2
    )


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_file_as_exported_changes_nothing(code: str) -> None:
    """Every unit of an export, imported as it is, leaves every key as it was."""
    assert _admitted(_exported(code)) == {}


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_new_translation_is_recorded_against_todays_english(code: str) -> None:
    """A current unit with a new text records it, with its English as `source`."""
    exchange = _exported(code)
    index = _plain_unit(exchange)
    unit = exchange.units[index]
    changes = _admitted(_with(exchange, index, text="Un texte  tout\nneuf"))
    assert changes == {code: {unit.key: Translation("Un texte tout neuf", unit.english)}}


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_an_empty_translation_deletes_nothing(code: str) -> None:
    """An empty entry ("not done yet" in a translator's tool) leaves the key as it is."""
    exchange = _exported(code)
    assert _admitted(_with(exchange, 0, text="", state=UnitState.MISSING)) == {}


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_english_that_is_neither_todays_nor_the_recorded_one_is_refused(code: str) -> None:
    """A msgid edited, or exported from another English, is refused at its line."""
    exchange = _with(_exported(code), 2, english="Some other English", text="Autre")
    ((path, line, message),) = _refusals(exchange)
    assert (path, line) == (f"translations/{code}.po", 30)
    assert "neither today's nor the one its translation was made from" in message


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_keys_no_page_uses_and_duplicates_are_refused(code: str) -> None:
    """A key that is not the project's, and a key given twice, are each refused at the
    entry's line."""
    exchange = _exported(code)
    first = exchange.units[0]
    units = (
        *exchange.units,
        replace(first, key="ui.no_such_key", line=5000),
        replace(first, text="Encore", line=5010),
    )
    assert _refusals(replace(exchange, units=units)) == [
        (
            f"translations/{code}.po",
            5000,
            "no page uses the key 'ui.no_such_key'; keep the keys as exported",
        ),
        (f"translations/{code}.po", 5010, f"{first.key!r} is already translated at line 10"),
    ]


# Each text the rules refuse, and what the refusal says; "{english}" is the unit's English.
REFUSED_TEXTS = {
    "raw HTML": ("{english} <b>gras</b>", "raw HTML"),
    "an image": ("![pixel](https://example.com/p.png) {english}", "image"),
    "new inline code": ("{english} `rm -rf`", "inline code must match the English"),
    "a link": ("[{english}](https://example.com)", "link targets and titles must match"),
    "a bidi control": ("{english}\u202e", "U+202E"),
    "template syntax": ("{english} {{{{ secret }}}}", "template syntax"),
    "the English itself": ("{english}", "identical to the English"),
}


@pytest.mark.parametrize("code", TRANSLATIONS)
@pytest.mark.parametrize("kind", REFUSED_TEXTS)
def test_a_translation_check_refuses_is_refused(code: str, kind: str) -> None:
    """Markup, changed code or links, invisible characters, template syntax and an
    untranslated copy are refused as `check` would report them, at the entry's line."""
    exchange = _exported(code)
    index = _plain_unit(exchange)
    template, expected = REFUSED_TEXTS[kind]
    text = template.format(english=exchange.units[index].english)
    ((path, line, message),) = _refusals(_with(exchange, index, text=text))
    assert (path, line) == (f"translations/{code}.po", 10 * (index + 1))
    assert expected in message and exchange.units[index].key in message


def test_a_word_allowed_identical_may_stay_as_in_english() -> None:
    """`identical_allowed` words pass the gate as they pass `check`."""
    allowed = repo_project().config.identical_allowed
    exchange = _exported(TRANSLATIONS[0])
    index = next(i for i, unit in enumerate(exchange.units) if unit.english in allowed)
    unit = exchange.units[index]
    changed = _with(exchange, index, text=unit.english + " ")  # same once spaces fold
    assert _admitted(changed) == {}


@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("fr", "it", "the header says the language is 'fr', the file name says 'it'"),
        ("de", "de", "the project has no language 'de'"),
        ("en", "en", "'en' is the source language"),
    ],
)
def test_a_file_for_another_language_is_refused(language: str, name: str, expected: str) -> None:
    """A header that disagrees with the file's name, a language the project lacks, and the
    source language are refused at the header's line."""
    exchange = replace(_exported("fr"), language=language, path=Path(f"x/{name}.po"))
    ((path, line, message),) = _refusals(exchange)
    assert (path, line) == (f"x/{name}.po", 1) and message.startswith(expected)


def test_two_files_for_one_language_are_refused() -> None:
    """One import takes one file per language."""
    exchange = _exported(TRANSLATIONS[0])
    second = replace(exchange, path=Path(f"other/{exchange.language}.po"))
    assert _refusals(exchange, second) == [
        (
            f"other/{exchange.language}.po",
            1,
            f"a second file for {exchange.language!r} in this import",
        )
    ]


def test_every_file_is_judged_and_every_refusal_reported() -> None:
    """Refusals of several files are all reported, not only the first."""
    files = [
        _with(_exported(code), 1, english="Not the English", text="x") for code in TRANSLATIONS
    ]
    refused = _refusals(*files)
    assert [(path, line) for path, line, _ in refused] == [
        (f"translations/{code}.po", 20) for code in TRANSLATIONS
    ]


def test_a_stale_unit_keeps_the_state_of_its_key() -> None:
    """A fuzzy unit records its text with the key's own `source`: the state stays."""
    code = TRANSLATIONS[0]
    exchange = _exported(code)
    index = _plain_unit(exchange)
    unit = exchange.units[index]
    changes = _admitted(_with(exchange, index, text="Nouveau texte", state=UnitState.STALE))
    recorded = repo_project().locale(code).entries[unit.key].source
    assert changes == {code: {unit.key: Translation("Nouveau texte", recorded or "")}}
