"""`reader compare` and `reader related`: how outlets frame one story, and which articles cover it."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from ..annotations import StoreError
from ..settings import Settings
from ..text.terminal import safe_display
from .common import library_of, pipeline_for
from .console import CommandError, export_for_terminal, is_terminal, print_json, say

if TYPE_CHECKING:
    from ..analysis import LibraryAnalysis
    from ..articles import Article, Library

COMPARE_FORMATS = ("json", "html", "md")


def _library_analysis(settings: Settings, library: Library, targets: list[Article]) -> LibraryAnalysis:
    """Analyses of the whole library and the targets (names resolve library-wide), cached ones reused."""
    from ..analysis import AnalysisCache, LibraryAnalysis, analyze_cached

    articles = {a.id: a for a in library.scan().articles}
    articles.update({a.id: a for a in targets})
    pipeline = pipeline_for(settings)
    cache = AnalysisCache(settings.cache_dir)
    return LibraryAnalysis(analyze_cached(article, pipeline, cache) for article in articles.values())


@click.command("compare")
@click.argument("refs", nargs=-1, required=True, metavar="ARTICLE...")
@click.option("--format", "fmt", type=click.Choice(COMPARE_FORMATS), default="json", show_default=True)
@click.option("-o", "--output", help="Write to this file ('-' or none: standard output).")
@click.pass_obj
def compare(settings: Settings, refs: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Compare how the articles frame the story: epithets, voices, shared and unique passages.

    JSON for scripts (top-level keys epithets, voices, shared, quote_groups, articles), a
    self-contained HTML report (articles side by side, highlights, notes, tables, charts) or Markdown.
    """
    from ..annotations import AnnotationStore
    from ..articles import ArticleFileError, ArticleNotFound
    from ..exchange import write_export
    from ..framing import framing_report
    from ..framing.html_report import render_html
    from ..framing.markdown_report import render_markdown

    library = library_of(settings)
    try:
        targets = list({a.id: a for a in (library.resolve(ref) for ref in refs)}.values())
    except (ArticleNotFound, ArticleFileError) as error:
        raise CommandError(str(error).strip("'\"")) from None
    library_analysis = _library_analysis(settings, library, targets)
    report = framing_report(library_analysis, targets)
    if fmt == "json":
        data = (json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n").encode()
    elif fmt == "md":
        data = render_markdown(report).encode()
    else:
        anchored = {}
        if library.annotations_dir.is_dir():
            try:
                store = AnnotationStore.open(library, author=settings.author)
            except StoreError as error:
                say(f"annotations: {error}", err=True)
            else:
                anchored = {a.id: store.for_article(a) for a in targets}
        data = render_html(report, library_analysis, anchored).encode()
    if output is None or output == "-":
        if is_terminal(sys.stdout):
            data = export_for_terminal(data, fmt) if fmt == "json" else safe_display(data.decode()).encode()
        click.echo(data, nl=False)
        return
    try:
        write_export(output, data)
    except StoreError as error:
        raise CommandError(str(error)) from None
    say(f"wrote {output}", err=True)


@click.command("related")
@click.argument("ref", metavar="ARTICLE")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array: id, title, score (0…1), shared terms.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.pass_obj
def related(settings: Settings, ref: str, as_json: bool, limit: int) -> None:
    """The library's articles likeliest to cover the same story as ARTICLE, best first.

    Ranked by shared names, dates and content words (TF-IDF); the index lives in the cache folder
    and follows the library: only added or changed articles are read again.
    """
    import sqlite3

    from ..articles import ArticleFileError, ArticleNotFound
    from ..framing.related import RelatedIndex, index_path

    library = library_of(settings)
    try:
        article = library.resolve(ref)
    except (ArticleNotFound, ArticleFileError) as error:
        raise CommandError(str(error).strip("'\"")) from None
    scan = library.scan()
    try:
        index = RelatedIndex(index_path(settings.cache_dir, library.root))
        index.sync(scan.articles)
        ranked = index.related(article, limit=limit)
        index.close()
    except (OSError, sqlite3.Error) as error:
        raise CommandError(f"the related-articles index in {settings.cache_dir} cannot be used: {error}") from None
    titles = {a.id: a.display_title for a in scan.articles}
    if as_json:
        print_json([{**r.to_json(), "title": titles.get(r.article_id, "")} for r in ranked])
        return
    if not ranked:
        say("no other article of the library shares its names, dates or words")
    for n, r in enumerate(ranked, 1):
        say(f"{n:>3}. {r.score:5.2f}  {r.article_id:40.40}  {titles.get(r.article_id, '')[:60]}")
        say(f"            shared: {', '.join(r.shared)}")
