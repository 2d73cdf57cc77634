"""`-C PROJECT` works before or after the subcommand (pre-commit's `args:` come after it), for
every subcommand; two different folders are a usage error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventdocs.cli import cli
from tests.helpers import FIXTURES, REPO, Run, copy_project, read_yaml, snapshot_files

COMMANDS = sorted(cli.commands)
PAYLOAD = sorted((FIXTURES / "payloads" / "valid").glob("*.json"))[0]
KEY = next(key for key in read_yaml(REPO / "locales" / "en.yaml") if key.startswith("ui."))
# Arguments that make each command do its work on the intact project (none: run it bare).
ARGUMENTS: dict[str, tuple[str, ...]] = {
    "accept": ("fr",),
    "init": ("new-project",),  # a folder resolved against -C, as every other path
    "new-locale": ("de",),
    "rename": (KEY, f"{KEY}_renamed"),
    # An address MkDocs refuses: the server stops at once, after the project is loaded.
    "serve": ("--dev-addr", "no-port"),
    "validate": (str(PAYLOAD),),
    "import": (str(FIXTURES / "valid" / "exchange" / "fr.po"),),
}


def test_every_command_takes_the_option() -> None:
    """Each subcommand lists `-C` among its own options."""
    assert COMMANDS
    for name in COMMANDS:
        assert any("-C" in parameter.opts for parameter in cli.commands[name].params), name


@pytest.mark.parametrize("command", COMMANDS)
def test_the_option_after_the_command_works_as_before_it(
    command: str,
    run_cli: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`eventdocs -C p CMD` and `eventdocs CMD -C p`, each on its own copy of the project,
    exit alike, print the same and leave the same files."""
    results, files = [], []
    for where, arguments in (
        ("before", ("-C", "p", command, *ARGUMENTS.get(command, ()))),
        ("after", (command, *ARGUMENTS.get(command, ()), "-C", "p")),
    ):
        project = copy_project(tmp_path / where / "p")
        monkeypatch.chdir(project.parent)
        results.append(run_cli(*arguments))
        locales = {path.name: path.read_bytes() for path in project.glob("locales/*")}
        files.append(snapshot_files(project) | locales)
    before, after = results
    assert before == after
    assert before.code != 2, before.err
    assert files[0] == files[1]


@pytest.mark.parametrize("command", COMMANDS)
def test_two_different_folders_are_a_usage_error(
    command: str, run_cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-C a CMD -C b` (or `-C a -C b`) exits 2 naming both folders; the same folder twice,
    however spelt, is fine."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    monkeypatch.chdir(tmp_path)
    for arguments in (("-C", "a", command, "-C", "b"), ("-C", "a", "-C", "b", command)):
        result = run_cli(*arguments)
        assert result.code == 2 and "-C names two project folders" in result.err, result
        assert "'a'" in result.err and "'b'" in result.err
    same = run_cli("-C", "a", command, "-C", "./a/", "--help")
    assert same.code == 0 and same.err == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_folder_after_the_command_is_a_usage_error(
    command: str, run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """`CMD -C nowhere` exits 2 with the usage and an error naming the folder."""
    result = run_cli(command, "-C", tmp_path / "nowhere")
    assert result.code == 2
    assert result.err.splitlines()[-1].startswith("Error: ") and "nowhere" in result.err
