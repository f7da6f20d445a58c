"""The library's virtual table: columns that fit the width, header clicks, the mouse, and thousands of rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.widgets.library_table import TITLE_MIN, TableRow, Widest, column_layout, fit
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


def test_titles_take_what_source_date_words_and_notes_leave() -> None:
    rows = [TableRow("a", "Ein Titel", "tagesschau.de", "2025-08-16", 12_345)]
    widest = Widest.of(rows)
    narrow, wide = column_layout(79, widest, 3), column_layout(199, widest, 3)
    for layout, width in ((narrow, 79), (wide, 199)):
        used = sum(size for _, _, size in layout.spans) + len(layout.spans) - 1
        assert used == width
        assert layout.source == len("tagesschau.de") and layout.date == 10
    assert wide.title - narrow.title == 120
    assert column_layout(30, Widest(1, 13), 0).title == TITLE_MIN  # never narrower than this


def test_fit_pads_or_cuts_with_an_ellipsis() -> None:
    assert fit("Gipfel", 8) == "Gipfel  " and fit("Gipfel", 8, right=True) == "  Gipfel"
    assert fit("Gipfeltreffen", 8) == "Gipfelt…"
    assert fit("日本語の記事", 5) == "日本…"  # wide characters count two cells


async def shown_as_fixed_folder(pilot) -> None:
    """The title names the library's folder, a new temporary one each run: the picture names one folder."""
    await wait_for_library(pilot, rows=5)
    screen = pilot.app.library_screen
    screen.root = "/home/reader/library"
    screen._update_title(screen.table.row_count)
    await pilot.pause()


def test_library_at_80x24(snap_compare, make_app) -> None:
    async def loaded(pilot) -> None:
        await shown_as_fixed_folder(pilot)
        await pilot.press("space")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=loaded)


def test_library_at_200x50(snap_compare, make_app) -> None:
    async def loaded(pilot) -> None:
        await shown_as_fixed_folder(pilot)

    assert snap_compare(make_app(), terminal_size=(200, 50), run_before=loaded)


async def test_at_80_columns_title_outlet_and_date_show(make_app, library_dir: Path) -> None:
    (library_dir / "articles" / "mit-quelle.md").write_text(
        "---\ntitle: Ein Artikel mit einem recht langen Titel über den Gipfel in Alaska\n"
        "source: tagesschau.de\ndate: 2025-08-17\n---\nDer Text.\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_library(pilot, rows=6)
        table = app.library_screen.table
        assert table.current_id == "mit-quelle"  # newest first
        header, first = table.render_line(0).text, table.render_line(1).text
        assert "Title" in header and "Source" in header and "Date" in header and "Notes" in header
        assert "tagesschau.de" in first and "2025-08-17" in first and first.split()[-1] == "2"  # words; no notes
        assert "Ein Artikel mit einem recht langen" in first and "…" in first


async def test_clicking_headers_sorts_and_clicking_rows_moves_then_opens(make_app) -> None:
    from reader.tui.screens.compare import CompareScreen

    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_library(pilot, rows=5)
        screen, table = app.library_screen, app.library_screen.table
        await pilot.click("#library-table", offset=(10, 0))  # the Title header
        assert (screen.sort_index, screen.sort_reverse) == (1, True)
        titles = [table.cell_texts(i)[1] for i in range(5)]
        assert titles == sorted(titles, key=str.casefold, reverse=True)
        await pilot.click("#library-table", offset=(10, 0))
        assert screen.sort_reverse is False
        await pilot.click("#library-table", offset=(10, 3))  # the third row
        assert table.cursor_row == 2 and isinstance(app.screen, type(screen))
        await pilot.click("#library-table", offset=(10, 3))  # again: it opens
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.columns[0].article.id == table.rows[2].id


async def test_thousands_of_rows_render_only_what_shows(make_app, tmp_path: Path) -> None:
    articles = tmp_path / "big" / "articles"
    articles.mkdir(parents=True)
    for index in range(3000):
        (articles / f"meldung-{index:04d}.txt").write_text(f"Meldung {index:04d}\nText der Meldung {index}.\n")
    app = make_app(tmp_path / "big")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_library(pilot, rows=3000)
        table = app.library_screen.table
        await pilot.press("s")  # by title, descending
        assert table.cell_texts(0)[1] == "Meldung 2999"
        await pilot.press("end")
        assert table.cursor_row == 2999 and table.scroll_offset.y == table.max_scroll_y > 0
        assert "Meldung 0000" in table.render_line(table.size.height - 1).text
        await pilot.press("pageup", "space")
        picked = table.rows[table.cursor_row - 1].id
        assert app.library_screen.picked == [picked]
        assert len(table._strips) < 200  # rows drawn: those shown, not 3000


async def test_the_filter_asks_the_index_and_follows_files_changed_while_the_app_runs(
    make_app, library_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_library(pilot, rows=5)
        screen, table = app.library_screen, app.library_screen.table
        assert screen.session.library.index is not None and screen.session.library.index.usable
        await pilot.press("slash", *"Lukasch")  # a word's beginning, found in one article's text
        await pilot.pause()
        assert table.row_count == 1
        lukaschenko = table.current_id
        await pilot.press("escape")
        assert table.row_count == 5
        (library_dir / "articles" / "neu.md").write_text(
            "---\ntitle: Nachtrag\nsource: Müller-Blatt\n---\nLukaschenko äußerte sich später.\n", encoding="utf-8"
        )
        await pilot.press("r")
        await wait_for_library(pilot, rows=6)
        await pilot.press("slash", *"lukasch")
        await pilot.pause()
        assert sorted(table.row_ids) == sorted([lukaschenko, "neu"])
        await pilot.press("escape", "slash", *"muller")  # diacritics folded, as a reader types them
        await pilot.pause()
        assert table.row_ids == ["neu"]
        await pilot.press("escape", "slash", *"ller-Bl")  # any part of the outlet
        await pilot.pause()
        assert table.row_ids == ["neu"]


def table_on_screen(app) -> list[str]:
    """The table's lines as the terminal would show them now: the lines Textual keeps drawn, so a
    line the table failed to redraw shows its old text here."""
    table = app.library_screen.table
    update = app.screen._compositor.render_full_update()
    lines = ["".join(strip.text for strip in line) for line in update.strips]
    return lines[table.region.y : table.region.bottom]


def assert_table_shows_its_rows(app) -> None:
    table = app.library_screen.table
    lines = table_on_screen(app)
    top = table.scroll_offset.y
    assert "Title" in lines[0] and "Source" in lines[0]
    for y, line in enumerate(lines[1:], 1):
        index = top + y - 1
        if index < table.row_count:
            _, title, _, _, words, notes = table.cell_texts(index)
            assert title in line and line.rstrip(" ▁▂▃▄▅▆▇█▊▌▎").endswith(f" {notes or words}"), (y, line)
        else:
            assert not line.strip(" ▁▂▃▄▅▆▇█▊▌▎"), (y, line)  # past the last row: blank (a scroll bar at most)


def write_numbered(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for index in range(count):
        outlet = "Langes Lokalblatt" if index == 7 else "Blatt"
        (folder / f"bericht-{index:03d}.md").write_text(
            f"---\ntitle: Bericht {index:03d}\nsource: {outlet}\n---\nText eines Berichts.\n", encoding="utf-8"
        )


def shown_titles(table) -> list[str]:
    return [table.cell_texts(i)[1] for i in range(table.row_count)]


async def test_a_filter_redraws_what_changed_and_the_screen_shows_the_rows(make_app, tmp_path: Path) -> None:
    """Each keystroke redraws only the table's lines that show something else: narrowing, widening
    and scrolled, every line on screen is the row at its place, and the columns stay where the
    whole library put them (the widest outlet is filtered out, its column keeps its width)."""
    write_numbered(tmp_path / "lib" / "articles", 200)
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_library(pilot, rows=200)
        screen, table = app.library_screen, app.library_screen.table
        assert shown_titles(table)[:2] == ["Bericht 000", "Bericht 001"]  # no dates: by title
        assert_table_shows_its_rows(app)
        assert table.columns.source == len("Langes Lokalblatt")
        for key in ("slash", *"Bericht 1"):  # the rows on screen stay, then all change (000… → 100…)
            await pilot.press(key)
            await pilot.pause()
            assert_table_shows_its_rows(app)
        assert shown_titles(table) == [f"Bericht {n}" for n in range(100, 200)]
        assert table.columns.source == len("Langes Lokalblatt")  # its row filtered out, its width kept
        third = app.session.article(table.rows[2].id)
        app.session.store.add(third, 0, 4, ["Framing"], "")  # a note on the third line: only it changes
        screen.refresh_counts()
        await pilot.pause()
        assert table.cell_texts(2)[5] == "1" and table_on_screen(app)[3].rstrip(" ▁▂▃▄▅▆▇█▊▌▎").endswith(" 1")
        assert_table_shows_its_rows(app)
        await pilot.press("2")  # ten rows: no scroll bar any more
        await pilot.pause()
        assert shown_titles(table) == [f"Bericht {n}" for n in range(120, 130)]
        assert_table_shows_its_rows(app)
        for key in ("backspace", "backspace"):  # "Bericht 1", then every article again
            await pilot.press(key)
            await pilot.pause()
            assert_table_shows_its_rows(app)
        assert table.row_count == 200 and screen.query_text == "Bericht"
        await pilot.press("enter", "end")  # to the table, its last row: scrolled
        await pilot.pause()
        assert table.scroll_offset.y > 0
        assert_table_shows_its_rows(app)
        await pilot.press("slash", *"Bericht 0")  # the box's text selected, typed over: fewer rows, scrolled back
        await pilot.pause()
        assert shown_titles(table) == [f"Bericht {n:03d}" for n in range(100)]
        assert_table_shows_its_rows(app)
