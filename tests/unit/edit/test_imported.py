"""Imported translations are written into locale files in place: only the values that change,
every comment and the layout kept, all files or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdocs.base.atomic import atomic_write
from eventdocs.edit import imported
from eventdocs.edit.imported import Translation, write_translations
from eventdocs.errors import WriteError
from eventdocs.load.project import Project, load_project
from tests.helpers import LOCALES, copy_project, read_yaml

CODE = LOCALES[1]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the repository's project."""
    return copy_project(tmp_path / "project")


def _load(root: Path) -> Project:
    return load_project(root, use_cache=False)


def _english(project: Project, index: int) -> tuple[str, str]:
    key = list(project.source.entries)[index]
    return key, project.source.entries[key].text or ""


def _locale(root: Path, code: str = CODE) -> Path:
    return root / "locales" / f"{code}.yaml"


def _rewrite_entry(path: Path, key: str, replacement: str) -> None:
    """Write ``key``'s entry of ``path`` as ``replacement`` (lines after the key's own)."""
    lines = path.read_text("utf-8").split("\n")
    start = lines.index(f"{key}:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    lines[start:end] = [f"{key}:{replacement}"]
    path.write_text("\n".join(lines), "utf-8")


def test_only_the_changed_values_change(root: Path) -> None:
    """A key's `text` and `source` are rewritten where they stand; every other line (the
    comments at the top too) stays as it was."""
    project = _load(root)
    key, english = _english(project, 5)
    before = _locale(root).read_text("utf-8")
    write_translations(project, {CODE: {key: Translation('Un "nouveau" texte', english)}})
    after = _locale(root).read_text("utf-8")
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1 and changed[0][1] == "  text: 'Un \"nouveau\" texte'"
    assert read_yaml(_locale(root))[key] == {"source": english, "text": 'Un "nouveau" texte'}


@pytest.mark.parametrize(
    "shape",
    [
        "\n  source: 'old'\n  text:",  # untranslated, as `sync` writes it
        "\n  source: old  # a comment kept\n",  # no `text` at all
        " {source: old, text: vieux}",  # flow style
        "\n  source: |\n    old\n  text: >\n    vieux\n",  # block scalars
    ],
)
def test_any_shape_of_entry_takes_the_translation(root: Path, shape: str) -> None:
    """However an entry is written, it reads back as the imported text and source, and the
    file still loads."""
    key, english = _english(_load(root), 7)
    _rewrite_entry(_locale(root), key, shape)
    write_translations(_load(root), {CODE: {key: Translation("Traduit", english)}})
    assert _load(root).locale(CODE).entries[key][1:3] == ("Traduit", english)
    if "comment" in shape:
        assert "# a comment kept" in _locale(root).read_text("utf-8")


def test_a_key_the_file_lacks_is_added_after_its_english_neighbour(root: Path) -> None:
    """A translation for a key the file does not have lands after the key before it in the
    English file, as `sync` places keys."""
    key, english = _english(_load(root), 9)
    previous, _ = _english(_load(root), 8)
    _rewrite_entry(_locale(root), key, "")
    text = _locale(root).read_text("utf-8").replace(f"\n{key}:", "")
    _locale(root).write_text(text, "utf-8")
    write_translations(_load(root), {CODE: {key: Translation("Ajouté", english)}})
    keys = list(read_yaml(_locale(root)))
    assert keys.index(key) == keys.index(previous) + 1
    assert read_yaml(_locale(root))[key] == {"source": english, "text": "Ajouté"}


def test_crlf_and_bom_are_kept(root: Path) -> None:
    """A file written with a BOM and CRLF line ends keeps both."""
    path = _locale(root)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    key, english = _english(_load(root), 3)
    write_translations(_load(root), {CODE: {key: Translation("Avec CRLF", english)}})
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == data.count(b"\n")
    assert read_yaml(path)[key]["text"] == "Avec CRLF"


def test_a_failed_write_puts_back_the_files_already_written(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the second language's file cannot be replaced, the first one is put back: an
    import changes every file or none."""
    project = _load(root)
    key, english = _english(project, 4)
    before = {code: _locale(root, code).read_bytes() for code in LOCALES[1:]}
    real_write = atomic_write
    calls: list[Path] = []

    def failing_second(path: Path, data: bytes, *, mode: int = 0o644) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_write(path, data, mode=mode)

    monkeypatch.setattr(imported, "atomic_write", failing_second)
    changes = {code: {key: Translation(f"Texte {code}", english)} for code in LOCALES[1:]}
    with pytest.raises(WriteError, match="No space left on device") as refused:
        write_translations(project, changes)
    assert {code: _locale(root, code).read_bytes() for code in LOCALES[1:]} == before
    assert refused.value.path == calls[1]  # the file that failed, not the one put back


def test_a_value_left_as_it_is_keeps_its_spelling(root: Path) -> None:
    """Only the text changes: a `source` written as a block scalar stays one, byte for byte,
    and a `text` once null becomes the new text."""
    project = _load(root)
    key, english = _english(project, 5)
    block = "\n".join(f"    {line}" for line in english.split("\n"))
    _rewrite_entry(_locale(root), key, f"\n  source: |-\n{block}\n  text: null")
    project = _load(root)
    write_translations(project, {CODE: {key: Translation("Un texte", english)}})
    after = _locale(root).read_text("utf-8")
    assert f'{key}:\n  source: |-\n{block}\n  text: "Un texte"' in after
    assert read_yaml(_locale(root))[key] == {"source": english, "text": "Un texte"}
