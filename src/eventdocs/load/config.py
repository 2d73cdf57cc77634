"""The settings of a project, ``eventdocs.toml``: its own model, each setting keeping its line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from eventdocs.base.confined import refuse_outside
from eventdocs.errors import LoadError
from eventdocs.load._models import FORBID_UNKNOWN_KEYS, Constrained, validate_document, with_lines
from eventdocs.load._toml import TomlTable, load_toml_table, table_lines
from eventdocs.load.cache import content_digest
from eventdocs.load.inputs import CONFIG_FILE
from eventdocs.load.locale import LOCALE_CODE, validate_locale_code
from eventdocs.load.plain_codec import cached_model
from eventdocs.load.yaml_files import decode_text, read_bytes

# A plain absolute URL: it is written verbatim into `$id`s, code blocks and links, so nothing
# that could end a quoted string or an HTML attribute (quotes, spaces, `<`, backslashes).
_BASE_URL = (
    r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
    r"/(?:(?:[A-Za-z0-9._~+-]|%[0-9A-Fa-f]{2})+/)*$"
)

SEVERITY_TABLE = "severity"
SEVERITIES = ("error", "warning")
# The finding codes `[eventdocs.severity]` may report as warnings: a translation that lags
# behind the English (missing, stale, identical, refused and so not shown, or left over) is
# late work, and the page says so while it lasts. Every other code names something wrong
# with what is published or run (a file that does not load, markup or invisible characters
# a reader would get, docs/ out of step with its inputs, an example or a schema that misleads
# integrators, a site setting that loads other hosts): it stays an error.
LAGGING_CODES = ("missing", "stale", "untranslated", "markup", "orphan")
STRICT_CODES = ("input", "unsafe", "invisible", "generated", "example", "breaking", "site")


@dataclass(frozen=True, kw_only=True)
class ProjectConfig:
    """Settings from ``eventdocs.toml``; every one has a sensible default."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    source_locale: Annotated[str, Constrained(pattern=LOCALE_CODE.pattern)] = "en"
    schema_base_url: Annotated[str, Constrained(pattern=_BASE_URL)] = (
        "https://docs.example.com/schemas/"
    )
    # Words a translation may leave as in English ("Info", "JSON"): identical is not untranslated.
    identical_allowed: tuple[str, ...] = ()
    # The severity of each finding code set in `[eventdocs.severity]`; the others keep theirs.
    severity: Mapping[str, Literal["error", "warning"]] = field(default_factory=dict)
    # The line of each setting in eventdocs.toml, for findings. Set on load, never by the file.
    lines: Mapping[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def allowed_words(self) -> frozenset[str]:
        """``identical_allowed`` as ``decide`` compares words: case folded."""
        return frozenset(word.casefold() for word in self.identical_allowed)


def load_config(root: Path, *, cache: Path | None = None) -> ProjectConfig:
    """Read ``eventdocs.toml`` at ``root``; a project without one uses the defaults."""
    path = root / CONFIG_FILE
    if not path.exists():
        return ProjectConfig()
    refuse_outside(root, path, what="config file")
    raw = read_bytes(path, what="config file")

    def parse() -> ProjectConfig:
        text = decode_text(raw, path)
        table = load_toml_table(path, text, "eventdocs")
        _check_settings(table)
        _check_severities(table, table_lines(text, f"eventdocs.{SEVERITY_TABLE}")[1])
        return with_lines(validate_document(ProjectConfig, table), table.lines)

    return cached_model(cache, path, content_digest(raw), parse, ProjectConfig)


def _check_settings(table: TomlTable) -> None:
    """Say plainly what is wrong with the settings whose patterns the validator would quote."""
    settings = table.data if isinstance(table.data, dict) else {}
    url, code = settings.get("schema_base_url"), settings.get("source_locale")
    if isinstance(url, str) and not re.fullmatch(_BASE_URL, url):
        raise LoadError(
            "schema_base_url: must be a plain absolute http(s) URL ending with '/' "
            "(no spaces, quotes, '<', '>' or backslashes)",
            path=table.path,
            line=table.line_of(("schema_base_url",)),
        )
    if isinstance(code, str):
        try:
            validate_locale_code(code)
        except LoadError as error:
            line = table.line_of(("source_locale",))
            raise LoadError(f"source_locale: {error.message}", path=table.path, line=line) from None


def _check_severities(table: TomlTable, lines: Mapping[str, int]) -> None:
    """Refuse, at its line, a severity for a code that does not exist, a value other than
    ``error`` or ``warning``, and ``warning`` for a code that must stay an error."""
    settings = table.data if isinstance(table.data, dict) else {}
    severities = settings.get(SEVERITY_TABLE)
    header = table.line_of((SEVERITY_TABLE,))
    if severities is None:
        return
    if not isinstance(severities, dict):
        raise LoadError(
            f"{SEVERITY_TABLE}: must be a table of finding codes, e.g. "
            f'[eventdocs.{SEVERITY_TABLE}] with stale = "warning"',
            path=table.path,
            line=header,
        )
    for code, value in severities.items():
        line = lines.get(code, header)
        where = f"{SEVERITY_TABLE}.{code}"
        if code not in LAGGING_CODES and code not in STRICT_CODES:
            known = ", ".join(sorted((*LAGGING_CODES, *STRICT_CODES)))
            raise LoadError(
                f"{where}: no finding has this code; the codes are {known}",
                path=table.path,
                line=line,
            )
        if value not in SEVERITIES:
            raise LoadError(f'{where}: must be "error" or "warning"', path=table.path, line=line)
        if value == "warning" and code in STRICT_CODES:
            may = ", ".join(LAGGING_CODES)
            raise LoadError(
                f"{where}: cannot be a warning: it reports something wrong with what is "
                f"published or run, not late translation work; only {may} can be warnings",
                path=table.path,
                line=line,
            )
