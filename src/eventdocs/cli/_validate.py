"""``eventdocs validate``: check a webhook payload against its event's JSON Schema."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.errors import LoadError, UsageError
from eventdocs.load.project import load_project
from eventdocs.render.project import render_project
from eventdocs.validate.payload import payload_errors, read_payload


@click.command("validate")
@click.argument("payload_file", metavar="PAYLOAD.json")
@click.option(
    "--event", "event_name", help="The event to validate against (default: the payload's `event`)."
)
@click.pass_obj
def validate_command(root: Path, payload_file: str, event_name: str | None) -> int:
    """Validate PAYLOAD.json (- reads standard input); exit 0 valid, 1 invalid."""
    payload = read_payload(payload_file)
    named_by_payload = event_name is None
    if event_name is None:
        event_name = payload.get("event") if isinstance(payload, dict) else None
        if not isinstance(event_name, str):
            raise UsageError("the payload has no string `event`; name the event with --event")
    project = load_project(root)
    schemas = render_project(project).json_schemas
    if event_name not in schemas:
        known = ", ".join(sorted(schemas))
        message = f"unknown event {event_name!r}; this project documents: {known}"
        # The payload's own `event` is a bad input file; `--event` is a bad command line.
        if named_by_payload:
            raise LoadError(message, path=_payload_path(payload_file))
        raise UsageError(message)
    errors = list(payload_errors(schemas[event_name], payload))
    for error in errors:
        click.echo(f"{payload_file}: {error}")
    click.echo(f"{payload_file}: {'invalid' if errors else 'valid'} {event_name} payload")
    return 1 if errors else 0


def _payload_path(payload_file: str) -> Path:
    """The payload as ``read_payload`` names it in errors."""
    return Path("<stdin>") if payload_file == "-" else Path(payload_file)
