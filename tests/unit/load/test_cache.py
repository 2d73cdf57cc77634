"""The parse cache: plain JSON entries, trusted only in the exact shape and for the exact file."""

from __future__ import annotations

import math
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from eventdocs.load import cache_dir
from eventdocs.load.cache import cached_parse, format_tag
from eventdocs.load.cache_dir import project_cache_dir
from eventdocs.load.config import ProjectConfig
from eventdocs.load.envelope import Envelope
from eventdocs.load.locale import locale_from_plain, locale_to_plain
from eventdocs.load.plain_codec import located_from_plain, located_to_plain
from eventdocs.load.project import load_project
from eventdocs.load.schema_model import EventSchema, TypeSchema
from tests.helpers import REPO, cache_entries


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """One project's cache folder, inside a base folder of this test's own."""
    return tmp_path / "base" / "project"


def parse_once(cache: Path, key: str, value: str, calls: list[str]) -> str:
    """``cached_parse`` of a string, recording each time it actually parses."""

    def parse() -> str:
        calls.append(key)
        return value

    def decode(data: object) -> str:
        if type(data) is not str:
            raise TypeError("a string")
        return data

    return cached_parse(cache, key, "content", parse, encode=lambda text: text, decode=decode)


def test_reloaded_project_equals_a_freshly_parsed_one(isolated_cache: Path) -> None:
    """Every cached shape comes back from its JSON entry equal to a fresh parse."""
    fresh = load_project(REPO, use_cache=False)
    load_project(REPO)
    warm = load_project(REPO)
    assert cache_entries(project_cache_dir(REPO))
    assert (warm.config, warm.events, warm.locales) == (fresh.config, fresh.events, fresh.locales)
    assert [locale.digests for locale in warm.locales] == [
        locale.digests for locale in fresh.locales
    ]


@pytest.mark.parametrize(
    "planted",
    [
        pickle.dumps(["not", "json"]),
        b"\x00\xff garbage",
        b"",
        b'{"format": "other", "key": "k", "source": "content", "value": "PLANTED"}',
        b"[" * 100_000,
    ],
    ids=["pickle", "garbage", "empty", "wrong-tag", "deep"],
)
def test_unusable_entry_is_a_miss(cache: Path, planted: bytes) -> None:
    """An entry that does not parse, or is from other code, is parsed again, never raised."""
    calls: list[str] = []
    assert parse_once(cache, "k", "value", calls) == "value"
    for path in cache_entries(cache):
        path.write_bytes(planted)
    assert parse_once(cache, "k", "value", calls) == "value"
    assert calls == ["k", "k"]


def test_entry_for_other_content_or_key_is_a_miss(cache: Path) -> None:
    """An entry recording another source digest, or another key, is not trusted."""
    calls: list[str] = []
    parse_once(cache, "k", "value", calls)
    (path,) = cache_entries(cache)
    for forged in ({"source": "other content"}, {"key": "other key"}):
        entry = {"format": format_tag(), "key": "k", "source": "content", "value": "PLANTED"}
        path.write_bytes(orjson.dumps({**entry, **forged}))
        assert parse_once(cache, "k", "value", calls) == "value"
    assert calls == ["k", "k", "k"]


def test_entry_through_a_symlink_or_fifo_is_a_miss(cache: Path) -> None:
    """An entry replaced by a FIFO or a symlink to /dev/zero is a miss, at once."""
    calls: list[str] = []
    parse_once(cache, "k", "value", calls)
    (path,) = cache_entries(cache)
    path.unlink()
    os.mkfifo(path)
    assert parse_once(cache, "k", "value", calls) == "value"
    path.unlink()
    path.symlink_to("/dev/zero")
    assert parse_once(cache, "k", "value", calls) == "value"
    assert calls == ["k", "k", "k"]


@pytest.mark.parametrize(
    ("decode", "data"),
    [
        (lambda data: located_from_plain(ProjectConfig, data), ["en", "https://x/", "x"]),
        (lambda data: located_from_plain(ProjectConfig, data), {"source_locale": "en"}),
        (lambda data: located_from_plain(EventSchema, data), {"event": "a"}),
        (
            lambda data: located_from_plain(EventSchema, data),
            {"model": {"event": "../a"}, "lines": {}},
        ),
        (
            lambda data: locale_from_plain(data, "fr", Path("fr.yaml"), False, "c"),
            {"keys": ["a.b"], "texts": [1], "sources": [None], "lines": [1], "digests": {}},
        ),
        (
            lambda data: locale_from_plain(data, "fr", Path("fr.yaml"), False, "c"),
            {"keys": ["a.b", "a.b"], "texts": [None] * 2, "sources": [None] * 2, "lines": [1, 2]},
        ),
    ],
)
def test_decoders_refuse_other_shapes(decode: Callable[[object], object], data: object) -> None:
    """Each shape's decoder raises a miss-signalling error on data it did not write."""
    with pytest.raises((TypeError, ValueError, KeyError)):
        decode(data)


def test_encoders_write_what_decoders_read() -> None:
    """Config, schemas, types and locale survive the trip through plain data unchanged, the
    lines of their parts included."""
    project = load_project(REPO, use_cache=False)
    models: list[tuple[type[Any], Any]] = [(ProjectConfig, project.config)]
    models += [(EventSchema, event) for event in project.events]
    models += [(TypeSchema, schema) for schema in project.types.values()]
    models += [(Envelope, project.envelope)]
    for shape, model in models:
        data = orjson.loads(orjson.dumps(located_to_plain(model)))
        again = located_from_plain(shape, data)
        assert again == model and again.lines == model.lines
    source = project.source
    data = orjson.loads(orjson.dumps(locale_to_plain(source)))
    again = locale_from_plain(data, source.code, source.path, True, source.content_digest)
    assert again == source


def test_value_json_cannot_hold_is_not_cached(cache: Path) -> None:
    """A NaN (orjson writes it as null) is never cached, so it never comes back changed."""
    value = [math.nan]
    result = cached_parse(cache, "k", "c", lambda: value, encode=_as_is, decode=_as_is)
    assert result is value
    assert cache_entries(cache) == []


def test_unwritable_cache_still_parses(tmp_path: Path) -> None:
    """A cache folder that cannot be created is no cache: every call parses."""
    (tmp_path / "file").write_text("", "utf-8")
    calls: list[str] = []
    assert parse_once(tmp_path / "file" / "cache", "k", "value", calls) == "value"
    assert parse_once(tmp_path / "file" / "cache", "k", "value", calls) == "value"
    assert calls == ["k", "k"]


def test_hit_refreshes_an_old_entry(cache: Path) -> None:
    """A hit on an entry not used for hours makes it recent again, for eviction."""
    calls: list[str] = []
    parse_once(cache, "k", "value", calls)
    (path,) = cache_entries(cache)
    old = time.time() - 86_400
    os.utime(path, (old, old))
    parse_once(cache, "k", "value", calls)
    assert calls == ["k"]
    assert path.stat().st_mtime > old + 3600


def test_least_recently_used_entries_go_past_the_cap(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing past the size cap removes the oldest entries, keeping the newest."""
    calls: list[str] = []
    for number in range(6):
        parse_once(cache, f"k{number}", "x" * 1000, calls)
    by_key = {orjson.loads(path.read_bytes())["key"]: path for path in cache_entries(cache)}
    for age, key in enumerate(sorted(by_key, reverse=True)):
        stamp = time.time() - 100 * (age + 1)
        os.utime(by_key[key], (stamp, stamp))
    size = by_key["k0"].stat().st_size
    monkeypatch.setattr(cache_dir, "MAX_CACHE_BYTES", size * 4)
    monkeypatch.setattr(cache_dir, "_sizes", {})
    parse_once(cache, "k6", "x" * 1000, calls)
    kept = {orjson.loads(path.read_bytes())["key"] for path in cache_entries(cache)}
    assert kept == {"k4", "k5", "k6"}


def _as_is(value: object) -> object:
    return value


@pytest.mark.parametrize("name", ["../a", "a\n", "A"])
def test_a_cached_model_with_a_name_its_file_would_refuse_is_a_miss(name: str) -> None:
    """A cache entry whose event name breaks the name's pattern (a path, a trailing newline)
    is refused on decode, as validating the file would refuse it."""
    event = load_project(REPO, use_cache=False).events[0]
    data = orjson.loads(orjson.dumps(located_to_plain(event)))
    data["model"]["event"] = name
    with pytest.raises(ValueError, match="pattern"):
        located_from_plain(EventSchema, data)
