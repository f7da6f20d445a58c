"""A daemon thread that analyses articles one after another and reports results in batches.

Not a Textual worker on purpose: those run in the event loop's executor, which the app waits for
when it quits, so quitting during a long analysis would hang. A daemon thread is simply dropped.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..analysis import AnalysisCache, ArticleAnalysis, analyze_cached
from ..library import Article

BATCH_SECONDS = 0.5  # report at least this often while a long queue is worked through


class AnalysisWorker:
    """Queue articles with `submit`; `report(batch, failures)` is called from the worker thread."""

    def __init__(
        self,
        pipeline: object,
        cache_dir: Path,
        report: Callable[[dict[str, ArticleAnalysis], list[str]], None],
    ) -> None:
        self.pipeline = pipeline
        self.cache = AnalysisCache(cache_dir)
        self.report = report
        self._queue: queue.Queue[Article] = queue.Queue()
        self._queued: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="reader-analysis", daemon=True)
        self._thread.start()

    def submit(self, articles: list[Article]) -> int:
        """Queue the articles not queued already (by id and version); returns how many were new."""
        added = 0
        with self._lock:
            for article in articles:
                key = (article.id, article.version)
                if key not in self._queued:
                    self._queued.add(key)
                    self._queue.put(article)
                    added += 1
        return added

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._queued)

    def _run(self) -> None:
        batch: dict[str, ArticleAnalysis] = {}
        failures: list[str] = []
        last_report = time.monotonic()
        while True:
            article = self._queue.get()
            try:
                batch[article.id] = analyze_cached(article, self.pipeline, self.cache)  # type: ignore[arg-type]
            except Exception as error:  # noqa: BLE001 - one bad article must not stop the others
                failures.append(f"{article.id}: analysis failed: {error}")
            with self._lock:
                self._queued.discard((article.id, article.version))
                idle = not self._queued
            if idle or time.monotonic() - last_report >= BATCH_SECONDS:
                try:
                    self.report(batch, failures)
                except RuntimeError:  # the app has gone: nobody is listening any more
                    return
                batch, failures = {}, []
                last_report = time.monotonic()
