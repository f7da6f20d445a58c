"""The `reader` command: thin wrappers that parse arguments, call the core and print."""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .library import Library
from .settings import Settings


def _echo_problems(problems) -> None:
    for problem in problems:
        click.echo(f"skipped {problem}", err=True)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--library", "library", type=click.Path(file_okay=False), help="Library folder holding articles/ and annotations/ [env READER_LIBRARY; default: current folder].")
@click.option("--model", help="spaCy pipeline: an installed package name or a path [env READER_MODEL; default: the shipped German pipeline].")
@click.option("--author", help="Author name for new annotations [env READER_AUTHOR; default: login name].")
@click.version_option(__version__, "-V", "--version", prog_name="reader")
@click.pass_context
def main(ctx: click.Context, library: str | None, model: str | None, author: str | None) -> None:
    """Read several outlets' articles on one story side by side.

    Without a command, opens the app on the library.
    """
    ctx.obj = Settings.resolve(library=library, model=model, author=author)
    if ctx.invoked_subcommand is None:
        from .tui.app import ReaderApp

        ReaderApp(ctx.obj).run()


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: id, title, source, date, words, path, version.")
@click.pass_obj
def list_articles(settings: Settings, as_json: bool) -> None:
    """List the library's articles."""
    scan = Library(settings.library).scan()
    _echo_problems(scan.problems)
    if as_json:
        json.dump([article.summary() for article in scan.articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for article in scan.articles:
        click.echo(f"{article.id:40.40}  {article.date or '—':10}  {article.source or '—':16.16}  {article.words:>6}  {article.title}")
