"""``eventdocs accept`` and ``eventdocs new-locale``: the translator's commands."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.errors import UsageError
from eventdocs.pipeline import accept, accept_minor, new_locale


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
    if minor:
        accepted = accept_minor(root, arguments)
    elif not arguments:
        raise UsageError("name the LOCALE whose translations you reviewed (or use --minor)")
    else:
        accepted = accept(root, arguments[0], arguments[1:])
    for item in accepted:
        click.echo(f"accepted {item.locale} {item.key}")
    click.echo(f"eventdocs accept: {len(accepted)} translation(s) marked current")


@click.command("new-locale")
@click.argument("code")
@click.pass_obj
def new_locale_command(root: Path, code: str) -> None:
    """Create locales/CODE.yaml with every key, untranslated (CODE is a BCP 47 tag)."""
    path = new_locale(root, code)
    click.echo(f"created locales/{path.name}: fill in each `text`, then run `eventdocs check`")
    click.echo(f"add `- locale: {code}` to the i18n languages in mkdocs.yml to publish it")
