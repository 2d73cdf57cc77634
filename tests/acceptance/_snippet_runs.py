"""Running event pages' validation snippets as a reader would: each in an environment of what
its page says to install, fetching its schema from `docs/` served on the loopback interface,
on payload files; what comes back is each snippet's verdict on each file."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.acceptance._malformed import malformed_examples
from tests.acceptance._pages import example_payload
from tests.acceptance._snippets import command, published, snippets, with_url
from tests.helpers import LOCALES, REPO, repo_project

UV = REPO / ".tools" / "bin" / "uv"
# The snippets fetch their schema from a server on this machine: no proxy may stand between.
_LOCAL_ENV = {**os.environ, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
# Each snippet with what makes it check formats taken out: the tests must see the difference.
_SABOTAGE = {
    "python": (", format_checker=Draft202012Validator.FORMAT_CHECKER", ""),
    "javascript": ("new Ajv2020()", "new Ajv2020({ validateFormats: false })"),
    "command_line": ("--schemafile", "--disable-formats '*' --schemafile"),
}
# The verdicts of one kind of snippet: by case, then by payload file name.
Verdicts = dict[str, dict[str, bool]]


@dataclass(frozen=True)
class Case:
    """The payloads an event's snippets run on, in a folder of their own: the page's example
    and its malformed copies, with the verdict a validator checking formats must reach on each;
    a sabotaged case runs its snippets with format checking taken out."""

    event: str
    folder: Path
    expected: dict[str, bool]
    sabotaged: bool = False

    @property
    def files(self) -> list[Path]:
        return [self.folder / name for name in self.expected]


def write_case(folder: Path, event: str, *, sabotaged: bool = False) -> Case:
    """The event's page example and its malformed copies, written to ``folder``."""
    folder.mkdir(parents=True)
    page = (REPO / "docs" / LOCALES[0] / "events" / f"{event}.md").read_text("utf-8")
    example = example_payload(page)
    payloads = {"payload.json": example}
    for name, changed in malformed_examples(published(event), example).items():
        payloads[f"payload.{name}.json"] = changed
    for name, payload in payloads.items():
        (folder / name).write_text(json.dumps(payload), "utf-8")
    return Case(event, folder, {name: name == "payload.json" for name in payloads}, sabotaged)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # a line per request on stderr would bury the test's own output


@contextmanager
def served_docs() -> Iterator[str]:
    """`docs/` served on the loopback interface; yields the base URL of its `schemas/`."""
    handler = functools.partial(_QuietHandler, directory=str(REPO / "docs"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/schemas/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def environment(target: Path, group: str) -> Path:
    """A virtual environment of dependency group ``group`` alone, at the locked versions, from
    uv's cache (no network): what a reader following the page would have. Compiled ahead, so
    that processes started side by side do not each compile every module."""
    assert UV.exists(), f"{UV} is missing: `make test` installs it"
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    options = ["--frozen", "--offline", "--quiet", "--no-install-project", "--compile-bytecode"]
    subprocess.run(
        [UV, "sync", *options, "--only-group", group, "--python", sys.executable],
        cwd=REPO,
        env={**env, "UV_PROJECT_ENVIRONMENT": str(target)},
        check=True,
    )
    return target


def _code(kind: str, case: Case, base: str) -> str:
    """The case's snippet of ``kind`` as printed, fetching from ``base`` instead of the site;
    sabotaged if the case is."""
    url = published(case.event)["$id"]
    local = base + url.removeprefix(repo_project().config.schema_base_url)
    code = with_url(getattr(snippets(case.event), kind), url, local)
    if not case.sabotaged:
        return code
    old, new = _SABOTAGE[kind]
    assert code.count(old) == 1, (old, code)
    return code.replace(old, new)


def _run_jobs(
    argv: list[str | Path], folder: Path, suffix: str, kind: str, cases: dict[str, Case], base: str
) -> Verdicts:
    """Write each case's snippet to ``folder`` and run ``argv`` on the list of jobs, which
    prints each snippet's verdict on each of its files."""
    jobs = {}
    for key, case in cases.items():
        path = folder / f"{key}{suffix}"
        path.write_text(_code(kind, case, base), "utf-8")
        jobs[str(path)] = [str(file) for file in case.files]
    (folder / "jobs.json").write_text(json.dumps(jobs), "utf-8")
    result = subprocess.run(
        [*argv, folder / "jobs.json"],
        capture_output=True,
        text=True,
        env=_LOCAL_ENV,
        check=False,
        timeout=300,
    )
    # Ajv's strict mode logs what it merely tolerates; a clean run says nothing at all.
    assert result.returncode == 0 and result.stderr == "", result.stderr
    verdicts: dict[str, dict[str, bool]] = json.loads(result.stdout)
    return {
        Path(snippet).name.removesuffix(suffix): {Path(f).name: ok for f, ok in files.items()}
        for snippet, files in verdicts.items()
    }


def run_python(venv: Path, folder: Path, cases: dict[str, Case], base: str) -> Verdicts:
    """Every case's Python snippet, loaded and called in one process of ``venv``."""
    runner: list[str | Path] = [venv / "bin" / "python", "-I", REPO / "tests/snippet_runner.py"]
    return _run_jobs(runner, folder, ".py", "python", cases, base)


def run_javascript(folder: Path, cases: dict[str, Case], base: str) -> Verdicts:
    """Every case's JavaScript snippet, imported and called in one Node.js process, with the
    packages the repository locks."""
    node = shutil.which("node")
    assert node, "Node.js is required (make test installs the npm packages)"
    (folder / "node_modules").symlink_to(REPO / "node_modules")
    runner: list[str | Path] = [node, REPO / "tests" / "js" / "snippet_runner.mjs"]
    return _run_jobs(runner, folder, ".mjs", "javascript", cases, base)


def _check_jsonschema_verdicts(process: subprocess.Popen[str], case: Case) -> dict[str, bool]:
    """check-jsonschema's verdict on each file: it names every invalid one, `FILE::PATH: …`."""
    out, err = process.communicate(timeout=300)
    refused = set(re.findall(r"^  (\S+?)::", out, re.M))
    if process.returncode == 0:
        assert out.strip() == "ok -- validation done" and not refused, out + err
    else:
        assert out.startswith("Schema validation errors were encountered.") and refused, out + err
    return {name: name not in refused for name in case.expected}


def run_command_line(venv: Path, folder: Path, cases: dict[str, Case], base: str) -> Verdicts:
    """Every case's command run as printed, from ``venv``, its `payload.json` standing for each
    of the case's files; the processes run side by side."""
    env = {**_LOCAL_ENV, "XDG_CACHE_HOME": str(folder / "cache")}  # its download cache
    processes = {}
    for key, case in cases.items():
        argv = command(_code("command_line", case, base), "check-jsonschema")
        assert argv.count("payload.json") == 1, argv
        at = argv.index("payload.json")
        argv[at : at + 1] = list(case.expected)
        argv[0] = str(venv / "bin" / argv[0])
        processes[key] = subprocess.Popen(
            argv,
            cwd=case.folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    return {key: _check_jsonschema_verdicts(processes[key], cases[key]) for key in cases}
