"""Pilot tests for the annotation flow, asserting on the store as it is on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList, TextArea

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.tui.screens.annotation_editor import AnnotationEditor, ConfirmDialog
from reader.tui.screens.compare import CompareScreen
from reader.tui.widgets.side_panel import SidePanel
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


def on_disk(library_dir: Path) -> AnnotationStore:
    """A second store object reading what the app saved (no shared memory with the app)."""
    return AnnotationStore.open(Library(library_dir))


async def open_one(pilot) -> CompareScreen:
    await wait_for_library(pilot, rows=5)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CompareScreen)
    return pilot.app.screen


async def test_select_tag_note_edit_undo_delete(make_app, library_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_one(pilot)
        column = screen.columns[0]
        view, article = column.view, column.article

        # select two words with the keyboard and annotate them
        await pilot.press("w", "v", "w", "w")
        assert view.selection is not None
        start, end = view.selection
        await pilot.press("a")
        assert isinstance(app.screen, AnnotationEditor)
        await pilot.press(*"Framing, Zitat verkürzt", "enter", *"Erste Notiz", "ctrl+s")
        await pilot.pause()
        [saved] = on_disk(library_dir).all()
        assert (saved.start, saved.end, saved.exact) == (start, end, article.body[start:end])
        assert saved.tags == ("Framing", "Zitat verkürzt") and saved.note == "Erste Notiz"
        assert saved.author == "tester" and saved.article_version == article.version
        assert view.selection is None

        # the current sentence, with a tag typed in another case: one tag, first spelling kept
        await pilot.press("right_parenthesis", "s")
        await pilot.press(*"framing ", "ctrl+s")
        await pilot.pause()
        store = on_disk(library_dir)
        assert len(store.all()) == 2
        assert store.tags() == [("Framing", 2), ("Zitat verkürzt", 1)]

        # edit the first: move onto it, change tags and note
        view.move_cursor(start)
        await pilot.press("i")
        assert isinstance(app.screen, AnnotationEditor)
        tags = app.screen.query_one("#tags", Input)
        tags.value = "Faktencheck"
        note = app.screen.query_one("#note", TextArea)
        note.text = "Geänderte Notiz\nmit zweiter Zeile"
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = on_disk(library_dir).get(saved.id)
        assert edited.tags == ("Faktencheck",) and edited.note == "Geänderte Notiz\nmit zweiter Zeile"

        # undo the edit, redo it, undo again
        await pilot.press("u")
        assert on_disk(library_dir).get(saved.id).tags == ("Framing", "Zitat verkürzt")
        await pilot.press("U")
        assert on_disk(library_dir).get(saved.id).tags == ("Faktencheck",)
        await pilot.press("u")

        # delete with confirmation: n keeps it, y deletes it, u brings it back with the same id
        view.move_cursor(start)
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert saved.id in on_disk(library_dir)
        await pilot.press("D", "y")
        await pilot.pause()
        assert saved.id not in on_disk(library_dir)
        await pilot.press("u")
        restored = on_disk(library_dir).get(saved.id)
        assert restored.tags == ("Framing", "Zitat verkürzt")

        # the highlight is drawn over the passage, and the status line names its tags
        marks = [h for h in view.highlights("annotation") if h.start == start]
        assert marks and marks[0].end == end
        view.move_cursor(start)
        await pilot.pause()
        assert "Framing" in str(column.query_one(".column-status").render())

        # escape cancels the editor without writing
        await pilot.press("right_parenthesis", "right_parenthesis", "s", *"Verworfen", "escape")
        assert len(on_disk(library_dir).all()) == 2

        # back in the library, the article's row counts its two annotations
        await pilot.press("escape", "q")
        await pilot.pause()
        table = app.library_screen.table
        assert app.screen is app.library_screen
        assert table.cell_texts(table.index_of(article.id))[5] == "2"


async def test_notes_panel_lists_and_jumps_and_library_counts(make_app, library_dir: Path) -> None:
    library = Library(library_dir)
    store = AnnotationStore.open(library, author="someone")
    first, second = library.articles()[:2]
    store.add(first, 0, 20, ["Framing"], "im ersten Artikel")
    store.add(second, 30, 60, ["Faktencheck"], "im zweiten")
    app = make_app()
    async with app.run_test(size=(180, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        table = app.library_screen.table
        counts = {table.rows[row].id: table.cell_texts(row)[5] for row in range(5)}
        assert counts[first.id] == "1" and counts[second.id] == "1"
        table.move_cursor(table.index_of(first.id))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        await pilot.press("A")
        notes = screen.query_one("#notes-list", OptionList)
        assert app.focused is notes
        ids = [notes.get_option_at_index(i).id for i in range(notes.option_count)]
        assert [i for i in ids if i] == [a.id for a in sorted(store.all(), key=lambda a: a.article_id != first.id)]
        # jump to the note of an article that is not open: it opens in a new column, passage selected
        notes.highlighted = ids.index(next(a.id for a in store.all() if a.article_id == second.id))
        await pilot.press("enter")
        await pilot.pause()
        assert [c.article.id for c in screen.columns] == [first.id, second.id]
        view = screen.columns[1].view
        assert app.focused is view and view.selection == (30, 60)
        # the tag browser filters the notes
        await pilot.press("T")
        tags = screen.query_one("#tags-list", OptionList)
        tags.highlighted = [tags.get_option_at_index(i).id for i in range(tags.option_count)].index("Framing")
        await pilot.press("enter")
        await pilot.pause()
        assert [
            notes.get_option_at_index(i).id for i in range(notes.option_count) if notes.get_option_at_index(i).id
        ] == [a.id for a in store.all() if a.tags == ("Framing",)]


async def test_escape_in_the_panel_clears_filters_then_closes_it(make_app, library_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(180, 50)) as pilot:
        screen = await open_one(pilot)
        await pilot.press("A", "slash", *"xyz")
        pane = screen.query_one("NotesPane")
        assert pane.query_one("#notes-filter", Input).value == "xyz"
        await pilot.press("escape")
        assert pane.query_one("#notes-filter", Input).value == ""
        await pilot.press("escape")
        assert not screen.query_one(SidePanel).shown
        assert app.focused is screen.columns[0].view
        assert isinstance(app.screen, CompareScreen)


async def test_export_from_the_command_palette(make_app, library_dir: Path) -> None:
    import json

    library = Library(library_dir)
    AnnotationStore.open(library).add(library.articles()[0], 0, 12, ["Framing"], "")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("ctrl+p", *"Export annotations as JSON")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        [exported] = list((library_dir / "annotations" / "exports").glob("*.json"))
        document = json.loads(exported.read_text(encoding="utf-8"))
        assert exported.name in " ".join(str(n.message) for n in app._notifications)
        assert "Framing" in json.dumps(document)


async def test_mouse_drag_selects_and_a_annotates_the_dragged_passage(make_app, library_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_one(pilot)
        column = screen.columns[0]
        view = column.view
        line_start = view.offset_at(2, 0)  # the first cell after the gutter
        await pilot.mouse_down(view, offset=(2, 0))
        await pilot.hover(view, offset=(14, 1))  # drag one line down and twelve cells right
        await pilot.mouse_up(view, offset=(14, 1))
        await pilot.pause()
        end = view.offset_at(14, 1)
        while view.text[end - 1].isspace():  # a selection holds no whitespace at its ends
            end -= 1
        expected = (line_start, end)
        assert expected[1] > expected[0] and view.selection == expected
        assert app.focused is view
        await pilot.press("a", *"Maus", "ctrl+s")
        await pilot.pause()
        [saved] = on_disk(library_dir).all()
        assert (saved.start, saved.end) == expected and saved.exact == column.article.body[expected[0] : expected[1]]
        assert saved.tags == ("Maus",)


async def test_keys_typed_in_one_burst_after_enter_land_in_the_note(make_app, library_dir: Path) -> None:
    """As when a script or a fast typist sends "Framing⏎Notiz^S" at once: nothing goes to the tags."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_one(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, AnnotationEditor)
        for key in ("F", "r", "a", "m", "i", "n", "g", "enter", "N", "o", "t", "i", "z", "ctrl+s"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))  # queued together, no pauses
        await pilot.pause()
        await pilot.pause()
        [saved] = on_disk(library_dir).all()
        assert saved.tags == ("Framing",) and saved.note == "Notiz"
        assert app.screen is screen
