"""`reader analyze`: entities, quotations and speakers of articles; fills the analysis cache."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from ..articles import Article
from ..settings import Settings
from ..text.terminal import safe_line
from .common import echo_problems, library_of, pipeline_for
from .console import CommandError, print_json, say

if TYPE_CHECKING:
    from ..analysis import ArticleAnalysis, LibraryAnalysis
    from ..nlp.pipeline import LoadedPipeline


@click.command("analyze")
@click.argument("refs", nargs=-1, metavar="[ARTICLE_OR_FILE]...")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON array: per article id, text, sentences, entities, quotes (with speakers and groups).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to analyse in (default: the machine's cores); each loads the pipeline once.",
)
@click.pass_obj
def analyze(settings: Settings, refs: tuple[str, ...], as_json: bool, jobs: int | None) -> None:
    """Find entities, quotations and speakers; fill the analysis cache.

    Without arguments, the whole library. An argument is an article id or the path of any
    UTF-8 text file. Names and speakers are resolved across the whole library. What the cache
    holds is not analysed again, so a run that was stopped goes on where it was.
    """
    from ..analysis import AnalysisCache, LibraryAnalysis
    from ..analysis.parallel import default_jobs
    from ..analysis.report import article_report
    from ..articles import ArticleFileError, ArticleNotFound
    from ..nlp.identity import peek_fingerprint

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
    jobs = jobs or default_jobs()
    cache = AnalysisCache(settings.cache_dir)
    fingerprint = peek_fingerprint(settings.model)
    pipeline = None
    if fingerprint is None:  # only loading the pipeline tells its fingerprint
        pipeline = pipeline_for(settings)
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
        words = {article.id: article.words for article in pending}
        results = _analyses(pending, settings, pipeline, jobs)  # worker processes start here: no thread yet
        with _progress(len(words), sum(words.values())) as advance:
            for article_id, analysis, failure in results:
                if analysis is None:
                    failures.append(f"failed {article_id}: {failure}")
                else:
                    analyses[article_id] = analysis
                advance(article_id, words[article_id])
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


def _analyses(
    pending: list[Article], settings: Settings, pipeline: LoadedPipeline | None, jobs: int
) -> Iterator[tuple[str, ArticleAnalysis | None, str]]:
    """(id, analysis or None, why it failed) of each pending article, in this process or in `jobs`
    (those started before this returns); a worker process that died (killed, out of memory) ends
    the run in one line."""
    from concurrent.futures.process import BrokenProcessPool

    from ..analysis.parallel import analyze_all

    results = analyze_all(pending, settings.model, settings.cache_dir, jobs, lambda: pipeline or pipeline_for(settings))

    def reported() -> Iterator[tuple[str, ArticleAnalysis | None, str]]:
        try:
            yield from results
        except BrokenProcessPool as error:
            raise CommandError(f"the analysis processes stopped ({error}); what they finished is cached") from None

    return reported()


@contextmanager
def _progress(articles: int, total_words: int) -> Iterator[Callable[[str, int], None]]:
    """Progress on stderr: a rich bar on a terminal, a plain line per article otherwise."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (
            TextColumn("Analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("words"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("analyse", total=total_words)
            yield lambda article_id, words: bar.advance(task, words)
        return
    done = [0, 0]  # articles, words

    def line(article_id: str, words: int) -> None:
        done[0] += 1
        done[1] += words
        say(f"Analysing {done[0]}/{articles}: {safe_line(article_id)} ({done[1]:,}/{total_words:,} words)", err=True)

    yield line


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
