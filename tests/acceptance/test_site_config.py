"""``eventdocs check`` holds mkdocs.yml to the project: its languages, default language,
docs_dir, Markdown extensions and home pages; and reads it as data, running nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from eventdocs.render.site_markdown import SITE_MARKDOWN_EXTENSIONS
from eventdocs.render.site_strings import SITE_KEYS
from tests.helpers import LOCALES, REPO, Run, refusal

OTHERS = LOCALES[1:]
# A language the project does not have yet, for `new-locale`.
NEW_LOCALE = next(code for code in ("de", "nl", "sv", "da", "fi", "pl") if code not in LOCALES)


def site_findings(result: Run) -> list[str]:
    """The `site` findings of a text report, one line each."""
    return [line for line in result.out.splitlines() if ": site " in line]


def line_of(root: Path, pattern: str) -> int:
    """The 1-based number of the first line of mkdocs.yml matching ``pattern``."""
    lines = (root / "mkdocs.yml").read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if re.search(pattern, line))


def edit_site(root: Path, old: str, new: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), "utf-8")


def set_extensions(root: Path, items: list[str]) -> None:
    """Replace the markdown_extensions block of mkdocs.yml with ``items`` (YAML lines)."""
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    block = re.search(r"^markdown_extensions:\n(?:  .*\n)+", text, re.MULTILINE)
    assert block is not None
    new = "markdown_extensions:\n" + "".join(f"  {item}\n" for item in items)
    config.write_text(text[: block.start()] + new + text[block.end() :], "utf-8")


def site_extensions(**options: str) -> list[str]:
    """The site's extension list as YAML items, ``options`` given inline per extension."""
    return [
        f"- {name}: {options[name]}" if name in options else f"- {name}"
        for name in SITE_MARKDOWN_EXTENSIONS
    ]


def test_the_repository_site_config_agrees_with_the_project(run_cli: Callable[..., Run]) -> None:
    """The real mkdocs.yml, with its `!ENV` tag, gives no site finding."""
    result = run_cli("-C", REPO, "check")
    assert site_findings(result) == [], result.out


def test_a_new_locale_needs_no_entry_in_mkdocs_yml(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """mkdocs.yml names no language: a new locale file's only site finding is its missing
    home page."""
    assert run_cli("-C", project, "new-locale", NEW_LOCALE).code == 0
    result = run_cli("-C", project, "check")
    assert result.code == 1
    assert site_findings(result) == [
        f"pages/{NEW_LOCALE}/index.md: site the home page of {NEW_LOCALE!r} is missing: write "
        "it (by hand; `eventdocs build` copies it to docs/)"
    ]


def test_the_i18n_plugin_is_reported(project: Path, run_cli: Callable[..., Run]) -> None:
    """The i18n plugin, which built every language in one site, is a plugin the site no
    longer runs: reported at its entry."""
    edit_site(project, "  - search\n", "  - search\n  - i18n:\n      docs_structure: folder\n")
    result = run_cli("-C", project, "check")
    assert result.code == 1
    (finding,) = site_findings(result)
    line = line_of(project, r"^  - i18n:")
    assert finding.startswith(f"mkdocs.yml:{line}: site plugin 'i18n': the site may use only")


EXTENSION_CHANGES = {
    **{
        f"without {name}": [item for item in site_extensions() if item != f"- {name}"]
        for name in SITE_MARKDOWN_EXTENSIONS
        if name != "toc"
    },
    "reordered": list(reversed(site_extensions(toc="{permalink: true}"))),
    "one more": [*site_extensions(toc="{permalink: true}"), "- pymdownx.emoji"],
}


@pytest.mark.parametrize("items", EXTENSION_CHANGES.values(), ids=EXTENSION_CHANGES.keys())
def test_other_markdown_extensions_are_reported_as_voiding_the_safety_guarantees(
    project: Path, run_cli: Callable[..., Run], items: list[str]
) -> None:
    """Extensions other than eventdocs' own, in its order, are one finding at the key that
    says eventdocs' safety guarantees no longer hold."""
    set_extensions(project, items)
    result = run_cli("-C", project, "check")
    assert result.code == 1
    line = line_of(project, r"^markdown_extensions:")
    (finding,) = site_findings(result)
    assert finding.startswith(f"mkdocs.yml:{line}: site markdown_extensions must be exactly")
    assert "safety guarantees do not hold" in finding


def test_other_extension_options_are_reported(project: Path, run_cli: Callable[..., Run]) -> None:
    """The same extensions with other options (`toc` without permalinks) are reported at the
    extension."""
    set_extensions(project, site_extensions(toc="{permalink: false}"))
    result = run_cli("-C", project, "check")
    assert result.code == 1
    line = line_of(project, r"^  - toc:")
    (finding,) = site_findings(result)
    assert finding.startswith(f"mkdocs.yml:{line}: site the options of toc differ")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("docs_dir: docs", "docs_dir: pages", "docs_dir is 'pages'"),
        ("docs_dir: docs", "docs_dir: docs/en", "docs_dir is 'docs/en'"),
    ],
    ids=["another folder", "one language's folder"],
)
def test_a_docs_dir_other_than_docs_is_reported(
    project: Path, run_cli: Callable[..., Run], old: str, new: str, message: str
) -> None:
    """Another docs_dir, even one language's folder of docs/: one finding."""
    edit_site(project, old, new)
    result = run_cli("-C", project, "check")
    assert result.code == 1
    (finding,) = site_findings(result)
    assert message in finding


FOREIGN_SETTINGS = {
    "script from a host": (
        "docs_dir: docs\n",
        "docs_dir: docs\nextra_javascript:\n  - https://cdn.example.com/x.js\n",
        r"^  - https://cdn",
        "extra_javascript entry 'https://cdn.example.com/x.js' is loaded from another host",
    ),
    "protocol-relative script": (
        "docs_dir: docs\n",
        "docs_dir: docs\nextra_javascript:\n  - path: //cdn.example.com/x.js\n",
        r"^  - path: //cdn",
        "extra_javascript entry '//cdn.example.com/x.js' is loaded from another host",
    ),
    "stylesheet from a host": (
        "docs_dir: docs\n",
        "docs_dir: docs\nextra_css: [a.css, 'HTTP://cdn.example.com/x.css']\n",
        r"^extra_css:",
        "extra_css entry 'HTTP://cdn.example.com/x.css' is loaded from another host",
    ),
    "fonts from Google": (
        "font: false",
        "font:\n    text: Roboto",
        r"^  font:",
        "theme.font must be `false`",
    ),
    "no font setting": ("  font: false", "", r"^theme:", "theme.font must be `false`"),
    "analytics": (
        "\nmarkdown_extensions:\n",
        "\nextra:\n  analytics:\n    provider: google\n\nmarkdown_extensions:\n",
        r"^  analytics:",
        "extra.analytics sends every reader's visits",
    ),
    "other theme templates": (
        "  name: material\n",
        "  name: material\n  custom_dir: overrides\n",
        r"^  custom_dir:",
        "theme.custom_dir is 'overrides': its templates would replace the ones the "
        "`eventdocs` plugin ships",
    ),
    "another plugin": (
        "  - search\n",
        "  - search\n  - macros\n",
        r"^  - macros",
        "plugin 'macros': the site may use only search, eventdocs",
    ),
    "a hook": (
        "\nmarkdown_extensions:\n",
        "\nhooks:\n  - hooks/eventdocs_site.py\n\nmarkdown_extensions:\n",
        r"^  - hooks/eventdocs_site",
        "hook 'hooks/eventdocs_site.py': building the site runs the code of every hook; the "
        "`eventdocs` plugin does what the site needs, so none is allowed",
    ),
    "no eventdocs plugin": (
        "  - eventdocs\n",
        "",
        r"^plugins:",
        "no `eventdocs` plugin: the site would be built from docs/ as it is",
    ),
}


@pytest.mark.parametrize(
    ("old", "new", "line", "message"), FOREIGN_SETTINGS.values(), ids=FOREIGN_SETTINGS.keys()
)
def test_settings_that_load_other_hosts_or_run_other_code_are_reported(
    project: Path, run_cli: Callable[..., Run], old: str, new: str, line: str, message: str
) -> None:
    """A script or stylesheet from another host, web fonts, analytics, other theme templates,
    plugins or hooks, or no eventdocs plugin: one finding each, at its line."""
    edit_site(project, old, new)
    result = run_cli("-C", project, "check")
    assert result.code == 1
    (finding,) = site_findings(result)
    assert finding.startswith(f"mkdocs.yml:{line_of(project, line)}: site {message}"), finding


@pytest.mark.parametrize("code", LOCALES)
def test_a_missing_home_page_is_reported(
    project: Path, run_cli: Callable[..., Run], code: str
) -> None:
    """Each language needs its hand-written pages/<lang>/index.md."""
    (project / "pages" / code / "index.md").unlink()
    result = run_cli("-C", project, "check")
    assert result.code == 1
    assert site_findings(result) == [
        f"pages/{code}/index.md: site the home page of {code!r} is missing: write it (by hand; "
        "`eventdocs build` copies it to docs/)"
    ]


@pytest.mark.parametrize("inside", [False, True], ids=["leading out", "inside the project"])
def test_a_home_page_through_a_symlink_is_refused(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path, inside: bool
) -> None:
    """A hand-written page that is a symlink, out of the project or within it, is one error
    that never shows what it leads to: pages are published as they are."""
    outside = tmp_path / "secret.md"
    outside.write_text("SECRET\n", "utf-8")
    page = project / "pages" / OTHERS[0] / "index.md"
    page.unlink()
    page.symlink_to(project / "README.md" if inside else outside)
    if inside:
        (project / "README.md").write_text("SECRET\n", "utf-8")
    for command in ("check", "build"):
        result = run_cli("-C", project, command)
        assert result.code == 1
        assert "SECRET" not in result.out + result.err
        line = refusal(result, command)
        assert line.startswith(
            f"pages/{OTHERS[0]}/index.md: input a symlink among the pages"
            if command == "check"
            else f"Error: {project / 'pages' / OTHERS[0] / 'index.md'}: a symlink among the pages"
        ), line


def test_env_and_relative_tags_are_opaque_values(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """MkDocs' `!ENV` and `!relative` tags anywhere in mkdocs.yml do not break check."""
    edit_site(
        project,
        "docs_dir: docs\n",
        'docs_dir: docs\ncopyright: !ENV COPYRIGHT\nextra_css: [!relative "$config_dir/x.css"]\n'
        "repo_name: !ENV [REPO_NAME, !ENV OTHER, 'x']\n",
    )
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out + result.err


PYTHON_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.call [[touch, '{marker}']]",
    "!!python/object/new:pathlib.Path ['{marker}']",
    "!!python/name:os.system",
]


@pytest.mark.parametrize("tag", PYTHON_TAGS[:2])
def test_the_planted_python_tags_do_run_under_an_unsafe_loader(tmp_path: Path, tag: str) -> None:
    """Control: PyYAML's unsafe loader (the kind MkDocs uses) runs these tags, so the marker
    file is a real proof that nothing ran."""
    marker = tmp_path / "pwned"
    yaml.unsafe_load(f"site_author: {tag.format(marker=marker)}\n")
    assert marker.exists()


@pytest.mark.parametrize("tag", PYTHON_TAGS)
def test_a_python_tag_in_mkdocs_yml_runs_nothing_and_is_reported(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path, tag: str
) -> None:
    """A tag naming Python code is read as an opaque value: nothing runs (no marker file) and
    check reports it at its line."""
    marker = tmp_path / "pwned"
    edit_site(
        project, "docs_dir: docs\n", f"docs_dir: docs\nsite_author: {tag.format(marker=marker)}\n"
    )
    result = run_cli("-C", project, "check")
    assert not marker.exists()
    assert result.code == 1
    line = line_of(project, r"^site_author:")
    (finding,) = site_findings(result)
    assert finding.startswith(f"mkdocs.yml:{line}: site a Python tag (!!python/")


def test_unreadable_mkdocs_yml_is_a_located_finding(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """Invalid YAML in mkdocs.yml is reported at its line, not as a crash."""
    edit_site(project, "docs_dir: docs\n", "docs_dir: [docs\n")
    result = run_cli("-C", project, "check")
    assert result.code == 1
    (finding,) = site_findings(result)
    assert re.match(r"mkdocs\.yml:\d+: site invalid YAML", finding)


def test_mkdocs_yml_through_a_symlink_leading_out_is_not_read(
    project: Path, run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """A mkdocs.yml that is a symlink out of the project is reported, never read."""
    outside = tmp_path / "outside.yml"
    outside.write_text("docs_dir: SECRET\n", "utf-8")
    (project / "mkdocs.yml").unlink()
    (project / "mkdocs.yml").symlink_to(outside)
    result = run_cli("-C", project, "check")
    assert result.code == 1
    assert "SECRET" not in result.out
    (finding,) = site_findings(result)
    assert "symlink that leads outside the project" in finding


def test_a_project_without_mkdocs_yml_has_no_site_findings(
    project: Path, run_cli: Callable[..., Run]
) -> None:
    """No mkdocs.yml means no site to compare, and no use for the site's own strings: they
    are orphans like any key no page uses, and once removed check passes."""
    (project / "mkdocs.yml").unlink()
    result = run_cli("-C", project, "check")
    assert site_findings(result) == []
    orphans = {
        line.split("[")[1].split("]")[0] for line in result.out.splitlines() if " orphan [" in line
    }
    assert orphans == set(SITE_KEYS)
    assert run_cli("-C", project, "sync", "--prune").code == 0  # the translations' copies
    english = project / "locales" / "en.yaml"
    lines = english.read_text("utf-8").splitlines(keepends=True)
    english.write_text("".join(line for line in lines if line.split(":")[0] not in SITE_KEYS))
    # The translation status pages count the keys the pages use: fewer now.
    assert run_cli("-C", project, "build").code == 0
    result = run_cli("-C", project, "check")
    assert result.code == 0, result.out + result.err
