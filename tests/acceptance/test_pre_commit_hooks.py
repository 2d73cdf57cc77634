"""The hooks of `.pre-commit-hooks.yaml`, run as pre-commit runs them: at the root of a fresh
repository, the project there or in a subfolder (`args: [-C, docs-project]`, after the
subcommand). A hook run leaves nothing in the repository, and every input triggers it."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventdocs.load.inputs import find_inputs
from tests.helpers import REPO, copy_project, read_yaml

HOOKS: dict[str, dict[str, Any]] = {
    hook["id"]: hook for hook in read_yaml(REPO / ".pre-commit-hooks.yaml")
}
# Where the project sits in the consumer's repository, and the `args:` it then needs.
LAYOUTS = {"root": ("", ()), "subfolder": ("docs-project/", ("-C", "docs-project"))}


def git(repository: Path, *arguments: str) -> str:
    result = subprocess.run(
        ["git", *arguments], cwd=repository, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def consumer(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A fresh git repository, everything committed, holding the project where the layout
    (the test's `layout` parameter) puts it."""
    repository = tmp_path / "consumer"
    folder, _ = LAYOUTS[request.node.callspec.params["layout"]]
    copy_project(repository / folder)
    (repository / "README.md").write_text("A repository documenting its webhooks.\n", "utf-8")
    git(repository, "init", "--quiet")
    git(repository, "add", "--all")
    git(
        repository,
        "-c",
        "user.name=Tests",
        "-c",
        "user.email=tests@example.com",
        "commit",
        "--quiet",
        "--message=docs",
    )
    return repository


def test_the_hook_file_lists_both_hooks() -> None:
    """The check and build hooks are there, each with the fields pre-commit requires."""
    assert set(HOOKS) == {"eventdocs-check", "eventdocs-build"}
    for hook in HOOKS.values():
        assert {"id", "name", "entry", "language"} <= hook.keys()
        assert hook["pass_filenames"] is False


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_a_hook_run_leaves_nothing_in_the_repository(
    hook: str, layout: str, consumer: Path, tmp_path: Path
) -> None:
    """The hook's entry, with the layout's `args` after it, run at the repository root with
    the user's own cache folder, succeeds and leaves `git status --ignored` empty: no cache,
    no bytecode, no file of any kind; the cache went to the user's cache folder."""
    program, *rest = shlex.split(HOOKS[hook]["entry"])
    executable = shutil.which(program, path=str(Path(sys.executable).parent))
    assert executable is not None, f"{program} is not installed next to {sys.executable}"
    _, arguments = LAYOUTS[layout]
    user_cache = tmp_path / "user-cache"
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"EVENTDOCS_CACHE_DIR", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"}
    }
    environment |= {"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(user_cache)}
    result = subprocess.run(
        [executable, *rest, *HOOKS[hook].get("args", []), *arguments],
        cwd=consumer,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(consumer, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    assert any((user_cache / "eventdocs").iterdir())


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_input_triggers_the_hook(hook: str, layout: str) -> None:
    """Each file the project reads (and, for `check`, what it compares: `docs/`, `mkdocs.yml`)
    matches the hook's `files` as pre-commit matches it: searched in the path from the
    repository root; a file of the repository outside the project does not."""
    folder, _ = LAYOUTS[layout]
    inputs = find_inputs(REPO)
    files = [
        inputs.config,
        inputs.envelope,
        *inputs.schema_files,
        *inputs.type_files,
        *inputs.locale_files,
        *inputs.templates,
        *inputs.pages,
    ]
    if HOOKS[hook]["entry"].endswith(" check"):
        files += [REPO / "mkdocs.yml", *sorted((REPO / "docs").rglob("*.md"))[:5]]
    pattern = re.compile(HOOKS[hook]["files"])
    for path in files:
        assert pattern.search(folder + path.relative_to(REPO).as_posix()), path
    assert not pattern.search(folder + "README.md")
    assert not pattern.search("src/eventdocs/cli/__init__.py")
