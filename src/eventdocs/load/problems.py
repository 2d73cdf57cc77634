"""Every problem of every input file, each file loaded on its own, for ``eventdocs check``.

A command stops at the first bad file; ``check`` reports them all, so one pull request shows
every file to fix at once. Problems between files (an unknown type, a missing source
language) are the load's own, reported when no single file has one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from eventdocs.errors import EventdocsError, LoadError
from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.load.config import load_config
from eventdocs.load.envelope import load_envelope
from eventdocs.load.inputs import find_inputs
from eventdocs.load.locale import load_locale
from eventdocs.load.schema import load_event_schema, load_type_schema


def input_problems(root: Path) -> list[EventdocsError]:
    """The problems of each input file of the project at ``root``, in file order."""
    cache = project_cache_dir(root)
    problems: list[EventdocsError] = []

    def attempt(load: Callable[[], object]) -> None:
        try:
            load()
        except LoadError as error:
            problems.extend(error.problems)
        except EventdocsError as error:
            problems.append(error)

    source = "en"
    try:
        source = load_config(root, cache=cache).source_locale
    except LoadError as error:
        problems.extend(error.problems)
    try:
        inputs = find_inputs(root)
    except EventdocsError as error:
        return [*problems, error]
    attempt(partial(load_envelope, root, cache=cache))
    for path in inputs.schema_files:
        attempt(partial(load_event_schema, path, cache=cache))
    for path in inputs.type_files:
        attempt(partial(load_type_schema, path, cache=cache))
    for path in inputs.locale_files:
        attempt(partial(load_locale, path, is_source=path.stem == source, cache=cache))
    return problems
