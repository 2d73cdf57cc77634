"""``accept``, ``new-locale``, ``sync`` and ``rename``: the commands that edit locale files."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.errors import UsageError
from eventdocs.pipeline import accept, accept_minor, new_locale, rename, sync


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


@click.command("sync")
@click.argument("codes", nargs=-1, metavar="[LOCALE]...")
@click.option("--prune", is_flag=True, help="Also remove the keys no page uses (orphans).")
@click.pass_obj
def sync_command(root: Path, codes: tuple[str, ...], prune: bool) -> None:
    """Add every missing key to LOCALE's file (every translation by default), untranslated,
    keeping the file's comments and layout."""
    for result in sync(root, codes, prune=prune):
        click.echo(
            f"locales/{result.locale}.yaml: {len(result.added)} key(s) added, "
            f"{len(result.removed)} removed"
        )


@click.command("rename")
@click.argument("old")
@click.argument("new")
@click.pass_obj
def rename_command(root: Path, old: str, new: str) -> None:
    """Rename key OLD, and every key under it, to NEW in every locale file; translations and
    their state move with them."""
    renamed = rename(root, old, new)
    for item in renamed:
        click.echo(f"renamed {item.locale} {item.old} -> {item.new}")
    click.echo(f"eventdocs rename: {len(renamed)} key(s) renamed")
