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


async def test_a_long_analysed_article_shows_styled_at_once_and_is_complete_after_the_background_pass(
    make_app, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lines on screen are styled at once; the background pass brings the wrap of the whole
    text, every highlight of every line, and the comparison: the end of the text is there,
    searchable, with its names and a note on its last line."""
    from reader.annotations import AnnotationStore
    from reader.articles import Library
    from reader.text.search import find_all
    from reader.tui.highlights import analysis_layers
    from reader.tui.screens import compare
    from tests.ui.test_key_bursts import post_burst, settle

    monkeypatch.setattr(reading_view, "SYNC_WRAP_CHARS", 3_000)
    bodies = [article.body for article in Library(library_dir).articles()]
    (library_dir / "articles" / "lang.txt").write_text(
        "Ein langer Bericht\n" + "\n".join(bodies * 2) + "\nZuletzt sprach Wladimir Putin über Zwiebelkuchen.\n",
        encoding="utf-8",
    )
    library = Library(library_dir)
    article = library.get("lang")
    last = article.body.rindex("Zwiebelkuchen")
    AnnotationStore.open(library).add(article, last, last + len("Zwiebelkuchen"), ["Spät"], "am Ende")

    release = threading.Event()  # the background pass waits for it: the first look comes before
    real_layers = compare.analysis_layers

    def held_layers(analysis, library_analysis, window=None):
        if window is None:  # the whole text: the background pass
            release.wait(20)
        return real_layers(analysis, library_analysis, window)

    monkeypatch.setattr(compare, "analysis_layers", held_layers)
    app = make_app()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for_library(pilot, rows=6)
            for _ in range(900):
                await pilot.pause(0.05)
                analysis = app.session.library_analysis
                if analysis is not None and "lang" in analysis.article_ids:
                    break
            library_analysis = app.session.library_analysis
            assert library_analysis is not None and "lang" in library_analysis.article_ids
            table = app.library_screen.table
            table.move_cursor(table.index_of("lang"))
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            view = screen.columns[0].view
            full = analysis_layers(library_analysis.article("lang"), library_analysis)["entity"]
            shown = view.highlights("entity")
            assert shown and not screen.styled  # the lines on screen, styled before the rest
            assert len(shown) < len(full) and max(h.start for h in shown) < len(view.text) // 2

            release.set()
            for _ in range(200):
                await pilot.pause(0.02)
                if screen.styled and view.wrap_complete:
                    break
            assert screen.styled and view.wrap_complete
            assert [(h.start, h.end) for h in view.highlights("entity")] == [(h.start, h.end) for h in full]
            assert any(h.start > last - 40 for h in view.highlights("entity"))  # "Wladimir Putin", last line
            assert view.line_count == len(wrap(view.text, view.text_width))
            assert view._lines.ends[-1] == len(view.text)
            notes = view.highlights("annotation")
            assert [(h.start, h.end) for h in notes] == [(last, last + len("Zwiebelkuchen"))]

            await pilot.press("G")  # the last line on screen, as drawn
            assert view.scroll_offset.y == view.max_scroll_y > 0
            bottom = view.line_count - 1 - view.scroll_offset.y
            assert "Zwiebelkuchen." in "".join(segment.text for segment in view.render_line(bottom))

            await pilot.press("g")
            post_burst(app, ["slash", *"zwiebelkuchen", "enter"])
            await settle(pilot)
            assert [(h.start, h.end) for h in view.highlights("search")] == find_all(view.text, "zwiebelkuchen")
            assert view.cursor == last
    finally:
        release.set()


async def test_the_text_wraps_again_when_the_terminal_or_the_side_panel_changes_its_width(make_app) -> None:
    """A layout pass that leaves the view's size alone does nothing; one that changes it rewraps,
    keeping the line at the top of the screen there."""
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        view = screen.columns[0].view
        wide = view.text_width
        assert view.line_count == len(wrap(view.text, wide))
        view.action_scroll_page(1)
        top = view._lines.starts[view.scroll_offset.y]

        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        assert view.text_width < wide
        assert view.line_count == len(wrap(view.text, view.text_width))
        assert view._lines.line_of(top) == view.scroll_offset.y  # the same text at the top

        await pilot.press("P")  # the side panel takes 50 columns of the view's
        await pilot.pause()
        narrowed = view.text_width
        assert narrowed < 100 - 50
        assert view.line_count == len(wrap(view.text, narrowed))
        await pilot.press("escape")
        await pilot.pause()
        assert view.text_width > narrowed and view.line_count == len(wrap(view.text, view.text_width))
