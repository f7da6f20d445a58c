"""The codebook in the store: codes in a tree, rename/move/merge relabelling every annotation in one
all-or-nothing change under the lock, descriptions and colours in codebook.json, schema-2 stores upgraded."""

from __future__ import annotations

import json

import pytest

from reader.annotations import STORE_SCHEMA_VERSION, AnnotationStore, StoreError
from reader.annotations.codebook import CodebookError, clean_code, relabelled
from reader.annotations.paths import shard_name
from reader.articles import Article, Library


def test_code_paths_are_cleaned_like_tags() -> None:
    assert clean_code(" Framing /  Konflikt / ") == "Framing/Konflikt"
    assert relabelled(("Framing/Konflikt", "Akteure"), "framing", "Rahmung") == ("Rahmung/Konflikt", "Akteure")
    assert relabelled(("A", "B"), "A", "B") == ("B",)  # a merge does not leave the code twice


def test_codes_in_use_and_their_parents_are_listed_in_tree_order(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library)
    store.add(article, 0, 10, ["Framing/Konflikt"])
    store.add(article, 20, 30, ["Framing/Konflikt", "Akteure"])
    store.define_code("Framing/Personalisierung", description="Person statt Sache", colour="#abc")
    codes = [(c.name, c.parent, c.count) for c in store.codebook()]
    assert codes == [
        ("Akteure", "", 1),
        ("Framing", "", 0),
        ("Framing/Konflikt", "Framing", 2),
        ("Framing/Personalisierung", "Framing", 0),
    ]
    defined = store.code("framing/personalisierung")
    assert defined is not None and defined.colour == "#aabbcc" and defined.description == "Person statt Sache"
    again = AnnotationStore.open(library)
    assert [c.name for c in again.codebook()] == [name for name, _, _ in codes]
    assert again.code("Framing/Personalisierung").colour == "#aabbcc"  # type: ignore[union-attr]


def test_renaming_a_parent_relabels_every_annotation_below_it(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library)
    first = store.add(article, 0, 10, ["Framing/Konflikt"])
    second = store.add(article, 20, 30, ["Framing"])
    untouched = store.add(article, 40, 50, ["Akteure"])
    store.define_code("Framing/Konflikt", description="Streit im Vordergrund")
    colours = {code.leaf: code.colour for code in store.codebook()}
    assert store.rename_code("Framing", "Rahmung") == 2
    renamed = {("Rahmung" if leaf == "Framing" else leaf): colour for leaf, colour in colours.items()}
    assert {code.leaf: code.colour for code in store.codebook()} == renamed
    reopened = AnnotationStore.open(library)
    assert reopened.get(first.id).tags == ("Rahmung/Konflikt",)
    assert reopened.get(second.id).tags == ("Rahmung",)
    assert reopened.get(untouched.id) == untouched
    assert reopened.code("Rahmung/Konflikt").description == "Streit im Vordergrund"  # type: ignore[union-attr]
    assert reopened.code("Framing") is None
    assert reopened.get(first.id).ancestors  # a new revision, so an import of the old one is recognised as old


def test_move_and_merge(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library)
    a = store.add(article, 0, 10, ["Konflikt"])
    b = store.add(article, 20, 30, ["Streit", "Konflikt"])
    store.define_code("Framing")
    assert store.move_code("Konflikt", "Framing") == 2
    assert store.get(a.id).tags == ("Framing/Konflikt",)
    assert store.merge_code("Streit", "Framing/Konflikt") == 1
    assert store.get(b.id).tags == ("Framing/Konflikt",)
    with pytest.raises(CodebookError, match="below itself"):
        store.move_code("Framing", "Framing/Konflikt")
    with pytest.raises(CodebookError, match="no code"):
        store.merge_code("Framing", "Gibt es nicht")


def test_a_rename_keeps_what_another_process_wrote_meanwhile(library: Library, article: Article) -> None:
    ours = AnnotationStore.open(library)
    theirs = AnnotationStore.open(library)
    shared = ours.add(article, 0, 10, ["Framing"])
    theirs.reload_if_changed()
    theirs.update(shared.id, note="Notiz von nebenan")  # an edit we have not seen
    added_elsewhere = theirs.add(article, 60, 70, ["Framing"])  # an annotation we do not know yet
    assert ours.rename_code("Framing", "Rahmung") == 2
    reopened = AnnotationStore.open(library)
    assert reopened.get(shared.id).tags == ("Rahmung",) and reopened.get(shared.id).note == "Notiz von nebenan"
    assert reopened.get(added_elsewhere.id).tags == ("Rahmung",)
    theirs.reload_if_changed()
    assert theirs.get(added_elsewhere.id).tags == ("Rahmung",) and theirs.code("Rahmung") is not None


def test_a_damaged_codebook_makes_the_store_read_only(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library)
    store.define_code("Framing", colour="#ff0000")
    path = library.annotations_dir / "codebook.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["codes"]["framing"]["colour"] = "rot"
    path.write_text(json.dumps(data), encoding="utf-8")
    reopened = AnnotationStore.open(library)
    assert reopened.read_only and "codebook.json: code 'framing': colour is 'rot', not #rrggbb" in reopened.problems[0]


def test_a_schema_2_store_is_upgraded_to_3_in_place(library: Library, article: Article) -> None:
    folder = library.annotations_dir / "by-article" / article.id
    store = AnnotationStore.open(library)
    added = store.add(article, 0, 10, ["Framing / Konflikt"])
    path = folder / shard_name(added.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["_meta"]["1"]["schema"] = 2
    path.write_text(json.dumps(data), encoding="utf-8")
    reopened = AnnotationStore.open(library)
    assert not reopened.problems and reopened.get(added.id) == added
    assert json.loads(path.read_text(encoding="utf-8"))["_meta"]["1"]["schema"] == STORE_SCHEMA_VERSION == 3
    assert [c.name for c in reopened.codebook()] == ["Framing", "Framing/Konflikt"]


def test_a_rename_that_fails_midway_changes_nothing(
    library: Library, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the relabelled shard files are staged: neither the annotations nor
    the codebook change (one journal commit for all of them)."""
    import errno
    import os

    store = AnnotationStore.open(library)
    added = [store.add(article, 10 * n, 10 * n + 5, ["Framing"]) for n in range(30)]
    store.define_code("Framing", description="Regel")
    shards = {(library.annotations_dir / "by-article" / article.id / shard_name(a.id)) for a in added}
    assert len(shards) > 3
    before = {path: path.read_bytes() for path in library.annotations_dir.rglob("*.json")}
    real_open, opened = os.open, []

    def filling_up(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".tmp"):
            opened.append(path)
            if len(opened) == 3:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", filling_up)
    with pytest.raises(StoreError, match="disk is full"):
        store.rename_code("Framing", "Rahmung")
    monkeypatch.undo()
    assert {path: path.read_bytes() for path in library.annotations_dir.rglob("*.json")} == before
    assert not list(library.annotations_dir.rglob("*.tmp"))
    reopened = AnnotationStore.open(library)
    assert {a.tags for a in reopened.all()} == {("Framing",)} and reopened.code("Framing").description == "Regel"  # type: ignore[union-attr]
    assert store.rename_code("Framing", "Rahmung") == 30  # the same store object goes on working


def test_a_rename_killed_after_its_commit_is_finished_by_the_next_store(
    library: Library, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between the journal commit and the renames: the next store to open finishes the
    relabelled shards and the codebook together (the journal lists codebook.json too)."""
    from reader.annotations import journal as journal_module

    class Killed(BaseException):
        pass

    def die(*args: object) -> None:
        raise Killed

    store = AnnotationStore.open(library)
    for n in range(12):
        store.add(article, 10 * n, 10 * n + 5, ["Framing"])
    store.define_code("Framing", description="Regel")
    monkeypatch.setattr(journal_module, "_publish", die)
    with pytest.raises(Killed):
        store.rename_code("Framing", "Rahmung")
    monkeypatch.undo()
    assert (library.annotations_dir / ".journal").exists()
    reopened = AnnotationStore.open(library)
    assert not reopened.problems and {a.tags for a in reopened.all()} == {("Rahmung",)}
    assert reopened.code("Rahmung").description == "Regel" and reopened.code("Framing") is None  # type: ignore[union-attr]
    assert not (library.annotations_dir / ".journal").exists()
