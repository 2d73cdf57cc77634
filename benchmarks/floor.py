"""The floor: the same pages rendered with plain Jinja2 and written, nothing else.

No loading or validation is timed: the strings are read with PyYAML before the clock starts.
Each page is rendered from the project's own templates with a plain dict for `t` and `text`, and
each JSON Schema variant is the event's English schema serialized as it is.
Usage: python floor.py PROJECT OUTPUT  → prints the seconds spent rendering and writing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import jinja2
import orjson
import yaml


def main(project: Path, output: Path) -> None:
    english = yaml.load((project / "locales/en.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    locales = {"en": english}
    for path in sorted((project / "locales").glob("*.yaml")):
        if path.stem != "en":
            data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
            locales[path.stem] = {key: entry["text"] for key, entry in data.items()}
    events = [
        yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
        for path in sorted((project / "schema").glob("*.yaml"))
    ]
    schemas = {
        event["event"]: orjson.loads(
            (project / f"docs/schemas/{event['event']}/v1.json").read_bytes()
        )
        for event in events
    }
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(project / "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        code=lambda value: f"`{value}`",
        admonition_title=lambda value: f'"{value}"',
        front_matter_value=lambda value: orjson.dumps(value).decode(),
        json_block=lambda value, title: (
            f'```json title="{title}"\n'
            f"{orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()}\n```"
        ),
        raw_url=str,
        type_label=lambda field: f"`{field.get('type')}`",
        identifier_with=lambda identifier, title: f"`{identifier}` ({title})",
        with_identifier=lambda title, identifier: f"{title} (`{identifier}`)",
    )

    class Event(dict):  # attribute access, as the templates expect
        __getattr__ = dict.get

        def walk_fields(self):
            def walk(fields, prefix):
                for field in fields:
                    yield f"{prefix}{field['name']}", Event(field)
                    yield from walk(field.get("fields", ()), f"{prefix}{field['name']}.")

            yield from walk(self["payload"], "")

    template = environment.get_template("event_page.md.j2")
    started = time.perf_counter()
    for code, strings in locales.items():
        folder = output / code / "events"
        folder.mkdir(parents=True, exist_ok=True)
        for event in events:
            wrapped = Event(event)
            wrapped["availability"] = Event(event.get("availability", {}))
            wrapped["statuses"] = [Event(status) for status in event.get("statuses", ())]
            text = template.render(
                t=strings,
                text=strings,
                event=wrapped,
                key=f"events.{event['event']}",
                generated_from="floor",
                outdated=False,
                locale=code,
                schema={"source": "s.json", "localized": "l.json", "url": "https://x/"},
            )
            (folder / f"{event['event']}.md").write_text(text, "utf-8")
            schema_folder = output / "schemas" / event["event"]
            schema_folder.mkdir(parents=True, exist_ok=True)
            (schema_folder / f"v1.{code}.json").write_bytes(
                orjson.dumps(schemas[event["event"]], option=orjson.OPT_INDENT_2)
            )
    print(f"{time.perf_counter() - started:.6f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
