"""The app and other writers on one store (issue 15): it notices their changes within seconds,
an edit never wipes what they wrote, a clash shows both versions, conflicts can be picked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.exchange import export_bytes, import_file
from reader.tui.screens.annotation_editor import AnnotationEditor
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.conflict import ConflictDialog
from tests.helpers.pilot import wait_for_library
from tests.helpers.sample_library import copy_sample_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


def on_disk(library_dir: Path) -> AnnotationStore:
    return AnnotationStore.open(Library(library_dir))


async def open_article(pilot, article_id: str) -> CompareScreen:
    await wait_for_library(pilot, rows=5)
    table = pilot.app.library_screen.table
    table.move_cursor(table.index_of(article_id))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CompareScreen)
    return pilot.app.screen


async def wait_until(pilot, condition, seconds: float = 2.5) -> bool:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def note_ids(screen: CompareScreen) -> list[str]:
    notes = screen.query_one("#notes-list", OptionList)
    return [option.id for option in (notes.get_option_at_index(i) for i in range(notes.option_count)) if option.id]


async def test_changes_from_another_writer_show_within_two_seconds(make_app, library_dir: Path) -> None:
    library = Library(library_dir)
    article = library.articles()[0]
    other = AnnotationStore.open(library, author="anderes Fenster")
    existing = other.add(article, 0, 12, ["Alt"])
    app = make_app()
    async with app.run_test(size=(180, 50)) as pilot:
        screen = await open_article(pilot, article.id)
        await pilot.press("A")
        view = screen.columns[0].view
        added = other.add(article, 40, 60, ["Neu von draußen"], "aus dem anderen Fenster")
        other.update(existing.id, tags=["Umbenannt"])
        assert await wait_until(
            pilot, lambda: any(h.start == 40 and h.end == 60 for h in view.highlights("annotation"))
        )
        assert added.id in note_ids(screen)
        tags = screen.query_one("#tags-list", OptionList)
        assert await wait_until(
            pilot,
            lambda: (
                {tags.get_option_at_index(i).id for i in range(tags.option_count)} == {"Neu von draußen", "Umbenannt"}
            ),
        )
        library_table = app.library_screen.table  # the library below counts it too, without `r`
        assert library_table.cell_texts(library_table.index_of(article.id))[5] == "2"


async def test_an_import_by_the_command_line_shows_in_the_running_app(
    make_app, library_dir: Path, tmp_path: Path
) -> None:
    source = copy_sample_library(tmp_path / "source")
    library = Library(library_dir)
    article = library.articles()[0]
    AnnotationStore.open(source).add(source.get(article.id), 5, 25, ["Importiert"], "über die Kommandozeile")
    export = tmp_path / "export.json"
    export.write_text(export_bytes(AnnotationStore.open(source), source, "json").decode("utf-8"), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(180, 50)) as pilot:
        screen = await open_article(pilot, article.id)
        view = screen.columns[0].view
        imported = subprocess.run(
            [str(Path(sys.executable).with_name("reader")), "--library", str(library_dir), "import", str(export)],
            check=True,
            capture_output=True,
            text=True,
        )
        assert "1 added" in imported.stdout
        assert await wait_until(pilot, lambda: any(h.start == 5 and h.end == 25 for h in view.highlights("annotation")))


async def test_editing_only_the_tags_keeps_a_note_written_while_the_dialog_was_open(
    make_app, library_dir: Path
) -> None:
    library = Library(library_dir)
    article = library.articles()[0]
    added = AnnotationStore.open(library).add(article, 0, 40, ["Framing"], "")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_article(pilot, article.id)
        screen.columns[0].view.move_cursor(10)
        await pilot.press("i")
        editor = app.screen
        assert isinstance(editor, AnnotationEditor)
        AnnotationStore.open(library).update(added.id, note="Notiz aus dem anderen Fenster")  # while the dialog is open
        editor.query_one("#tags", Input).value = "Framing, Faktencheck"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = on_disk(library_dir).get(added.id)
        assert saved.tags == ("Framing", "Faktencheck") and saved.note == "Notiz aus dem anderen Fenster"


async def test_a_note_changed_on_both_sides_brings_the_dialog_back_with_both(make_app, library_dir: Path) -> None:
    library = Library(library_dir)
    article = library.articles()[0]
    added = AnnotationStore.open(library).add(article, 0, 40, ["Framing"], "Anfang")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_article(pilot, article.id)
        screen.columns[0].view.move_cursor(10)
        await pilot.press("i")
        AnnotationStore.open(library).update(added.id, note="ihre Fassung")
        app.screen.query_one("#note", TextArea).text = "meine Fassung"
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, AnnotationEditor) and "CHANGED ELSEWHERE" in editor.heading
        assert editor.theirs is not None and editor.theirs.note == "ihre Fassung"
        assert editor.query_one("#note", TextArea).text == "meine Fassung"  # yours is kept in the fields
        assert on_disk(library_dir).get(added.id).note == "ihre Fassung"  # nothing was overwritten
        await pilot.press("ctrl+b")  # keep both
        assert editor.query_one("#note", TextArea).text == "meine Fassung\n\nihre Fassung"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert on_disk(library_dir).get(added.id).note == "meine Fassung\n\nihre Fassung"


async def test_a_conflict_is_marked_in_the_notes_panel_and_picked_there(
    make_app, library_dir: Path, tmp_path: Path
) -> None:
    library = Library(library_dir)
    article = library.articles()[0]
    store = AnnotationStore.open(library)
    added = store.add(article, 0, 40, ["Framing"], "hier")
    document = json.loads(export_bytes(store, library, "json").decode("utf-8"))
    document["annotations"][0]["note"] = "von einem anderen Rechner"
    del document["annotations"][0]["revision"], document["annotations"][0]["ancestors"]
    diverged = tmp_path / "diverged.json"
    diverged.write_text(json.dumps(document), encoding="utf-8")
    assert import_file(store, library.articles(), diverged).conflicts == 1
    app = make_app()
    async with app.run_test(size=(180, 50)) as pilot:
        screen = await open_article(pilot, article.id)
        assert "conflicting versions" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("A")
        notes = screen.query_one("#notes-list", OptionList)
        notes.highlighted = [notes.get_option_at_index(i).id for i in range(notes.option_count)].index(added.id)
        assert "changed in two places" in str(notes.get_option_at_index(notes.highlighted).prompt)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        await pilot.press("down", "enter")  # the version from elsewhere
        await pilot.pause()
        disk = on_disk(library_dir)
        assert disk.get(added.id).note == "von einem anderen Rechner" and disk.conflicts() == []
        assert "changed in two places" not in " ".join(
            str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)
        )


async def test_strangers_in_the_store_are_named_in_the_app(make_app, library_dir: Path) -> None:
    library = Library(library_dir)
    added = AnnotationStore.open(library).add(library.articles()[0], 0, 10)
    folder = library_dir / "annotations" / "by-article" / added.article_id
    (folder / "ab (conflicted copy).json").write_text("{}", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        assert "(conflicted copy).json" in " ".join(str(n.message) for n in app._notifications)


async def test_a_latin1_author_name_never_loses_the_typed_note(make_app, library_dir: Path) -> None:
    from reader.settings import Settings
    from reader.tui.app import ReaderApp

    app = ReaderApp(Settings.resolve(library=library_dir, author=os.fsdecode(b"J\xf6rg")))
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s", *"Framing", "enter", *"Notiz", "ctrl+s")
        await pilot.pause()
        [saved] = on_disk(library_dir).all()
        assert (saved.author, saved.note) == ("Jörg", "Notiz")
