"""``eventdocs validate``: check a webhook payload against its event's JSON Schema."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.errors import LoadError, UsageError
from eventdocs.pipeline import UnknownEventError, event_field, validate
from eventdocs.validate.payload import read_payload


@click.command("validate")
@click.argument("payload_file", metavar="PAYLOAD.json")
@click.option(
    "--event",
    "event_name",
    help="The event to validate against (default: the one the payload names).",
)
@click.pass_obj
def validate_command(root: Path, payload_file: str, event_name: str | None) -> int:
    """Validate PAYLOAD.json (- reads standard input); exit 0 valid, 1 invalid."""
    payload = read_payload(payload_file)
    named_by_payload = event_name is None
    if event_name is None:
        field = event_field(root)
        if field is None:
            raise UsageError("this catalog names events in an HTTP header; name it with --event")
        event_name = payload.get(field) if isinstance(payload, dict) else None
        if not isinstance(event_name, str):
            raise UsageError(f"the payload has no string `{field}`; name the event with --event")
    try:
        errors = validate(root, payload, event_name)
    except UnknownEventError as unknown:
        # The payload's own `event` is a bad input file; `--event` is a bad command line.
        if named_by_payload:
            raise LoadError(unknown.message, path=_payload_path(payload_file)) from None
        raise
    for problem in errors:
        click.echo(f"{payload_file}: {problem}")
    click.echo(f"{payload_file}: {'invalid' if errors else 'valid'} {event_name} payload")
    return 1 if errors else 0


def _payload_path(payload_file: str) -> Path:
    """The payload as ``read_payload`` names it in errors."""
    return Path("<stdin>") if payload_file == "-" else Path(payload_file)
