"""What the commands share: the library of the settings, the store, and how skipped files are told."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..articles import Library, LoadProblem
from ..settings import Settings
from .console import CommandError, say

if TYPE_CHECKING:
    from ..annotations import AnnotationStore
    from ..nlp.pipeline import LoadedPipeline


def library_of(settings: Settings) -> Library:
    """The settings' library; a folder that does not exist is an error in one line."""
    if not settings.library.is_dir():
        what = "is not a folder" if settings.library.exists() else "does not exist"
        raise CommandError(f"the library folder {settings.library} {what} (--library, READER_LIBRARY)")
    return Library(settings.library, settings.library_index_dir)


def echo_problems(problems: Iterable[LoadProblem]) -> None:
    for problem in problems:
        say(f"skipped {problem}", err=True)


def open_store(settings: Settings) -> tuple[Library, AnnotationStore]:
    from ..annotations import AnnotationStore  # here: `reader list` and `analyze` need no store

    library = library_of(settings)
    store = AnnotationStore.open(library, author=settings.author)
    for problem in (*store.problems, *store.warnings):
        say(f"annotations: {problem}", err=True)
    return library, store


def known_article_ids(library: Library, store: AnnotationStore, wanted: tuple[str, ...]) -> None:
    """Refuse an --article that names neither a library article nor annotated (orphaned) ones."""
    known = {article.id for article in library.articles()} | set(store.counts_by_article())
    for article_id in wanted:
        if article_id not in known:
            raise CommandError(f"no article {article_id!r} in the library and no annotations for it")


def pipeline_for(settings: Settings) -> LoadedPipeline:
    """The pipeline the settings name (spaCy loads only here, when a command needs it); a model
    that cannot be loaded is a one-line error, a fallback a one-line note."""
    from ..nlp.pipeline import ModelError, load_pipeline

    try:
        pipeline = load_pipeline(settings.model)
    except ModelError as error:
        raise CommandError(str(error)) from None
    if pipeline.warning:
        say(pipeline.warning, err=True)
    return pipeline
