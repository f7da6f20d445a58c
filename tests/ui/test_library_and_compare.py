"""Pilot tests: open articles side by side, move focus, scroll, go back — the reading flow."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Tabs

from reader.text.segments import sentence_spans
from reader.tui.messages import ColumnsStyled
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.picker import ArticlePicker
from reader.tui.widgets.reading_view import ReadingView
from tests.helpers.pilot import wait_for_library
from tests.helpers.sample_library import SAMPLE_ARTICLES

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


async def open_two(pilot) -> CompareScreen:
    await wait_for_library(pilot, rows=5)
    await pilot.press("space", "space", "enter")  # space marks and moves down
    await pilot.pause()
    assert isinstance(pilot.app.screen, CompareScreen)
    return pilot.app.screen


async def test_two_articles_side_by_side_focus_scroll_and_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        library = app.library_screen
        await wait_for_library(pilot, rows=5)
        expected = [library.table.cell_texts(i)[1] for i in range(2)]
        screen = await open_two(pilot)
        columns = screen.columns
        assert [c.article.display_title for c in columns] == expected
        assert columns[0].region.x < columns[1].region.x  # side by side
        assert columns[0].region.y == columns[1].region.y
        first, second = (c.view for c in columns)
        assert app.focused is first

        await pilot.press("j", "j", "j")
        assert first.scroll_offset.y == 3 and second.scroll_offset.y == 0

        await pilot.press("tab")
        assert app.focused is second
        await pilot.press("G")
        assert second.scroll_offset.y == second.max_scroll_y > 0
        assert first.scroll_offset.y == 3  # each column scrolls on its own
        await pilot.press("g", "pagedown")
        assert second.scroll_offset.y == second.scrollable_content_region.height - 1

        await pilot.press("shift+tab")
        assert app.focused is first
        await pilot.click(ReadingView, offset=(5, 5))  # the first ReadingView in the DOM
        assert app.focused is first

        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)


async def test_cursor_moves_by_word_sentence_paragraph_and_selects(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_two(pilot)
        view = screen.columns[0].view
        text = view.text
        await pilot.press("w")
        assert view.cursor == text.index(" ") + 1
        await pilot.press("right_parenthesis")
        sentence_start = view.cursor
        assert sentence_start == sentence_spans(text)[1][0]
        await pilot.press("v", "right_parenthesis")
        assert view.selection is not None
        start, end = view.selection
        assert start == sentence_start and end > start
        await pilot.press("escape")
        assert view.selection is None and isinstance(app.screen, CompareScreen)
        await pilot.press("right_curly_bracket")
        assert text[view.cursor - 2 : view.cursor] == "\n\n"


async def test_filter_marks_and_sort(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("slash", *"Lukaschenko", "enter")
        table = app.library_screen.table
        assert table.row_count == 1  # only one article mentions him, in its body text
        await pilot.press("escape")
        assert table.row_count == 5
        await pilot.press("s")  # by title, descending
        titles = [table.cell_texts(i)[1] for i in range(5)]
        assert titles == sorted(titles, key=str.casefold, reverse=True)
        await pilot.press("S")
        assert [table.cell_texts(i)[1] for i in range(5)] == titles[::-1]


async def test_open_another_article_from_the_compare_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_two(pilot)
        await pilot.press("o")
        for _ in range(200):  # the picker comes when the related index has ranked the library (a worker)
            if isinstance(app.screen, ArticlePicker):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, ArticlePicker)
        assert len(app.screen.articles) == 3  # the ones not open yet
        await pilot.press(*"Leere", "enter")
        for _ in range(200):  # the picker's dismissal and the new column land in later message rounds
            if app.screen is screen and len(screen.columns) == 3:
                break
            await pilot.pause(0.05)
        assert app.screen is screen
        assert len(screen.columns) == 3
        assert screen.columns[2].article.id == "gipfel-der-leere-inszenierung"
        assert app.focused is screen.columns[2].view
        await pilot.press("x")
        assert len(screen.columns) == 2


async def test_narrow_terminal_turns_columns_into_tabs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_two(pilot)
        assert screen.has_class("narrow")
        first, second = screen.columns
        assert first.display and not second.display
        await pilot.press("tab")
        assert second.display and not first.display
        assert app.focused is second.view
        await pilot.resize_terminal(160, 30)
        await pilot.pause()
        assert not screen.has_class("narrow")
        assert first.display and second.display


async def test_a_wide_comparison_builds_its_tabs_and_search_line_only_when_first_needed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_two(pilot)
        first, second = screen.columns
        assert not screen.query(Tabs) and not screen.query("#search-input")
        await pilot.press("tab")
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert screen.has_class("narrow")
        tabs = screen.query_one(Tabs)
        assert [tab.id for tab in tabs.query("Tab")] == [f"tab-{first.id}", f"tab-{second.id}"]
        assert tabs.active == f"tab-{second.id}"  # the focused column's, as before the terminal narrowed
        assert second.display and not first.display
        await pilot.press("slash")
        assert app.focused is screen.query_one("#search-input", Input)


async def test_help_lists_the_bindings_of_the_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_two(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        from reader.tui.screens.help import help_rows

        descriptions = {row.description for row in help_rows(app.screen.target)}
        assert {"Next column", "Add article", "Back", "Next sentence", "Select"} <= descriptions
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


async def test_command_palette_offers_the_screen_actions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_two(pilot)
        titles = {command.title for command in app.get_system_commands(screen)}
        assert {"Add article", "Close column", "Next column"} <= titles
        await pilot.press("ctrl+p")
        await pilot.press(*"Close column")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert len(screen.columns) == 1


async def test_article_text_is_never_markup_and_never_escapes(make_app, tmp_path: Path) -> None:
    library = tmp_path / "hostile-library"
    (library / "articles").mkdir(parents=True)
    hostile = (
        "[bold]Fett[/bold] \x1b[2J\x1b]0;pwned\x07\n"
        "Erster Satz mit [link=https://x.example]Link[/link] und [red]Farbe[/red].\n"
        "\x1b[31mrot\x1b[0m \x1b]8;;https://evil.example\x07klick\x1b]8;;\x07 \u202eevil \x01\x08.\n"
    )
    (library / "articles" / "hostile.txt").write_text(hostile, encoding="utf-8")
    app = make_app(library)
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_library(pilot, rows=1)
        title_cell = app.library_screen.table.cell_texts(0)[1]
        assert title_cell.startswith("[bold]Fett[/bold] ␛[2J␛]0;pwned␇")
        await pilot.press("enter")
        await pilot.pause()
        column = app.screen.columns[0]
        view = column.view
        rendered = "".join(view.render_line(y).text for y in range(view.line_count))
        assert "[link=https://x.example]Link[/link] und [red]Farbe[/red]." in rendered
        assert "␛[31mrot␛[0m ␛]8;;https://evil.example␇klick" in rendered
        header = column.query_one(".column-header").render()
        shown = rendered + str(header) + title_cell
        for unsafe in ("\x1b", "\x07", "\x01", "\x08", "\u202e"):
            assert unsafe not in shown


async def test_a_long_text_opens_at_once_and_finishes_wrapping_in_the_background(
    make_app, tmp_path: Path, monkeypatch
) -> None:
    from reader.tui.widgets import reading_view

    monkeypatch.setattr(reading_view, "SYNC_WRAP_CHARS", 5_000)
    library = tmp_path / "long-library"
    (library / "articles").mkdir(parents=True)
    paragraph = "Ein Satz über Anchorage und die Folgen des Gipfels. " * 12
    (library / "articles" / "lang.txt").write_text("Langer Text\n" + f"{paragraph}\n" * 400, encoding="utf-8")
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_library(pilot, rows=1)
        await pilot.press("enter")
        view = app.screen.columns[0].view
        for _ in range(200):
            await pilot.pause(0.02)
            if view.wrap_complete:
                break
        assert view.wrap_complete
        lines = view._lines
        assert lines.starts[0] == 0 and lines.ends[-1] == len(view.text)
        assert all(a <= b for a, b in zip(lines.starts, lines.starts[1:], strict=False))
        assert view.line_count > 400 * 6
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0


async def test_add_an_article_from_the_library_screen(make_app, library_dir: Path) -> None:
    from reader.tui.screens.add_article import AddArticleDialog

    page = Path(__file__).resolve().parent.parent / "ingest" / "pages" / "news.html"
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("a")
        assert isinstance(app.screen, AddArticleDialog)
        await pilot.press(*"/nowhere/missing.html", "enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if not app.screen.busy:
                break
        assert isinstance(app.screen, AddArticleDialog)  # the error keeps the dialog open
        assert "missing.html" in str(app.screen.query_one("#progress").render())
        box = app.screen.query_one("#source", Input)
        box.value = str(page)
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if not isinstance(app.screen, AddArticleDialog) and app.library_screen.table.row_count == 6:
                break
        table = app.library_screen.table
        assert table.row_count == 6
        added = {p.name for p in (library_dir / "articles").iterdir()} - {p.name for p in SAMPLE_ARTICLES.iterdir()}
        assert len(added) == 1
        current = table.current_id
        assert current == Path(added.pop()).stem  # the new article is selected


async def test_p_lists_skipped_files_then_what_was_read_with_a_warning(make_app, library_dir: Path) -> None:
    (library_dir / "articles" / "kaputt.txt").write_bytes(b"\xff\xfe\x00\x00")
    (library_dir / "articles" / "notiz.md").write_text(
        "---\ntitle: Eine Notiz\ndate: gestern\nstimmung: heiter\n---\nDer Text der Notiz.\n", encoding="utf-8"
    )
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=6)
        await pilot.press("p")
        await pilot.pause()
        shown = list(app._notifications)[-1]
        assert shown.title == "1 skipped, 2 warnings"
        assert str(shown.message).splitlines() == [
            str(app.library_screen.scan.problems[0]),
            "notiz.md: front matter keys not used: stimmung (read anyway)",
            "notiz.md: date 'gestern' is not YYYY-MM-DD; ignored (read anyway)",
        ]


async def test_a_styling_handled_while_a_column_closes_passes_the_column_by(make_app) -> None:
    """The removal of a column is awaited; the screen handles messages meanwhile, and the column's
    children go before it does. A styling that lands then must not ask the half-removed column."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_two(pilot)
        closing = screen.columns[1]
        remove = closing.remove

        async def remove_with_a_styling_in_between() -> None:
            await closing.remove_children()
            screen.on_columns_styled(ColumnsStyled(screen._styling, {}, None))
            await remove()

        closing.remove = remove_with_a_styling_in_between  # type: ignore[method-assign,assignment]
        closing.view.focus()  # the focused column is the one `x` closes
        await pilot.pause()
        await screen.action_close_column()
        await pilot.pause()
        assert app.is_running
        assert [column.article.id for column in screen.columns] == [screen.columns[0].article.id]
        assert app.focused is screen.columns[0].view
