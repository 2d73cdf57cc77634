"""The translator's loop: see a stale string, update it, accept it; scaffold a new language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.helpers import Run, read_yaml, set_english, write_yaml

EVENT = "events.message_status_updated"
UUID_KEY = f"{EVENT}.fields.uuid"
NEW_ENGLISH = "The unique 32-hex-digit identifier of the message"


def test_stale_page_builds_with_a_localized_notice(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A stale translation still builds; its page carries the notice in its own language."""
    set_english(project, UUID_KEY, NEW_ENGLISH)
    assert run_cli("-C", project, "build").code == 0
    french = (project / "docs/fr/events/message_status_updated.md").read_text("utf-8")
    assert '!!! warning "Traduction en cours"' in french
    assert "L'identifiant unique du message" in french
    english = (project / "docs/en/events/message_status_updated.md").read_text("utf-8")
    assert "!!! warning" not in english
    assert run_cli("-C", project, "check").code == 1


def test_accept_restamps_and_keeps_comments(project: Path, run_cli: Callable[..., Run]) -> None:
    """`accept fr KEY` updates only that key's `source`, keeping the file's comments."""
    set_english(project, UUID_KEY, NEW_ENGLISH)
    french = project / "locales" / "fr.yaml"
    before = french.read_text("utf-8")
    result = run_cli("-C", project, "accept", "fr", UUID_KEY)
    assert result.code == 0, result.err
    after = french.read_text("utf-8")
    assert after.splitlines()[1].startswith("# Translations into 'fr'.")  # comments kept
    assert read_yaml(french)[UUID_KEY]["source"] == NEW_ENGLISH
    changed = [
        pair
        for pair in zip(before.splitlines(), after.splitlines(), strict=True)
        if pair[0] != pair[1]
    ]
    assert len(changed) == 1
    findings = run_cli("-C", project, "check", "--format", "json").json()["findings"]
    assert {(f["code"], f["path"]) for f in findings if f["code"] == "stale"} == {
        ("stale", "locales/pt.yaml"),
        ("stale", "locales/it.yaml"),
    }


def test_accept_without_keys_takes_every_stale_key(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """`accept it` re-stamps all of Italian's stale keys and nothing else."""
    set_english(project, UUID_KEY, NEW_ENGLISH)
    result = run_cli("-C", project, "accept", "it")
    assert result.out.splitlines()[0] == f"accepted it {UUID_KEY}"
    assert "1 translation(s)" in result.out


def test_minor_edit_keeps_every_language_current(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A typo fix in English plus `accept --minor KEY` leaves no language stale."""
    set_english(project, UUID_KEY, "The unique identifier of the message.")
    assert run_cli("-C", project, "accept", "--minor", UUID_KEY).code == 0
    run_cli("-C", project, "build")
    assert run_cli("-C", project, "check").code == 0


def test_minor_edit_refuses_when_languages_disagree(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """If one language was already stale, `--minor` refuses instead of hiding it."""
    italian = project / "locales" / "it.yaml"
    data = read_yaml(italian)
    data[UUID_KEY]["source"] = "An older English text"
    write_yaml(italian, data)
    set_english(project, UUID_KEY, "The unique identifier of the message.")
    result = run_cli("-C", project, "accept", "--minor", UUID_KEY)
    assert result.code == 2
    assert "different English texts" in result.err


def test_accept_needs_a_locale(project: Path, run_cli: Callable[..., Run]) -> None:
    """`accept` with nothing to accept is a usage error (exit 2)."""
    result = run_cli("-C", project, "accept")
    assert result.code == 2
    assert result.err.startswith("Error: ")


def test_new_locale_scaffolds_every_key_untranslated(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """`new-locale de` lists every key with its English and no text; pages fall back + notice."""
    result = run_cli("-C", project, "new-locale", "de")
    assert result.code == 0
    german = read_yaml(project / "locales" / "de.yaml")
    english = read_yaml(project / "locales" / "en.yaml")
    assert set(german) == set(english)
    assert all(
        entry["text"] is None and entry["source"] == english[key] for key, entry in german.items()
    )
    assert run_cli("-C", project, "build").code == 0
    page = (project / "docs/de/events/message_status_updated.md").read_text("utf-8")
    # Every passage is the English, marked as such: the title, the notice's title among them.
    assert "\n# <span class='eventdocs-fallback'" in page
    assert "<span lang='en'>Message Status Updated</span>" in page
    assert "!!! warning \"<span class='eventdocs-fallback'" in page
    assert "<span lang='en'>Translation in progress</span>" in page
    status = run_cli("-C", project, "status", "--format", "json").json()
    (german_row,) = [row for row in status["locales"] if row["locale"] == "de"]
    assert german_row["missing"] == german_row["total"] == len(english)


def test_new_locale_refuses_a_bad_tag(project: Path, run_cli: Callable[..., Run]) -> None:
    """A code that is not BCP 47 (or could name a path) is a usage error; nothing is written."""
    for code in ("../x", "french", "fr/ca", "xx-YYYYY"):
        result = run_cli("-C", project, "new-locale", code)
        assert result.code == 2, code
    assert sorted(path.name for path in (project / "locales").iterdir()) == [
        "en.yaml",
        "fr.yaml",
        "it.yaml",
        "pt.yaml",
    ]


# Under the size limit as the English writes it (3 bytes a character), twice over it as an
# edit escapes it (`\ufeff`, 6 bytes).
HUGE_ENGLISH = "The unique identifier" + "\ufeff" * 2_700_000 + " of the message"


def test_new_locale_never_writes_a_file_over_the_size_limit(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """A scaffold that escaping makes larger than `load` accepts is one error line, unwritten."""
    set_english(project, UUID_KEY, HUGE_ENGLISH)
    result = run_cli("-C", project, "new-locale", "de")
    assert result.code == 1
    assert len(result.err.splitlines()) == 1 and "over the limit of 8388608 bytes" in result.err
    assert not (project / "locales" / "de.yaml").exists()


def test_accept_never_writes_a_file_over_the_size_limit(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Re-stamping an English that escaping makes too large is one error line; the locale file
    stays as it was."""
    set_english(project, UUID_KEY, HUGE_ENGLISH)
    french = (project / "locales" / "fr.yaml").read_bytes()
    result = run_cli("-C", project, "accept", "fr", UUID_KEY)
    assert result.code == 1
    assert len(result.err.splitlines()) == 1 and "over the limit of 8388608 bytes" in result.err
    assert (project / "locales" / "fr.yaml").read_bytes() == french


def test_status_counts_stale_and_translated(project: Path, run_cli: Callable[..., Run]) -> None:
    """`status --format json` counts one stale key per language after one English edit."""
    set_english(project, UUID_KEY, NEW_ENGLISH)
    rows = {
        row["locale"]: row
        for row in run_cli("-C", project, "status", "--format", "json").json()["locales"]
    }
    assert rows["fr"]["stale"] == 1
    assert rows["fr"]["translated"] == rows["fr"]["total"] - 1
    assert rows["en"]["stale"] == 0
