"""Undo and redo of add, edit and delete, saved to disk each time."""

from __future__ import annotations

import pytest

from reader.annotations import AnnotationStore, History, UndoConflict
from reader.articles import Article, Library


def on_disk(library: Library) -> dict[str, tuple[tuple[str, ...], str]]:
    return {a.id: (a.tags, a.note) for a in AnnotationStore.open(library).all()}


def test_undo_and_redo_of_add(store: AnnotationStore, library: Library, article: Article) -> None:
    history = History(store)
    added = history.add(article, 0, 12, ["Framing"])
    change = history.undo()
    assert change is not None and change.kind == "add" and change.describe().startswith("add “")
    assert on_disk(library) == {} and not history.can_undo and history.can_redo
    history.redo()
    assert on_disk(library) == {added.id: (("Framing",), "")}
    assert store.get(added.id) == added


def test_undo_and_redo_of_edit(store: AnnotationStore, library: Library, article: Article) -> None:
    history = History(store)
    added = history.add(article, 0, 12, ["Framing"], "alt")
    history.update(added.id, tags=["Faktencheck"], note="neu")
    history.undo()
    undone = store.get(added.id)
    assert (undone.tags, undone.note) == (("Framing",), "alt") and on_disk(library)[added.id] == (("Framing",), "alt")
    assert undone.revision != added.revision and added.revision in undone.ancestors  # an undo is a new revision
    history.redo()
    assert on_disk(library)[added.id] == (("Faktencheck",), "neu")


def test_undo_of_delete_restores_the_same_id(store: AnnotationStore, library: Library, article: Article) -> None:
    history = History(store)
    added = history.add(article, 0, 12, ["Framing"], "Notiz")
    history.delete(added.id)
    assert on_disk(library) == {}
    history.undo()
    assert store.get(added.id) == added and on_disk(library) == {added.id: (("Framing",), "Notiz")}
    history.redo()
    assert on_disk(library) == {}


def test_a_new_change_clears_redo_and_the_stack_is_bounded(store: AnnotationStore, article: Article) -> None:
    history = History(store, limit=3)
    ids = [history.add(article, n, n + 5).id for n in range(5)]
    history.undo()
    assert history.can_redo
    history.update(ids[0], note="x")
    assert not history.can_redo
    undone = 0
    while history.undo():
        undone += 1
    assert undone == 3 and {a.id for a in store.all()} == {ids[0], ids[1]}  # oldest adds are beyond the limit


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(library: Library, article: Article) -> None:
    mine = AnnotationStore.open(library)
    history = History(mine)
    added = history.add(article, 0, 12, note="meins")
    AnnotationStore.open(library).update(added.id, note="von woanders")
    with pytest.raises(UndoConflict) as conflict:
        history.undo()
    assert "changed elsewhere" in str(conflict.value)
    assert AnnotationStore.open(library).get(added.id).note == "von woanders"
    assert not history.can_undo  # the stale step was dropped


def test_nothing_to_undo_or_redo_returns_none(store: AnnotationStore) -> None:
    history = History(store)
    assert history.undo() is None and history.redo() is None
