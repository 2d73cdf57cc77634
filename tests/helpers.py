"""Helpers shared by the tests: the project's paths and languages, copies and snapshots of it,
the CLI in a process of its own, and faults injected at an exact file-system call."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from eventdocs.load.config import load_config
from eventdocs.load.inputs import type_files
from eventdocs.load.project import Project, event_names, load_project

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = (
    "eventdocs.toml",
    "mkdocs.yml",
    "schema",
    "locales",
    "templates",
    "docs",
    "pages",
)
# The project's languages are its locale files: the source language first, then the others.
_SOURCE = load_config(REPO).source_locale
LOCALES = (
    _SOURCE,
    *sorted(path.stem for path in (REPO / "locales").glob("*.yaml") if path.stem != _SOURCE),
)
# The events and shared types the project holds, found by their files: acceptance tests are
# parametrized over these, so a new event or type is tested without a test being edited.
EVENTS = tuple(event_names(REPO))
TYPES = tuple(path.stem for path in type_files(REPO))
# Event names are lower-case identifiers (`schema_model.EventName`): no event can have this one.
UNKNOWN_EVENT = "no such event"


@cache
def repo_project() -> Project:
    """The repository's own project, loaded once: tests read it and never change it."""
    return load_project(REPO, use_cache=False)


@dataclass(frozen=True)
class Run:
    """What one CLI invocation returned and printed."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def refusal(result: Run, command: str) -> str:
    """The one line that says why ``command`` refused a bad input: `check` reports it as an
    `input` finding on stdout (with the others, if any), every other command as its single
    `Error:` line on stderr."""
    if command == "check":
        assert result.err == "", result.err
        (line,) = [line for line in result.out.splitlines() if ": input " in line][:1]
        return line
    assert len(result.err.splitlines()) == 1 and result.err.startswith("Error: "), result.err
    return result.err.rstrip("\n")


def copy_project(root: Path) -> Path:
    """Copy this repository's documentation project to ``root`` (created) and return it."""
    root.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            shutil.copy2(source, root / part)
    return root


def run_in_process_of_its_own(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m eventdocs ARGS...`` as a child process: a crash, a hang (past
    ``timeout``) or a memory cap then fails one test instead of the whole session."""
    return subprocess.run(
        [sys.executable, "-m", "eventdocs", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )


@cache
def _sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    # Every format the schema names is checked (`uri` for rule links, `uri-reference` for
    # artifact locations), not only those draft 04 defines.
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def sarif_errors(log: Any) -> list[str]:
    """Every way ``log`` breaks the SARIF 2.1.0 schema (tests/fixtures/sarif/), as
    ``path: message`` lines; empty for a valid log."""
    return [f"{error.json_path}: {error.message}" for error in _sarif_validator().iter_errors(log)]


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def snapshot_files(root: Path) -> dict[str, bytes]:
    """Every file under ``root/docs``, by relative path, for before/after comparisons."""
    docs = root / "docs"
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(docs.rglob("*"))
        if path.is_file()
    }


def add_second_event(root: Path) -> None:
    """Drop the fixture event ``contact_tagged`` (schema and strings of every language) into
    the project at ``root``."""
    second = FIXTURES / "valid" / "second_event"
    shutil.copy(second / "schema" / "contact_tagged.yaml", root / "schema")
    for locale in LOCALES:
        with (root / "locales" / f"{locale}.yaml").open("a", encoding="utf-8") as handle:
            handle.write((second / "locales" / f"{locale}.yaml").read_text(encoding="utf-8"))


def cache_entries(cache: Path) -> list[Path]:
    """The parsed-input entries of one project's cache folder."""
    return sorted((cache / "inputs").glob("*.json"))


def set_english(root: Path, key: str, text: str) -> None:
    """Set ``key`` of the project's English file to ``text`` in place, as a writer would,
    keeping every other line (and comment) of the file."""
    path = root / "locales" / "en.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(f"{key}: {text}\n" if line.startswith(f"{key}:") else line for line in lines),
        "utf-8",
    )


# What a build does to the disk: open a file to write it, make a folder, set a file's mode,
# give a file a second name, rename one over another, remove a file or a folder.
WRITE_STEPS = ("open", "mkdir", "chmod", "link", "replace", "rename", "unlink", "rmdir")
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def fault_at_call(
    patch: pytest.MonkeyPatch,
    names: Iterable[str],
    at: int | None,
    fault: Callable[..., object],
) -> list[str]:
    """Wrap ``os.<name>`` for each of ``names`` and return the list each call is recorded in, as
    its name and paths; the call numbered ``at`` (from 1) first runs ``fault`` with its arguments,
    to raise or to kill (``None``: only count). Opening a file only to read it is not counted."""
    calls: list[str] = []

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if name == "open" and not args[1] & _WRITING:
                return real(*args, **kwargs)
            paths = [os.fspath(arg) for arg in args if isinstance(arg, str | os.PathLike)]
            calls.append(" ".join([name, *paths]))
            if len(calls) == at:
                fault(*args, **kwargs)
            return real(*args, **kwargs)

        return call

    for name in names:
        patch.setattr(os, name, counted(name, getattr(os, name)))
    return calls
