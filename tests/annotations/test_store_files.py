"""What the store loads from disk: only its own files, only well-typed records, old schemas upgraded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from reader.annotations import STORE_SCHEMA_VERSION, AnnotationStore, StoreUnreadable
from reader.annotations.paths import shard_name, shard_names
from reader.annotations.storage import ShardDB
from reader.articles import Article, Library


def shard_path(library: Library, article: Article, annotation_id: str) -> Path:
    return library.annotations_dir / "by-article" / article.id / shard_name(annotation_id)


def test_a_sync_conflict_copy_is_not_loaded_named_in_one_line_and_kept(library: Library, article: Article) -> None:
    store = AnnotationStore.open(library)
    kept = store.add(article, 0, 10, note="bleibt")
    doomed = store.add(article, 20, 30, note="gelöscht")
    folder = library.annotations_dir / "by-article" / article.id
    copies = {shard_name(doomed.id): shard_path(library, article, doomed.id).read_bytes()}
    store.delete(doomed.id)
    stranger = folder / f"{shard_name(doomed.id)[:-5]} (conflicted copy).json"
    stranger.write_bytes(copies[shard_name(doomed.id)])
    backup = folder / "backup.json"
    backup.write_text("{}", encoding="utf-8")

    reopened = AnnotationStore.open(library)
    assert doomed.id not in reopened and kept.id in reopened  # the deleted note does not come back
    assert not reopened.read_only
    [warning] = reopened.warnings
    assert "\n" not in warning and "(conflicted copy).json" in warning and "backup.json" in warning
    reopened.add(article, 40, 50)  # writing in the same folder leaves the strangers alone
    assert stranger.read_bytes() == copies[shard_name(doomed.id)] and backup.read_text(encoding="utf-8") == "{}"
    assert AnnotationStore.open(library).warnings == reopened.warnings


def damage(record: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    damaged = dict(record)
    if value is KeyError:
        del damaged[field]
    else:
        damaged[field] = value
    return damaged


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("tags", "Bild", "tags is text, not a list"),
        ("tags", [1], "tags holds a number"),
        ("note", None, "note is null, not text"),
        ("start", 2**63, "start 9223372036854775808 is outside"),
        ("start", -1, "start -1 is outside"),
        ("start", True, "start is true/false"),
        ("end", 12.0, "end is a number, not a whole number"),
        ("exact", "", "exact is empty"),
        ("author", KeyError, "author is null"),
        ("created", "2015-10-13", "created is '2015-10-13', not a UTC time"),
        ("rev", "x", "rev is text, not a revision"),
    ],
)
def test_a_wrongly_typed_record_makes_the_store_read_only_with_a_line_naming_it(
    library: Library, article: Article, field: str, value: Any, message: str
) -> None:
    added = AnnotationStore.open(library).add(article, 0, 10, ["Bild"], "Notiz")
    path = shard_path(library, article, added.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["annotations"][added.id] = damage(data["annotations"][added.id], field, value)
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    reopened = AnnotationStore.open(library)
    assert reopened.read_only and len(reopened.problems) == 1
    problem = reopened.problems[0]
    assert "\n" not in problem and message in problem and added.id in problem and shard_name(added.id) in problem
    assert added.id not in reopened  # never coerced into something else
    with pytest.raises(StoreUnreadable):
        reopened.add(article, 20, 30)
    assert path.read_bytes() == before


def test_a_record_in_the_wrong_file_is_refused(library: Library, article: Article) -> None:
    added = AnnotationStore.open(library).add(article, 0, 10)
    path = shard_path(library, article, added.id)
    other_name = next(f"{n:02x}.json" for n in range(256) if f"{n:02x}.json" != path.name)
    path.rename(path.with_name(other_name))
    reopened = AnnotationStore.open(library)
    assert reopened.read_only and f"belongs in by-article/{article.id}/{path.name}" in reopened.problems[0]


def test_a_schema_1_store_is_upgraded_in_place(library: Library, article: Article) -> None:
    folder = library.annotations_dir / "by-article" / article.id
    folder.mkdir(parents=True)
    old_record = {
        "article_id": article.id,
        "article_version": article.version,
        "start": 40,
        "end": 50,
        "exact": article.body[40:50],
        "prefix": "x" * 100 + article.body[8:40],
        "suffix": article.body[50:82],
        "tags": ["Framing"],
        "note": "aus der alten Version",
        "author": "alt",
        "created": "2015-10-13",
        "updated": "2015-10-13T12:00:00+02:00",
    }
    path = folder / shard_name("alte-id")
    path.write_text(
        json.dumps({"_meta": {"1": {"schema": 1}}, "annotations": {"alte-id": old_record}}), encoding="utf-8"
    )
    store = AnnotationStore.open(library)
    assert not store.problems
    upgraded = store.get("alte-id")
    assert (upgraded.created, upgraded.updated) == ("2015-10-13T00:00:00.000Z", "2015-10-13T10:00:00.000Z")
    assert upgraded.quote.prefix == article.body[8:40] and upgraded.note == "aus der alten Version"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (
        data["_meta"]["1"]["schema"] == STORE_SCHEMA_VERSION
        and data["annotations"]["alte-id"]["rev"] == upgraded.revision
    )
    assert AnnotationStore.open(library).get("alte-id") == upgraded


def test_a_shard_file_is_a_tinydb_database(library: Library, article: Article) -> None:
    added = AnnotationStore.open(library).add(article, 0, 10, ["Framing"], "Notiz")
    database = ShardDB(library.annotations_dir, f"by-article/{article.id}/{shard_name(added.id)}")
    assert isinstance(database, TinyDB)
    document = database.table("annotations").get(doc_id=added.id)  # type: ignore[call-overload]  # string ids (AnnotationTable)
    assert document is not None and document["note"] == "Notiz" and document["tags"] == ["Framing"]


@pytest.mark.skipif(__import__("os").geteuid() == 0, reason="root ignores folder permissions")
def test_a_folder_that_cannot_be_listed_makes_the_store_read_only(library: Library, article: Article) -> None:
    AnnotationStore.open(library).add(article, 0, 10)
    folder = library.annotations_dir / "by-article" / article.id
    folder.chmod(0o300)  # no read permission: its files cannot be listed
    try:
        store = AnnotationStore.open(library)
    finally:
        folder.chmod(0o755)
    assert store.read_only and "cannot list the folder" in store.problems[0]


def test_shard_names_of_many_ids_are_each_ids_shard_name() -> None:
    ids = ["", "a", "ä", "5605fdea-e2b1-4ee2-b087-5d4881d8dbe9", *(str(n) for n in range(600))]
    assert shard_names(ids) == [shard_name(annotation_id) for annotation_id in ids]
    assert len(set(shard_names(ids))) > 200  # spread over the 256 files
