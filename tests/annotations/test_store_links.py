"""Symbolic links in annotations/ are never followed, for a write or a delete (issue 15).

A store holding a link is read-only with one line; a link planted while a store is open makes
its next write fail in one line (or, for the change log, not be followed). Either way the files
and folders the links point to are untouched: content, modification time, and the temp-looking
files a store would delete in its own folders.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore, StoreError, StoreUnreadable
from reader.articles import Article, Library

TEMP_LOOKING = ".00.json.999.deadbeef.tmp"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim.txt").write_text("precious\n" * 10, encoding="utf-8")
    (folder / TEMP_LOOKING).write_text("not ours", encoding="utf-8")
    (folder / "00.json").write_text('{"_meta": {"1": {"schema": 2}}, "annotations": {}}', encoding="utf-8")
    old = time.time() - 7200
    for path in folder.iterdir():
        os.utime(path, (old, old))
    return folder


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture
def populated(library: Library, article: Article) -> AnnotationStore:
    store = AnnotationStore.open(library)
    store.add(article, 0, 10, ["Framing"], "Notiz")
    return store


def plant(link: Path, target: Path) -> None:
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    elif link.exists() or link.is_symlink():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target, target_is_directory=target.is_dir())


@pytest.mark.parametrize(
    ("where", "points_to"),
    [
        ("changes.log", "victim.txt"),
        (".lock", "victim.txt"),
        (".journal", "victim.txt"),
        ("by-article/ARTICLE", "."),
        ("by-article", "."),
        ("by-article/ARTICLE/SHARD", "victim.txt"),
        ("exports", "."),
        (".", "."),
    ],
)
def test_a_store_with_a_link_is_read_only_and_touches_nothing_outside(
    populated: AnnotationStore, library: Library, article: Article, outside: Path, where: str, points_to: str
) -> None:
    [annotation] = populated.all()
    shard = next((library.annotations_dir / "by-article" / article.id).glob("*.json")).name
    relative = where.replace("ARTICLE", article.id).replace("SHARD", shard)
    (library.annotations_dir / "exports").mkdir(exist_ok=True)
    link = library.annotations_dir if relative == "." else library.annotations_dir / relative
    if relative == ".":
        shutil.rmtree(link)
    plant(link, outside / points_to if points_to != "." else outside)
    before = snapshot(outside)

    store = AnnotationStore.open(library)
    assert store.read_only
    [problem] = store.problems
    assert "symbolic link" in problem and "\n" not in problem
    with pytest.raises(StoreUnreadable):
        store.add(article, 20, 30, note="neu")
    if annotation.id in store:
        with pytest.raises(StoreUnreadable):
            store.update(annotation.id, note="geändert")
        with pytest.raises(StoreUnreadable):
            store.delete(annotation.id)
    assert snapshot(outside) == before  # content, mtime, and the temp-looking file is still there


def test_a_folder_link_planted_after_opening_fails_the_write_in_one_line(
    populated: AnnotationStore, library: Library, article: Article, outside: Path
) -> None:
    folder = library.annotations_dir / "by-article" / article.id
    shutil.move(folder, library.root / "moved-away")
    plant(folder, outside)
    before = snapshot(outside)
    with pytest.raises(StoreError) as refused:
        populated.add(article, 20, 30, note="neu")
    assert "symbolic link" in str(refused.value) and "\n" not in str(refused.value)
    assert snapshot(outside) == before


def test_a_lock_link_planted_after_opening_fails_the_write_in_one_line(
    populated: AnnotationStore, library: Library, article: Article, outside: Path
) -> None:
    plant(library.annotations_dir / ".lock", outside / "victim.txt")
    before = snapshot(outside)
    with pytest.raises(StoreError) as refused:
        populated.add(article, 20, 30)
    assert "symbolic link" in str(refused.value)
    assert snapshot(outside) == before


def test_a_change_log_link_planted_after_opening_is_not_written_through(
    populated: AnnotationStore, library: Library, article: Article, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.annotations import change_log as change_log_module

    plant(library.annotations_dir / "changes.log", outside / "victim.txt")
    before = snapshot(outside)
    added = populated.add(article, 20, 30, note="gespeichert")  # the data is saved; the log is only a hint
    monkeypatch.setattr(change_log_module, "MAX_LOG_BYTES", 0)  # a log "too long" is replaced, never truncated
    populated.add(article, 40, 50)
    assert snapshot(outside) == before
    assert not (library.annotations_dir / "changes.log").is_symlink()  # replaced by a fresh log, not followed
    assert added.id in AnnotationStore.open(library)
