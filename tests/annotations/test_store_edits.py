"""Writes apply to what is on disk now and change only the fields asked for; a field changed on
disk since the caller read it is a conflict, never silently overwritten (issue 15, lost update)."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from reader.annotations import AnnotationStore, EditConflict, History, RecordGone, UndoConflict
from reader.articles import Article, Library
from reader.settings import Settings


def test_editing_only_the_tags_keeps_a_note_written_elsewhere(library: Library, article: Article) -> None:
    dialog_side = AnnotationStore.open(library)
    added = dialog_side.add(article, 0, 10, ["alt"], "erste Notiz")
    opened = dialog_side.get(added.id)  # the dialog opens on this revision
    AnnotationStore.open(library).update(added.id, note="Notiz aus dem anderen Fenster")
    saved = dialog_side.update(added.id, tags=["neu"], expected={"tags": opened.tags})
    assert (saved.tags, saved.note) == (("neu",), "Notiz aus dem anderen Fenster")
    on_disk = AnnotationStore.open(library).get(added.id)
    assert (on_disk.tags, on_disk.note) == (("neu",), "Notiz aus dem anderen Fenster")


def test_a_field_changed_on_both_sides_is_a_conflict_and_nothing_is_written(library: Library, article: Article) -> None:
    dialog_side = AnnotationStore.open(library)
    added = dialog_side.add(article, 0, 10, ["alt"], "erste Notiz")
    opened = dialog_side.get(added.id)
    theirs = AnnotationStore.open(library).update(added.id, note="ihre Notiz")
    with pytest.raises(EditConflict) as conflict:
        dialog_side.update(added.id, note="meine Notiz", expected={"note": opened.note})
    assert conflict.value.fields == ("note",) and conflict.value.current.note == "ihre Notiz"
    assert "\n" not in str(conflict.value)
    assert AnnotationStore.open(library).get(added.id).note == "ihre Notiz"
    assert dialog_side.get(added.id) == theirs  # the index learnt the disk's version
    # having seen theirs, the user saves again on top of it: now it is a deliberate choice
    saved = dialog_side.update(added.id, note="meine Notiz", expected={"note": conflict.value.current.note})
    assert saved.note == "meine Notiz" and theirs.revision in saved.ancestors


def test_the_same_change_made_on_both_sides_is_no_conflict(library: Library, article: Article) -> None:
    dialog_side = AnnotationStore.open(library)
    added = dialog_side.add(article, 0, 10, note="alt")
    AnnotationStore.open(library).update(added.id, note="gleich")
    assert dialog_side.update(added.id, note="gleich", expected={"note": "alt"}).note == "gleich"


def test_an_edit_of_an_annotation_deleted_elsewhere_is_refused(library: Library, article: Article) -> None:
    dialog_side = AnnotationStore.open(library)
    added = dialog_side.add(article, 0, 10)
    AnnotationStore.open(library).delete(added.id)
    with pytest.raises(RecordGone):
        dialog_side.update(added.id, note="zu spät", expected={"note": ""})
    assert added.id not in AnnotationStore.open(library)


def test_undo_of_an_edit_reverts_only_its_field_and_keeps_a_newer_edit_of_another(
    library: Library, article: Article
) -> None:
    mine = AnnotationStore.open(library)
    history = History(mine)
    added = history.add(article, 0, 12, ["Framing"], "alt")
    history.update(added.id, tags=["Faktencheck"], expected={"tags": ("Framing",)})
    AnnotationStore.open(library).update(added.id, note="von woanders")
    history.undo()  # reverts the tags; the note written elsewhere stays
    final = AnnotationStore.open(library).get(added.id)
    assert (final.tags, final.note) == (("Framing",), "von woanders")


def test_undo_of_an_add_refuses_when_the_note_was_written_elsewhere(library: Library, article: Article) -> None:
    mine = AnnotationStore.open(library)
    history = History(mine)
    added = history.add(article, 0, 12, ["Framing"])
    AnnotationStore.open(library).update(added.id, note="wichtig")
    with pytest.raises(UndoConflict):
        history.undo()
    assert AnnotationStore.open(library).get(added.id).note == "wichtig"
    assert not history.can_undo


def test_redo_of_a_delete_refuses_when_the_restored_annotation_was_edited_elsewhere(
    library: Library, article: Article
) -> None:
    history = History(AnnotationStore.open(library))
    added = history.add(article, 0, 12, note="x")
    history.delete(added.id)
    history.undo()  # restored
    AnnotationStore.open(library).update(added.id, note="neu von woanders")
    with pytest.raises(UndoConflict):
        history.redo()
    assert AnnotationStore.open(library).get(added.id).note == "neu von woanders"


def test_undo_of_a_delete_does_not_overwrite_the_id_used_again(library: Library, article: Article) -> None:
    history = History(AnnotationStore.open(library))
    added = history.add(article, 0, 12, note="x")
    history.delete(added.id)
    other = AnnotationStore.open(library)
    other.put(replace(added, note="anders"))
    with pytest.raises(UndoConflict):
        history.undo()
    assert AnnotationStore.open(library).get(added.id).note == "anders"


LATIN1_NAME = os.fsdecode(b"J\xf6rg")  # what Python makes of Latin-1 bytes in the environment


def test_undecodable_author_note_and_tags_are_saved_not_refused(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library, author=LATIN1_NAME)
    added = store.add(article, 0, 10, [os.fsdecode(b"Gr\xfc\xdfe")], os.fsdecode(b"Notiz f\xfcr sp\xe4ter"))
    on_disk = AnnotationStore.open(library).get(added.id)
    assert (on_disk.author, on_disk.tags, on_disk.note) == ("Jörg", ("Grüße",), "Notiz für später")
    edited = store.update(added.id, note=os.fsdecode(b"ge\xe4ndert \xff"))
    assert edited.note == "geändert ÿ"


def test_an_undecodable_reader_author_is_repaired(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_AUTHOR", LATIN1_NAME)
    assert Settings.resolve(library=".").author == "Jörg"
    monkeypatch.delenv("READER_AUTHOR")
    monkeypatch.setenv("LOGNAME", LATIN1_NAME)
    monkeypatch.setenv("USER", LATIN1_NAME)
    assert Settings.resolve(library=".").author == "Jörg"
