"""The library's virtual table: columns that fit the width, header clicks, the mouse, and thousands of rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.widgets.library_table import TITLE_MIN, TableRow, column_layout, fit
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


def test_titles_take_what_source_date_words_and_notes_leave() -> None:
    rows = [TableRow("a", "Ein Titel", "tagesschau.de", "2025-08-16", 12_345)]
    narrow, wide = column_layout(79, rows, 12_345, 3), column_layout(199, rows, 12_345, 3)
    for layout, width in ((narrow, 79), (wide, 199)):
        used = sum(size for _, _, size in layout.spans) + len(layout.spans) - 1
        assert used == width
        assert layout.source == len("tagesschau.de") and layout.date == 10
    assert wide.title - narrow.title == 120
    assert column_layout(30, rows, 1, 0).title == TITLE_MIN  # never narrower than this


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
