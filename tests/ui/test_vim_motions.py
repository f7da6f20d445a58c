"""vim and less keys in the reading view: e, 0 / $, counts, ctrl+d / ctrl+u, b / space; a `w`
selection holds no trailing space; y and ctrl+c copy it."""

from __future__ import annotations

import pytest

from reader.text.segments import word_spans
from reader.tui.app import ReaderApp
from reader.tui.screens.annotation_editor import AnnotationEditor
from reader.tui.screens.compare import CompareScreen
from reader.tui.widgets.reading_view import ReadingView
from tests.helpers.pilot import screen_of, wait_for_library

pytestmark = pytest.mark.ui


async def open_one(pilot) -> ReadingView:
    await wait_for_library(pilot, rows=5)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen.columns[0].view


async def test_e_zero_dollar_and_counts(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_one(pilot)
        words = word_spans(view.text)
        await pilot.press("e")
        assert view.cursor == words[0][1]
        await pilot.press("e")
        assert view.cursor == words[1][1]
        await pilot.press("4", "w")  # a count: four words on
        assert view.cursor == words[5][0]
        await pilot.press("dollar_sign")
        line_start = view.cursor
        await pilot.press("0")
        assert view.cursor == 0 < line_start  # the first line on screen starts the text
        top = view.scroll_offset.y
        await pilot.press("5", "j")
        assert view.scroll_offset.y == top + 5
        await pilot.press("1")  # 1–3 stay the layer switches, not a count
        assert not view.layer_visible("entity")
        await pilot.press("j")
        assert view.scroll_offset.y == top + 6


async def test_half_pages_and_less_keys(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(120, 20)) as pilot:
        view = await open_one(pilot)
        assert view.max_scroll_y > 3 * view.scrollable_content_region.height
        half = view.scrollable_content_region.height // 2
        await pilot.press("ctrl+d")
        assert view.scroll_offset.y == half
        await pilot.press("space")
        assert view.scroll_offset.y == half + view.scrollable_content_region.height - 1
        await pilot.press("b", "ctrl+u")
        assert view.scroll_offset.y == 0


async def test_a_word_selection_stores_no_trailing_space_and_y_copies_it(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_one(pilot)
        words = word_spans(view.text)
        await pilot.press("v", "w")
        assert view.selection == words[0]  # not the space before the next word
        column = screen_of(app, CompareScreen).columns[0]
        length = words[0][1] - words[0][0]
        assert f"selected {length} characters" in column.describe_cursor().plain
        await pilot.press("y")
        assert app.clipboard == view.text[words[0][0] : words[0][1]]
        await pilot.press("w", "ctrl+c")  # ctrl+c copies a selection too, and does not quit
        await pilot.pause()
        assert app.is_running and app.clipboard == view.text[words[0][0] : words[1][1]]
        await pilot.press("a")
        await pilot.pause()
        assert screen_of(app, AnnotationEditor).passage == view.text[words[0][0] : words[1][1]]
