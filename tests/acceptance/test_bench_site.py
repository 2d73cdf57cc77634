"""`make bench-site` (benchmarks/bench_site.py) runs end to end and prints the targets' ratios."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.helpers import REPO

SCRIPT = REPO / "benchmarks" / "bench_site.py"


def bench_site(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def figure(output: str, label: str) -> float:
    """The number printed after ``label`` at the start of a line of ``output``."""
    match = re.search(rf"^ *{re.escape(label)} +([0-9.]+)", output, re.MULTILINE)
    assert match is not None, (label, output)
    return float(match.group(1))


def agrees(ratio: float, numerator: float, denominator: float, scale: float = 1) -> bool:
    """Whether a printed ratio is ``numerator ÷ denominator`` as far as printing each to two
    decimals allows (``denominator`` is ``scale`` times a printed figure)."""
    error = 0.005
    low = (numerator - error) / (denominator + scale * error) - error
    high = (numerator + error) / (denominator - scale * error) + error
    return low <= ratio <= high


def test_a_tiny_run_prints_every_figure_and_ratio() -> None:
    """One run at 1 × 1 and 1 × 2 prints times, pages, page sizes, peak RSS and both ratios,
    each consistent with the figures it is made of."""
    result = bench_site("--sizes", "1x1,1x2", "--runs", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    site = {locales: figure(out, f"1 × {locales}: site, s") for locales in (1, 2)}
    floors = re.findall(r"floor \(plain MkDocs per language, summed\), s +([0-9.]+)", out)
    assert len(floors) == 2 and all(float(floor) > 0 for floor in floors)
    assert all(seconds > 0 for seconds in site.values())
    assert figure(out, "HTML pages") > 0 and figure(out, "peak RSS of any child, MB") > 0
    assert re.search(r"page size, median / max, KB +\d+ / \d+", out)
    assert agrees(figure(out, "site ÷ floor at 1 × 1 (target ≤ 1.3)"), site[1], float(floors[0]))
    assert agrees(figure(out, "1 × 2 ÷ (2/1 × 1 × 1)"), site[2], 2 * site[1], scale=2)
    assert re.search(r"^bench-site: 1x1_site_s=[0-9.]+ .* peak_rss_mb=\d+$", out, re.MULTILINE)


@pytest.mark.parametrize("sizes", ["50", "50x", "x4", "0x4", "50x0", "50x99", "50x4,,"])
def test_a_size_that_is_not_events_x_languages_is_a_usage_error(sizes: str) -> None:
    """A malformed or out-of-range `--sizes` is refused before any work: exit 2, `Error:`."""
    result = bench_site("--sizes", sizes)
    assert result.returncode == 2 and "Error: Invalid value for '--sizes'" in result.stderr
