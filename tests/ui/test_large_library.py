"""Pilot tests of what keeps the app responsive in a large library: analyses arriving in many
batches are built into the library analysis once per build, not once per batch."""

from __future__ import annotations

import threading
import time

import pytest

from reader.analysis import ArticleAnalysis, LibraryAnalysis
from reader.tui import app as app_module
from reader.tui.app import ReaderApp
from reader.tui.messages import AnalysesReady
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui


async def test_analyses_arriving_during_a_build_are_built_once_after_it(make_app, monkeypatch) -> None:
    builds: list[int] = []
    release = threading.Event()

    class SlowLibraryAnalysis(LibraryAnalysis):
        """A build that lasts until the test has sent every batch."""

        def __init__(self, analyses: list[ArticleAnalysis]) -> None:
            builds.append(len(analyses))
            release.wait(10)
            super().__init__(analyses)

    monkeypatch.setattr(app_module, "LibraryAnalysis", SlowLibraryAnalysis)
    monkeypatch.setattr(ReaderApp, "start_analysis", lambda self: None)  # no spaCy: the batches come from here
    monkeypatch.setattr(ReaderApp, "_read_cached_analyses", lambda self, articles: None)
    app = make_app()
    async with app.run_test() as pilot:
        await wait_for_library(pilot, rows=5)
        articles = app.session.scan.articles
        for article in articles:  # five batches, as the relay thread sends them while analysing
            app.post_message(AnalysesReady({article.id: ArticleAnalysis(article.id, article.version, "fp")}, []))
            await pilot.pause()
        assert builds == [1]  # the first batch's build still runs: the other four only wait
        release.set()
        began = time.monotonic()
        while time.monotonic() - began < 10:
            await pilot.pause(0.05)
            built = app.session.library_analysis
            if built is not None and len(built.article_ids) == len(articles):
                break
        assert builds == [1, len(articles)]  # one build for the four batches, after the first
        assert set(app.session.library_analysis.article_ids) == {a.id for a in articles}
