"""Pilot tests of what keeps the app responsive in a large library: analyses arriving in many
batches are built into the library analysis once per build, not once per batch."""

from __future__ import annotations

import threading
import time

import pytest

from reader.analysis import ArticleAnalysis, LibraryAnalysis
from reader.analysis import library_analysis as library_analysis_module
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

    monkeypatch.setattr(library_analysis_module, "LibraryAnalysis", SlowLibraryAnalysis)
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


async def test_the_first_rows_show_before_the_walk_is_done(make_app, library_dir, monkeypatch) -> None:
    """A first run in a large library: the table shows what is read so far while the scan reads on,
    says so in its title, and ends with every article."""
    from reader.articles import library as library_module

    source = next((library_dir / "articles").glob("*.txt")).read_text(encoding="utf-8")
    for n in range(60):
        (library_dir / "articles" / f"zz-meldung-{n:03d}.txt").write_text(f"Meldung {n}\n{source}", encoding="utf-8")
    monkeypatch.setattr(library_module, "FIRST_PROGRESS_S", 0.0)
    release = threading.Event()
    read = library_module.read_article_file
    calls: list[int] = []

    def stalling_read(path):
        calls.append(1)
        if len(calls) == 20:  # the walk stops a third of the way until the test has looked
            release.wait(10)
        return read(path)

    monkeypatch.setattr(library_module, "read_article_file", stalling_read)
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.library_screen
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.table.row_count:
                break
        shown = screen.table.row_count
        assert 0 < shown < 65 and not screen.scan.complete
        title = str(screen.query_one("#library-title").render())
        assert "reading the library" in title and "so far" in title
        release.set()
        await wait_for_library(pilot, rows=65)
        assert screen.scan.complete and len(app.session.scan.articles) == 65
        assert "reading the library" not in str(screen.query_one("#library-title").render())


async def test_a_library_analysis_being_built_never_holds_up_quitting(make_app, monkeypatch) -> None:
    """The build runs in a daemon thread of its own: the event loop's executor (Textual's thread
    workers), which Python joins at exit, would make quitting wait for a build of minutes."""
    building, release = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []

    class StuckLibraryAnalysis(LibraryAnalysis):
        def __init__(self, analyses: list[ArticleAnalysis]) -> None:
            threads.append(threading.current_thread())
            building.set()
            release.wait(30)
            super().__init__(analyses)

    monkeypatch.setattr(library_analysis_module, "LibraryAnalysis", StuckLibraryAnalysis)
    monkeypatch.setattr(ReaderApp, "start_analysis", lambda self: None)
    monkeypatch.setattr(ReaderApp, "_read_cached_analyses", lambda self, articles: None)
    app = make_app()
    try:
        async with app.run_test() as pilot:
            await wait_for_library(pilot, rows=5)
            article = app.session.scan.articles[0]
            app.post_message(AnalysesReady({article.id: ArticleAnalysis(article.id, article.version, "fp")}, []))
            await pilot.pause()
            assert building.wait(10)
        (thread,) = threads
        assert thread.daemon and thread.is_alive()  # the app has quit; the build goes on, holding nothing up
    finally:
        release.set()
    thread.join(10)
    assert app.session.library_analysis is None  # its result, after the quit, went nowhere
