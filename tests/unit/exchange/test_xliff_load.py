"""Reading XLIFF back: what translators' tools write is understood, and a malformed or hostile
file is refused with one error naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from eventdocs.errors import LoadError
from eventdocs.exchange.formats import read_exchange_file
from eventdocs.exchange.units import MAX_EXCHANGE_BYTES, ExchangeFile, Unit, UnitState
from eventdocs.exchange.xliff import dump_xliff, load_xliff

FILE = Path("locales-out/fr.xlf")
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
HEAD = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr">'
)


def document(units: str, head: str = HEAD) -> bytes:
    """An XLIFF document holding ``units`` in its one file, the root on line 2."""
    return f'<?xml version="1.0"?>\n{head}\n<file id="f">\n{units}\n</file>\n</xliff>\n'.encode()


def unit(key: str, source: str, target: str = "", state: str = "translated") -> str:
    """One unit on one line."""
    inner = f"<source>{source}</source>" + (f"<target>{target}</target>" if target else "")
    return f'<unit id="{key}"><segment state="{state}">{inner}</segment></unit>'


def refused(data: bytes) -> LoadError:
    """The error reading ``data`` raises."""
    with pytest.raises(LoadError) as caught:
        load_xliff(FILE, data)
    return caught.value


def test_a_translated_target_becomes_current_text() -> None:
    """A tool's translated segment is current, its words inside kept codes rebuilt as Markdown."""
    data = dump_xliff(
        ExchangeFile(
            "fr", (Unit("ui.x", "Use **`status`** [here](https://x.org)", "", UnitState.MISSING),)
        ),
        "en",
    )
    root = etree.fromstring(data)
    segment = root.find("x:file/x:unit/x:segment", NS)
    target = etree.SubElement(segment, "{urn:oasis:names:tc:xliff:document:2.0}target")
    for code in segment.find("x:source", NS):  # a tool copies the codes and types the words
        target.append(etree.fromstring(etree.tostring(code)))
    target.text = "Utilisez "
    target[0].tail = " "
    target[1].text = "ici"
    segment.set("state", "translated")
    (loaded,) = load_xliff(FILE, etree.tostring(root)).units
    assert (loaded.text, loaded.state) == (
        "Utilisez **`status`** [ici](https://x.org)",
        UnitState.CURRENT,
    )


def test_a_stale_unit_stays_stale_whatever_the_prefix() -> None:
    """A tool that renames our namespace's prefix keeps the unit stale; the same value under
    another namespace is not ours."""
    stale = (
        '<segment state="translated" subState="ed:stale">'
        "<source>A</source><target>B</target></segment>"
    )
    ours = document(
        f'<unit id="ui.a" xmlns:ed="urn:x-eventdocs:xliff:1">{stale}</unit>'
        f'<unit id="ui.b" xmlns:ed="urn:other:tool">{stale}</unit>'
    )
    first, second = load_xliff(FILE, ours).units
    assert (first.state, second.state) == (UnitState.STALE, UnitState.CURRENT)


def test_our_prefix_left_unbound_still_means_stale() -> None:
    """A tool that drops the declaration of our namespace but keeps `eventdocs:stale` leaves
    the unit stale: unsure, a translation stays to be reviewed."""
    data = document(
        '<unit id="ui.a"><segment state="translated" subState="eventdocs:stale">'
        "<source>A</source><target>B</target></segment></unit>"
    )
    (unit,) = load_xliff(FILE, data).units
    assert unit.state is UnitState.STALE


def test_segments_a_tool_split_are_joined() -> None:
    """Two segments and the ignorable space between them make one string again."""
    data = document(
        '<unit id="ui.a"><segment state="reviewed">'
        "<source>One.</source><target>Un.</target></segment>"
        "<ignorable><source> </source></ignorable>"
        '<segment state="reviewed"><source>Two.</source><target>Deux.</target></segment></unit>'
    )
    (loaded,) = load_xliff(FILE, data).units
    assert (loaded.english, loaded.text) == ("One. Two.", "Un. Deux.")


def test_annotations_and_comments_are_transparent() -> None:
    """A tool's ``<mrk>`` keeps its words, its markers and comments add nothing."""
    data = document(
        unit("ui.a", "A b", 'Un <mrk id="m1" translate="yes">b</mrk><!-- note --><sm id="s"/>')
    )
    assert load_xliff(FILE, data).units[0].text == "Un b"


def test_each_unit_says_its_line() -> None:
    """A unit read back names the line it starts on."""
    data = document(unit("ui.a", "A", "B") + "\n\n" + unit("ui.b", "C", "D"))
    assert [u.line for u in load_xliff(FILE, data).units] == [4, 6]


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
    + HEAD
    + '<file id="f"><unit id="ui.a"><segment><source>&lol3;</source></segment></unit>'
    + "</file></xliff>"
).encode()
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    + HEAD
    + '<file id="f"><unit id="ui.a"><segment><source>&secret;</source></segment></unit>'
    + "</file></xliff>"
).encode()

REFUSED = [
    ("billion laughs", BILLION_LAUGHS, 2, "DOCTYPE"),
    ("external entity", EXTERNAL_ENTITY, 2, "DOCTYPE"),
    (
        "DTD",
        b'<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "http://example.com/x.dtd">\n'
        + document("")[22:],
        2,
        "DOCTYPE",
    ),
    ("not XML", b'msgid ""\nmsgstr ""\n', 1, "not well-formed"),
    ("empty", b"", 1, "not well-formed"),
    ("unclosed", document(unit("ui.a", "A"))[:-12], 5, "not well-formed"),
    ("wrong namespace", document("", HEAD.replace("2.0", "1.2")), 2, "not an XLIFF 2 file"),
    ("wrong version", document("", HEAD.replace('"2.1"', '"1.2"')), 2, "version '1.2'"),
    ("no language", document("", HEAD.replace(' trgLang="fr"', "")), 2, "trgLang"),
    ("unit without id", document(unit("ui.a", "A").replace(' id="ui.a"', "")), 4, "no id"),
    (
        "duplicate key",
        document(unit("ui.a", "A", "B") + "\n" + unit("ui.a", "A", "C")),
        5,
        "twice (first on line 4)",
    ),
    (
        "no segment",
        document('<unit id="ui.a"><notes><note>x</note></notes></unit>'),
        4,
        "no <segment>",
    ),
    ("code without data", document(unit("ui.a", 'A <ph id="1" dataRef="d9"/>')), 4, "no dataRef"),
    (
        "unknown inline element",
        document(unit("ui.a", "A <b>bold</b>")),
        4,
        "not an XLIFF inline element",
    ),
    ("bad code point", document(unit("ui.a", 'A <cp hex="110000"/>')), 4, "not a character"),
    ("surrogate code point", document(unit("ui.a", 'A <cp hex="D800"/>')), 4, "not a character"),
    (
        "nested too deep",
        document(unit("ui.a", '<mrk id="m">' * 300 + "A" + "</mrk>" * 300)),
        4,
        "not well-formed",
    ),
    ("translation left initial", document(unit("ui.a", "A", "B", state="initial")), 4, "'initial'"),
]


@pytest.mark.parametrize(
    ("data", "line", "message"), [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED]
)
def test_a_malformed_or_hostile_file_is_refused(data: bytes, line: int, message: str) -> None:
    """One error, on one line, naming the file, the line and what is wrong; nothing expanded
    or fetched."""
    error = refused(data)
    assert (error.path, error.line) == (FILE, line)
    assert message in error.message
    assert str(error).startswith(f"{FILE.as_posix()}:{line}: ") and "\n" not in str(error)


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    """A file past the translators' file limit (32 MiB) is refused before it is parsed."""
    path = tmp_path / FILE.name
    path.write_bytes(b"<" * (MAX_EXCHANGE_BYTES + 1))
    with pytest.raises(LoadError) as caught:
        read_exchange_file(path)
    assert "over the limit" in caught.value.message and caught.value.path == path


def test_a_partly_translated_unit_is_refused() -> None:
    """A unit some of whose segments lack a target is neither missing nor translated."""
    data = document(
        '<unit id="ui.a"><segment state="translated">'
        "<source>A.</source><target>B.</target></segment>"
        "<segment><source>C.</source></segment></unit>"
    )
    assert "in part" in refused(data).message
