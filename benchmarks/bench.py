"""`make bench`: eventdocs at 250 events × 30 languages, against a bare Jinja2 floor and a peer;
then pathological input against ordinary input of the same size (see pathological.py).

Every figure is the median of several runs in this one invocation. Builds run as the CLI, in a
child process, as the docs team runs them; peak RSS is the largest any child reached.
Usage: python benchmarks/bench.py [--events N] [--locales N] [--runs N] [--no-peer]
                                  [--only main|pathological]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _children import empty, print_rows, run_child
from pathological import measure_pathological
from synthetic import make_synthetic_project

from eventdocs.load.cache_dir import CACHE_ENV, project_cache_dir
from eventdocs.write.manifest import MANIFEST

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
EVENTDOCS = [PYTHON, "-m", "eventdocs"]
PEER_VERSION = "1.5.1"

peak_rss_kb = 0


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    """Run a child to completion; return its wall time and output; track its peak RSS."""
    global peak_rss_kb
    child = run_child(command, cwd)
    peak_rss_kb = max(peak_rss_kb, child.peak_rss_kb)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{child.output}")
    return child.seconds, child.output


def median_of(runs: int, prepare: Callable[[], None], run: Callable[[], float]) -> float:
    samples = []
    for _ in range(runs):
        prepare()
        samples.append(run())
    return statistics.median(samples)


def written(output: str) -> int:
    match = re.search(r"(\d+) written", output)
    return int(match.group(1)) if match else -1


def find_uv() -> str:
    """uv on PATH, else the one `make setup` installs; a worktree may have neither."""
    uv = shutil.which("uv") or REPO / ".tools" / "bin" / "uv"
    if not Path(uv).exists():
        raise SystemExit("bench: the peer needs uv; put it on PATH, or pass --no-peer")
    return str(uv)


def peer(schemas: Path, work: Path, runs: int) -> float:
    """json-schema-for-humans, in its own virtual environment, rendering Markdown per schema."""
    venv = work / "peer-venv"
    if not (venv / "bin" / "generate-schema-doc").exists():
        uv = find_uv()
        subprocess.run([uv, "venv", "-q", "--python", PYTHON, str(venv)], check=True)
        subprocess.run(
            [
                uv,
                "pip",
                "install",
                "-q",
                "--python",
                str(venv / "bin" / "python"),
                f"json-schema-for-humans=={PEER_VERSION}",
            ],
            check=True,
        )
    output = work / "peer-out"
    command = [
        str(venv / "bin" / "generate-schema-doc"),
        "--config",
        "template_name=md",
        str(schemas),
        str(output),
    ]
    return median_of(runs, lambda: empty(output), lambda: timed(command, work)[0])


def measure_main(options: argparse.Namespace, work: Path) -> tuple[list[tuple[str, str]], str]:
    """The large project's rows, and its one-line summary."""
    runs = options.runs
    project = make_synthetic_project(
        REPO, work / "project", events=options.events, locales=options.locales
    )
    docs, cache = project / "docs", project_cache_dir(project)
    build = [*EVENTDOCS, "build"]
    rows: list[tuple[str, str]] = []

    # Cold: no parse cache, empty docs/. Then warm the cache once for the runs that follow.
    cold = median_of(
        runs,
        lambda: (empty(docs), shutil.rmtree(cache, ignore_errors=True)),
        lambda: timed(build, project)[0],
    )
    # Full builds and floor runs alternate, so both meet the file system in the same state:
    # creating thousands of files just after deleting as many is slower, and by how much drifts.
    floor_out = work / "floor"
    floor_command = [PYTHON, str(HERE / "floor.py"), str(project), str(floor_out)]
    # Every timed run then starts by deleting the previous run's files, the builds' included.
    timed(floor_command, work)
    full_samples: list[float] = []
    floor_samples: list[float] = []
    for _ in range(runs):
        empty(docs)
        (cache / MANIFEST).unlink(missing_ok=True)
        full_samples.append(timed(build, project)[0])
        empty(floor_out)
        floor_samples.append(float(timed(floor_command, work)[1]))
    full, floor = statistics.median(full_samples), statistics.median(floor_samples)
    pages = sum(1 for path in docs.rglob("*.md"))
    noop = median_of(runs, lambda: None, lambda: timed(build, project)[0])

    english = project / "locales" / "en.yaml"
    edits = iter(range(10**6))
    files_written: list[int] = []

    def edit() -> None:
        number = next(edits)
        lines = english.read_text("utf-8").splitlines(keepends=True)
        # Every event has a summary, whichever real event it copies.
        key = f"events.event_{number % options.events:04d}.summary:"
        english.write_text(
            "".join(
                f'{key} "Sent when something happens, revision {number}."\n'
                if line.startswith(key)
                else line
                for line in lines
            ),
            "utf-8",
        )

    def run_edit() -> float:
        elapsed, output = timed(build, project)
        files_written.append(written(output))
        return elapsed

    edit_s = median_of(runs, edit, run_edit)
    timed(build, project)
    check = median_of(runs, lambda: None, lambda: timed([*EVENTDOCS, "check"], project)[0])
    check_repo = median_of(runs, lambda: None, lambda: timed([*EVENTDOCS, "check"], REPO)[0])
    # The commands that need less than a whole rendering, on the same project.
    payload = REPO / "tests" / "fixtures" / "payloads" / "valid" / "contact_with_avatar.json"
    validate = median_of(
        runs,
        lambda: None,
        lambda: timed([*EVENTDOCS, "validate", "--event", "event_0000", str(payload)], project)[0],
    )
    status = median_of(runs, lambda: None, lambda: timed([*EVENTDOCS, "status"], project)[0])
    scaffold = project / "locales" / "zu.yaml"
    new_locale = median_of(
        runs,
        lambda: scaffold.unlink(missing_ok=True),
        lambda: timed([*EVENTDOCS, "new-locale", "zu"], project)[0],
    )
    scaffold.unlink(missing_ok=True)
    imports = median_of(
        runs, lambda: None, lambda: timed([PYTHON, "-c", "import yaml, jinja2"], REPO)[0]
    )

    peer_s = ours_single = None
    if not options.no_peer:
        english_only = make_synthetic_project(
            REPO, work / "english-only", events=options.events, locales=1
        )
        ours_single = median_of(
            runs, lambda: empty(english_only / "docs"), lambda: timed(build, english_only)[0]
        )
        schemas = work / "peer-schemas"
        empty(schemas)
        for path in (english_only / "docs" / "schemas").glob("*/v1.json"):
            shutil.copy(path, schemas / f"{path.parent.name}.json")
        peer_s = peer(schemas, work, runs)

    rows += [
        ("events × locales", f"{options.events} × {options.locales}"),
        ("pages", f"{pages}"),
        ("full build, cold (no parse cache), s", f"{cold:.2f}"),
        ("full build from an empty docs/, s", f"{full:.2f}"),
        ("floor (plain Jinja2 render + write), s", f"{floor:.2f}"),
        ("full ÷ floor", f"{full / floor:.2f}"),
        (
            "  full ÷ floor, run by run",
            " ".join(f"{a / b:.2f}" for a, b in zip(full_samples, floor_samples, strict=True)),
        ),
        ("no-op rebuild, s", f"{noop:.2f}"),
        ("no-op ÷ full", f"{noop / full:.3f}"),
        ("one English string edited, s", f"{edit_s:.2f}"),
        ("  files written by that edit (median)", f"{statistics.median(files_written):.0f}"),
        ("check (synthetic project), s", f"{check:.2f}"),
        ("validate one payload, s", f"{validate:.2f}"),
        ("validate ÷ full build", f"{validate / full:.3f}"),
        ("status, s", f"{status:.2f}"),
        ("new-locale, s", f"{new_locale:.2f}"),
        ("check (this repository), s", f"{check_repo:.3f}"),
        ("python -c 'import yaml, jinja2', s", f"{imports:.3f}"),
        ("check (repo) ÷ imports", f"{check_repo / imports:.2f}"),
        ("peak RSS of any build or check, MB", f"{peak_rss_kb / 1024:.0f}"),
    ]
    if peer_s is not None and ours_single is not None:
        rows += [
            (
                f"json-schema-for-humans {PEER_VERSION}, {options.events} schemas → Markdown, s",
                f"{peer_s:.2f}",
            ),
            (f"eventdocs, {options.events} events × 1 language, s", f"{ours_single:.2f}"),
            ("peer ÷ eventdocs", f"{peer_s / ours_single:.2f}"),
        ]
    summary = (
        f"bench: events={options.events} locales={options.locales} pages={pages} "
        f"full_s={full:.2f} floor_s={floor:.2f} full_vs_floor={full / floor:.2f} "
        f"noop_s={noop:.2f} noop_vs_full={noop / full:.3f} edit_s={edit_s:.2f} "
        f"edit_files_written={statistics.median(files_written):.0f} check_s={check:.2f} "
        f"validate_s={validate:.2f} validate_vs_full={validate / full:.3f} "
        f"status_s={status:.2f} new_locale_s={new_locale:.2f} "
        f"peak_rss_mb={peak_rss_kb / 1024:.0f}"
    )
    return rows, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=250)
    parser.add_argument("--locales", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--only", choices=("main", "pathological"))
    options = parser.parse_args()
    if options.only != "pathological" and not options.no_peer:
        find_uv()  # now, not after ten minutes of measuring
    work = Path(tempfile.mkdtemp(prefix="eventdocs-bench-"))
    # The children inherit it: every cache of this run lives in the work folder, deleted after.
    os.environ[CACHE_ENV] = str(work / "cache")
    setting = (
        f"median of {options.runs} runs, Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    summaries = []
    if options.only in (None, "main"):
        rows, summary = measure_main(options, work / "main")
        print_rows(f"eventdocs benchmark — {setting}", rows)
        summaries.append(summary)
    if options.only in (None, "pathological"):
        rows, summary = measure_pathological(REPO, work / "pathological", options.runs)
        print_rows(f"pathological input against ordinary input — {setting}", rows)
        summaries.append(summary)
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(summaries))


if __name__ == "__main__":
    main()
