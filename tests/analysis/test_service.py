"""The analysis child process: it loads the pipeline, analyses what it is sent through the cache,
reports a missing model in one line, and stops at once when closed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.analysis.cache import AnalysisCache
from reader.analysis.service import AnalysisProcess
from reader.articles import Article, Library

WAIT_S = 120


class Received:
    def __init__(self) -> None:
        self.pipeline: list[tuple[dict | None, str | None]] = []
        self.analyses: dict = {}
        self.failures: list[str] = []
        self.pipeline_seen = threading.Event()
        self.done = threading.Event()
        self.expected = 0

    def on_pipeline(self, info: dict | None, text: str | None) -> None:
        self.pipeline.append((info, text))
        self.pipeline_seen.set()

    def on_results(self, analyses: dict, failures: list[str]) -> None:
        self.analyses.update(analyses)
        self.failures.extend(failures)
        if len(self.analyses) + len(self.failures) >= self.expected:
            self.done.set()


@pytest.mark.slow
def test_articles_are_analysed_in_the_child_and_cached(tmp_path: Path, library_dir: Path) -> None:
    articles = list(Library(library_dir).articles()[:2])
    received = Received()
    received.expected = len(articles)
    process = AnalysisProcess(None, tmp_path, received.on_pipeline, received.on_results)
    try:
        assert process.submit(articles) == 2
        assert process.submit(articles) == 0  # already queued: not twice
        assert received.done.wait(WAIT_S), "no analyses arrived"
        [(info, _warning)] = received.pipeline
        assert info is not None and info["name"] == "reader_de_news" and "ner" in info["components"]
        assert received.failures == [] and not process.busy
        for article in articles:
            analysis = received.analyses[article.id]
            assert analysis.version == article.version and analysis.entities
            cached = AnalysisCache(tmp_path).get(article, analysis.fingerprint)
            assert cached == analysis
    finally:
        process.close()
    assert not process._process.is_alive()
    process._relay_thread.join(timeout=5)
    assert not process._relay_thread.is_alive()  # nothing left running that holds the queues


@pytest.mark.slow
def test_a_missing_model_is_named_in_one_line_with_the_fallback(tmp_path: Path) -> None:
    received = Received()
    process = AnalysisProcess(str(tmp_path / "no-such-model"), tmp_path, received.on_pipeline, received.on_results)
    try:
        assert received.pipeline_seen.wait(WAIT_S)
        [(info, warning)] = received.pipeline
        assert info is not None and info["name"] == "reader_de_news"
        assert warning and "no-such-model" in warning and "\n" not in warning
    finally:
        process.close()


def test_close_stops_a_child_still_loading_at_once(tmp_path: Path) -> None:
    process = AnalysisProcess(None, tmp_path, lambda *a: None, lambda *a: None)
    process.close()  # spaCy is still being imported in the child
    assert not process._process.is_alive()
    assert list(tmp_path.rglob("*.tmp")) == []


@pytest.mark.slow
def test_a_child_that_dies_is_reported_not_waited_for(tmp_path: Path, library_dir: Path) -> None:
    import os
    import signal

    articles = list(Library(library_dir).articles())
    received = Received()
    received.expected = 1
    process = AnalysisProcess(None, tmp_path, received.on_pipeline, received.on_results)
    try:
        assert received.pipeline_seen.wait(WAIT_S)
        process.submit(articles)
        assert process._process.pid is not None
        os.kill(process._process.pid, signal.SIGKILL)  # as the out-of-memory killer would
        assert received.done.wait(10), "the death was not reported"
        assert any("stopped unexpectedly" in failure and "-9" in failure for failure in received.failures)
        assert not process.busy  # nothing left "analysing" for ever
        assert process.submit(articles) == 0
    finally:
        process.close()


class InOrder(Received):
    """Also remembers the order in which the analyses arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []

    def on_results(self, analyses: dict, failures: list[str]) -> None:
        self.order.extend(analyses)
        super().on_results(analyses, failures)


@pytest.mark.slow
def test_an_article_submitted_first_is_analysed_before_those_waiting(tmp_path: Path) -> None:
    """A library's worth submitted, then the one the reader opens: it is not analysed last."""
    from reader.analysis.service import IN_FLIGHT

    articles = [
        Article(id=f"a{n}", path=tmp_path / f"a{n}.txt", body=f"Angela Merkel sprach in Berlin. Meldung {n}.")
        for n in range(IN_FLIGHT + 6)
    ]
    opened = articles[-1]
    received = InOrder()
    received.expected = len(articles)
    process = AnalysisProcess(None, tmp_path, received.on_pipeline, received.on_results)
    try:
        assert process.submit(articles[:-1]) == len(articles) - 1  # the child still loads its pipeline
        assert process.submit([opened], first=True) == 1
        assert process.submit([articles[-2]], first=True) == 0  # queued already: moved ahead, not added
        assert received.done.wait(WAIT_S), "no analyses arrived"
        assert received.failures == [] and sorted(received.order) == sorted(a.id for a in articles)
        # only those handed to the child before (IN_FLIGHT at most) come earlier
        assert received.order.index(opened.id) <= IN_FLIGHT
        assert received.order.index(articles[-2].id) <= IN_FLIGHT + 1
    finally:
        process.close()
