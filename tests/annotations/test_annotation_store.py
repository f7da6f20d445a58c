"""The store on a real TinyDB folder: persistence, tags, merging, reloads, and refusing to damage."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from reader.annotations import (
    AnchorState,
    AnnotationError,
    AnnotationNotFound,
    AnnotationStore,
    RecordGone,
    StoreError,
    StoreUnreadable,
)
from reader.annotations import change_log as change_log_module
from reader.annotations.paths import shard_name
from reader.articles import Article, Library
from tests.helpers.disk_faults import refuse_temp_files


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*.tmp")]


def passage(article: Article, text: str) -> tuple[int, int]:
    start = article.body.index(text)
    return start, start + len(text)


def test_added_annotation_is_on_disk_with_all_fields(
    store: AnnotationStore, library: Library, article: Article
) -> None:
    start, end = passage(article, "Keine Einigung, kein Abkommen")
    added = store.add(article, start, end, ["Framing", "framing ", "Faktencheck"], "Erste Zeile\nzweite Zeile  \n")
    assert added.tags == ("Framing", "Faktencheck")
    assert added.note == "Erste Zeile\nzweite Zeile"
    assert added.quote.exact == "Keine Einigung, kein Abkommen"
    assert added.quote.prefix == article.body[start - 32 : start]
    assert added.quote.suffix == article.body[end : end + 32]
    assert added.author == "tester" and added.created == added.updated and added.created.endswith("Z")
    reopened = AnnotationStore.open(library)
    assert reopened.get(added.id) == added
    assert list((library.annotations_dir / "by-article" / article.id).glob("*.json")) == [
        library.annotations_dir / "by-article" / article.id / shard_name(added.id)
    ]


def test_bad_spans_are_refused(store: AnnotationStore, article: Article) -> None:
    for start, end in [(5, 5), (10, 3), (-1, 4), (0, len(article.body) + 1)]:
        with pytest.raises(AnnotationError):
            store.add(article, start, end)
    assert len(store) == 0


def test_update_and_delete_persist(store: AnnotationStore, library: Library, article: Article) -> None:
    added = store.add(article, 0, 20, ["Framing"])
    edited = store.update(added.id, tags=["Zitat verkürzt"], note="gekürzt")
    assert edited.tags == ("Zitat verkürzt",) and edited.note == "gekürzt"
    assert edited.created == added.created and edited.updated >= added.updated
    assert store.update(added.id, note="gekürzt") == edited  # no change, no write
    assert AnnotationStore.open(library).get(added.id) == edited
    store.delete(added.id)
    with pytest.raises(AnnotationNotFound):
        AnnotationStore.open(library).get(added.id)


def test_moving_a_passage_requests_quote_from_the_current_text(store: AnnotationStore, article: Article) -> None:
    added = store.add(article, 0, 20)
    moved = store.update(added.id, article=article, start=30, end=45)
    assert (moved.start, moved.end, moved.exact) == (30, 45, article.body[30:45])
    with pytest.raises(AnnotationError):
        store.update(added.id, start=1, end=2)


def test_tags_keep_first_seen_spelling_and_count(store: AnnotationStore, article: Article) -> None:
    store.add(article, 0, 10, ["Framing"])
    second = store.add(article, 20, 30, ["framing ", "FAKTENCHECK"])
    store.add(article, 40, 50, ["Faktencheck"])
    assert second.tags == ("Framing", "FAKTENCHECK")
    assert store.tags() == [("FAKTENCHECK", 2), ("Framing", 2)]
    assert store.complete_tag("fa") == ["FAKTENCHECK"]
    assert store.canonical_tags(["  faktencheck"]) == ("FAKTENCHECK",)


def test_counts_and_order(store: AnnotationStore, library: Library, article: Article) -> None:
    other = library.get("gipfel-der-leere-inszenierung")
    late = store.add(article, 100, 120, note="Später im Text")
    early = store.add(article, 10, 30, ["Framing"])
    elsewhere = store.add(other, 5, 25, note="anderer Artikel")
    assert store.counts_by_article() == {article.id: 2, other.id: 1}
    assert [a.id for a in store.all()] == sorted(
        [early.id, late.id, elsewhere.id], key=lambda i: store.get(i).article_id != other.id
    )
    assert [a.id for a in store.all() if a.article_id == article.id] == [early.id, late.id]


def test_for_article_reanchors_without_writing(store: AnnotationStore, library: Library, article: Article) -> None:
    start, end = passage(article, "Keine Einigung, kein Abkommen")
    added = store.add(article, start, end, ["Framing"])
    gone = store.add(article, *passage(article, "hinter verschlossenen Türen"))
    path = article.path
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Das historische Treffen", "Das lange erwartete historische Treffen").replace(
            "hinter verschlossenen Türen", "intern"
        ),
        encoding="utf-8",
    )
    edited = library.get(article.id)
    before = files_under(library.annotations_dir)
    hits = {hit.annotation.id: hit for hit in store.for_article(edited)}
    assert hits[added.id].state is AnchorState.REANCHORED
    assert edited.body[hits[added.id].start : hits[added.id].end] == "Keine Einigung, kein Abkommen"
    assert hits[gone.id].state is AnchorState.ORPHANED
    assert files_under(library.annotations_dir) == before  # reading never writes


def test_annotations_of_a_removed_article_are_orphans(
    store: AnnotationStore, library: Library, article: Article
) -> None:
    kept = store.add(article, 0, 10)
    other = library.get("gipfel-der-leere-inszenierung")
    lost = store.add(other, 0, 10)
    other.path.unlink()
    orphans = [hit for hit in store.anchor_all(library.articles()) if hit.state is AnchorState.ORPHANED]
    assert [hit.annotation.id for hit in orphans] == [lost.id]
    assert "not in the library" in orphans[0].anchor.reason
    assert kept.id in store


def test_two_stores_merge_writes_to_the_same_shard(library: Library, article: Article) -> None:
    first = AnnotationStore.open(library, author="a")
    second = AnnotationStore.open(library, author="b")
    one = first.add(article, 0, 10)
    # An id for the second annotation that lands in the same shard file as the first.
    same_shard_id = next(f"id-{n}" for n in range(10_000) if shard_name(f"id-{n}") == shard_name(one.id))
    two = second.add(article, 20, 30)
    twin = replace(two, id=same_shard_id)
    second.put(twin)  # `second` never saw `one`, yet writing the shard must keep it
    assert one.id in second and {one.id, two.id, twin.id} <= {a.id for a in AnnotationStore.open(library).all()}


def test_field_edits_from_two_stores_both_survive(library: Library, article: Article) -> None:
    first = AnnotationStore.open(library)
    added = first.add(article, 0, 10, ["alt"])
    second = AnnotationStore.open(library)
    first.update(added.id, tags=["neu"])
    second.update(added.id, note="Notiz")  # second still holds the old tags in memory
    final = AnnotationStore.open(library).get(added.id)
    assert (final.tags, final.note) == (("neu",), "Notiz")


def test_editing_an_annotation_deleted_elsewhere_does_not_bring_it_back(library: Library, article: Article) -> None:
    first = AnnotationStore.open(library)
    added = first.add(article, 0, 10)
    second = AnnotationStore.open(library)
    first.delete(added.id)
    with pytest.raises(RecordGone):
        second.update(added.id, note="zu spät")
    assert added.id not in AnnotationStore.open(library)
    assert added.id not in second  # its index followed the disk


def test_reload_if_changed_sees_other_writers(library: Library, article: Article) -> None:
    reader_side = AnnotationStore.open(library)
    writer = AnnotationStore.open(library)
    assert reader_side.reload_if_changed() is False
    added = writer.add(article, 0, 10)
    assert reader_side.reload_if_changed() is True and added.id in reader_side
    assert reader_side.reload_if_changed() is False
    writer.delete(added.id)
    assert reader_side.reload_if_changed() is True and added.id not in reader_side
    own = reader_side.add(article, 5, 15)
    assert reader_side.reload_if_changed() is False  # its own write is already known
    assert writer.reload_if_changed() is True and own.id in writer


def test_reload_after_the_change_log_restarts(
    monkeypatch: pytest.MonkeyPatch, library: Library, article: Article
) -> None:
    reader_side = AnnotationStore.open(library)
    writer = AnnotationStore.open(library)
    monkeypatch.setattr(change_log_module, "MAX_LOG_BYTES", 200)
    added = [writer.add(article, n, n + 5) for n in range(12)]
    assert reader_side.reload_if_changed() is True
    assert {a.id for a in added} <= {a.id for a in reader_side.all()}


def test_corrupt_shard_is_refused_in_one_line_and_left_untouched(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library)
    added = store.add(article, 0, 10)
    shard = library.annotations_dir / "by-article" / article.id / shard_name(added.id)
    shard.write_bytes(b'{"_meta": {"1": {"schema": 1}}, "annotations": {"x": ')
    damaged = shard.read_bytes()
    reopened = AnnotationStore.open(library)
    assert reopened.read_only
    assert len(reopened.problems) == 1 and "\n" not in reopened.problems[0]
    assert "not valid JSON" in reopened.problems[0] and shard.name in reopened.problems[0]
    with pytest.raises(StoreUnreadable) as refused:
        reopened.add(article, 20, 30)
    assert str(refused.value) == reopened.problems[0]
    assert shard.read_bytes() == damaged
    with pytest.raises(StoreUnreadable):
        store.update(added.id, note="x")  # a store opened before the damage refuses too
    assert shard.read_bytes() == damaged


def test_store_from_a_newer_schema_is_refused(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library)
    added = store.add(article, 0, 10)
    shard = library.annotations_dir / "by-article" / article.id / shard_name(added.id)
    data = json.loads(shard.read_text(encoding="utf-8"))
    data["_meta"]["1"]["schema"] = 99
    shard.write_text(json.dumps(data), encoding="utf-8")
    before = shard.read_bytes()
    reopened = AnnotationStore.open(library)
    assert "newer reader" in reopened.problems[0] and "schema 99" in reopened.problems[0]
    with pytest.raises(StoreUnreadable):
        reopened.add(article, 20, 30)
    assert shard.read_bytes() == before


@pytest.mark.parametrize("target", ["write", "fsync"])
def test_disk_full_gives_one_line_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, store: AnnotationStore, library: Library, article: Article, target: str
) -> None:
    existing = store.add(article, 0, 10, ["Framing"])
    before_disk = files_under(library.annotations_dir)
    before_memory = store.all()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, target, disk_full)
    with pytest.raises(StoreError) as full:
        store.add(article, 20, 30)
    with pytest.raises(StoreError):
        store.update(existing.id, note="neu")
    monkeypatch.undo()
    assert str(full.value).count("\n") == 0 and "disk is full" in str(full.value)
    assert temp_files(library.annotations_dir) == []
    assert store.all() == before_memory
    assert files_under(library.annotations_dir) == before_disk
    assert AnnotationStore.open(library).all() == before_memory
    assert store.add(article, 20, 30)  # and the store works again once there is room


def test_read_only_folder_gives_one_line_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, store: AnnotationStore, library: Library, article: Article
) -> None:
    store.add(article, 0, 10)
    before = files_under(library.annotations_dir)
    refuse_temp_files(monkeypatch, errno.EROFS)
    with pytest.raises(StoreError) as refused:
        store.add(article, 20, 30)
    monkeypatch.undo()
    assert "read-only" in str(refused.value) and "\n" not in str(refused.value)
    assert len(store) == 1 and files_under(library.annotations_dir) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_folder_without_write_permission_gives_one_line(
    store: AnnotationStore, library: Library, article: Article
) -> None:
    added = store.add(article, 0, 10)
    shard_dir = library.annotations_dir / "by-article" / article.id
    shard_dir.chmod(0o555)
    try:
        with pytest.raises(StoreError) as refused:
            store.update(added.id, note="x")
    finally:
        shard_dir.chmod(0o755)
    assert "permission denied" in str(refused.value)
    assert temp_files(library.annotations_dir) == []


def test_stale_temp_files_are_removed_on_open(store: AnnotationStore, library: Library, article: Article) -> None:
    added = store.add(article, 0, 10)
    shard_dir = library.annotations_dir / "by-article" / article.id
    stale = shard_dir / f".{shard_name(added.id)}.999.deadbeef.tmp"
    stale.write_text('{"_meta": {"1": {"schema": 1}}, "annot')
    reopened = AnnotationStore.open(library)
    assert not stale.exists() and reopened.get(added.id) == added


def test_opening_a_library_without_annotations_creates_nothing(library: Library) -> None:
    store = AnnotationStore.open(library)
    assert len(store) == 0 and store.counts_by_article() == {} and store.tags() == []
    assert not library.annotations_dir.exists()


def test_a_journal_or_change_log_temp_file_left_by_a_killed_writer_is_removed_on_open(
    store: AnnotationStore, library: Library, article: Article
) -> None:
    added = store.add(article, 0, 10, note="bleibt")
    root = library.annotations_dir
    left = [root / "..journal.999.deadbeef.tmp", root / ".changes.log.999.cafebabe.tmp"]
    for path in left:
        path.write_text('{"format": "reader-jour', encoding="utf-8")  # killed halfway through writing it
    unrelated = root / ".notes.txt.999.deadbeef.tmp"  # not ours to remove: only lock holders' temps are
    unrelated.write_text("x", encoding="utf-8")
    reopened = AnnotationStore.open(library)
    assert [path.exists() for path in left] == [False, False]
    assert unrelated.exists() and reopened.get(added.id) == added
