"""App benchmarks: start-up until the library table shows, and opening a 50,000-word article.

python benchmarks/bench_app.py [--runs=N]
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ARTICLES, emit, long_article_text, runs_from_argv

from reader.settings import Settings
from reader.tui.app import ReaderApp
from reader.tui.messages import OpenArticles


def startup_to_library(library: Path, runs: int) -> list[float]:
    """Seconds from starting a fresh process until the library table shows (not until it exits)."""
    probe = Path(__file__).with_name("_startup_probe.py")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with subprocess.Popen([sys.executable, str(probe), str(library)], stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            line = child.stdout.readline()
            times.append(time.perf_counter() - start)
            assert line.strip() == "ready", line
        assert child.returncode == 0
    return times


async def settled(app: ReaderApp, pilot) -> None:
    """Until the analysis process has loaded spaCy and analysed the library (or 120 s passed)."""
    for _ in range(12_000):
        process = app.analysis_process
        if app.session.pipeline is not None and process is not None and not process.busy:
            return
        await pilot.pause(0.01)


async def open_long_article(library: Path, static: bool, during_startup: bool = False) -> float:
    """Seconds from asking to open the article until it is shown and has scrolled a page.

    Normally asked of a settled app (the library shown, spaCy loaded in its process, the library
    analysed: what a reader opening an article meets); `during_startup` asks as soon as the table
    shows, while the analysis process is still loading spaCy beside it.
    """
    app = ReaderApp(Settings.resolve(library=library))
    async with app.run_test(size=(160, 50)) as pilot:
        while app.library_screen.table.row_count == 0:
            await pilot.pause(0.001)
        if not during_startup:
            await settled(app, pilot)
        article = app.session.library.get("long")
        start = time.perf_counter()
        if static:
            from rich.text import Text
            from textual.containers import VerticalScroll
            from textual.screen import Screen
            from textual.widgets import Static

            screen: Screen[None] = Screen()
            await app.push_screen(screen)
            scroll = VerticalScroll()
            await screen.mount(scroll)
            await scroll.mount(Static(Text(article.body)))
            await pilot.pause()
            for _ in range(1000):  # on a busy machine the text may not be laid out at the first page down
                scroll.scroll_page_down(animate=False)
                await pilot.pause()
                if scroll.scroll_offset.y > 0:
                    break
            assert scroll.scroll_offset.y > 0
        else:
            app.post_message(OpenArticles(["long"]))
            while (
                not hasattr(app.screen, "columns")
                or not app.screen.columns
                or not app.screen.columns[0].view.line_count
            ):
                await pilot.pause(0.001)
            view = app.screen.columns[0].view
            view.action_scroll_page(1)  # what pagedown runs, without the Pilot's key-press delays
            await pilot.pause()
            assert view.scroll_offset.y > 0
        return time.perf_counter() - start


def main() -> None:
    runs = runs_from_argv(5)
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp)
        shutil.copytree(ARTICLES, library / "articles")
        emit("startup_to_library_s", startup_to_library(library, runs), "s", articles=5)
        (library / "articles" / "long.txt").write_text(long_article_text(50_000), encoding="utf-8")
        # the reader's open and Static's interleaved, a pair per run: the machine's load changes
        # from one second to the next, and each ratio compares two opens made under the same load
        lazy, baseline = [], []
        for _ in range(runs):
            lazy.append(asyncio.run(open_long_article(library, static=False)))
            baseline.append(asyncio.run(open_long_article(library, static=True)))
        emit("open_article_50k_words_s", lazy, "s", words=50_000, note="analysed article, highlights included")
        early = [asyncio.run(open_long_article(library, static=False, during_startup=True)) for _ in range(runs)]
        emit("open_article_50k_words_during_startup_s", early, "s", words=50_000, note="while spaCy loads beside it")
        emit("open_article_50k_words_static_baseline_s", baseline, "s", words=50_000)
        emit(
            "open_article_50k_words_static_ratio",
            [static / reader for reader, static in zip(lazy, baseline, strict=True)],
            "x",
            words=50_000,
            note="Static's time over the reader's, each pair opened one after the other (target >= 10)",
        )


if __name__ == "__main__":
    main()
