"""Analysis in a separate process: spaCy loads and runs there, never competing with a UI for the GIL.

The parent submits articles and receives each article's analysis as it is done. The child loads
the pipeline first and says which one it loaded (or why it could not). Messages are plain tuples
of str/dict, so they cross the process boundary without pickling project classes.

    child → parent: ("pipeline", info_dict, warning) | ("pipeline-failed", message)
                    ("analysed", article_id, analysis_json) | ("failed", article_id, message)
    parent → its own relay thread: ("closed",) once the child is stopped; ("failed", article_id,
                    message) for an article whose text could not be read to send
    parent → child: ("analyze", article_fields); the parent stops the child with SIGTERM

Submitting only queues the articles in the parent: a feeder thread reads their texts (a library
index reads bodies on demand) and hands them to the child a few at a time, so submitting a whole
library costs the UI thread nothing, and an article submitted `first` (one the reader opens) is
the next one analysed, not the ten-thousandth.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..articles import Article, ArticleFileError
from .results import ArticleAnalysis

BATCH_SECONDS = 0.5  # report at least this often while a long queue is worked through
IN_FLIGHT = 4  # articles handed to the child ahead of its answers: few, so one submitted first goes next
ARTICLE_FIELDS = ("id", "body", "title", "source", "date", "url", "language", "author")


def article_fields(article: Article) -> dict[str, str]:
    fields = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    fields["path"] = str(article.path)
    return fields


def serve(requested_model: str | None, cache_dir: str, requests: Any, results: Any) -> None:
    """The child process: load the pipeline, then analyse (through the cache) until terminated."""
    from ..nlp.pipeline import ModelError, load_pipeline
    from .cache import AnalysisCache, analyze_cached

    signal.signal(signal.SIGTERM, _exit_cleanly)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c in the shell reaches the whole group: the parent decides
    _exit_with_the_parent()
    try:
        pipeline = load_pipeline(requested_model)
    except ModelError as error:
        results.put(("pipeline-failed", str(error)))
        return
    results.put(("pipeline", asdict(pipeline.info), pipeline.warning))
    cache = AnalysisCache(Path(cache_dir))
    while True:
        _, fields = requests.get()
        fields = dict(fields)
        article = Article(id=fields.pop("id"), path=Path(fields.pop("path")), **fields)
        try:
            analysis = analyze_cached(article, pipeline, cache)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the others
            results.put(("failed", article.id, f"{type(error).__name__}: {error}"))
            continue
        results.put(("analysed", article.id, analysis.to_json()))


def _exit_cleanly(signum: int, frame: object) -> None:
    """SIGTERM becomes SystemExit, so `finally`/`except BaseException` blocks (temp files) run."""
    raise SystemExit(0)


def _exit_with_the_parent() -> None:
    """A parent killed without a chance to stop the child (SIGKILL, a closed terminal) must not
    leave it running for ever: a watcher thread sends it SIGTERM when the parent is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="reader-parent-watch", daemon=True).start()


@contextlib.contextmanager
def _real_stderr() -> Iterator[None]:
    """multiprocessing's resource tracker hands the child sys.stderr's file descriptor; a UI that
    captures stderr (Textual does) has none, so use the process's own stderr meanwhile."""
    current = sys.stderr
    try:
        usable = current.fileno() >= 0  # Textual's capture answers -1
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable or sys.__stderr__ is None:
        yield
        return
    sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = current


@contextlib.contextmanager
def _hangup_blocked() -> Iterator[None]:
    """The resource tracker multiprocessing starts for the queues' semaphores is in our process
    group: a closing terminal sends it SIGHUP too, and a tracker gone before we release the
    semaphores makes a new one print tracebacks. Started with SIGHUP blocked, it outlives the
    hangup while the app, which handles SIGHUP, shuts down in order."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class AnalysisProcess:
    """The parent's side: a child process for spaCy, a daemon thread that relays its results.

    `on_pipeline(info_dict | None, warning_or_error)` and `on_results(analyses, failures)` are
    called from the relay thread; hand them to the UI thread yourself.
    """

    def __init__(
        self,
        requested_model: str | None,
        cache_dir: Path,
        on_pipeline: Callable[[dict[str, Any] | None, str | None], None],
        on_results: Callable[[dict[str, ArticleAnalysis], list[str]], None],
    ) -> None:
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited threads
        with _real_stderr(), _hangup_blocked():
            self._requests = context.Queue()
            self._results = context.Queue()
        # never block the parent's exit on a pipe nobody reads: the child may be gone with requests
        # unread, and the results pipe may be full of the child's answers when close() puts its wake-up
        self._requests.cancel_join_thread()
        self._results.cancel_join_thread()
        self._on_pipeline = on_pipeline
        self._on_results = on_results
        self._pending: set[tuple[str, str]] = set()  # (id, version) submitted, not answered yet
        self._outbox: deque[tuple[tuple[str, str], Article]] = deque()  # submitted, not sent to the child yet
        self._sent = 0  # sent to the child, not answered yet
        self._closing = False
        self._pipeline_reported = False
        self._lock = threading.Lock()
        self._wake_feeder = threading.Condition(self._lock)
        self._process = context.Process(
            target=serve,
            args=(requested_model, str(cache_dir), self._requests, self._results),
            name="reader-analysis",
            daemon=True,
        )
        self._process.start()
        self._relay_thread = threading.Thread(target=self._relay, name="reader-analysis-relay", daemon=True)
        self._relay_thread.start()
        self._feeder_thread = threading.Thread(target=self._feed, name="reader-analysis-feeder", daemon=True)
        self._feeder_thread.start()

    def submit(self, articles: list[Article], *, first: bool = False) -> int:
        """Queue the articles not queued already (by id and version); returns how many were new.

        Cheap: nothing is read or sent here (the feeder thread does it). `first` puts them ahead
        of everything not sent yet, in their order, those queued already included."""
        if not self._process.is_alive():
            return 0  # it died, and said so through on_pipeline / on_results
        added = 0
        with self._lock:
            entries = []
            for article in articles:
                key = (article.id, article.version)
                if key not in self._pending:
                    self._pending.add(key)
                    added += 1
                elif not first:
                    continue
                entries.append((key, article))
            if first:
                moved = {key for key, _ in entries}
                if len(moved) > added:  # some were waiting in the outbox: take them out
                    self._outbox = deque(entry for entry in self._outbox if entry[0] not in moved)
                self._outbox.extendleft(reversed(entries))
            else:
                self._outbox.extend(entries)
            self._wake_feeder.notify()
        return added

    def _feed(self) -> None:
        """The feeder thread: read each queued article's text and send it, IN_FLIGHT at most ahead."""
        while True:
            with self._wake_feeder:
                while not self._closing and (not self._outbox or self._sent >= IN_FLIGHT):
                    self._wake_feeder.wait()
                if self._closing:
                    return
                (article_id, _), article = self._outbox.popleft()
                self._sent += 1
            try:
                fields = article_fields(article)  # an indexed article's body is read here
            except (ArticleFileError, OSError) as error:  # changed or gone since the scan
                self._results.put(("failed", article_id, str(error)))
                continue
            try:
                self._requests.put(("analyze", fields))
            except (ValueError, OSError):  # the queue is closed: we are shutting down
                return

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def close(self) -> None:
        """Stop the child at once, so quitting never waits for spaCy; an analysis cut short is
        simply not cached (the child cleans its temp file on SIGTERM) and is redone next time."""
        with self._lock:
            self._closing = True
            self._wake_feeder.notify()
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=1)
            if self._process.is_alive():  # stuck in native code or a slow exit under load
                self._process.kill()
                self._process.join(timeout=1)
        self._results.put(("closed",))  # wakes the relay thread, which then ends
        self._requests.close()

    def _relay(self) -> None:
        batch: dict[str, ArticleAnalysis] = {}
        failures: list[str] = []
        last_report = time.monotonic()
        while True:
            try:
                message = self._results.get(timeout=BATCH_SECONDS)
            except queue.Empty:
                message = None
                if not self._closing and not self._process.is_alive():
                    self._report_death(batch, failures)
                    return
            except (EOFError, OSError):  # the queue is closed: we are shutting down
                return
            if message is not None:
                kind = message[0]
                if kind == "closed":
                    return
                if kind in ("pipeline", "pipeline-failed"):
                    self._pipeline_reported = True
                    if not self._deliver(self._on_pipeline, message[1] if kind == "pipeline" else None, message[-1]):
                        return
                    if kind == "pipeline-failed":
                        return
                    continue
                article_id = message[1]
                if kind == "analysed":
                    analysis = ArticleAnalysis.from_json(message[2])
                    batch[article_id] = analysis
                else:
                    failures.append(f"{article_id}: analysis failed: {message[2]}")
                with self._lock:  # submit() adds to the set from the UI thread meanwhile
                    if kind == "analysed":
                        self._pending.discard((article_id, analysis.version))
                    else:
                        self._pending -= {k for k in self._pending if k[0] == article_id}
                    self._sent = max(0, self._sent - 1)
                    self._wake_feeder.notify()
            with self._lock:
                idle = not self._pending
            if (batch or failures) and (idle or message is None or time.monotonic() - last_report >= BATCH_SECONDS):
                if not self._deliver(self._on_results, batch, failures):
                    return
                batch, failures = {}, []
                last_report = time.monotonic()

    def _report_death(self, batch: dict[str, ArticleAnalysis], failures: list[str]) -> None:
        """The child died on its own (killed, out of memory, a crash in native code): say so
        instead of leaving the reader with "analysing …" for ever."""
        reason = f"the analysis process stopped unexpectedly (exit code {self._process.exitcode})"
        if not self._pipeline_reported:
            self._deliver(self._on_pipeline, None, reason)
            return
        with self._lock:
            lost, self._pending = sorted(self._pending), set()
            self._outbox.clear()
        failures = failures + [
            f"{article_id}: not analysed: {reason}; restart reader to retry" for article_id, _ in lost
        ]
        self._deliver(self._on_results, batch, failures or [reason])

    @staticmethod
    def _deliver(callback: Callable[..., None], *args: Any) -> bool:
        try:
            callback(*args)
        except RuntimeError:  # the receiver (the app) has gone
            return False
        return True
