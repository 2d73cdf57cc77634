"""The floor: the same pages rendered with plain Jinja2 and written, nothing else.

No loading or validation is timed: the strings are read with PyYAML before the clock starts.
Each event and type page is rendered from the project's own templates with a plain dict for `t`
and `text` (the tables' rows worked out beforehand with eventdocs' own code, untimed), and each
JSON Schema variant is the English schema serialized as it is.
Usage: python floor.py PROJECT OUTPUT  → prints the seconds spent rendering and writing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import jinja2
import orjson
import yaml

from eventdocs.load.project import load_project
from eventdocs.render.fields import event_rows, type_rows


def main(project: Path, output: Path) -> None:
    english = yaml.load((project / "locales/en.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    locales = {"en": english}
    for path in sorted((project / "locales").glob("*.yaml")):
        if path.stem != "en":
            data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
            locales[path.stem] = {key: entry["text"] for key, entry in data.items()}
    # The models and the rows of every table, worked out before the clock starts: the floor
    # times rendering and writing only.
    loaded = load_project(project)
    has_text = english.__contains__
    rows = {event.event: event_rows(event, loaded.types, has_text) for event in loaded.events}
    type_tables = {name: type_rows(schema, loaded.types) for name, schema in loaded.types.items()}
    schemas = {
        path.relative_to(project / "docs/schemas").as_posix(): orjson.loads(path.read_bytes())
        for path in (project / "docs/schemas").rglob("v1.json")
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
        raw_token=str,
        type_cell=lambda row, base: f"`{row.label}`",
        identifier_with=lambda identifier, title: f"`{identifier}` ({title})",
        with_identifier=lambda title, identifier: f"{title} (`{identifier}`)",
    )
    event_page = environment.get_template("event_page.md.j2")
    type_page = environment.get_template("type_page.md.j2")
    links = {"source": "s.json", "localized": "l.json", "url": "https://x/"}
    started = time.perf_counter()
    for code, strings in locales.items():
        folder = output / code / "events"
        folder.mkdir(parents=True, exist_ok=True)
        for event in loaded.events:
            text = event_page.render(
                t=strings,
                text=strings,
                event=event,
                key=f"events.{event.event}",
                rows=rows[event.event],
                envelope=loaded.envelope,
                generated_from="floor",
                outdated=False,
                locale=code,
                schema=links,
            )
            (folder / f"{event.event}.md").write_text(text, "utf-8")
        types_folder = output / code / "types"
        types_folder.mkdir(parents=True, exist_ok=True)
        for name, schema in loaded.types.items():
            text = type_page.render(
                t=strings,
                text=strings,
                schema=schema,
                key=f"types.{name}",
                rows=type_tables[name],
                used_by=[],
                downloads=links,
                generated_from="floor",
                outdated=False,
                locale=code,
            )
            (types_folder / f"{name}.md").write_text(text, "utf-8")
        for relative, document in schemas.items():
            target = output / "schemas" / relative.replace("v1.json", f"v1.{code}.json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2))
    print(f"{time.perf_counter() - started:.6f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
