"""Keys that arrive in one burst (a paste of keystrokes, a macro, a laggy ssh link) reach the input
that the first of them opens, and never run as commands: each test posts the whole burst at once."""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens.annotation_editor import AnnotationEditor
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.library import LibraryScreen
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui

NAMED = {" ": "space", "/": "slash", ",": "comma", "?": "question_mark"}


def post_burst(app: ReaderApp, keys: list[str]) -> None:
    """Every key posted to the app at once, as a terminal delivers a burst: nobody waits in between."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(NAMED.get(key, key), key))
        else:
            app.post_message(events.Key(key, None))


async def settle(pilot: Pilot[None], rounds: int = 20) -> None:
    for _ in range(rounds):
        await pilot.pause(0.02)


async def test_slash_and_a_query_typed_at_once_filter_the_library(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        post_burst(app, list("/No Deal"))
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)  # the `a` of "Deal" did not open "Add an article"
        assert app.library_screen.query_one("#library-filter").value == "No Deal"
        post_burst(app, ["ctrl+u", *"Lukaschenko", "enter"])  # one article names him
        await settle(pilot)
        assert app.library_screen.table.row_count == 1 and app.focused is app.library_screen.table


async def test_annotating_a_sentence_in_one_burst_keeps_tags_and_note(make_app, library_dir) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        post_burst(app, ["s", *"tone, claim", "enter", *"quick note", "ctrl+s"])
        await settle(pilot)
        assert not isinstance(app.screen, AnnotationEditor)
        store = app.session.store
        assert store is not None
        saved = store.all()
        assert len(saved) == 1
        assert list(saved[0].tags) == ["tone", "claim"]
        assert saved[0].note == "quick note"


async def test_filter_keys_typed_faster_than_the_table_draws_filter_once_after_them(make_app, monkeypatch) -> None:
    """A burst of keys into the filter box filters once, with all of them, not once per key; keys
    that leave the box (enter, then space to mark) act on the rows of everything typed before."""
    filters: list[str] = []
    original = LibraryScreen._filter

    def counted(self: LibraryScreen, query: str) -> set[str] | None:
        filters.append(query)
        return original(self, query)

    monkeypatch.setattr(LibraryScreen, "_filter", counted)
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        screen, table = app.library_screen, app.library_screen.table
        filters.clear()
        post_burst(app, list("/Lukaschenko"))
        await settle(pilot)
        assert screen.query_text == "Lukaschenko" and table.row_count == 1
        assert filters[-1] == "Lukaschenko" and len(filters) <= 3  # not eleven
        lukaschenko = table.current_id
        post_burst(app, ["escape"])
        await settle(pilot)
        assert table.row_count == 5
        filters.clear()
        post_burst(app, [*"/Lukasch", "enter", "space"])  # space marks the one row the filter leaves
        await settle(pilot)
        assert screen.picked == [lukaschenko] and app.focused is table
        assert filters[-1] == "Lukasch" and len(filters) <= 3
        await pilot.press("escape", "slash")
        filters.clear()
        for key in "Luk":  # typed at a reader's pace: each key filters
            await pilot.press(key)
        assert filters == ["L", "Lu", "Luk"]
