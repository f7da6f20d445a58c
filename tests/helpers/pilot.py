"""Waiting for the real app's background work while Pilot drives it."""

from __future__ import annotations

from textual.pilot import Pilot

from reader.tui.app import ReaderApp


async def wait_for_library(pilot: Pilot[None], rows: int | None = None) -> None:
    """Wait until the library worker has filled the table (with `rows` rows, if given)."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    screen = app.library_screen
    for _ in range(100):
        await pilot.pause(0.02)
        if (screen.scan.articles or screen.scan.problems) and (rows is None or screen.table.row_count == rows):
            return
    raise AssertionError("library did not load")
