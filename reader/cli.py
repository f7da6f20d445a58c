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


@main.command("add")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True, help="Seconds to wait for a web page.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: per source its input, status (added/duplicate/failed), reason and the article's list fields.")
@click.pass_obj
def add(settings: Settings, sources: tuple[str, ...], timeout: float, as_json: bool) -> None:
    """Add articles from web pages (http/https URLs), .html/.htm files, .txt/.md files or '-' (stdin).

    One line per source; the exit status is 1 if any source failed. An article already in the
    library (same URL or same text) is not added again.
    """
    from .ingest import STDIN, AddError, add_source

    library = Library(settings.library)
    stdin = click.get_binary_stream("stdin")
    if STDIN in sources and stdin.isatty():
        click.echo("Reading the article from standard input; end it with Ctrl-D.", err=True)
    records: list[dict[str, object]] = []
    failed = False
    for source in sources:
        label = "stdin" if source == STDIN else source
        try:
            result = add_source(library, source, stdin=stdin, timeout=timeout)
        except AddError as error:
            failed = True
            records.append({"input": source, "status": "failed", "reason": str(error)})
            if not as_json:
                click.echo(f"skipped {label}: {error}", err=True)
            continue
        article = result.article
        status = "added" if result.added else "duplicate"
        records.append({"input": source, "status": status, "reason": result.duplicate_reason, **article.summary()})
        if as_json:
            continue
        if result.added:
            details = ", ".join(part for part in (article.source, article.date) if part)
            click.echo(f"added {article.id}: {article.display_title}" + (f" ({details})" if details else ""))
        else:
            click.echo(f"skipped {label}: duplicate of {article.id} ({result.duplicate_reason})")
    if as_json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if failed:
        sys.exit(1)
