"""The order of a change's disk operations, recorded on a real store: every staged file is on disk
(fsynced, and its folder with its name) before the journal says the change will happen, the
journal is on disk before any target is replaced, and the folders are fsynced after the renames
and before the journal goes. A crash at any point then leaves the old store or, once the journal
is there, one the next process finishes; these tests fail if a faster path reorders or drops a
sync."""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.annotations.paths import JOURNAL_NAME, SHARD_FILE
from reader.articles import Library
from reader.exchange import export_bytes, import_file
from tests.helpers.annotation_batches import annotation_batch


@dataclass(frozen=True)
class Event:
    kind: str  # "fsync", "replace", "unlink"
    inode: int  # the file or folder fsynced, the file renamed (its inode), the folder unlinked in
    name: str = ""  # the rename's or unlink's target name
    folder: int = 0  # the inode of the folder a rename or unlink happens in
    is_folder: bool = False  # an fsync of a folder


class DiskOperations:
    """os.fsync, os.replace and os.unlink, recorded in the order they happen (from any thread)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[Event] = []
        self._lock = threading.Lock()
        real_fsync, real_replace, real_unlink = os.fsync, os.replace, os.unlink

        def fsync(fd: int) -> None:
            real_fsync(fd)
            status = os.fstat(fd)
            self._note(Event("fsync", status.st_ino, is_folder=stat.S_ISDIR(status.st_mode)))

        def replace(src: str, dst: str, *, src_dir_fd: int | None = None, dst_dir_fd: int | None = None) -> None:
            moved = os.stat(src, dir_fd=src_dir_fd, follow_symlinks=False).st_ino
            folder = os.fstat(dst_dir_fd).st_ino if dst_dir_fd is not None else os.stat(Path(dst).parent).st_ino
            real_replace(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)
            self._note(Event("replace", moved, Path(dst).name, folder))

        def unlink(path: str, *, dir_fd: int | None = None) -> None:
            folder = os.fstat(dir_fd).st_ino if dir_fd is not None else os.stat(Path(path).parent).st_ino
            real_unlink(path, dir_fd=dir_fd)
            self._note(Event("unlink", 0, Path(path).name, folder))

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "unlink", unlink)

    def _note(self, event: Event) -> None:
        with self._lock:
            self.events.append(event)


def assert_durable_order(events: list[Event], root: Path) -> int:
    """Check a journaled change's order; returns how many shard files it replaced."""
    root_inode = root.stat().st_ino
    synced_files = [index for index, event in enumerate(events) if event.kind == "fsync" and not event.is_folder]
    commits = [index for index, event in enumerate(events) if event.kind == "replace" and event.name == JOURNAL_NAME]
    assert len(commits) == 1, "one journal commit"
    commit = commits[0]
    journal_file = events[commit].inode
    assert any(events[index].inode == journal_file for index in synced_files if index < commit), (
        "the journal's content is fsynced before it is renamed into place"
    )
    root_syncs = [i for i, e in enumerate(events) if e.kind == "fsync" and e.is_folder and e.inode == root_inode]
    renames = [i for i, e in enumerate(events) if e.kind == "replace" and SHARD_FILE.fullmatch(e.name)]
    assert renames, "the change replaced shard files"
    assert any(commit < index < renames[0] for index in root_syncs), (
        "the journal's rename is made durable (its folder fsynced) before any target is replaced"
    )
    last_staged_sync: dict[int, int] = {}  # folder -> the last fsync of a file staged in it
    for index in renames:
        staged = events[index].inode
        syncs = [sync for sync in synced_files if events[sync].inode == staged and sync < commit]
        assert syncs, f"{events[index].name}: its staged file is fsynced before the journal is committed"
        folder = events[index].folder
        last_staged_sync[folder] = max(last_staged_sync.get(folder, 0), syncs[-1])
    for folder, last in last_staged_sync.items():
        assert any(e.kind == "fsync" and e.is_folder and e.inode == folder for e in events[last:commit]), (
            "each folder of staged files is fsynced after them and before the journal is committed (their names)"
        )
    removals = [i for i, e in enumerate(events) if e.kind == "unlink" and e.name == JOURNAL_NAME]
    assert len(removals) == 1 and removals[0] > renames[-1], "the journal goes after every rename"
    for folder in {events[index].folder for index in renames}:
        last_rename = max(index for index in renames if events[index].folder == folder)
        assert any(
            e.kind == "fsync" and e.is_folder and e.inode == folder for e in events[last_rename : removals[0]]
        ), "each folder is fsynced after its renames and before the journal is removed"
    return len(renames)


def test_a_change_of_many_files_is_durable_before_the_journal_commits_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AnnotationStore.open(library)
    annotations = annotation_batch(library, 60)
    recorded = DiskOperations(monkeypatch)
    store.put_many(annotations)
    monkeypatch.undo()
    assert assert_durable_order(recorded.events, library.annotations_dir) > 20
    assert {a.id for a in AnnotationStore.open(library).all()} == {a.id for a in annotations}


def test_an_import_is_durable_before_the_journal_commits_it(
    library: Library, second_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = AnnotationStore.open(library)
    source.put_many(annotation_batch(library, 300))
    exported = tmp_path / "export.json"
    exported.write_bytes(export_bytes(AnnotationStore.open(library), library, "json"))
    target = AnnotationStore.open(second_library)
    recorded = DiskOperations(monkeypatch)
    report = import_file(target, second_library.articles(), exported)
    monkeypatch.undo()
    assert report.added == 300
    assert assert_durable_order(recorded.events, second_library.annotations_dir) > 200
    assert len(AnnotationStore.open(second_library)) == 300


def test_a_change_of_one_file_is_fsynced_before_it_replaces_the_old_and_its_folder_after(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AnnotationStore.open(library)
    store.add(library.articles()[0], 0, 10, note="erste")
    recorded = DiskOperations(monkeypatch)
    store.add(library.articles()[0], 20, 30, note="zweite")
    monkeypatch.undo()
    renames = [i for i, e in enumerate(recorded.events) if e.kind == "replace" and SHARD_FILE.fullmatch(e.name)]
    assert len(renames) == 1
    staged = recorded.events[renames[0]].inode
    assert any(e.kind == "fsync" and not e.is_folder and e.inode == staged for e in recorded.events[: renames[0]]), (
        "the new content is on disk before it replaces the old file"
    )
    folder = recorded.events[renames[0]].folder
    assert any(e.kind == "fsync" and e.is_folder and e.inode == folder for e in recorded.events[renames[0] :]), (
        "the rename is made durable: a save reported done survives a power cut"
    )
