"""An event page's validation snippets read back from the page, and what they name: the
schema they fetch, the packages they tell a reader to install."""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from dataclasses import dataclass
from typing import Any

from eventdocs.render.jsonschema import schema_path
from tests.helpers import LOCALES, REPO, repo_project

_FENCE = re.compile(r'^```(\w+)(?: title="([^"]*)")?\n(.*?)\n```$', re.M | re.S)
# The code blocks a page's schema section ends with, in the order a reader meets them.
_LAYOUT = [
    ("sh", None),
    ("python", "validate.py"),
    ("sh", None),
    ("javascript", "validate.mjs"),
    ("sh", None),
]


@dataclass(frozen=True)
class Snippets:
    """The validation snippets of one page, as the page prints them."""

    python_install: str
    python: str
    javascript_install: str
    javascript: str
    command_line: str


def page_snippets(page: str) -> Snippets:
    """The five code blocks that end the page's schema section."""
    fences = list(_FENCE.finditer(page))
    assert [(fence.group(1), fence.group(2)) for fence in fences[-5:]] == _LAYOUT, fences
    return Snippets(*(fence.group(3) for fence in fences[-5:]))


def installed(block: str, installer: str) -> list[str]:
    """The packages the block's one ``<installer> install`` line names, as the shell splits it."""
    (line,) = [line for line in block.splitlines() if line.startswith(f"{installer} install ")]
    return shlex.split(line)[2:]


def command(block: str, program: str) -> list[str]:
    """The block's one line running ``program``, as the shell splits it."""
    (line,) = [line for line in block.splitlines() if line.startswith(f"{program} ")]
    return shlex.split(line)


def with_url(snippet: str, url: str, local: str) -> str:
    """``snippet`` fetching its schema from ``local``: ``url`` must be named exactly once."""
    assert snippet.count(url) == 1, (url, snippet)
    return snippet.replace(url, local)


def snippets(event: str, locale: str = LOCALES[0]) -> Snippets:
    """The snippets of the event's page in ``locale``, as generated in `docs/`."""
    return page_snippets((REPO / "docs" / locale / "events" / f"{event}.md").read_text("utf-8"))


def published(event: str) -> dict[str, Any]:
    """The English schema of ``event``, as served: the one the snippets fetch."""
    schema = next(schema for schema in repo_project().events if schema.event == event)
    document: dict[str, Any] = json.loads((REPO / schema_path(schema, None)).read_text("utf-8"))
    return document


def group(name: str) -> list[str]:
    """A dependency group of pyproject.toml: what a page tells integrators to install."""
    groups = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["dependency-groups"]
    return list(groups[name])
