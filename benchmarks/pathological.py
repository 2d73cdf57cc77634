"""`make bench-pathological`: hostile input costs no more than ordinary input of its size.

Three measures, each against the ordinary case:

- a small synthetic project checked and built with N translated strings made pathological,
  and again with ordinary prose of the same lengths in the same places;
- ``parse_prose`` on one string at a time, in this process, uncached;
- peak RSS of ``eventdocs check`` on inputs at the loader's limits: examples at the per-example
  and per-file sizes and the nesting depth, an 8 MiB schema file of small nodes, an 8 MiB
  locale file, and one byte over the file limit.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from _children import Child, empty, run_child
from synthetic import make_synthetic_project

from eventdocs.edit.yaml_text import yaml_string
from eventdocs.load._json_values import MAX_EXAMPLE_BYTES, MAX_EXAMPLE_DEPTH, MAX_EXAMPLES_BYTES
from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.load.yaml_files import MAX_FILE_BYTES
from eventdocs.render.prose import MAX_PROSE_CHARS, parse_prose
from eventdocs.write.manifest import MANIFEST

EVENTDOCS = [sys.executable, "-m", "eventdocs"]
WORDS = "the message was delivered to the contact and read by them a moment later "


def _sized(text: str, length: int = MAX_PROSE_CHARS) -> str:
    """``text`` cut or padded with letters to ``length`` characters."""
    return text[:length] + "a" * (length - len(text))


# Each takes a tag that makes every string distinct, so no cache shares the work between them.
PATHOLOGICAL: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("20 KB of [", lambda tag: f"{tag} " + "[" * 20_000),
    ("200 KB of ](", lambda tag: f"{tag} " + "](" * 100_000),
    ("[ ×16 + a 1,984-letter word", lambda tag: _sized("[" * 16 + tag)),
    ("'_ *' × 700", lambda tag: f"{tag} " + "_ *" * 700),
    ("'_ *' × 10 + words", lambda tag: _sized("_ *" * 10 + f" {tag} " + WORDS * 30)),
    ("'<' × 2,000", lambda tag: _sized(f"{tag} " + "<" * 2_000)),
    ("backticks × 2,000", lambda tag: _sized(f"{tag} " + "`" * 2_000)),
    ("'&#1' × 700", lambda tag: f"{tag} " + "&#1" * 700),
    (
        "'*' × 16 + '_' × 16 around a word, and back",
        lambda tag: "*" * 16 + "_" * 16 + _sized(tag, 1_936) + "_" * 16 + "*" * 16,
    ),
    ("backslashes × 2,000", lambda tag: _sized(f"{tag} " + "\\" * 2_000)),
    # The worst found within the limits: each `|` is written back as `&#124;` and parsed again.
    ("'|' × 2,000", lambda tag: _sized(f"{tag} " + "|" * 2_000)),
    ("'{' × 2,000", lambda tag: _sized(f"{tag} " + "{" * 2_000)),
    ("a list nested 200 deep ('- ' × 200)", lambda tag: _sized("- " * 200 + tag)),
)
# Deeper than the parser's recursion allows: shown apart, as a crash would end the timed runs.
DEEP_LIST = "- " * 400 + "a"
ORDINARY_MARKUP = _sized(
    "Send `uuid` to the [status API](https://example.com/api) and read **the reply**; " + WORDS * 40
)


def _ordinary(tag: str, length: int) -> str:
    return _sized(f"{tag} " + WORDS * (length // len(WORDS) + 1), length)


def _translation_keys(locale: Path) -> list[str]:
    return [
        line[:-2]
        for line in locale.read_text("utf-8").splitlines(keepends=True)
        if line.startswith("events.") and line.endswith(":\n")
    ]


def _replace_texts(locale: Path, texts: dict[str, str]) -> None:
    """Replace the ``text`` of each key in a file written by ``translation_entry``."""
    lines = locale.read_text("utf-8").splitlines(keepends=True)
    for key, text in texts.items():
        index = lines.index(f"{key}:\n")
        assert lines[index + 2].startswith("  text:"), lines[index : index + 3]
        lines[index + 2] = f"  text: {yaml_string(text)}\n"
    locale.write_text("".join(lines), "utf-8")


def _plant(project: Path, per_kind: int, *, pathological: bool) -> int:
    """Replace ``per_kind`` strings of each kind in every translation; return how many."""
    planted = 0
    for locale in sorted((project / "locales").glob("*.yaml")):
        if locale.stem == "en":
            continue
        keys = _translation_keys(locale)
        wanted = len(PATHOLOGICAL) * per_kind
        step = max(1, len(keys) // wanted)
        texts: dict[str, str] = {}
        for number, key in enumerate(keys[::step][:wanted]):
            _, make = PATHOLOGICAL[number % len(PATHOLOGICAL)]
            tag = f"{locale.stem}{number}"
            hostile = make(tag)
            texts[key] = hostile if pathological else _ordinary(tag, len(hostile))
        _replace_texts(locale, texts)
        planted += len(texts)
    return planted


def _outcome(child: Child, file_name: str) -> str:
    """What a user reads: a crash, the first line about ``file_name``, or the summary."""
    if "Traceback" in child.output:
        return f"crashed: {child.last_line[:90]}"
    about = [line for line in child.output.splitlines() if file_name in line]
    return (about[0] if about else child.last_line)[:140]


def _compare_projects(base: Path, work: Path, runs: int, per_kind: int) -> list[tuple[str, str]]:
    projects = {}
    for name, hostile in (("pathological", True), ("ordinary", False)):
        project = work / name
        shutil.copytree(base, project)
        planted = _plant(project, per_kind, pathological=hostile)
        # Warms the parse cache: what follows times prose, not YAML parsing.
        run_child([*EVENTDOCS, "build"], project)
        projects[name] = project
    samples: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):
        # Alternating, so both meet the machine and the file system in the same state.
        for name, project in projects.items():
            empty(project / "docs")
            (project_cache_dir(project) / MANIFEST).unlink(missing_ok=True)
            build = run_child([*EVENTDOCS, "build"], project)
            check = run_child([*EVENTDOCS, "check"], project)
            samples.setdefault((name, "build"), []).append(build.seconds)
            samples.setdefault((name, "check"), []).append(check.seconds)
            if "Traceback" in build.output + check.output:
                raise SystemExit(f"eventdocs crashed on the {name} project:\n{check.output}")
    rows = [("translated strings replaced (each kind × each translation)", f"{planted}")]
    for command in ("check", "build"):
        hostile = statistics.median(samples["pathological", command])
        ordinary = statistics.median(samples["ordinary", command])
        rows += [
            (f"{command}, pathological strings, s", f"{hostile:.2f}"),
            (f"{command}, ordinary strings of the same lengths, s", f"{ordinary:.2f}"),
            (f"{command}: pathological ÷ ordinary", f"{hostile / ordinary:.2f}"),
        ]
    deep = work / "deep-list"
    shutil.copytree(base, deep)
    locale = next(path for path in sorted((deep / "locales").glob("*.yaml")) if path.stem != "en")
    _replace_texts(locale, {_translation_keys(locale)[0]: DEEP_LIST})
    deep_check = run_child([*EVENTDOCS, "check"], deep)
    rows.append(("check, one string '- ' × 400", _outcome(deep_check, locale.name)))
    return rows


def _microseconds(text: str, repeats: int) -> float:
    uncached = parse_prose.__wrapped__
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        uncached(text)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1e6


def _parse_per_string(repeats: int) -> tuple[list[tuple[str, str]], float, float]:
    _microseconds("warm *the* parser", 1)
    plain = _microseconds(_ordinary("plain", MAX_PROSE_CHARS), repeats)
    markup = _microseconds(ORDINARY_MARKUP, repeats)
    rows = [
        ("parse_prose, ordinary 2,000 characters, no markup, µs", f"{plain:.0f}"),
        ("parse_prose, ordinary 2,000 characters with code, link, bold, µs", f"{markup:.0f}"),
    ]
    worst = 0.0
    for name, make in PATHOLOGICAL:
        cost = _microseconds(make("x"), repeats)
        worst = max(worst, cost)
        rows.append((f"  {name}, µs (÷ ordinary with markup)", f"{cost:.0f} ({cost / markup:.1f})"))
    return rows, worst, markup


def _examples_yaml(schema: Path, count: int, size: int, depth: int) -> str:
    """The schema's text with ``count`` examples of about ``size`` bytes of JSON each, the
    first nested ``depth`` levels below ``examples``; written one example to a line."""
    text = schema.read_text("utf-8")
    head = text[: text.index("\nexamples:")]
    first = yaml.safe_load(text)["examples"][0]
    examples = []
    for index in range(count):
        example = json.loads(json.dumps(first))
        nested: dict[str, object] = {}
        # `examples.N` is level 1, its payload 2, metadata 3, metadata.n 4, each `n` one more.
        if index == 0:
            for _ in range(depth - 4):
                nested = {"n": nested}
        example["payload"]["metadata"] = {"n": nested, "values": []}
        overhead = len(json.dumps(example, ensure_ascii=False).encode("utf-8"))
        # Zeros: the most YAML nodes (and so the most memory) a byte of JSON can hold.
        example["payload"]["metadata"]["values"] = [0] * ((size - overhead) // 3)
        examples.append(json.dumps(example, separators=(", ", ": ")))
    return head + "\nexamples:\n" + "".join(f"  - {example}\n" for example in examples)


def _at_the_limits(repo: Path, work: Path) -> tuple[list[tuple[str, str]], dict[str, float]]:
    project = make_synthetic_project(repo, work / "limits", events=2, locales=4)
    schema = project / "schema" / "event_0000.yaml"
    original = schema.read_text("utf-8")
    check, build = [*EVENTDOCS, "check"], [*EVENTDOCS, "build"]
    rows: list[tuple[str, str]] = []
    peaks: dict[str, float] = {}

    def measure(label: str, command: list[str], key: str, target: Path, file_name: str) -> None:
        # Cold: the file is parsed, not read back from the cache.
        shutil.rmtree(project_cache_dir(target), ignore_errors=True)
        child = run_child(command, target)
        peaks[key] = child.peak_rss_kb / 1024
        rows.append((f"{label}: s, peak RSS MB", f"{child.seconds:.2f}, {peaks[key]:.0f}"))
        rows.append(("  it says", _outcome(child, file_name)))

    count = MAX_EXAMPLES_BYTES // MAX_EXAMPLE_BYTES
    schema.write_text(
        _examples_yaml(schema, count, MAX_EXAMPLE_BYTES - 1024, MAX_EXAMPLE_DEPTH), "utf-8"
    )
    at_limits = f"{count} examples of 255 KiB, one {MAX_EXAMPLE_DEPTH} deep"
    measure(f"{at_limits}, build", build, "examples_build", project, schema.name)
    measure(f"{at_limits}, check", check, "examples", project, schema.name)
    # One example of small numbers filling the file: about 4 million YAML nodes in 8 MiB.
    schema.write_text(original, "utf-8")
    huge = _examples_yaml(schema, 1, MAX_FILE_BYTES - 2048, 4)
    schema.write_text(huge, "utf-8")
    label = "schema file of 8 MiB, one example of 4M numbers, check"
    measure(label, check, "yaml_8mib", project, schema.name)
    schema.write_text(huge + "#" * (MAX_FILE_BYTES - len(huge.encode("utf-8")) + 1), "utf-8")
    measure("schema file of 8 MiB + 1 byte, check", check, "yaml_over", project, schema.name)
    schema.write_text(original, "utf-8")

    # A locale file just under the limit: as many events as fit, in two languages.
    probe = make_synthetic_project(repo, work / "locale-probe", events=20, locales=2)
    per_event = (probe / "locales" / "fr.yaml").stat().st_size / 20
    events = int(MAX_FILE_BYTES * 0.98 / per_event)
    large = make_synthetic_project(repo, work / "large-locale", events=events, locales=2)
    size = (large / "locales" / "fr.yaml").stat().st_size / 2**20
    label = f"locale file of {size:.1f} MiB ({events} events)"
    measure(f"{label}, build", build, "locale_8mib_build", large, "fr.yaml")
    measure(f"{label}, check", check, "locale_8mib", large, "fr.yaml")
    return rows, peaks


def measure_pathological(repo: Path, work: Path, runs: int) -> tuple[list[tuple[str, str]], str]:
    """The section's rows, and its one-line summary."""
    base = make_synthetic_project(repo, work / "small", events=10, locales=4)
    rows = [("small project", "10 events × 4 languages")]
    rows += _compare_projects(base, work, runs, per_kind=2)
    parse_rows, worst, markup = _parse_per_string(repeats=max(5, 4 * runs))
    rows += parse_rows
    limit_rows, peaks = _at_the_limits(repo, work)
    rows += limit_rows
    ratio = {label: value for label, value in rows}
    summary = (
        f"bench-pathological: check_ratio={ratio['check: pathological ÷ ordinary']} "
        f"build_ratio={ratio['build: pathological ÷ ordinary']} "
        f"worst_parse_us={worst:.0f} ordinary_parse_us={markup:.0f} "
        f"examples_rss_mb={max(peaks['examples'], peaks['examples_build']):.0f} "
        f"yaml_8mib_rss_mb={peaks['yaml_8mib']:.0f} "
        f"locale_8mib_rss_mb={max(peaks['locale_8mib'], peaks['locale_8mib_build']):.0f}"
    )
    return rows, summary
