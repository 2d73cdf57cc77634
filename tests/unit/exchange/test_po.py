"""PO files: every unit written reads back as itself, and a file an import cannot take is
refused with its file and line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polib
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventdocs.errors import LoadError
from eventdocs.exchange.po import dump_po, load_po
from eventdocs.exchange.units import ExchangeFile, Unit, UnitState

PATH = Path("translations/fr.po")
UNITS = (
    Unit("ui.nav.events", "Events", "Événements", UnitState.CURRENT, places=("a place",)),
    Unit(
        "events.x.fields.status",
        "The `status` of the message, long enough to be wrapped over two lines of the PO file",
        "Le `status` du message",
        UnitState.STALE,
        previous="The `status` of the message",
        places=("events/x.md: field status",),
    ),
    Unit("types.T.title", "T", "", UnitState.MISSING, places=("types/T.md: title",)),
)


def _same(unit: Unit) -> Unit:
    """What a unit says, without the line it was read from."""
    return replace(unit, line=0)


def test_units_read_back_as_written_each_at_its_line() -> None:
    """Key, English, translation, state, previous English and places survive a round trip,
    and each unit read back knows the line its entry starts on."""
    data = dump_po(ExchangeFile("fr", UNITS), "en")
    read = load_po(PATH, data)
    assert read.language == "fr" and read.path == PATH
    assert [_same(unit) for unit in read.units] == list(UNITS)
    lines = data.decode().split("\n")
    for unit in read.units:
        entry_lines = lines[unit.line - 1 : unit.line + 6]
        assert f'msgctxt "{unit.key}"' in entry_lines, entry_lines


def test_the_header_names_the_language_and_carries_no_date() -> None:
    """The header says the language and the source language, and nothing that changes
    between two exports (no creation or revision date)."""
    po = polib.pofile(dump_po(ExchangeFile("pt-BR", UNITS), "en").decode())
    assert po.metadata["Language"] == "pt-BR"
    assert po.metadata["X-Source-Language"] == "en"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert not {"POT-Creation-Date", "PO-Revision-Date"} & po.metadata.keys()
    assert "eventdocs export" in po.header


def test_a_stale_unit_is_fuzzy_with_the_previous_english() -> None:
    """Every PO editor shows a stale string's change: `#, fuzzy` and `#| msgid`."""
    po = polib.pofile(dump_po(ExchangeFile("fr", UNITS), "en").decode())
    stale = po.find("events.x.fields.status", by="msgctxt")
    assert stale is not None and stale.fuzzy
    assert stale.previous_msgid == "The `status` of the message"
    assert stale.occurrences == [("events/x.md", "")] and stale.comment == "field status"
    current = po.find("ui.nav.events", by="msgctxt")
    assert current is not None and not current.fuzzy and current.previous_msgid is None


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1),
    st.text(st.characters(exclude_categories=["Cs"])),
)
@example('a "quoted" \\ back\\slash ' * 10, "\u2028 \x85 \t")
def test_any_text_reads_back_as_itself(english: str, text: str) -> None:
    """Quotes, backslashes, tabs, line separators and long lines wrapped by polib come back
    exactly as written."""
    unit = Unit("ui.x", english, text, UnitState.CURRENT if text else UnitState.MISSING)
    (read,) = load_po(PATH, dump_po(ExchangeFile("fr", (unit,)), "en")).units
    assert (read.english, read.text) == (english, text)


def _refusal(data: bytes) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_po(PATH, data)
    return caught.value


def test_a_file_polib_cannot_parse_is_one_error_at_its_line() -> None:
    """A syntax error is one error naming the file and the line polib stopped at."""
    data = dump_po(ExchangeFile("fr", UNITS), "en") + b'\nmsgctxt "a"\nmsgid "b" "c\n'
    error = _refusal(data)
    assert error.path == PATH and error.line == data.count(b"\n")
    assert "PO file" in error.message


def test_text_that_names_a_file_is_read_as_text() -> None:
    """A PO text that is a path to an existing file is parsed as that text, never opened."""
    existing = Path(__file__).resolve()
    assert "not a PO file" in _refusal(str(existing).encode()).message


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', "no Language"),
        (
            'msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
            '"Content-Type: text/plain; charset=latin-1\\n"\n',
            "charset=latin-1",
        ),
    ],
)
def test_a_header_without_a_language_or_in_another_charset_is_refused(
    header: str, expected: str
) -> None:
    """The language comes from the header; an encoding other than UTF-8 is refused."""
    error = _refusal(header.encode())
    assert expected in error.message and error.line == 1


def test_bytes_that_are_not_utf8_are_refused_at_their_line() -> None:
    """A byte that is not UTF-8 is named, with its line."""
    error = _refusal(b'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "\xe9"\nmsgstr ""\n')
    assert error.line == 5 and "0xe9" in error.message


def test_plural_entries_and_entries_without_a_key_are_each_refused() -> None:
    """Every entry the project cannot take is its own error, at its line; obsolete entries
    are left out."""
    data = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        'msgctxt "ui.a"\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] "des"\n\n'
        'msgid "no key"\nmsgstr "pas de clé"\n\n'
        '#~ msgctxt "ui.old"\n#~ msgid "Old"\n#~ msgstr "Vieux"\n'
    ).encode()
    error = _refusal(data)
    assert [(problem.line, problem.message) for problem in error.problems] == [
        (5, "plural forms are not used here"),
        (11, "this entry has no msgctxt (its key)"),
    ]


def test_gettext_language_spelling_is_the_projects() -> None:
    """`pt_BR`, as gettext tools write it, is the project's `pt-BR`."""
    data = b'msgid ""\nmsgstr ""\n"Language: pt_BR\\n"\n'
    assert load_po(PATH, data).language == "pt-BR"
