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


@main.command("analyze")
@click.argument("refs", nargs=-1, metavar="[ARTICLE_OR_FILE]...")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array: per article id, text, sentences, entities, quotes (with speakers and groups).")
@click.pass_obj
def analyze(settings: Settings, refs: tuple[str, ...], as_json: bool) -> None:
    """Find entities, quotations and speakers; fill the analysis cache.

    Without arguments, the whole library. An argument is an article id or the path of any
    UTF-8 text file. Names and speakers are resolved across the whole library.
    """
    from .analysis import AnalysisCache, LibraryAnalysis, analyze_cached
    from .analysis.report import article_report
    from .library import ArticleFileError, ArticleNotFound
    from .nlp.pipeline import ModelError, load_pipeline

    library = Library(settings.library)
    scan = library.scan()
    if not refs:
        _echo_problems(scan.problems)
    try:
        targets = [library.resolve(ref) for ref in refs] if refs else list(scan.articles)
    except (ArticleNotFound, ArticleFileError) as error:
        raise click.ClickException(str(error).strip("'\"")) from None
    if not targets:
        raise click.ClickException(f"no articles to analyse in {library.articles_dir}")
    articles = {article.id: article for article in scan.articles}
    articles.update({article.id: article for article in targets})
    try:
        pipeline = load_pipeline(settings.model)
    except ModelError as error:
        raise click.ClickException(str(error)) from None
    if pipeline.warning:
        click.echo(pipeline.warning, err=True)
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
    if pending:
        with click.progressbar(pending, label="Analysing", file=sys.stderr, item_show_func=lambda a: a.id if a else "") as bar:
            for article in bar:
                analyses[article.id] = analyze_cached(article, pipeline, cache)
    view = LibraryAnalysis(analyses.values())
    if as_json:
        json.dump([article_report(article, view) for article in targets], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for article in targets:
        analysis = view.article(article.id)
        speech = sum(1 for quote in analysis.quotes if quote.kind == "speech")
        attributed = sum(1 for quote in analysis.quotes if quote.kind == "speech" and quote.speaker)
        state = "analysed" if article.id in {a.id for a in pending} else "cached"
        click.echo(
            f"{article.id:40.40}  {len(analysis.entities):>4} entities  {len(analysis.quotes):>3} quotes"
            f"  {speech:>3} speech ({attributed} attributed)  {state}"
        )
