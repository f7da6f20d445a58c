"""Analysing many articles over several processes: each has the pipeline once and analyses the
articles it is handed, writing each analysis to the cache as it is done.

A process pool rather than spaCy's nlp.pipe(n_process=…): the analysis after spaCy (quotations,
speakers, names) costs as much as the pipeline, and it runs in the workers too. What the cache
holds is not handed out again, so a run that was stopped resumes where it was.

Where fork is safe (Linux, and this process runs no other thread yet), the workers are forked
from a process that has loaded the pipeline already: none imports spaCy or loads the model
again (1.5–2 s each), the pages are shared copy-on-write. Elsewhere they are spawned, and each
loads its own.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..articles import Article
from .cache import AnalysisCache, analyze_cached
from .results import ArticleAnalysis

if TYPE_CHECKING:
    from ..nlp.pipeline import LoadedPipeline

# per worker process: the pipeline and the cache, set once by _start_worker
_worker: dict[str, Any] = {}
Outcome = tuple[str, ArticleAnalysis | None, str]


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def fork_is_safe() -> bool:
    """Whether workers may be forked from this process: on Linux only (macOS's system libraries
    are not safe to fork), and only while no other thread runs here (a fork copies a lock another
    thread holds, held for ever in the child)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _start_worker(pipeline: LoadedPipeline | None, model: str | None, cache_dir: str) -> None:
    """A forked worker has the parent's pipeline already; a spawned one loads its own."""
    if pipeline is None:
        from ..nlp.pipeline import load_pipeline

        pipeline = load_pipeline(model)
    _worker["pipeline"] = pipeline
    _worker["cache"] = AnalysisCache(Path(cache_dir))


def _analyze_in_worker(article: Article) -> Outcome:
    """(id, analysis, "") or (id, None, the reason it failed): one bad article costs only itself."""
    try:
        return article.id, analyze_cached(article, _worker["pipeline"], _worker["cache"]), ""
    except Exception as error:  # noqa: BLE001 - reported per article, the others go on
        return article.id, None, one_line_reason(error)


def analyze_all(
    articles: Sequence[Article], model: str | None, cache_dir: Path, jobs: int, load: Callable[[], LoadedPipeline]
) -> Iterator[Outcome]:
    """What `reader analyze --jobs` does: (id, analysis or None, failure) of each article, in this
    process for one job or one article, else in `jobs` processes, started before this returns —
    forked from the pipeline `load` gives here where that is safe."""
    if jobs > 1 and len(articles) > 1:
        pipeline = None
        if fork_is_safe():
            with one_blas_thread_each():
                pipeline = load()
        return analyze_in_processes(articles, model, cache_dir, jobs, pipeline)
    return _in_this_process(articles, load, AnalysisCache(cache_dir))


def _in_this_process(
    articles: Sequence[Article], load: Callable[[], LoadedPipeline], cache: AnalysisCache
) -> Iterator[Outcome]:
    pipeline = load()
    for article in articles:
        try:
            yield article.id, analyze_cached(article, pipeline, cache), ""
        except Exception as error:  # noqa: BLE001 - one article must not cost the others their analysis
            yield article.id, None, one_line_reason(error)


def one_line_reason(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def analyze_in_processes(
    articles: Sequence[Article],
    model: str | None,
    cache_dir: Path,
    jobs: int,
    pipeline: LoadedPipeline | None = None,
) -> Iterator[Outcome]:
    """Analyse the articles in `jobs` processes, yielding (id, analysis or None, failure) as each is done.

    The workers start now, not when the first result is asked for: so they are forked before the
    caller starts a thread of its own (a progress bar's). `pipeline`, loaded in this process,
    is what forked workers use; without it, or where fork is not safe, they are spawned and each
    loads `model`. Longest first, so no worker is left with one long article at the end while
    the others idle.
    """
    ordered = sorted(articles, key=lambda article: -article.words)
    forked = pipeline is not None and fork_is_safe()
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(jobs, len(ordered))),
        mp_context=multiprocessing.get_context("fork" if forked else "spawn"),
        initializer=_start_worker,
        initargs=(pipeline if forked else None, model, str(cache_dir)),
    )
    if forked:  # a child's collector never walks what it was forked with, so those pages stay shared
        gc.freeze()
    try:
        with one_blas_thread_each():  # the workers start as the first article is submitted
            futures = [pool.submit(_analyze_in_worker, _plain(article)) for article in ordered]
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    finally:
        gc.unfreeze()
    return _results(pool, futures)


def _results(pool: ProcessPoolExecutor, futures: list[Future[Outcome]]) -> Iterator[Outcome]:
    with pool:
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise


_THREAD_LIMITS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def one_blas_thread_each() -> Iterator[None]:
    """Numerical libraries loaded meanwhile (a spawned worker's, or the pipeline workers are
    forked from) use one BLAS thread each: a worker is one core's worth, and each one's BLAS
    threads competing for the other cores made 2 processes barely faster than 1 (measured here:
    1.34× → 1.6–1.76×). A limit the user set is kept."""
    unset = [name for name in _THREAD_LIMITS if name not in os.environ]
    for name in unset:
        os.environ[name] = "1"
    try:
        yield
    finally:
        for name in unset:
            os.environ.pop(name, None)


def _plain(article: Article) -> Article:
    """The article as a plain Article with its body, to be pickled to a worker."""
    return Article(
        id=article.id,
        path=article.path,
        body=article.body,
        title=article.title,
        source=article.source,
        date=article.date,
        url=article.url,
        language=article.language,
        author=article.author,
        warnings=article.warnings,
    )
