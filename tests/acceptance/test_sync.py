"""`eventdocs sync`: the keys the pages use, brought into the translation files in place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventdocs.edit.yaml_text import translation_entry
from tests.helpers import EVENTS, LOCALES, Run, read_yaml

SOURCE, TRANSLATIONS = LOCALES[0], LOCALES[1:]
# A translator's note on the entry after the one sync puts back: it must stay on its entry.
NOTE = "# Checked against the glossary.\n"


def entries(root: Path, locale: str) -> list[str]:
    """The blank-line separated blocks of a translation file: its opening comment, then one
    per entry."""
    return (root / "locales" / f"{locale}.yaml").read_text("utf-8").split("\n\n")


def middle_entry(root: Path, locale: str) -> int:
    """The index, among ``entries``, of a translated entry halfway down the file, written as
    `sync` writes one (so the file it rebuilds can be compared byte for byte)."""
    english = read_yaml(root / "locales" / f"{SOURCE}.yaml")
    translated = read_yaml(root / "locales" / f"{locale}.yaml")
    blocks = entries(root, locale)
    for index in range(len(blocks) // 2, len(blocks) - 1):
        key = blocks[index].split(":", 1)[0]
        text = translated.get(key, {}).get("text")
        if text and blocks[index] + "\n" == translation_entry(key, english[key], text):
            return index
    raise AssertionError(f"no entry of locales/{locale}.yaml is written as sync writes one")


def untranslated(block: str) -> str:
    """``block`` with its translation taken out, as sync writes a key it adds."""
    key, source, _ = block.split("\n")
    return f"{key}\n{source}\n  text:"


def test_sync_adds_missing_keys_untranslated_after_their_english_neighbour(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A key missing from a translation comes back with the English it translates and an
    empty text, where it was: after the key before it in English, before the next entry's
    comment; every other byte of the file stays."""
    path = project / "locales" / "fr.yaml"
    blocks = entries(project, "fr")
    index = middle_entry(project, "fr")
    blocks[index + 1] = NOTE + blocks[index + 1]
    path.write_text("\n\n".join(blocks[:index] + blocks[index + 1 :]), "utf-8")
    result = run_cli("-C", project, "sync", "fr")
    assert result.code == 0, result.err
    assert result.out == "locales/fr.yaml: 1 key(s) added, 0 removed\n"
    blocks[index] = untranslated(blocks[index])
    assert path.read_text("utf-8") == "\n\n".join(blocks)


def test_sync_without_prune_keeps_orphans_and_prune_removes_them(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A key no page uses stays until `--prune`, which removes it and the blank line after it,
    leaving the file as it was before the orphan was written."""
    path = project / "locales" / "it.yaml"
    original = path.read_text("utf-8")
    blocks = original.split("\n\n")
    orphan = f'events.{EVENTS[0]}.fields.legacyId:\n  source: "Old id"\n  text: "Vecchio id"'
    path.write_text("\n\n".join([*blocks[:3], orphan, *blocks[3:]]), "utf-8")
    planted = path.read_text("utf-8")
    result = run_cli("-C", project, "sync", "it")
    assert result.out == "locales/it.yaml: 0 key(s) added, 0 removed\n"
    assert path.read_text("utf-8") == planted
    result = run_cli("-C", project, "sync", "it", "--prune")
    assert result.code == 0, result.err
    assert result.out == "locales/it.yaml: 0 key(s) added, 1 removed\n"
    assert path.read_text("utf-8") == original


def test_second_sync_is_a_no_op(project: Path, run_cli: Callable[..., Run]) -> None:
    """Sync of every translation, then sync again: the second run writes not a byte."""
    removed = []
    for locale in TRANSLATIONS:
        path = project / "locales" / f"{locale}.yaml"
        blocks = entries(project, locale)
        index = middle_entry(project, locale)
        removed.append(blocks[index].split(":", 1)[0])
        path.write_text("\n\n".join(blocks[:index] + blocks[index + 1 :]), "utf-8")
    assert run_cli("-C", project, "sync").code == 0
    synced = {path: path.read_bytes() for path in sorted((project / "locales").iterdir())}
    result = run_cli("-C", project, "sync", "--prune")
    assert result.code == 0, result.err
    assert result.out.count(": 0 key(s) added, 0 removed\n") == len(TRANSLATIONS)
    assert {path: path.read_bytes() for path in sorted((project / "locales").iterdir())} == synced
    # What sync added is untranslated: `check` says so, at each added key.
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    missing = {(f["path"], f["key"]) for f in findings if f["code"] == "missing"}
    assert missing == {
        (f"locales/{locale}.yaml", key) for locale, key in zip(TRANSLATIONS, removed, strict=True)
    }


def test_sync_refuses_the_source_language(project: Path, run_cli: Callable[..., Run]) -> None:
    """The English file is written by hand: syncing it is a usage error, and writes nothing."""
    before = {path: path.read_bytes() for path in sorted((project / "locales").iterdir())}
    result = run_cli("-C", project, "sync", SOURCE)
    assert result.code == 2 and "source language" in result.err
    assert {path: path.read_bytes() for path in sorted((project / "locales").iterdir())} == before
