"""Each command does only the work it needs, and that lesser work gives the same answers."""

from __future__ import annotations

from eventdocs.load.project import load_project
from eventdocs.render.project import render_project, used_keys
from eventdocs.render.schemas import render_event_schema
from tests.helpers import REPO


def test_one_event_schema_is_the_one_the_build_renders() -> None:
    """`validate`'s single-event rendering gives, for every event, the build's English schema."""
    project = load_project(REPO)
    schemas = render_project(project).json_schemas
    assert schemas
    for event in project.events:
        assert render_event_schema(project, event.event) == schemas[event.event]


def test_source_language_alone_uses_every_key() -> None:
    """`status` and `new-locale` render the source language only: they see the same keys as a
    whole rendering does."""
    project = load_project(REPO)
    assert used_keys(project) == render_project(project).used_keys
