"""`reader list` and `reader add`: the library's articles, and adding to them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..articles import Library
from ..settings import Settings
from .common import echo_problems, library_of
from .console import print_json, print_json_records, say, say_all

if TYPE_CHECKING:
    pass


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: id, title, source, date, words, path, version.")
@click.pass_obj
def list_articles(settings: Settings, as_json: bool) -> None:
    """List the library's articles."""
    scan = library_of(settings).scan()
    echo_problems(scan.problems)
    for warning in scan.warnings:
        say(f"note: {warning}", err=True)
    if as_json:
        print_json_records([article.summary() for article in scan.articles])
        return
    say_all(
        f"{article.id:40.40}  {article.date or '—':10}  {article.source or '—':16.16}  {article.words:>6}  {article.title}"
        for article in scan.articles
    )


@click.command("add")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=20.0,
    show_default=True,
    help="Seconds to wait for a web page.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON: per source its input, status (added/duplicate/failed), reason and the article's list fields.",
)
@click.pass_obj
def add(settings: Settings, sources: tuple[str, ...], timeout: float, as_json: bool) -> None:
    """Add articles from web pages (http/https URLs), .html/.htm files, .txt/.md files or '-' (stdin).

    One line per source; the exit status is 1 if any source failed. An article already in the
    library (same URL or same text) is not added again.
    """
    from ..ingest import STDIN, AddError, add_source

    library = Library(settings.library, settings.library_index_dir)
    stdin = sys.stdin.buffer  # click.get_binary_stream is deprecated (gone in Click 9)
    if STDIN in sources and stdin.isatty():
        say("Reading the article from standard input; end it with Ctrl-D.", err=True)
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
                say(f"skipped {label}: {error}", err=True)
            continue
        article = result.article
        status = "added" if result.added else "duplicate"
        records.append(
            {
                "input": source,
                "status": status,
                "reason": result.duplicate_reason,
                "notes": list(result.notes),
                **article.summary(),
            }
        )
        if as_json:
            continue
        for note in result.notes:
            say(f"note: {label}: {note}", err=True)
        if result.added:
            details = ", ".join(part for part in (article.source, article.date) if part)
            say(f"added {article.id}: {article.display_title}" + (f" ({details})" if details else ""))
        else:
            say(f"skipped {label}: duplicate of {article.id} ({result.duplicate_reason})")
    if as_json:
        print_json(records)
    if failed:
        sys.exit(1)
