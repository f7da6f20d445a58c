"""Searching inside an article in the app: `/` + a query + enter in a 50,000-word article.

python benchmarks/bench_search.py [--runs=N]

search_50k_words_ms: from the query's submission until every hit is on the search layer, the
cursor on the first and the column's status says "1/N", measured in the real app (the analysis
is not waited for: a search does not need it).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from _common import emit, long_article_text, runs_from_argv

from reader.settings import Settings
from reader.tui.app import ReaderApp
from reader.tui.messages import OpenArticles
from reader.tui.screens.compare import CompareScreen
from reader.tui.widgets.search_bar import SearchAsked

WORDS = 50_000
QUERIES = ("Putin", "ukraine", "der russische präsident")  # frequent, case-free, a phrase


async def search_times(library: Path, runs: int) -> tuple[list[float], int]:
    app = ReaderApp(Settings.resolve(library=library))
    times: list[float] = []
    hits = 0
    async with app.run_test(size=(160, 50)) as pilot:
        while app.library_screen.table.row_count == 0:
            await pilot.pause(0.001)
        app.post_message(OpenArticles(["long"]))
        while not isinstance(app.screen, CompareScreen) or not app.screen.columns[0].view.wrap_complete:
            await pilot.pause(0.01)
        screen = app.screen
        column = screen.columns[0]
        for _ in range(runs):
            for query in QUERIES:
                column.view.move_cursor(0)
                start = time.perf_counter()
                screen.on_search_asked(SearchAsked(query, False, False))
                times.append((time.perf_counter() - start) * 1000)
                assert "1/" in column.describe_cursor().plain
                hits = max(hits, len(column.search_hits))
                await pilot.pause()
    return times, hits


def main() -> None:
    runs = runs_from_argv(5)
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp)
        (library / "articles").mkdir()
        (library / "articles" / "long.txt").write_text(long_article_text(WORDS), encoding="utf-8")
        times, hits = asyncio.run(search_times(library, runs))
    emit("search_50k_words_ms", times, "ms", words=WORDS, queries=len(QUERIES), most_hits=hits, target="<= 50")


if __name__ == "__main__":
    main()
