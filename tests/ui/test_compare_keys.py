"""The compare screen's keys: the Notes and Names panels in tabs mode, escape from the innermost
thing first, the quote-group modal, and what the status lines say."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens.compare import CompareScreen
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui


async def open_columns(pilot: Pilot[None], count: int) -> CompareScreen:
    await wait_for_library(pilot, rows=5)
    await pilot.press(*["space"] * count, "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen) and len(screen.columns) == count
    return screen


async def test_enter_on_a_note_in_tabs_mode_selects_exactly_its_passage(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(200, 40)) as pilot:  # four columns side by side until the panel opens
        screen = await open_columns(pilot, 4)
        assert not screen.has_class("narrow")
        third = screen.columns[2]
        body = third.article.body
        start = body.index(" ", len(body) // 2) + 1
        end = body.index(" ", start + 10)
        assert app.session.history is not None
        app.session.history.add(third.article, start, end, ["claim"], "")
        screen.refresh_annotations()
        await pilot.press("A")  # the Notes panel: the columns become tabs
        await pilot.pause()
        assert screen.has_class("narrow")
        await pilot.press("enter")
        for _ in range(5):
            await pilot.pause(0.02)
        assert app.focused is third.view
        assert third.view.selection == (start, end)
        assert third.view.scroll_offset.y > 0  # scrolled to the passage once its tab was shown
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.passage == body[start:end]
