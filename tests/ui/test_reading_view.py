"""The reading view on a long article: the tail wraps in the background, whatever the mouse does."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.tui.screens.compare import CompareScreen
from reader.tui.widgets import reading_view
from reader.tui.wrapping import wrap
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


async def test_a_drag_while_a_long_article_wraps_leaves_nothing_of_it_unwrapped(
    make_app, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "Ein Satz über das Treffen in Alaska, das ohne Einigung endete. " * 20
    (library_dir / "articles" / "lang.txt").write_text(
        "Ein langer Bericht\n" + "\n".join([paragraph] * 120), encoding="utf-8"
    )
    release = threading.Event()  # the background part of the wrap waits for it: the drag comes first
    real_wrap = reading_view.wrap

    def held_wrap(text: str, width: int, start: int = 0, end: int | None = None):
        if start > 0 and end is None:
            release.wait(10)
        return real_wrap(text, width, start, end)

    monkeypatch.setattr(reading_view, "wrap", held_wrap)
    app = make_app()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_library(pilot, rows=6)
            table = app.library_screen.table
            table.move_cursor(table.index_of("lang"))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, CompareScreen)
            view = app.screen.columns[0].view
            assert len(view.text) > reading_view.SYNC_WRAP_CHARS and not view.wrap_complete

            await pilot.mouse_down(view, offset=(6, 2))
            await pilot.hover(view, offset=(30, 5))
            await pilot.mouse_up(view, offset=(30, 5))
            assert view.selection is not None
            release.set()
            for _ in range(200):
                await pilot.pause(0.02)
                if view.wrap_complete:
                    break
            assert view.wrap_complete
            assert view.line_count == len(wrap(view.text, view.text_width))
            assert view._lines.ends[-1] == len(view.text)  # the tail is there, to the last character
    finally:
        release.set()
