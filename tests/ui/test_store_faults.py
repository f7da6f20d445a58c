"""The app when the disk refuses a save: one clear line, the app keeps running, what the reader
typed is kept, and no partial file is left behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from reader.annotations import AnnotationStore
from reader.annotations.tags import MAX_TAG_CHARS
from reader.articles import Library
from reader.tui.screens.annotation_editor import AnnotationEditor
from reader.tui.screens.compare import CompareScreen
from tests.helpers.disk_faults import refuse_temp_files
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


def on_disk(library_dir: Path) -> AnnotationStore:
    return AnnotationStore.open(Library(library_dir))


def leftovers(library_dir: Path) -> list[Path]:
    return list((library_dir / "annotations").rglob("*.tmp"))


def messages(app) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_disk_full_keeps_the_typed_note_and_saves_once_there_is_room(
    make_app, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)

        def disk_full(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("s", *"Framing", "enter", *"Notiz, die nicht verloren gehen darf", "ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert "disk is full" in messages(app)
        assert on_disk(library_dir).all() == [] and leftovers(library_dir) == []
        editor = app.screen
        assert isinstance(editor, AnnotationEditor) and "NOT SAVED" in editor.heading
        assert editor.initial_tags == ["Framing"] and editor.initial_note == "Notiz, die nicht verloren gehen darf"

        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        [saved] = on_disk(library_dir).all()
        assert saved.tags == ("Framing",) and saved.note == "Notiz, die nicht verloren gehen darf"
        assert leftovers(library_dir) == []


async def test_read_only_annotations_folder_refuses_edit_undo_and_delete_in_one_line(
    make_app, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library(library_dir)
    article = library.articles()[0]
    AnnotationStore.open(library).add(article, 0, 40, ["Framing"], "vorher")
    before = {p: p.read_bytes() for p in (library_dir / "annotations").rglob("*") if p.is_file()}
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        app.library_screen.table.move_cursor(app.library_screen.table.index_of(article.id))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        screen.columns[0].view.move_cursor(10)
        refuse_temp_files(monkeypatch, errno.EROFS)

        await pilot.press("i", "enter", *" nachher", "ctrl+s")  # edit the note
        await pilot.pause()
        assert "read-only" in messages(app) and all("\n" not in str(n.message) for n in app._notifications)
        assert isinstance(app.screen, AnnotationEditor)  # back, holding the edit
        await pilot.press("escape")
        await pilot.press("D", "y")  # delete, confirmed
        await pilot.pause()
        await pilot.press("u")  # nothing was done, so nothing to undo
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CompareScreen)
        monkeypatch.undo()
        after = {p: p.read_bytes() for p in (library_dir / "annotations").rglob("*") if p.is_file()}
        assert after == before and leftovers(library_dir) == []
        assert [a.note for a in on_disk(library_dir).all()] == ["vorher"]


async def test_a_tag_too_long_is_one_line_and_the_dialog_comes_back_holding_the_note(
    make_app, library_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")
        editor = app.screen
        assert isinstance(editor, AnnotationEditor)
        editor.query_one("#tags", Input).value = "x" * (MAX_TAG_CHARS + 1)
        editor.query_one("#note", TextArea).text = "Notiz, die bleiben muss"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and f"longer than {MAX_TAG_CHARS} characters" in messages(app)
        again = app.screen
        assert isinstance(again, AnnotationEditor) and again.initial_note == "Notiz, die bleiben muss"
        assert on_disk(library_dir).all() == []
