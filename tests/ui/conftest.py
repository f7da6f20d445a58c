"""Helpers for driving the real app headless with Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.settings import Settings
from reader.tui.app import ReaderApp


@pytest.fixture
def make_app(library_dir: Path):
    def factory(library: Path | None = None) -> ReaderApp:
        return ReaderApp(Settings.resolve(library=library or library_dir, author="tester"))

    return factory


async def wait_for_library(pilot, rows: int | None = None) -> None:
    """Wait until the library worker has filled the table."""
    screen = pilot.app.library_screen
    for _ in range(100):
        await pilot.pause(0.02)
        if screen.scan.articles or screen.scan.problems:
            if rows is None or screen.table.row_count == rows:
                return
    raise AssertionError("library did not load")
