"""Analysing many articles over several processes: each loads the pipeline once and analyses
the articles it is handed, writing each analysis to the cache as it is done.

A process pool rather than spaCy's nlp.pipe(n_process=…): the analysis after spaCy (quotations,
speakers, names) costs as much as the pipeline, and it runs in the workers too. What the cache
holds is not handed out again, so a run that was stopped resumes where it was.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..articles import Article
from .cache import AnalysisCache, analyze_cached
from .results import ArticleAnalysis

# per worker process: the pipeline and the cache, loaded once by _start_worker
_worker: dict[str, Any] = {}


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(model: str | None, cache_dir: str) -> None:
    from ..nlp.pipeline import load_pipeline

    _worker["pipeline"] = load_pipeline(model)
    _worker["cache"] = AnalysisCache(Path(cache_dir))


def _analyze_in_worker(article: Article) -> tuple[str, ArticleAnalysis | None, str]:
    """(id, analysis, "") or (id, None, the reason it failed): one bad article costs only itself."""
    try:
        return article.id, analyze_cached(article, _worker["pipeline"], _worker["cache"]), ""
    except Exception as error:  # noqa: BLE001 - reported per article, the others go on
        lines = str(error).strip().splitlines()
        return article.id, None, f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def analyze_in_processes(
    articles: Sequence[Article], model: str | None, cache_dir: Path, jobs: int
) -> Iterator[tuple[str, ArticleAnalysis | None, str]]:
    """Analyse the articles in `jobs` processes, yielding (id, analysis or None, failure) as each is done.

    Longest first, so no worker is left with one long article at the end while the others idle.
    """
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    ordered = sorted(articles, key=lambda article: -article.words)
    with ProcessPoolExecutor(
        max_workers=max(1, min(jobs, len(ordered))),
        mp_context=context,
        initializer=_start_worker,
        initargs=(model, str(cache_dir)),
    ) as pool:
        with _one_thread_each():  # the workers are spawned as the articles are submitted
            futures = [pool.submit(_analyze_in_worker, _plain(article)) for article in ordered]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise


_THREAD_LIMITS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _one_thread_each() -> Iterator[None]:
    """Workers spawned meanwhile use one BLAS thread each: a worker is one core's worth, and each
    one's BLAS threads competing for the other cores made 2 processes barely faster than 1
    (measured here: 1.34× → 1.6–1.76×). A limit the user set is kept."""
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
