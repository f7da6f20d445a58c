"""The compare screen's keys: the Notes and Names panels in tabs mode, escape from the innermost
thing first, the quote-group modal, and what the status lines say."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from reader.annotations.tags import tag_colour
from reader.exchange import FORMATS
from reader.tui.app import ReaderApp
from reader.tui.highlights import HighlightedEntity, HighlightedQuote
from reader.tui.screens.annotation_editor import AnnotationEditor
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.help import GROUPS, HelpScreen
from reader.tui.screens.quote_group import QuoteGroupScreen, member_numbers
from reader.tui.widgets.fitted_line import FittedLine
from reader.tui.widgets.key_hints import KeyHints
from reader.tui.widgets.side_panel import SidePanel
from tests.helpers.pilot import entity_of, quote_of, screen_of, wait_for_library
from tests.ui.test_key_bursts import post_burst

pytestmark = pytest.mark.ui


async def open_columns(pilot: Pilot[None], count: int) -> CompareScreen:
    await wait_for_library(pilot, rows=5)
    await pilot.press(*["space"] * count, "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen) and len(screen.columns) == count
    return screen


async def open_columns_from_library(pilot: Pilot[None]) -> CompareScreen:
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
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
        assert screen_of(app, AnnotationEditor).passage == body[start:end]


async def test_escape_closes_the_panel_before_it_leaves_the_comparison(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await open_columns(pilot, 2)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("tab")  # focus back in a column, the panel still open
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and not screen.query_one(SidePanel).shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.library_screen


async def wait_for_analysis(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    for _ in range(600):
        await pilot.pause(0.05)
        analysis = app.session.library_analysis
        if analysis is not None and len(analysis.article_ids) == 5:
            return
    raise AssertionError("the analysis did not arrive")


async def test_names_panel_counts_fit_slash_filters_and_letters_never_run_commands(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await open_columns(pilot, 4)
        await wait_for_analysis(pilot)
        await pilot.press("P")
        await pilot.pause()
        names = screen.query_one("#names-list", OptionList)
        assert app.focused is names and names.option_count > 1
        room = names.scrollable_content_region.width
        prompts = [names.get_option_at_index(i).prompt for i in range(names.option_count)]
        assert all(isinstance(prompt, Text) and prompt.cell_len <= room for prompt in prompts)
        info = str(screen.query_one("#names-info").render())
        assert " 1 names" not in info
        await pilot.press("j")  # j and k move in the list
        assert names.highlighted == 1
        await pilot.press("a", "o")  # `a` would annotate, `o` add a column: both go to the filter
        await pilot.pause()
        box = screen.query_one("#names-filter", Input)
        assert box.value == "ao" and app.focused is box
        assert app.screen is screen and len(screen.columns) == 4
        await pilot.press("enter")  # back to the list
        assert app.focused is names
        await pilot.press("slash")
        assert app.focused is box


async def test_the_legend_counts_the_articles_analysed_after_a_reload_removed_one(make_app, library_dir) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await wait_for_library(pilot, rows=5)
        await wait_for_analysis(pilot)
        for _ in range(100):
            await pilot.pause(0.05)
            if app.session.analysis_status.endswith("5 analysed"):
                break
        assert app.session.analysis_status.endswith("· 5 analysed")
        next((library_dir / "articles").glob("*.txt")).unlink()
        await pilot.press("r")
        await wait_for_library(pilot, rows=4)
        for _ in range(100):
            await pilot.pause(0.05)
            if app.session.analysis_status.endswith("4 analysed"):
                break
        assert app.session.analysis_status.endswith("· 4 analysed")
        assert app.session.library_analysis is not None and len(app.session.library_analysis.article_ids) == 4


def test_quote_group_members_carry_their_column_numbers() -> None:
    assert member_numbers(["b", "x", "a"], ["a", "b"]) == [2, 3, 1]
    assert member_numbers(["a", "a", "y"], ["c", "a"]) == [2, 3, 4]  # a second member in column 2 follows


async def test_c_works_right_after_jumping_from_the_quote_group_modal(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(220, 50)) as pilot:
        screen = await open_columns(pilot, 4)
        await wait_for_analysis(pilot)
        await pilot.pause()
        open_ids = [column.article.id for column in screen.columns]
        grouped = [
            (index, h)
            for index, column in enumerate(screen.columns)
            for h in column.view.highlights("quote")
            if isinstance(h.data, HighlightedQuote) and quote_of(h).group
        ]
        assert grouped, "the sample's open articles share an utterance"
        index, quote = grouped[0]
        view = screen.columns[index].view
        view.focus()
        await pilot.pause()
        view.move_cursor(quote.start)
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, QuoteGroupScreen)
        members = modal.group.members
        other = next((m for m in members if m.article_id in open_ids and m.article_id != open_ids[index]), members[0])
        number = open_ids.index(other.article_id) + 1
        assert modal.numbers[members.index(other)] == number  # the number is the column's
        await pilot.press(str(number))
        await pilot.pause()
        target = screen.columns[number - 1].view
        assert app.focused is target and target.selection == (other.quote.start, other.quote.end)
        await pilot.press("c")  # at once, the cursor not moved
        await pilot.pause()
        assert isinstance(app.screen, QuoteGroupScreen)


async def test_a_long_title_leaves_the_outlet_line_in_the_column_header(make_app, library_dir) -> None:
    path = next((library_dir / "articles").glob("treffen*.txt"))
    long_title = "Ein sehr langer Titel, der in einer schmalen Spalte nie auf eine Zeile passt " * 2
    path.write_text(f"---\ntitle: {long_title.strip()}\nsource: taz\n---\n" + path.read_text(encoding="utf-8"))
    app: ReaderApp = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_library(pilot, rows=5)
        table = app.library_screen.table
        index = table.index_of(path.stem)
        assert index is not None
        table.move_cursor(index)
        await pilot.press("enter")
        await pilot.pause()
        header = screen_of(app, CompareScreen).columns[0].query_one(".column-header")
        lines = [strip.text for strip in header.render_lines(header.region.reset_offset)]
        assert len(lines) == 2 and lines[0].rstrip().endswith("…")
        assert lines[1].strip().startswith("taz ·") and "words" in lines[1]


async def test_m_sets_the_outlet_in_the_file_and_the_library_shows_it(make_app, library_dir) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_library(pilot, rows=5)
        table = app.library_screen.table
        index = table.index_of("fuenf-erkenntnisse-gipfel-alaska")
        assert index is not None
        table.move_cursor(index)
        article = app.session.article(table.current_id or "")
        assert article is not None and article.source == ""
        before = article.path.read_bytes()
        post_burst(app, ["m", *"taz", "enter", "ctrl+u", *"2025-08-16", "ctrl+s"])
        for _ in range(100):
            await pilot.pause(0.05)
            if table.row_count == 5 and table.cell_texts(table.cursor_row)[2] == "taz":
                break
        assert table.current_id == article.id
        assert table.cell_texts(table.cursor_row)[2:4] == ["taz", "2025-08-16"]
        assert article.path.read_bytes().endswith(before)
        reread = app.session.article(article.id)
        assert reread is not None and reread.version == article.version


async def test_an_empty_library_says_how_to_add_an_article(make_app, tmp_path) -> None:
    empty = tmp_path / "empty"
    (empty / "articles").mkdir(parents=True)
    app: ReaderApp = make_app(empty)
    async with app.run_test(size=(160, 30)) as pilot:
        for _ in range(400):  # the library loads in a worker: a busy machine takes its time
            await pilot.pause(0.05)
            if "No articles yet" in str(app.library_screen.query_one("#library-status", FittedLine).render()):
                break
        status = app.library_screen.query_one("#library-status", FittedLine)
        shown = str(status.render())  # what fits: the hint first, the folder last (a long path is cut)
        assert shown.startswith("No articles yet: a adds one") and "press r" in shown
        assert str(empty / "articles") in status.text.plain


async def test_help_is_grouped_by_task_searchable_and_free_of_widget_internals(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_columns(pilot, 2)
        await pilot.press("question_mark")
        await pilot.pause()
        helper = app.screen
        assert isinstance(helper, HelpScreen)
        rows = helper.rows
        groups = [row.group for row in rows]
        assert {"read", "search", "select", "annotate", "compare", "export"} <= set(groups)
        assert groups == sorted(groups, key=GROUPS.index)  # each task's keys together
        shown = " ".join(f"{row.keys} {row.description} {row.where}" for row in rows)
        for internal in ("ReadingView", "CompareScreen", "DataTable", "shift+^", "Input", "select_all"):
            assert internal not in shown
        assert any(row.description == "Copy the selection" and row.keys == "y" for row in rows)
        assert "Copy selected text" not in shown  # Textual's screen copy, which ctrl+c does not run here
        await pilot.press(*"copy")
        await pilot.pause()
        table = helper.query_one("#help-table")
        lines = " ".join(strip.text for strip in table.render_lines(table.region.reset_offset))
        assert "Copy the selection" in lines and "Next column" not in lines
        await pilot.press("escape")
        assert app.screen is screen
        palette = [(c.title, c.help) for c in app.get_system_commands(screen)]
        assert not any("DataTable" in helptext or "ReadingView" in helptext for _, helptext in palette)
        exports = {helptext.rsplit(".", 1)[-1] for title, helptext in palette if title.startswith("Export")}
        assert exports == {extension for _, extension in FORMATS.values()}  # .jsonld and .md, not .w3c and .markdown
        assert {"jsonld", "md"} <= exports


async def test_the_key_hints_fit_80_columns_whole(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_library(pilot, rows=5)
        for screen in (app.library_screen, await open_columns_from_library(pilot)):
            hints = screen.query_one(KeyHints)
            line = str(hints.render())
            assert line.startswith("? Help") and line.endswith("ctrl+p palette")
            assert len(line) <= hints.content_size.width


async def test_columns_scroll_together_and_align_at_a_quotation(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(220, 50)) as pilot:
        screen = await open_columns(pilot, 4)
        first, second = screen.columns[0].view, screen.columns[1].view
        await pilot.press("S", "5", "j")
        await pilot.pause()
        assert first.scroll_offset.y == 5 and second.scroll_offset.y == 5
        await pilot.press("S", "j")
        await pilot.pause()
        assert first.scroll_offset.y == 6 and second.scroll_offset.y == 5  # off again: each on its own

        await wait_for_analysis(pilot)
        await pilot.pause()
        grouped = [
            (index, h)
            for index, column in enumerate(screen.columns)
            for h in column.view.highlights("quote")
            if isinstance(h.data, HighlightedQuote) and quote_of(h).group
        ]
        index, quote = grouped[0]
        view = screen.columns[index].view
        view.focus()
        await pilot.pause()
        view.move_cursor(quote.start)
        await pilot.press("equals_sign")
        await pilot.pause()
        library_analysis = app.session.library_analysis
        group_key = quote_of(quote).group
        assert library_analysis is not None and group_key is not None
        group = library_analysis.group(group_key)
        row = view.cursor_row()
        for member in group.members:
            column = next((c for c in screen.columns if c.article.id == member.article_id), None)
            if column is None or column.view is view:
                continue
            first_member = next(m for m in group.members if m.article_id == member.article_id)
            assert column.view.cursor == first_member.quote.start
            assert column.view.cursor_row() == row or column.view.scroll_offset.y in (0, column.view.max_scroll_y)

        entity = next(h for h in first.highlights("entity") if isinstance(h.data, HighlightedEntity))
        first.focus()
        await pilot.pause()
        first.move_cursor(entity.start)
        await pilot.press("equals_sign")
        await pilot.pause()
        entry = library_analysis.entity(entity_of(entity).entity.key)
        assert entry is not None
        for column in screen.columns[1:]:
            spans = entry.mentions.get(column.article.id)
            if spans:
                assert column.view.cursor == spans[0][0]


async def test_status_lines_cut_at_80_columns_end_in_an_ellipsis(make_app) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_columns(pilot, 2)
        legend = screen.query_one("#legend", FittedLine)
        line = str(legend.render())
        assert legend.text.cell_len > legend.content_size.width  # the legend does not fit 80 columns
        assert line.endswith("…") and not line.endswith("……") and len(line) == legend.content_size.width


async def test_two_tags_whose_colours_would_collide_are_shown_in_two_colours(make_app) -> None:
    assert tag_colour("Zitat") == tag_colour("Wertung")  # the same palette slot by their hashes
    app: ReaderApp = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_columns(pilot, 1)
        article = screen.columns[0].article
        assert app.session.history is not None
        app.session.history.add(article, 0, 10, ["Zitat"], "")
        app.session.history.add(article, 20, 30, ["Wertung"], "")
        screen.refresh_annotations()
        await pilot.pause()
        styles = {h.start: h.style.bgcolor for h in screen.columns[0].view.highlights("annotation")}
        assert styles[0] != styles[20]
