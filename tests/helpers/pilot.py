"""Waiting for the real app's background work while Pilot drives it."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from reader.tui.app import ReaderApp
from reader.tui.highlights import HighlightedEntity, HighlightedPassage, HighlightedQuote
from reader.tui.widgets.reading_view import Highlight

S = TypeVar("S", bound=Screen[Any])


async def wait_for_library(pilot: Pilot[None], rows: int | None = None) -> None:
    """Wait until the library worker has filled the table (with `rows` rows, if given) and the store
    is open: keys pressed before then may meet a table that a later part of the scan redraws."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    screen = app.library_screen
    for _ in range(250):
        await pilot.pause(0.02)
        scan = screen.scan
        if (
            (scan.articles or scan.problems)
            and scan.complete
            and app.session.store is not None
            and (rows is None or screen.table.row_count == rows)
        ):
            return
    raise AssertionError("library did not load")


def entity_of(mark: Highlight) -> HighlightedEntity:
    """What an entity highlight marks (the reading view keeps `data` untyped)."""
    assert isinstance(mark.data, HighlightedEntity), mark
    return mark.data


def quote_of(mark: Highlight) -> HighlightedQuote:
    """What a quotation highlight marks."""
    assert isinstance(mark.data, HighlightedQuote), mark
    return mark.data


def passage_of(mark: Highlight) -> HighlightedPassage:
    """What a shared-passage highlight marks."""
    assert isinstance(mark.data, HighlightedPassage), mark
    return mark.data


def screen_of(app: App[Any], kind: type[S]) -> S:
    """The app's current screen, which the test expects to be a `kind`."""
    screen = app.screen
    assert isinstance(screen, kind), screen
    return screen
