"""``eventdocs accept`` and ``eventdocs new-locale``: the translator's commands."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.edit.accept import accept_minor_edit, accept_translations
from eventdocs.edit.new_locale import scaffold_locale
from eventdocs.errors import UsageError
from eventdocs.load.project import load_project
from eventdocs.render.project import render_project


@click.command("accept")
@click.argument("arguments", nargs=-1, metavar="[LOCALE] [KEY]...")
@click.option(
    "--minor",
    is_flag=True,
    help="The English of KEY... was edited without changing its meaning (a typo fix): "
    "keep every language current. Takes keys only, no LOCALE.",
)
@click.pass_obj
def accept_command(root: Path, arguments: tuple[str, ...], minor: bool) -> None:
    """Mark reviewed translations of LOCALE as current (all its stale keys, or just KEY...)."""
    project = load_project(root)
    if minor:
        accepted = accept_minor_edit(project, arguments)
    elif not arguments:
        raise UsageError("name the LOCALE whose translations you reviewed (or use --minor)")
    else:
        accepted = accept_translations(project, arguments[0], arguments[1:])
    for item in accepted:
        click.echo(f"accepted {item.locale} {item.key}")
    click.echo(f"eventdocs accept: {len(accepted)} translation(s) marked current")


@click.command("new-locale")
@click.argument("code")
@click.pass_obj
def new_locale_command(root: Path, code: str) -> None:
    """Create locales/CODE.yaml with every key, untranslated (CODE is a BCP 47 tag)."""
    project = load_project(root)
    # Only the keys the pages use are wanted: the rendered files are dropped as they come.
    used_keys = render_project(project, sink=lambda file: None).used_keys
    path = scaffold_locale(project, code, used_keys)
    click.echo(f"created {project.relative(path)}: fill in each `text`, then run `eventdocs check`")
    click.echo(f"add `- locale: {code}` to the i18n languages in mkdocs.yml to publish it")
