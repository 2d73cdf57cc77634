"""The ``eventdocs`` command line: parses arguments and wires the pipeline's stages, nothing more.

Exit codes: 0 success; 1 findings, or a bad input file (``eventdocs.toml``, a schema, locale,
template or payload, a missing ``schema/``, ``locales/`` or ``templates/`` folder); 2 a usage
error (an unknown option, a project folder that does not exist, a locale, key or event named on
the command line that the project does not have).
"""

from __future__ import annotations

import os
import sys
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import click

from eventdocs import __version__
from eventdocs.errors import EventdocsError

_debug = ContextVar("debug", default=False)
# The `-C` folders given before the subcommand, for the one given after it to agree with.
_GIVEN_BEFORE = "eventdocs.project"


def _project_option(**settings: Any) -> click.Option:
    """``-C``/``--project``; the group's and every subcommand's, so pre-commit's ``args:``
    (written after the subcommand) work as well as ``eventdocs -C DIR check``."""
    return click.Option(
        ["-C", "--project", "projects"],
        # A folder that does not exist is a mistyped argument (exit 2), not a broken project.
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        multiple=True,
        metavar="PROJECT",
        help="The project folder (holding schema/, locales/, templates/, docs/); default: here.",
        **settings,
    )


def _one_project(context: click.Context, given: tuple[Path, ...]) -> Path:
    """The one folder every ``-C`` names (the working directory when none does); two
    different folders are a usage error."""
    folders = {path.resolve(): path for path in given}
    if len(folders) > 1:
        shown = " and ".join(sorted(repr(str(path)) for path in folders.values()))
        raise click.UsageError(f"-C names two project folders ({shown}); give one", context)
    return given[0] if given else Path()


def _take_project(context: click.Context, _: click.Parameter, given: tuple[Path, ...]) -> None:
    """A subcommand's ``-C``: it sets the project the command works on, after checking that it
    agrees with any ``-C`` given before the subcommand."""
    if given:
        context.obj = _one_project(context, (*context.meta.get(_GIVEN_BEFORE, ()), *given))


class _Commands(click.Group):
    """The command group; each subcommand added to it takes ``-C`` too."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.params.append(_project_option(expose_value=False, callback=_take_project))
        super().add_command(cmd, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.version_option(__version__, prog_name="eventdocs")
@click.pass_context
def cli(context: click.Context, projects: tuple[Path, ...], debug: bool) -> None:
    """Multilingual webhook event docs and JSON Schema, from one schema and per-language strings."""
    _debug.set(debug)
    context.meta[_GIVEN_BEFORE] = projects
    context.obj = _one_project(context, projects)


cli.params.insert(0, _project_option())


def _register() -> None:
    from eventdocs.cli import _build, _check, _exchange, _site, _translate, _validate

    cli.add_command(_build.build_command)
    cli.add_command(_check.check_command)
    cli.add_command(_check.status_command)
    cli.add_command(_translate.accept_command)
    cli.add_command(_translate.new_locale_command)
    cli.add_command(_translate.sync_command)
    cli.add_command(_translate.rename_command)
    cli.add_command(_exchange.export_command)
    cli.add_command(_exchange.import_command)
    cli.add_command(_validate.validate_command)
    cli.add_command(_site.site_command)
    cli.add_command(_site.serve_command)
    from eventdocs.cli import _init  # noqa: F401  (adds `init` with `@cli.command`)


_register()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors become one ``Error:`` line on stderr."""
    try:
        result = cli.main(args=argv, prog_name="eventdocs", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except EventdocsError as error:
        if _debug.get():
            import traceback

            traceback.print_exc()
        click.echo(f"Error: {error}", err=True)  # one line, escaped: see `EventdocsError`
        return error.exit_code
    except MemoryError:
        click.echo(
            f"Error: out of memory (limit: {MEMORY_LIMIT_ENV}, default "
            f"{DEFAULT_MEMORY_LIMIT_MB} MiB); an input, or a template, asks for more than a "
            "project needs",
            err=True,
        )
        return 1
    return result if isinstance(result, int) else 0


MEMORY_LIMIT_ENV = "EVENTDOCS_MEMORY_LIMIT_MB"
DEFAULT_MEMORY_LIMIT_MB = 4096


def limit_memory() -> None:
    """Cap this process's address space (``EVENTDOCS_MEMORY_LIMIT_MB``, default 4 GiB, 0 for
    none): a hostile input then ends in one error line, not in a machine out of memory."""
    try:
        import resource
    except ImportError:  # not POSIX: no cap
        return
    try:
        megabytes = int(os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT_MB))
    except ValueError:
        megabytes = DEFAULT_MEMORY_LIMIT_MB
    if megabytes <= 0:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def run() -> None:
    """Console-script entry point: the process's memory is capped, then the CLI runs."""
    limit_memory()
    sys.exit(main())
