"""`make bench-serve`: how soon an edit shows under `eventdocs serve`, at 250 events × 4 languages.

A synthetic project (`synthetic.py`) is served by `eventdocs serve` in a child process. Run
after run, one English string that one event page shows is changed to a new text in
`locales/en.yaml`, and the page is fetched from the server every 50 ms until it has the new text:
the time from the write to that answer is the edit's latency. Then the same with a string of
the translation served (French: `--lang fr`). It reports the median and the slowest run.

Usage: python benchmarks/bench_serve.py [--events 250] [--locales 4] [--runs 5]
"""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import click
from _children import print_rows
from synthetic import make_synthetic_project

REPO = Path(__file__).resolve().parent.parent
EVENTDOCS = [sys.executable, "-m", "eventdocs"]
# The string edited: an event page's introduction, which only that page shows.
KEY = re.compile(r"^(events\.(\w+)\.intro):", re.MULTILINE)
POLL = 0.05
PATIENCE = 300.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            text: str = answer.read().decode("utf-8")
            return text
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str) -> float:
    """Poll ``url`` until its page holds ``text``; return when it did (perf_counter)."""
    deadline = time.perf_counter() + PATIENCE
    while time.perf_counter() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter()
        time.sleep(POLL)
    raise SystemExit(f"{url} did not show {text!r} within {PATIENCE:.0f} s")


def edit(locale_file: Path, key: str, text: str) -> None:
    """Give ``key`` the text ``text`` in ``locale_file`` (the source language's flat form, or a
    translation's `text:` line under the key), in one write."""
    content = locale_file.read_text("utf-8")
    flat = re.compile(rf'^{re.escape(key)}: ".*"$', re.MULTILINE)
    if flat.search(content):
        content = flat.sub(lambda _: f'{key}: "{text}"', content, count=1)
    else:
        nested = re.compile(rf'^({re.escape(key)}:\n  source: ".*"\n  text: )".*"$', re.MULTILINE)
        content, count = nested.subn(lambda match: f'{match.group(1)}"{text}"', content, count=1)
        assert count == 1, f"{key} not found in {locale_file}"
    locale_file.write_text(content, "utf-8")


def latencies(project: Path, language: str, runs: int) -> list[float]:
    """Serve ``language`` of ``project`` and time ``runs`` edits of one of its strings."""
    port = free_port()
    source = language == "en"
    folder = ""  # the language served is at the root of the server
    match = KEY.search((project / "locales" / "en.yaml").read_text("utf-8"))
    assert match is not None, "no event introduction in locales/en.yaml"
    key, event = match.group(1), match.group(2)
    url = f"http://127.0.0.1:{port}/{folder}events/{event}/"
    command = [*EVENTDOCS, "-C", str(project), "serve", "-a", f"127.0.0.1:{port}"]
    if not source:
        command += ["--lang", language]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(url, "</html>")
        seconds = []
        for run in range(runs):
            marker = f"Edited introduction number {run} {time.time_ns()}"
            time.sleep(1.0)  # the server is idle again, as between a writer's edits
            started = time.perf_counter()
            edit(project / "locales" / f"{language}.yaml", key, marker)
            seconds.append(wait_for(url, marker) - started)
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=30)


@click.command()
@click.option("--events", default=250, show_default=True)
@click.option("--locales", default=4, show_default=True)
@click.option("--runs", default=5, show_default=True)
def main(events: int, locales: int, runs: int) -> None:
    """Time edits shown by `eventdocs serve`, in the source language and in French."""
    with tempfile.TemporaryDirectory(prefix="eventdocs-bench-serve-") as folder:
        project = make_synthetic_project(
            REPO, Path(folder) / "project", events=events, locales=locales
        )
        rows = []
        for language in ("en", "fr"):
            seconds = latencies(project, language, runs)
            rows.append(
                (
                    f"edit → page shows it, {language} ({events} × {locales}, {runs} runs)",
                    f"median {statistics.median(seconds):.2f} s, slowest {max(seconds):.2f} s",
                )
            )
            print(" ".join(f"{value:.2f}" for value in seconds), file=sys.stderr)
        print_rows("eventdocs serve", rows, value_width=34)


if __name__ == "__main__":
    main()
