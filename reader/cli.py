"""The `reader` command: thin wrappers that parse arguments, call the core and print."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .annotations import Annotation, AnnotationError, AnnotationStore, Conflict, StoreError, find_passage
from .articles import Article, ArticleFileError, ArticleNotFound, Library
from .console import CommandError, SafeErrorsGroup, export_for_terminal, is_terminal, print_json, say, say_lines
from .exchange import ImportRefused, collect_items, export_bytes, import_file, write_export
from .exchange.csv_table import DEFAULT_DELIMITER, EXCEL_DELIMITER, check_delimiter
from .exchange.reader_json import item_json
from .settings import Settings
from .text.shortening import one_line
from .text.terminal import safe_line

if TYPE_CHECKING:
    from .analysis import LibraryAnalysis


def _library(settings: Settings) -> Library:
    """The settings' library; a folder that does not exist is an error in one line."""
    if not settings.library.is_dir():
        what = "is not a folder" if settings.library.exists() else "does not exist"
        raise CommandError(f"the library folder {settings.library} {what} (--library, READER_LIBRARY)")
    return Library(settings.library, settings.library_index_dir)


def _echo_problems(problems) -> None:
    for problem in problems:
        say(f"skipped {problem}", err=True)


@click.group(cls=SafeErrorsGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--library",
    "library",
    type=click.Path(file_okay=False),
    help="Library folder holding articles/ and annotations/ [env READER_LIBRARY; default: current folder].",
)
@click.option(
    "--model",
    help="spaCy pipeline: an installed package name or a path [env READER_MODEL; default: the shipped German pipeline].",
)
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

        _library(ctx.obj)  # a folder that is not there is one line, not an empty app
        app = ReaderApp(ctx.obj)
        app.run()
        if app.return_code:  # a crash (Textual printed the traceback on stderr) or a signal
            sys.exit(app.return_code)


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: id, title, source, date, words, path, version.")
@click.pass_obj
def list_articles(settings: Settings, as_json: bool) -> None:
    """List the library's articles."""
    scan = _library(settings).scan()
    _echo_problems(scan.problems)
    for warning in scan.warnings:
        say(f"note: {warning}", err=True)
    if as_json:
        print_json([article.summary() for article in scan.articles])
        return
    for article in scan.articles:
        say(
            f"{article.id:40.40}  {article.date or '—':10}  {article.source or '—':16.16}  {article.words:>6}  {article.title}"
        )


@main.command("add")
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
    from .ingest import STDIN, AddError, add_source

    library = Library(settings.library, settings.library_index_dir)
    stdin = click.get_binary_stream("stdin")
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


# ---- annotations: annotate, annotations, export, import ---------------------------------------

EXPORT_FORMATS = ("json", "w3c", "markdown", "csv")


def _open_store(settings: Settings) -> tuple[Library, AnnotationStore]:
    library = _library(settings)
    store = AnnotationStore.open(library, author=settings.author)
    for problem in (*store.problems, *store.warnings):
        say(f"annotations: {problem}", err=True)
    return library, store


def _known_article_ids(library: Library, store: AnnotationStore, wanted: tuple[str, ...]) -> None:
    """Refuse an --article that names neither a library article nor annotated (orphaned) ones."""
    known = {article.id for article in library.articles()} | set(store.counts_by_article())
    for article_id in wanted:
        if article_id not in known:
            raise CommandError(f"no article {article_id!r} in the library and no annotations for it")


@main.command("annotate")
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
    library, store = _open_store(settings)
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


@main.command("annotations")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: the records of `export --format json`.")
@click.option("--article", "article_ids", multiple=True, help="Only this article's annotations; repeatable.")
@click.option("--tag", "tags", multiple=True, help="Only annotations with this tag; repeatable (any of them).")
@click.pass_obj
def list_annotations(settings: Settings, as_json: bool, article_ids: tuple[str, ...], tags: tuple[str, ...]) -> None:
    """List annotations with their anchoring state; orphans (passage not found) are marked."""
    library, store = _open_store(settings)
    _known_article_ids(library, store, article_ids)
    scan = library.scan()
    _echo_problems(scan.problems)
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


@main.command("export")
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
    """Export annotations as JSON (default), W3C Web Annotation, Markdown or CSV."""
    csv_delimiter = _csv_delimiter(fmt, delimiter, excel)
    library, store = _open_store(settings)
    _known_article_ids(library, store, article_ids)
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


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and report what would change; write nothing.")
@click.pass_obj
def import_annotations(settings: Settings, file: str, dry_run: bool) -> None:
    """Import a `json` or `w3c` export: validated first, merged by annotation id."""
    library, store = _open_store(settings)
    try:
        report = import_file(store, library.articles(), Path(file), dry_run=dry_run)
    except ImportRefused as error:
        raise CommandError(f"{Path(file).name}: {error}; nothing was imported") from None
    except StoreError as error:
        raise CommandError(str(error)) from None
    say(report.summary())


def _version_json(annotation: Annotation) -> dict[str, object]:
    return {
        "revision": annotation.revision,
        "ancestors": annotation.ancestors,
        "passage": annotation.exact,
        "start": annotation.start,
        "end": annotation.end,
        "tags": annotation.tags,
        "note": annotation.note,
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
    }


def _describe_version(annotation: Annotation) -> str:
    tags = ", ".join(annotation.tags) or "(no tag)"
    note = f" — {one_line(annotation.note, 60)}" if annotation.note else ""
    return f"{annotation.revision[:8]}  {annotation.updated}  {annotation.author or '—'}: {tags}{note}"


@main.command("conflicts")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON: per conflict its id, article, the local version and the others kept.",
)
@click.pass_obj
def list_conflicts(settings: Settings, as_json: bool) -> None:
    """List annotations with conflicting versions (both kept; `reader resolve` settles one)."""
    _, store = _open_store(settings)
    conflicts = store.conflicts()
    if as_json:
        records = [
            {
                "id": conflict.annotation_id,
                "article": conflict.article_id,
                "local": _version_json(conflict.local) if conflict.local else None,
                "incoming": [_version_json(version) for version in conflict.versions],
            }
            for conflict in conflicts
        ]
        print_json(records)
        return
    for conflict in conflicts:
        passage = (conflict.local or conflict.versions[0]).exact
        say(f"{conflict.annotation_id}  {conflict.article_id}  “{one_line(passage, 48)}”")
        say(f"  local     {_describe_version(conflict.local) if conflict.local else '(deleted here)'}")
        for version in conflict.versions:
            say(f"  incoming  {_describe_version(version)}")
    if not conflicts:
        say("no conflicts", err=True)


def _find_conflict(store: AnnotationStore, reference: str) -> Conflict:
    """The conflict of an annotation id, or of the one id that starts with `reference`."""
    found = store.conflict(reference)
    if found is not None:
        return found
    matches = [c for c in store.conflicts() if c.annotation_id.startswith(reference)] if reference else []
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise click.ClickException(f"no conflict for an annotation {reference!r} (`reader conflicts` lists them)")
    raise click.ClickException(f"{reference!r} starts {len(matches)} conflicting annotation ids; give more of it")


@main.command("resolve")
@click.argument("annotation_ref", metavar="ID")
@click.option(
    "--keep",
    required=True,
    metavar="local|incoming|REVISION",
    help="Which version stays: the local one, the incoming one (when there is one), or the version with this revision.",
)
@click.pass_obj
def resolve(settings: Settings, annotation_ref: str, keep: str) -> None:
    """Settle a conflict of annotation ID (or a unique start of it) by keeping one version."""
    _, store = _open_store(settings)
    conflict = _find_conflict(store, annotation_ref)
    revisions = [version.revision for version in conflict.versions]
    if keep == "incoming":
        if len(revisions) != 1:
            raise click.ClickException(
                f"{len(revisions)} incoming versions ({', '.join(r[:8] for r in revisions)}); give --keep REVISION"
            )
        chosen = revisions[0]
    elif keep == "local":
        chosen = "local"
    else:
        starting = [revision for revision in revisions if keep and revision.startswith(keep)]
        if len(starting) != 1:
            raise click.ClickException(
                f"--keep {keep!r}: not local, incoming or one of {', '.join(r[:8] for r in revisions)}"
            )
        chosen = starting[0]
    try:
        kept = store.resolve(conflict.annotation_id, chosen)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    what = "the local version" if chosen == "local" else f"version {chosen[:8]}"
    say(f"resolved {conflict.annotation_id}: kept {what}" + ("" if kept is not None else " (it stays deleted)"))


@main.command("analyze")
@click.argument("refs", nargs=-1, metavar="[ARTICLE_OR_FILE]...")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON array: per article id, text, sentences, entities, quotes (with speakers and groups).",
)
@click.pass_obj
def analyze(settings: Settings, refs: tuple[str, ...], as_json: bool) -> None:
    """Find entities, quotations and speakers; fill the analysis cache.

    Without arguments, the whole library. An argument is an article id or the path of any
    UTF-8 text file. Names and speakers are resolved across the whole library.
    """
    from .analysis import AnalysisCache, LibraryAnalysis, analyze_cached
    from .analysis.report import article_report
    from .articles import ArticleFileError, ArticleNotFound
    from .nlp.pipeline import ModelError, load_pipeline

    library = _library(settings)
    scan = library.scan()
    if not refs:
        _echo_problems(scan.problems)
    try:
        targets = [library.resolve(ref) for ref in refs] if refs else list(scan.articles)
    except (ArticleNotFound, ArticleFileError) as error:
        raise CommandError(str(error).strip("'\"")) from None
    if not targets:
        raise CommandError(f"no articles to analyse in {library.articles_dir}")
    articles = {article.id: article for article in scan.articles}
    articles.update({article.id: article for article in targets})
    try:
        pipeline = load_pipeline(settings.model)
    except ModelError as error:
        raise CommandError(str(error)) from None
    if pipeline.warning:
        say(pipeline.warning, err=True)
    cache = AnalysisCache(settings.cache_dir)
    fingerprint = pipeline.info.fingerprint
    analyses = {}
    pending = []
    for article in articles.values():
        cached = cache.get(article, fingerprint)
        if cached is None:
            pending.append(article)
        else:
            analyses[article.id] = cached
    failures: list[str] = []
    if pending:
        with click.progressbar(
            pending, label="Analysing", file=sys.stderr, item_show_func=lambda a: safe_line(a.id) if a else ""
        ) as bar:
            for article in bar:
                try:
                    analyses[article.id] = analyze_cached(article, pipeline, cache)
                except Exception as error:  # noqa: BLE001 - one article must not cost the others their analysis
                    failures.append(f"failed {article.id}: {_one_line_reason(error)}")
    for failure in failures:
        say(failure, err=True)
    view = LibraryAnalysis(analyses.values())
    analysed = [article for article in targets if article.id in analyses]
    if as_json:
        print_json([article_report(article, view) for article in analysed])
    else:
        _print_analysis_lines(analysed, view, {a.id for a in pending})
    if failures:
        sys.exit(1)


def _one_line_reason(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def _print_analysis_lines(articles: list[Article], view: LibraryAnalysis, computed: set[str]) -> None:
    for article in articles:
        analysis = view.article(article.id)
        counted = [quote for quote in analysis.quotes if not quote.boilerplate]
        speech = sum(1 for quote in counted if quote.kind == "speech")
        attributed = sum(1 for quote in counted if quote.kind == "speech" and (quote.speaker or quote.speaker_text))
        state = "analysed" if article.id in computed else "cached"
        say(
            f"{article.id:40.40}  {len(analysis.entities):>4} entities  {len(counted):>3} quotes"
            f"  {speech:>3} speech ({attributed} attributed)  {len(analysis.indirect):>3} indirect  {state}"
        )


# ---- the language pipeline: info, evaluate-model --------------------------------------------


@main.command("info")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON: name, version, path, labels, components, fingerprint, source."
)
@click.pass_obj
def info(settings: Settings, as_json: bool) -> None:
    """Show the spaCy pipeline in use (the --model / READER_MODEL one, else the shipped one)."""
    from dataclasses import asdict

    from .nlp.pipeline import ModelError, load_pipeline

    try:
        loaded = load_pipeline(settings.model)
    except ModelError as error:  # even the shipped pipeline is missing or broken
        raise CommandError(str(error)) from None
    if loaded.warning:
        say(loaded.warning, err=True)
    details = asdict(loaded.info)
    if as_json:
        print_json(details)
        return
    say(f"{details['name']} {details['version']} ({details['source']}) at {details['path'] or 'memory'}")
    say(f"labels:      {', '.join(details['labels'])}")
    say(f"components:  {', '.join(details['components'])}")
    say(f"fingerprint: {details['fingerprint']}")


@main.command("evaluate-model")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--labels", help="Comma-separated labels to score, e.g. PER,LOC,ORG for a corpus without MISC.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def evaluate_model(settings: Settings, data: str, labels: str | None, as_json: bool) -> None:
    """Precision, recall and F1 per label of the pipeline on a GermEval TSV or CoNLL/BIO file."""
    from .nlp.evaluate import GoldFormatError, evaluate_file, format_table
    from .nlp.pipeline import ModelError, load_pipeline

    try:
        loaded = load_pipeline(settings.model, fallback=False)
        result = evaluate_file(Path(data), loaded.nlp, labels=labels.split(",") if labels else None)
    except (ModelError, GoldFormatError, OSError, UnicodeDecodeError) as error:
        raise CommandError(str(error).splitlines()[0] if str(error) else repr(error)) from None
    result["model"] = loaded.info.name
    if as_json:
        print_json(result)
        return
    say(
        f"{data}: {result['sentences']} sentences, {result['tokens']} tokens ({result['format']}); model {loaded.info.name} {loaded.info.version}"
    )
    say_lines(format_table(result))
