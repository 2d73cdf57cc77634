"""Running eventdocs as a user does, in a child process (wall time, output and peak RSS), and
printing what the benchmarks measured."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Child:
    """One finished child: how long it took, what it printed, how it ended, its peak RSS."""

    seconds: float
    output: str
    returncode: int
    peak_rss_kb: int

    @property
    def last_line(self) -> str:
        lines = self.output.strip().splitlines()
        return lines[-1] if lines else ""


def run_child(command: list[str], cwd: Path) -> Child:
    """Run ``command`` to completion in ``cwd``, stdout and stderr together."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read().decode()
    # wait4, not wait: its resource usage is this child's alone, peak RSS included.
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    return Child(elapsed, output, os.waitstatus_to_exitcode(status), usage.ru_maxrss)


def empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def print_rows(title: str, rows: list[tuple[str, str]], *, value_width: int = 10) -> None:
    """Print a titled table of labelled figures, labels aligned, values right-aligned."""
    width = max(len(label) for label, _ in rows)
    print(title)
    for label, value in rows:
        print(f"  {label:<{width}}  {value:>{value_width}}")
