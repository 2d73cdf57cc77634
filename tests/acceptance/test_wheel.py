"""The wheel, as another repository gets it: built by `uv build` with the project's build
backend, installed with its `site` extra into a fresh virtual environment, and used there to
start a project (`eventdocs init`), build it, check it and build its site with
`mkdocs build --strict`: nothing of this checkout is needed but the wheel.

The dependencies are pinned to uv.lock, so the test installs what the suite runs with (and
uv's cache already holds) rather than whatever PyPI published last.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import REPO

UV = REPO / ".tools" / "bin" / "uv"  # where `make setup` installs it
# Variables that would point uv or Python at this checkout's environment instead.
_OUTSIDE_ENV = ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPATH", "PYTHONHOME")


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in ``cwd`` with none of this checkout's environment; fail on error."""
    env = {key: value for key, value in os.environ.items() if key not in _OUTSIDE_ENV}
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `uv build` makes of this checkout (through its sdist, as uv builds it)."""
    assert UV.is_file(), "uv is missing: `make setup` installs it"
    dist = tmp_path_factory.mktemp("dist")
    run(UV, "build", "--quiet", "--out-dir", dist, REPO, cwd=dist)
    (built,) = dist.glob("eventdocs-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path) -> Path:
    """A fresh virtual environment holding the wheel with its `site` extra, and no more."""
    root = wheel.parent
    constraints = root / "constraints.txt"
    run(
        UV,
        "export",
        "--quiet",
        "--frozen",
        "--no-hashes",
        "--no-dev",
        "--extra",
        "site",
        "--no-emit-project",
        "--project",
        REPO,
        "--output-file",
        constraints,
        cwd=root,
    )
    run(UV, "venv", "--quiet", "--python", sys.executable, root / "venv", cwd=root)
    python = root / "venv" / "bin" / "python"
    run(
        UV,
        "pip",
        "install",
        "--quiet",
        "--python",
        python,
        "--constraints",
        constraints,
        f"{wheel}[site]",
        cwd=root,
    )
    return root / "venv"


def test_the_wheel_holds_the_repositorys_templates_and_strings(wheel: Path) -> None:
    """The default templates and their English ship in the wheel as the repository's files,
    with the site's templates and the MkDocs plugin's entry point."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = {
            name.removeprefix("eventdocs/scaffold/"): archive.read(name)
            for name in names
            if name.startswith("eventdocs/scaffold/templates/")
        }
        strings = archive.read("eventdocs/scaffold/strings.en.yaml")
        overrides = archive.read("eventdocs/site/overrides/main.html")
        checks = archive.read("eventdocs/scaffold/project/pages/en/checks.md")
        (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
        plugins = archive.read(entry_points).decode("utf-8")
    templates = {
        path.relative_to(REPO).as_posix(): path.read_bytes()
        for path in sorted((REPO / "templates").rglob("*"))
        if path.is_file()
    }
    assert shipped == templates
    assert strings == (REPO / "locales" / "en.yaml").read_bytes()
    assert overrides == (REPO / "src/eventdocs/site/overrides/main.html").read_bytes()
    assert checks == (REPO / "pages" / "en" / "checks.md").read_bytes()
    assert "[mkdocs.plugins]\neventdocs = eventdocs.site.plugin:EventdocsPlugin\n" in plugins


def test_a_new_project_builds_checks_and_publishes_from_the_wheel(venv: Path) -> None:
    """In the fresh environment, `eventdocs init`, `build`, `check` and `mkdocs build --strict`
    all succeed, with the installed package (not this checkout) doing the work."""
    python, bin_dir = venv / "bin" / "python", venv / "bin"
    located = run(python, "-c", "import eventdocs; print(eventdocs.__file__)", cwd=venv)
    assert Path(located.stdout.strip()).is_relative_to(venv)
    project = venv.parent / "docs-project"
    run(bin_dir / "eventdocs", "init", project, cwd=venv.parent)
    run(bin_dir / "eventdocs", "build", cwd=project)
    checked = run(bin_dir / "eventdocs", "check", cwd=project)
    assert checked.stdout.startswith("eventdocs check: no findings"), checked.stdout
    built = run(bin_dir / "mkdocs", "build", "--strict", cwd=project)
    assert "WARNING" not in built.stderr, built.stderr
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "search" / "search_index.json").is_file()
