"""``eventdocs site`` and ``eventdocs serve``."""

from __future__ import annotations

from pathlib import Path

import click

from eventdocs.site.builder import build_site
from eventdocs.site.serve import serve_language


@click.command("site")
@click.option(
    "--lang",
    "codes",
    multiple=True,
    metavar="CODE",
    help="Build only this language (repeatable); default: every language of locales/.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Languages built at once, each in a process of its own; default: one per CPU.",
)
@click.pass_obj
def site_command(root: Path, codes: tuple[str, ...], jobs: int | None) -> None:
    """Generate docs/, then build the site into site/, each language as a site of its own."""
    built = build_site(root, codes, jobs=jobs)
    click.echo(f"eventdocs: site/ built: {', '.join(built)}")


@click.command("serve")
@click.option("--lang", "code", metavar="CODE", help="The language to serve; default: the source.")
@click.option(
    "-a", "--dev-addr", metavar="IP:PORT", help="Where to serve; default: localhost:8000."
)
@click.pass_obj
def serve_command(root: Path, code: str | None, dev_addr: str | None) -> None:
    """Serve one language of the site, rebuilt once after each edit of an input."""
    serve_language(root, code, dev_addr)
