"""Every event page's validation snippets validate: run as the page prints them, in an
environment of exactly what the page says to install, each accepts the page's example and
refuses each copy of it with one value under a `format` malformed."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterator
from importlib.metadata import requires
from pathlib import Path
from typing import get_args

import pytest

from eventdocs.load.schema_model import Format
from tests.acceptance._malformed import MALFORMED, schema_formats
from tests.acceptance._snippet_runs import (
    UV,
    Case,
    Verdicts,
    environment,
    run_command_line,
    run_javascript,
    run_python,
    served_docs,
    write_case,
)
from tests.acceptance._snippets import command, group, installed, published, snippets
from tests.helpers import EVENTS, LOCALES, REPO, read_yaml

KINDS = ("python", "javascript", "command_line")
SABOTAGED = "sabotaged"


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Every event's case and, under ``SABOTAGED``, the one with the most formats again, its
    snippets run with format checking taken out."""
    root = tmp_path_factory.mktemp("payloads")
    found = {event: write_case(root / event, event) for event in EVENTS}
    most = max(EVENTS, key=lambda event: (len(found[event].expected), event))
    return {**found, SABOTAGED: write_case(root / SABOTAGED, most, sabotaged=True)}


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    """The base URL `docs/schemas/` is served at on this machine, for the whole module."""
    with served_docs() as base:
        yield base


@pytest.fixture(scope="module")
def python_environment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the page's Python snippet says to install, alone."""
    return environment(tmp_path_factory.mktemp("python-environment") / "venv", "snippet-python")


@pytest.fixture(scope="module")
def python_verdicts(
    tmp_path_factory: pytest.TempPathFactory,
    cases: dict[str, Case],
    served: str,
    python_environment: Path,
) -> Verdicts:
    return run_python(python_environment, tmp_path_factory.mktemp("python"), cases, served)


@pytest.fixture(scope="module")
def javascript_verdicts(
    tmp_path_factory: pytest.TempPathFactory, cases: dict[str, Case], served: str
) -> Verdicts:
    return run_javascript(tmp_path_factory.mktemp("javascript"), cases, served)


@pytest.fixture(scope="module")
def command_line_verdicts(
    tmp_path_factory: pytest.TempPathFactory, cases: dict[str, Case], served: str
) -> Verdicts:
    folder = tmp_path_factory.mktemp("command-line")
    return run_command_line(environment(folder / "venv", "snippet-cli"), folder, cases, served)


@pytest.fixture
def verdicts(request: pytest.FixtureRequest) -> Callable[[str], Verdicts]:
    """The verdicts of the snippets of one kind, run only when a test asks for that kind."""
    return lambda kind: request.getfixturevalue(f"{kind}_verdicts")


@pytest.mark.parametrize("event", EVENTS)
def test_snippets_are_the_same_code_in_every_language(event: str) -> None:
    """Code is never translated: every language's page prints the English page's snippets."""
    english = snippets(event)
    assert all(snippets(event, locale) == english for locale in LOCALES[1:])


@pytest.mark.parametrize("event", EVENTS)
def test_snippets_fetch_the_published_schema(event: str) -> None:
    """Each snippet names the `$id` of the event's English schema, the file the site serves."""
    url = published(event)["$id"]
    page = snippets(event)
    for code in (page.python, page.javascript, page.command_line):
        assert code.count(url) == 1, code
    expected = ["check-jsonschema", "--schemafile", url, "payload.json"]
    assert command(page.command_line, "check-jsonschema") == expected


@pytest.mark.parametrize("event", EVENTS)
def test_install_lines_name_what_the_snippets_run_with(event: str) -> None:
    """The `pip install` lines are the dependency groups the snippets are tested in, and
    `npm install` names exactly the packages the JavaScript snippet imports, which the
    repository locks."""
    page = snippets(event)
    assert installed(page.python_install, "pip") == group("snippet-python")
    assert installed(page.command_line, "pip") == group("snippet-cli")
    imported = {name.split("/")[0] for name in re.findall(r'from "([^"]+)"', page.javascript)}
    packages = installed(page.javascript_install, "npm")
    assert sorted(packages) == sorted(imported)
    locked = json.loads((REPO / "package.json").read_text("utf-8"))["devDependencies"]
    assert set(packages) <= set(locked)


def test_a_malformed_value_is_known_for_every_format_the_schemas_allow() -> None:
    """Every format a schema may name has a malformed value to try, so none goes untested."""
    assert set(MALFORMED) == set(get_args(Format))


def test_the_examples_try_every_format_the_published_schemas_use(cases: dict[str, Case]) -> None:
    """Across events, the pages' examples hold a value under every format the schemas name, so
    each format's checking is tried by every snippet."""
    used = set().union(*(schema_formats(published(event)) for event in EVENTS))
    tried = {
        name.removeprefix("payload.").removesuffix(".json")
        for case in cases.values()
        for name, valid in case.expected.items()
        if not valid
    }
    assert used and used <= tried


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("event", EVENTS)
def test_snippet_accepts_the_example_and_refuses_each_malformed_value(
    kind: str, event: str, cases: dict[str, Case], verdicts: Callable[[str], Verdicts]
) -> None:
    """Run as printed (the schema fetched from a local copy of the site), the snippet accepts
    the page's example and refuses each copy with one formatted value malformed."""
    assert verdicts(kind)[event] == cases[event].expected


@pytest.mark.parametrize("kind", KINDS)
def test_a_snippet_that_ignores_formats_would_fail_the_test(
    kind: str, cases: dict[str, Case], verdicts: Callable[[str], Verdicts]
) -> None:
    """The same snippet with format checking taken out accepts the malformed copies: the test
    above would catch it."""
    case = cases[SABOTAGED]
    assert not all(case.expected.values())
    assert verdicts(kind)[SABOTAGED] == {name: True for name in case.expected}


def format_checkers(python: Path) -> set[str]:
    """The formats a Draft 2020-12 validator checks in the environment of ``python``."""
    code = (
        "import json; from jsonschema import Draft202012Validator as V;"
        "print(json.dumps(sorted(V.FORMAT_CHECKER.checkers)))"
    )
    result = subprocess.run([python, "-I", "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


def without_extra(target: Path, requirement: str) -> Path:
    """An environment of `jsonschema` alone: the page's with what ``requirement``'s extra
    brings uninstalled."""
    extra = re.fullmatch(r"jsonschema\[([a-z-]+)\]", requirement)
    assert extra, requirement
    brought = [
        line.split(";")[0].split(">")[0].strip()
        for line in requires("jsonschema") or []
        if f"extra == '{extra.group(1)}'" in line
    ]
    assert brought, requirement
    environment(target, "snippet-python")
    python = target / "bin" / "python"
    subprocess.run([UV, "pip", "uninstall", "--quiet", "--python", python, *brought], check=True)
    return target


def test_without_the_extra_the_formats_the_page_names_go_unchecked(
    tmp_path: Path, python_environment: Path
) -> None:
    """With bare `jsonschema` the formats the page's sentence names are not checked, and no
    error says so; with the extra the page installs, they and every format a schema may name
    are."""
    (requirement,) = group("snippet-python")
    bare = without_extra(tmp_path / "bare", requirement)
    sentence = read_yaml(REPO / "locales" / f"{LOCALES[0]}.yaml")["ui.schema.python"]
    named = set(re.findall(r"`([^`]+)`", sentence)) & set(get_args(Format))
    assert named and set(get_args(Format)) <= format_checkers(python_environment / "bin/python")
    assert named == set(get_args(Format)) - format_checkers(bare / "bin" / "python")
