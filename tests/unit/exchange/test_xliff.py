"""XLIFF 2.1 export and import: every string of the project's locales survives the round trip,
every dump is valid against the XLIFF 2.1 core schema, and the states map as documented."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from eventdocs.exchange.units import ExchangeFile, Unit, UnitState
from eventdocs.exchange.xliff import EVENTDOCS_NAMESPACE, dump_xliff, load_xliff
from eventdocs.load.locale import load_locale
from tests.helpers import LOCALES, REPO
from tests.unit.exchange.xliff_schema import schema_errors, spec_errors

SOURCE, TRANSLATED = LOCALES[0], LOCALES[1:]
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
FILE = Path("fr.xlf")


@cache
def repository_exchange(code: str) -> ExchangeFile:
    """Every key of the source language, with ``code``'s translation as the locale holds it."""
    english = load_locale(REPO / "locales" / f"{SOURCE}.yaml", is_source=True).entries
    translated = load_locale(REPO / "locales" / f"{code}.yaml", is_source=False).entries
    units = []
    for key, entry in english.items():
        found = translated.get(key)
        text = (found.text or "") if found else ""
        previous = found.source if found and found.source != entry.text else None
        state = (
            UnitState.MISSING
            if not text
            else UnitState.STALE
            if previous is not None
            else UnitState.CURRENT
        )
        units.append(
            Unit(
                key=key,
                english=entry.text or "",
                text=text,
                state=state,
                previous=previous,
                places=(f"locales/{code}.yaml: {key}", "events/message_created.md: field status"),
            )
        )
    return ExchangeFile(language=code, units=tuple(units))


def planted(exchange: ExchangeFile, state: UnitState) -> ExchangeFile:
    """``exchange`` with every unit put in ``state``: a stale one was made from other English."""
    units = []
    for index, unit in enumerate(exchange.units):
        if state is UnitState.MISSING:
            units.append(replace(unit, text="", state=state, previous=None))
        elif state is UnitState.STALE:
            # Earlier English with markup of its own: the next key's English.
            other = exchange.units[(index + 1) % len(exchange.units)].english
            units.append(replace(unit, text=unit.text or unit.english, state=state, previous=other))
        else:
            units.append(replace(unit, text=unit.text or unit.english, state=state, previous=None))
    return replace(exchange, units=tuple(units))


def without_lines(exchange: ExchangeFile) -> tuple[Unit, ...]:
    """The units as they were dumped: read back, each also says its line."""
    return tuple(replace(unit, line=0) for unit in exchange.units)


def round_trip(exchange: ExchangeFile) -> tuple[bytes, ExchangeFile]:
    """Dump ``exchange`` and read it back."""
    data = dump_xliff(exchange, SOURCE)
    return data, load_xliff(FILE, data)


@pytest.mark.parametrize("state", [None, *UnitState])
@pytest.mark.parametrize("code", TRANSLATED)
def test_every_string_of_the_repository_survives(code: str, state: UnitState | None) -> None:
    """Every key of a locale, as it stands or planted missing, stale or current, comes back
    with the same key, English, text, state, previous English and places, and the dump is
    valid XLIFF 2.1."""
    exchange = repository_exchange(code)
    if state is not None:
        exchange = planted(exchange, state)
    data, loaded = round_trip(exchange)
    assert schema_errors(data) == [] and spec_errors(data) == []
    assert loaded.language == code
    assert without_lines(loaded) == exchange.units
    assert len(exchange.units) > 100  # the whole catalogue, not a stray key


HARD_STRINGS = [
    "Use `status` and `a < b && c` as they are.",
    "**Bold** then _emphasis_ and *stars*, ***both***.",
    "See [the docs](https://example.com/a?b=1&c=2 'The title') and [**bold link**](mailto:a@b.c).",
    "**[A link in bold](https://example.com)** then `` code with ` a backtick ``.",
    "A {placeholder} and {other.name} stay; \\{escaped\\} braces too.",
    "Quotes \"double\", 'single', « guillemets » and „low“.",
    "Less < than & ampersand > greater ]]> end of CDATA.",
    "Escaped \\* star, \\_ underscore, entities &amp; &copy; &#233;.",
    "Non-ASCII: Ünïcödé — ça coûte 5 € 🎉 (outside the BMP).",
    "RTL: مرحبا بالعالم `code` ושלום עולם.",
    "A control \x01 character and a \u202e bidi override (check refuses them).",
    "x <b>raw HTML</b> y and <https://autolink.example>",
    "",
]


@pytest.mark.parametrize("english", HARD_STRINGS)
@pytest.mark.parametrize("state", list(UnitState))
def test_hard_strings_survive(english: str, state: UnitState) -> None:
    """Code, links, bold, emphasis, placeholders, quotes, `<`, `&`, non-ASCII, RTL and
    characters XML cannot carry come back exactly, in a valid document."""
    text = "" if state is UnitState.MISSING else f"Traduit : {english} ٱلْعَرَبِيَّة"
    previous = english[::-1] if state is UnitState.STALE else None
    unit = Unit("ui.hard.string", english or "x", text, state, previous, (english or "here",))
    data, loaded = round_trip(ExchangeFile("ar", (unit,)))
    assert schema_errors(data) == [] and spec_errors(data) == []
    assert without_lines(loaded) == (unit,) or "\x01" in english  # a note cannot carry \x01
    assert loaded.units[0].text == text and loaded.units[0].english == (english or "x")


def test_the_dump_is_deterministic() -> None:
    """The same units give the same bytes."""
    exchange = repository_exchange(TRANSLATED[0])
    assert dump_xliff(exchange, SOURCE) == dump_xliff(exchange, SOURCE)


def test_a_dump_says_it_is_generated() -> None:
    """The first lines are the XML declaration and a comment naming the commands."""
    data = dump_xliff(ExchangeFile("fr", ()), "en")
    first, second = data.decode().splitlines()[:2]
    assert first == '<?xml version="1.0" encoding="UTF-8"?>'
    assert "Generated by eventdocs export" in second and "eventdocs import" in second


def parsed(units: tuple[Unit, ...], language: str = "fr") -> etree._Element:
    """The dump of ``units`` as an XML tree."""
    return etree.fromstring(dump_xliff(ExchangeFile(language, units), "en"))


def test_the_document_names_version_and_languages() -> None:
    """``version`` is 2.1, ``srcLang`` the source language, ``trgLang`` the locale, one file."""
    root = parsed((), language="pt")
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "en", "pt")
    assert len(root.findall("x:file", NS)) == 1


def test_states_map_as_documented() -> None:
    """Missing is ``initial`` without a target, stale ``translated`` with our ``subState``
    and the previous English in a note, current ``reviewed``."""
    root = parsed(
        (
            Unit("ui.a", "Today", "", UnitState.MISSING),
            Unit("ui.b", "Today", "Hier", UnitState.STALE, previous="Yesterday"),
            Unit("ui.c", "Today", "Aujourd'hui", UnitState.CURRENT),
        )
    )
    missing, stale, current = root.findall("x:file/x:unit", NS)
    assert missing.find("x:segment", NS).get("state") == "initial"
    assert missing.find("x:segment/x:target", NS) is None
    segment = stale.find("x:segment", NS)
    assert (segment.get("state"), segment.get("subState")) == ("translated", "eventdocs:stale")
    # XLIFF requires a subState's prefix to be a declared one: ours, bound to our namespace.
    assert segment.nsmap["eventdocs"] == EVENTDOCS_NAMESPACE
    notes = stale.findall("x:notes/x:note", NS)
    assert [(note.get("category"), note.text) for note in notes] == [
        ("previous-source", "Yesterday")
    ]
    assert current.find("x:segment", NS).get("state") == "reviewed"
    assert current.find("x:segment", NS).get("subState") is None


def test_keys_are_unit_ids_and_places_are_location_notes() -> None:
    """A unit's ``id`` is its key as written, each place a ``location`` note."""
    places = ("events/a.md: field status", "types/b.md: field id")
    root = parsed(
        (Unit("event.message_created.fields.status-2", "x", "", UnitState.MISSING, None, places),)
    )
    unit = root.find("x:file/x:unit", NS)
    assert unit.get("id") == "event.message_created.fields.status-2"
    assert [note.text for note in unit.findall("x:notes/x:note[@category='location']", NS)] == list(
        places
    )


def test_markup_is_protected_and_its_words_translatable() -> None:
    """Inline code and placeholders are undeletable ``<ph>``, links and bold ``<pc>`` around
    their words, each pointing at its Markdown in ``<originalData>``; the target's codes have
    the ids of the source's."""
    english = "Set `status` to **done**, see [the docs](https://example.com) for {name}."
    text = "Mettez `status` à **fait**, voir [la doc](https://example.com) pour {name}."
    unit = parsed((Unit("ui.x", english, text, UnitState.CURRENT),)).find("x:file/x:unit", NS)
    data = {item.get("id"): item.text for item in unit.findall("x:originalData/x:data", NS)}
    source, target = unit.find("x:segment/x:source", NS), unit.find("x:segment/x:target", NS)
    code, placeholder = source.findall("x:ph", NS)
    assert data[code.get("dataRef")] == "`status`" and data[placeholder.get("dataRef")] == "{name}"
    assert code.get("canDelete") == code.get("canCopy") == "no"
    assert placeholder.get("subType") == "xlf:var"
    bold, link = source.findall("x:pc", NS)
    assert (bold.text, data[bold.get("dataRefStart")], bold.get("subType")) == (
        "done",
        "**",
        "xlf:b",
    )
    assert (link.text, data[link.get("dataRefEnd")], link.get("type")) == (
        "the docs",
        "](https://example.com)",
        "link",
    )
    assert all(
        pc.get("canDelete") == pc.get("canCopy") == pc.get("canOverlap") == "no"
        for pc in (bold, link)
    )
    assert [pc.text for pc in target.findall("x:pc", NS)] == ["fait", "la doc"]
    assert [c.get("id") for c in target.iter("{*}ph", "{*}pc")] == [
        c.get("id") for c in source.iter("{*}ph", "{*}pc")
    ]


def test_a_code_the_target_lacks_is_left_deletable() -> None:
    """A stale target's code that today's English no longer has takes an id of its own, and
    the English code the target lacks is not marked undeletable: the file stays valid."""
    unit = Unit(
        "ui.x", "New `a` `b` text", "Vieux `b` `c`", UnitState.STALE, previous="Old `b` `c`"
    )
    data = dump_xliff(ExchangeFile("fr", (unit,)), "en")
    assert schema_errors(data) == [] and spec_errors(data) == []
    element = etree.fromstring(data).find("x:file/x:unit", NS)
    source = {c.get("disp"): c for c in element.iterfind("x:segment/x:source/x:ph", NS)}
    target = {c.get("disp"): c for c in element.iterfind("x:segment/x:target/x:ph", NS)}
    assert source["`a`"].get("canDelete") is None and source["`b`"].get("canDelete") == "no"
    assert target["`b`"].get("id") == source["`b`"].get("id")
    assert target["`c`"].get("id") not in {c.get("id") for c in source.values()}


def test_a_broken_dump_fails_the_schema() -> None:
    """The schema check can fail: a segment without its source, or an unknown state, is
    refused."""
    data = dump_xliff(repository_exchange(TRANSLATED[0]), SOURCE)
    root = etree.fromstring(data)
    segment = root.find("x:file/x:unit/x:segment", NS)
    segment.set("state", "approved")
    assert any("state" in error for error in schema_errors(etree.tostring(root)))
    segment.set("state", "final")
    segment.remove(segment.find("x:source", NS))
    assert schema_errors(etree.tostring(root)) != []


def test_a_broken_dump_fails_the_spec_checks() -> None:
    """The checks beyond the schema can fail: a target losing an undeletable code, a code
    pointing at missing data, a stale state without a target."""
    english = "Set `status` to **done**."
    unit = Unit("ui.x", english, "Mettez `status` à **fait**.", UnitState.STALE, previous="x")
    root = etree.fromstring(dump_xliff(ExchangeFile("fr", (unit,)), "en"))
    target = root.find("x:file/x:unit/x:segment/x:target", NS)
    target.remove(target.find("x:ph", NS))
    assert any("lacks undeletable code" in error for error in spec_errors(etree.tostring(root)))
    target.find("x:pc", NS).set("dataRefEnd", "d99")
    assert any("missing data" in error for error in spec_errors(etree.tostring(root)))
    target.getparent().remove(target)
    assert any("without a target" in error for error in spec_errors(etree.tostring(root)))
