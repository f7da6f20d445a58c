"""`reader analyze`: entities, quotations and speakers of articles; fills the analysis cache."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..articles import Article
from ..settings import Settings
from ..text.terminal import safe_line
from .common import echo_problems, library_of
from .console import CommandError, print_json, say

if TYPE_CHECKING:
    from ..analysis import LibraryAnalysis


@click.command("analyze")
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
    from ..analysis import AnalysisCache, LibraryAnalysis, analyze_cached
    from ..analysis.report import article_report
    from ..articles import ArticleFileError, ArticleNotFound
    from ..nlp.pipeline import ModelError, load_pipeline

    library = library_of(settings)
    scan = library.scan()
    if not refs:
        echo_problems(scan.problems)
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
    library_analysis = LibraryAnalysis(analyses.values())
    analysed = [article for article in targets if article.id in analyses]
    if as_json:
        print_json([article_report(article, library_analysis) for article in analysed])
    else:
        _print_analysis_lines(analysed, library_analysis, {a.id for a in pending})
    if failures:
        sys.exit(1)


def _one_line_reason(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def _print_analysis_lines(articles: list[Article], library_analysis: LibraryAnalysis, computed: set[str]) -> None:
    for article in articles:
        analysis = library_analysis.article(article.id)
        counted = [quote for quote in analysis.quotes if not quote.boilerplate]
        speech = sum(1 for quote in counted if quote.kind == "speech")
        attributed = sum(1 for quote in counted if quote.kind == "speech" and (quote.speaker or quote.speaker_text))
        state = "analysed" if article.id in computed else "cached"
        say(
            f"{article.id:40.40}  {len(analysis.entities):>4} entities  {len(counted):>3} quotes"
            f"  {speech:>3} speech ({attributed} attributed)  {len(analysis.indirect):>3} indirect  {state}"
        )
