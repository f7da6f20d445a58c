"""`reader annotate`, `annotations`, `export` and `import`: annotations on the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..annotations import AnnotationError, AnnotationStore, StoreError, TagError, find_passage
from ..annotations.codebook import CodebookError
from ..articles import ArticleFileError, ArticleNotFound, Library
from ..exchange import FORMATS, ImportRefused, collect_items, export_bytes, import_file, write_export
from ..exchange.csv_table import DEFAULT_DELIMITER, EXCEL_DELIMITER, check_delimiter
from ..exchange.qdpx import placed
from ..exchange.reader_json import item_json
from ..exchange.refi_import import import_refi, is_refi_path
from ..settings import Settings
from ..text.shortening import one_line
from .common import echo_problems, known_article_ids, open_store
from .console import CommandError, export_for_terminal, is_terminal, print_json, say

EXPORT_FORMATS = tuple(FORMATS)  # json, w3c, markdown, csv, qdpx
SKIPPED_SHOWN = 20  # lines of "not imported" shown; the rest counted


@click.command("annotate")
@click.argument("article_ref", metavar="ARTICLE")
@click.option("--exact", "exact", help="The passage, as it appears in the article text.")
@click.option("--occurrence", type=int, default=1, show_default=True, help="Which occurrence of --exact (1 = first).")
@click.option("--start", type=int, help="Start offset into the article body (with --end).")
@click.option("--end", type=int, help="End offset into the article body (exclusive).")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for several.")
@click.option("--note", default="", help="A note; '-' reads it from standard input.")
@click.pass_obj
def annotate(
    settings: Settings,
    article_ref: str,
    exact: str | None,
    occurrence: int,
    start: int | None,
    end: int | None,
    tags: tuple[str, ...],
    note: str,
) -> None:
    """Annotate a passage of ARTICLE (an id or a file path); prints the new annotation's id."""
    if (exact is None) == (start is None and end is None) or (exact is None and (start is None or end is None)):
        raise CommandError("give either --exact TEXT or both --start and --end")
    library, store = open_store(settings)
    try:
        article = library.resolve(article_ref)
        if exact is not None:
            start, end = find_passage(article.body, exact, occurrence)
        assert start is not None and end is not None
        if note == "-":  # bytes that are not UTF-8 are kept (read as Latin-1 by the store), never an error
            note = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
        added = store.add(article, start, end, tags, note)
    except (ArticleNotFound, ArticleFileError, AnnotationError, StoreError) as error:
        raise CommandError(str(error)) from None
    say(added.id)


@click.command("annotations")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: the records of `export --format json`.")
@click.option("--article", "article_ids", multiple=True, help="Only this article's annotations; repeatable.")
@click.option("--tag", "tags", multiple=True, help="Only annotations with this tag; repeatable (any of them).")
@click.pass_obj
def list_annotations(settings: Settings, as_json: bool, article_ids: tuple[str, ...], tags: tuple[str, ...]) -> None:
    """List annotations with their anchoring state; orphans (passage not found) are marked."""
    library, store = open_store(settings)
    known_article_ids(library, store, article_ids)
    scan = library.scan()
    echo_problems(scan.problems)
    items = collect_items(store, scan.articles, article_ids, tags)
    if as_json:
        print_json([item_json(item) for item in items])
        return
    for item in items:
        annotation = item.annotation
        passage = one_line(annotation.exact, 48)
        state = "ORPHANED" if item.anchor.state.value == "orphaned" else item.anchor.state.value
        details = ", ".join(annotation.tags)
        if annotation.note:
            details += (" — " if details else "") + one_line(annotation.note, 40)
        say(f"{annotation.id[:8]}  {annotation.article_id:32.32}  {state:11}  “{passage}”  {details}")
    _echo_conflict_count(store)


def _echo_conflict_count(store: AnnotationStore) -> None:
    count = len(store.conflicts())
    if count:
        say(
            f"annotations: {count} annotation{'s have' if count != 1 else ' has'} conflicting versions; "
            "`reader conflicts` lists them, `reader resolve ID --keep local|incoming` settles one",
            err=True,
        )


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True)
@click.option("--article", "article_ids", multiple=True, help="Only this article's annotations; repeatable.")
@click.option("--tag", "tags", multiple=True, help="Only annotations with this tag; repeatable (any of them).")
@click.option(
    "-o",
    "--output",
    help="Write to this file (a regular file is replaced atomically; '-', a FIFO or a device is written as a stream; a symbolic link is refused).",
)
@click.option("--delimiter", help="CSV only: the column delimiter, one character or 'tab' [default: ,].")
@click.option(
    "--excel",
    is_flag=True,
    help="CSV only: semicolons between columns, as German (and other comma-decimal) Excel expects.",
)
@click.pass_obj
def export(
    settings: Settings,
    fmt: str,
    article_ids: tuple[str, ...],
    tags: tuple[str, ...],
    output: str | None,
    delimiter: str | None,
    excel: bool,
) -> None:
    """Export annotations as JSON (default), W3C Web Annotation, Markdown, CSV or REFI-QDA (qdpx)."""
    csv_delimiter = _csv_delimiter(fmt, delimiter, excel)
    library, store = open_store(settings)
    known_article_ids(library, store, article_ids)
    if fmt == "qdpx":
        _export_qdpx(library, store, article_ids, tags, output)
        return
    data = export_bytes(store, library, fmt, article_ids, tags, csv_delimiter=csv_delimiter)
    if output is None or output == "-":
        if is_terminal(sys.stdout):
            data = export_for_terminal(data, fmt)
        click.echo(data, nl=False)  # bytes go to the binary stream as they are
        return
    try:
        write_export(output, data)
    except StoreError as error:
        raise CommandError(str(error)) from None
    say(f"wrote {output}", err=True)


def _export_qdpx(
    library: Library, store: AnnotationStore, article_ids: tuple[str, ...], tags: tuple[str, ...], output: str | None
) -> None:
    """A .qdpx is a zip: written to a file only; orphans (no place in the current text) are counted."""
    if output is None or output == "-":
        raise CommandError("a qdpx project is a zip file: give -o FILE.qdpx")
    items = collect_items(store, library.articles(), article_ids, tags)
    left_out = len(items) - len(placed(items))
    data = export_bytes(store, library, "qdpx", article_ids, tags, codes=store.codebook())
    try:
        write_export(output, data)
    except StoreError as error:
        raise CommandError(str(error)) from None
    if left_out:
        say(
            f"{left_out} annotation{'s' if left_out != 1 else ''} left out: orphaned, with no place in the "
            "current text (`reader annotations` lists them)",
            err=True,
        )
    say(f"wrote {output}", err=True)


def _csv_delimiter(fmt: str, delimiter: str | None, excel: bool) -> str:
    """The delimiter --delimiter / --excel ask for; both apply to CSV only."""
    if (delimiter is not None or excel) and fmt != "csv":
        raise click.UsageError("--delimiter and --excel apply to --format csv only")
    if delimiter is not None and excel:
        raise click.UsageError("give --delimiter or --excel, not both")
    if excel:
        return EXCEL_DELIMITER
    if delimiter is None:
        return DEFAULT_DELIMITER
    chosen = "\t" if delimiter.lower() in ("tab", "\\t") else delimiter
    try:
        check_delimiter(chosen)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--delimiter") from None
    return chosen


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and report what would change; write nothing.")
@click.pass_obj
def import_annotations(settings: Settings, file: str, dry_run: bool) -> None:
    """Import a `json`, `w3c` or Hypothesis export (validated first, merged by annotation id), or a REFI-QDA
    project (.qdpx or .qde: its codebook, and its codings on sources that are library articles)."""
    library, store = open_store(settings)
    if is_refi_path(Path(file)):
        try:
            refi = import_refi(store, library.articles(), Path(file), dry_run=dry_run)
        except ImportRefused as error:
            raise CommandError(f"{Path(file).name}: {error}; nothing was imported") from None
        except (StoreError, CodebookError, TagError) as error:
            raise CommandError(str(error)) from None
        for line in refi.summary_lines():
            say(line)
        return
    try:
        report = import_file(store, library.articles(), Path(file), dry_run=dry_run)
    except ImportRefused as error:
        raise CommandError(f"{Path(file).name}: {error}; nothing was imported") from None
    except StoreError as error:
        raise CommandError(str(error)) from None
    say(report.summary())
    for line in report.skipped[:SKIPPED_SHOWN]:
        say(f"  not imported: {line}", err=True)
    if len(report.skipped) > SKIPPED_SHOWN:
        say(f"  … and {len(report.skipped) - SKIPPED_SHOWN} more", err=True)
