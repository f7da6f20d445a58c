"""`/`, `\\` and `F` search the text; n / N move between the hits, which are their own layer."""

from __future__ import annotations

import pytest

from reader.text.search import find_all
from reader.tui.app import ReaderApp
from reader.tui.screens.compare import CompareScreen
from tests.helpers.pilot import screen_of, wait_for_library
from tests.ui.test_key_bursts import post_burst, settle

pytestmark = pytest.mark.ui


def status_of(screen: CompareScreen, index: int = 0) -> str:
    return screen.columns[index].describe_cursor().plain


async def test_slash_finds_in_the_article_and_n_moves_round_the_hits(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("space", "space", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        view = screen.columns[0].view
        hits = find_all(view.text, "trump")
        assert len(hits) > 2
        post_burst(app, ["slash", *"trump", "enter"])  # typed at once: the query reaches the search line
        await settle(pilot)
        assert app.focused is view
        assert [(h.start, h.end) for h in view.highlights("search")] == hits
        assert view.cursor == hits[0][0] or view.cursor == hits[1][0]
        first = next(i for i, hit in enumerate(hits) if hit[0] == view.cursor)
        assert f"/trump {first + 1}/{len(hits)}" in status_of(screen)
        await pilot.press("n")
        assert view.cursor == hits[first + 1][0]
        await pilot.press("g", "N")  # from the top, N wraps to the last hit and says so
        assert view.cursor == hits[-1][0]
        assert f"{len(hits)}/{len(hits)} — wrapped to the bottom" in status_of(screen)
        assert not screen.columns[1].view.highlights("search")  # `/` searches the focused article only

        await pilot.press("escape")  # the hits go first, then the comparison
        assert not view.highlights("search") and screen_of(app, CompareScreen) is screen

        await pilot.press("F", *"putin", "enter")  # every open column
        await settle(pilot, 5)
        for column in screen.columns:
            found = find_all(column.article.body, "putin")
            assert [(h.start, h.end) for h in column.view.highlights("search")] == found


async def test_backslash_searches_backward(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        view = screen.columns[0].view
        hits = find_all(view.text, "putin")
        await pilot.press("G", "backslash", *"putin", "enter")
        await settle(pilot, 5)
        assert view.cursor == hits[-1][0]
        await pilot.press("n")  # n keeps the search's direction
        assert view.cursor == hits[-2][0]
