"""`make bench-site`: the whole multi-language site at several sizes, against its floor.

For each size (events × languages) a synthetic project (`synthetic.py`) is written into a
temporary folder, then, run after run:

- **the site**: every command of `site_commands`, from a fresh clone's state (no docs/, no
  site/, no parse cache), as child processes, wall time summed;
- **the floor**: each language's generated pages (`docs/<lang>/`) built as a plain
  single-language MkDocs site, with the project's theme and Markdown extensions and the search
  plugin only, one child process per language, one after the other, wall time summed.

Site and floor runs alternate, so both meet the file system in the same state. A size whose
first site run takes longer than `--affordable` seconds is run once. After the last run it
reports the HTML pages of the site (median and largest, in KB of 1,000 bytes) and the peak RSS
of any child (`wait4` counts the descendants a child waited for, so a build's own worker
processes are included). Then the ratios the site targets (BENCHMARKS.md).

Usage: python benchmarks/bench_site.py [--sizes 50x4,50x16,50x30,250x4] [--large] [--runs N]
                                       [--affordable SECONDS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import click
import yaml
from _children import empty, print_rows, run_child
from synthetic import MAX_LOCALES, SiteConfigLoader, make_synthetic_project

from eventdocs.load.cache_dir import CACHE_ENV, project_cache_dir

REPO = Path(__file__).resolve().parent.parent
EVENTDOCS = [sys.executable, "-m", "eventdocs"]
MKDOCS = [sys.executable, "-m", "mkdocs"]
DEFAULT_SIZES = "50x4,50x16,50x30,250x4"
LARGE = (250, 30)
SITE_TARGET = 1.3
LANGUAGES_TARGET = 1.25
RSS_TARGET_MB = 1024


def site_commands(project: Path) -> list[list[str]]:
    """THE SITE COMMAND: how the whole multi-language site of ``project`` is built into
    ``project/site``: ``eventdocs site`` (generate docs/, then every language in parallel)."""
    return [[*EVENTDOCS, "-C", str(project), "site"]]


@dataclass(frozen=True)
class Figures:
    """What one size measured: seconds run by run, the pages of the site, the peak RSS."""

    events: int
    locales: int
    site: list[float]
    floor: list[float]
    page_sizes: list[int]
    peak_rss_kb: int

    @property
    def site_s(self) -> float:
        return statistics.median(self.site)

    @property
    def floor_s(self) -> float:
        return statistics.median(self.floor)


def run_all(commands: list[list[str]], cwd: Path) -> tuple[float, int]:
    """Run ``commands`` one after the other; their summed wall time and largest peak RSS."""
    seconds, peak = 0.0, 0
    for command in commands:
        child = run_child(command, cwd)
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{child.output}")
        seconds += child.seconds
        peak = max(peak, child.peak_rss_kb)
    return seconds, peak


def plain_site_configs(project: Path, folder: Path) -> list[Path]:
    """One plain single-language MkDocs configuration per language of ``project``."""
    site = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=SiteConfigLoader)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for code in sorted(path.stem for path in (project / "locales").glob("*.yaml")):
        config = {
            "site_name": site["site_name"],
            "docs_dir": str(project / "docs" / code),
            "site_dir": str(folder / "site" / code),
            "theme": {**site["theme"], "language": code},
            "plugins": ["search"],
            "markdown_extensions": site["markdown_extensions"],
        }
        path = folder / f"{code}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
        paths.append(path)
    return paths


def fresh(project: Path) -> None:
    """``project`` as a fresh clone has it: nothing generated, built or cached."""
    empty(project / "docs")
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project_cache_dir(project), ignore_errors=True)


def measure(events: int, locales: int, runs: int, affordable: float, work: Path) -> Figures:
    """Time the site and its floor at ``events`` × ``locales``."""
    project = make_synthetic_project(
        REPO, work / f"{events}x{locales}", events=events, locales=locales
    )
    plain = work / f"{events}x{locales}-plain"
    site_samples: list[float] = []
    floor_samples: list[float] = []
    peak = 0
    while len(site_samples) < runs:
        fresh(project)
        seconds, rss = run_all(site_commands(project), project)
        site_samples.append(seconds)
        shutil.rmtree(plain, ignore_errors=True)
        configs = plain_site_configs(project, plain)
        floor_commands = [[*MKDOCS, "build", "--config-file", str(path)] for path in configs]
        floor_seconds, floor_rss = run_all(floor_commands, plain)
        floor_samples.append(floor_seconds)
        peak = max(peak, rss, floor_rss)
        print(
            f"  {events} × {locales}: site {seconds:.1f} s, floor {floor_seconds:.1f} s", flush=True
        )
        if seconds > affordable:
            break
    pages = [path.stat().st_size for path in (project / "site").rglob("*.html")]
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(plain, ignore_errors=True)
    return Figures(events, locales, site_samples, floor_samples, pages, peak)


def parse_sizes(_: click.Context, __: click.Parameter, value: str) -> list[tuple[int, int]]:
    """``50x4,250x4`` as (events, languages) pairs."""
    sizes = []
    for part in value.split(","):
        events, _x, locales = part.strip().partition("x")
        if not (events.isdigit() and locales.isdigit()) or int(events) < 1:
            raise click.BadParameter(f"{part!r} is not EVENTSxLANGUAGES, e.g. 50x4")
        if not 1 <= int(locales) <= MAX_LOCALES:
            raise click.BadParameter(f"{part!r}: a project has 1 to {MAX_LOCALES} languages")
        sizes.append((int(events), int(locales)))
    return sizes


def ratio_rows(figures: list[Figures]) -> list[tuple[str, str]]:
    """The targets' ratios, for every size that has what each needs."""
    rows = [
        (f"site ÷ floor at {f.events} × {f.locales} (target ≤ {SITE_TARGET})", f.site_s / f.floor_s)
        for f in figures
    ]
    # Linear in languages: each size against the fewest languages measured at its events.
    fewest: dict[int, Figures] = {}
    for f in figures:
        if f.events not in fewest or f.locales < fewest[f.events].locales:
            fewest[f.events] = f
    for f in figures:
        base = fewest[f.events]
        if f.locales > base.locales:
            expected = f.locales / base.locales * base.site_s
            targeted = (base.locales, f.locales) == (4, 30)
            target = f" (target ≤ {LANGUAGES_TARGET})" if targeted else ""
            label = (
                f"{f.events} × {f.locales} ÷ "
                f"({f.locales}/{base.locales} × {f.events} × {base.locales}){target}"
            )
            rows.append((label, f.site_s / expected))
    return [(label, f"{value:.2f}") for label, value in rows]


def size_rows(f: Figures) -> list[tuple[str, str]]:
    kb = [size / 1000 for size in f.page_sizes]
    return [
        (f"{f.events} × {f.locales}: site, s", f"{f.site_s:.2f}"),
        ("  run by run", " ".join(f"{s:.1f}" for s in f.site)),
        ("  floor (plain MkDocs per language, summed), s", f"{f.floor_s:.2f}"),
        ("  site ÷ floor", f"{f.site_s / f.floor_s:.2f}"),
        ("  HTML pages", f"{len(kb)}"),
        ("  page size, median / max, KB", f"{statistics.median(kb):.0f} / {max(kb):.0f}"),
        ("  peak RSS of any child, MB", f"{f.peak_rss_kb / 1024:.0f}"),
    ]


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--sizes",
    default=DEFAULT_SIZES,
    show_default=True,
    callback=parse_sizes,
    help="EVENTSxLANGUAGES, comma-separated.",
)
@click.option("--large", is_flag=True, help="Add 250x30 (today's site: about 47 minutes).")
@click.option("--runs", type=click.IntRange(min=1), default=3, show_default=True)
@click.option(
    "--affordable",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    help="A size whose first site build takes longer, in seconds, is run once.",
)
def main(sizes: list[tuple[int, int]], large: bool, runs: int, affordable: float) -> None:
    """Time the whole site at each size against per-language plain MkDocs builds."""
    if large and LARGE not in sizes:
        sizes.append(LARGE)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    work = Path(tempfile.mkdtemp(prefix="eventdocs-bench-site-"))
    # The children inherit it: every cache of this run lives in the work folder, deleted after.
    os.environ[CACHE_ENV] = str(work / "cache")
    started = load()
    figures = []
    try:
        for events, locales in sizes:
            figures.append(measure(events, locales, runs, affordable, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    setting = (
        f"median of up to {runs} runs, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {started} at the start, {load()} at the end"
    )
    print_rows(
        f"site benchmark — {setting}",
        [row for f in figures for row in size_rows(f)],
        value_width=12,
    )
    print_rows("ratios", ratio_rows(figures), value_width=12)
    peak_mb = max(f.peak_rss_kb for f in figures) / 1024
    measured_large = any((f.events, f.locales) == LARGE for f in figures)
    print(
        f"peak RSS {peak_mb:.0f} MB"
        + (f" (target < {RSS_TARGET_MB} MB at 250 × 30)" if measured_large else "")
    )
    print(
        "bench-site: "
        + " ".join(
            f"{f.events}x{f.locales}_site_s={f.site_s:.2f} "
            f"{f.events}x{f.locales}_floor_s={f.floor_s:.2f} "
            f"{f.events}x{f.locales}_median_page_kb={statistics.median(f.page_sizes) / 1000:.0f}"
            for f in figures
        )
        + f" peak_rss_mb={peak_mb:.0f}"
    )


if __name__ == "__main__":
    main()
