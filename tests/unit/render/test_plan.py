"""The facts every language's rendering shares, worked out once per project."""

from __future__ import annotations

from eventdocs.load.project import load_project
from eventdocs.render.plan import RenderPlan
from tests.helpers import REPO


def test_every_type_names_the_events_that_use_it() -> None:
    """A type's `used_by` lists exactly the events whose payload reaches it, in event order."""
    project = load_project(REPO)
    plan = RenderPlan(project)
    for name in project.types:
        expected = [
            event.event for event in project.events if name in plan.event_types[event.event]
        ]
        assert plan.used_by[name] == expected


def test_an_event_output_is_made_of_its_file_and_the_types_it_uses() -> None:
    """An event's fingerprint parts hold its own file's digest and those of the types it
    uses, so editing one of them renders the event's outputs again."""
    project = load_project(REPO)
    plan = RenderPlan(project)
    for event in project.events:
        parts = plan.event_parts(event, project.source)
        assert plan.event_digests[event.event] in parts
        for name in plan.event_types[event.event]:
            assert plan.type_digests[name] in parts
