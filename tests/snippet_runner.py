"""Runs event pages' Python validation snippets as an integrator's service would: loads each as
a module (it fetches its schema), then calls its ``validate`` on payload files.

Usage: python snippet_runner.py JOBS.json, JOBS mapping each snippet file to its payload files
→ one JSON line: {snippet: {payload: valid}}. The tests run it in an environment holding only
what the pages say to install, so it imports nothing but the standard library and jsonschema.
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

from jsonschema import ValidationError


def verdict(validate: object, payload: Path) -> bool:
    """Whether the snippet's ``validate`` accepts the payload: it raises on an invalid one."""
    assert callable(validate)
    try:
        validate(json.loads(payload.read_text("utf-8")))
    except ValidationError:
        return False
    return True


def main(jobs_file: str) -> None:
    jobs: dict[str, list[str]] = json.loads(Path(jobs_file).read_text("utf-8"))
    verdicts = {}
    for snippet, payloads in jobs.items():
        validate = runpy.run_path(snippet)["validate"]
        verdicts[snippet] = {payload: verdict(validate, Path(payload)) for payload in payloads}
    print(json.dumps(verdicts))


if __name__ == "__main__":
    main(*sys.argv[1:])
