"""The journal of a change of several files: finished by the next store, or shown as finished."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader import atomic_files
from reader.annotations import Annotation, AnnotationStore
from reader.annotations import journal as journal_module
from reader.annotations import store as store_module
from reader.annotations.storage import StoreError
from reader.articles import Library
from tests.helpers.annotation_batches import annotation_batch


class Killed(BaseException):
    """Stands in for SIGKILL right after the journal was committed: nothing after it runs."""


def die(*args: object) -> None:
    raise Killed()


@pytest.fixture
def killed_after_commit(library: Library, monkeypatch: pytest.MonkeyPatch) -> list[Annotation]:
    """A put_many of 40 annotations over many files, 'killed' once its journal was committed."""
    annotations = annotation_batch(library)
    monkeypatch.setattr(journal_module, "_publish", die)
    with pytest.raises(Killed):
        AnnotationStore.open(library).put_many(annotations)
    monkeypatch.undo()
    assert (library.annotations_dir / ".journal").exists() and list(library.annotations_dir.rglob("*.tmp"))
    return annotations


def test_the_next_open_finishes_the_change(library: Library, killed_after_commit: list[Annotation]) -> None:
    store = AnnotationStore.open(library)
    assert store.problems == () and {a.id for a in store.all()} == {a.id for a in killed_after_commit}
    assert not (library.annotations_dir / ".journal").exists() and not list(library.annotations_dir.rglob("*.tmp"))


def test_the_next_write_of_a_store_opened_before_finishes_it(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    early = AnnotationStore.open(library)
    annotations = annotation_batch(library)
    monkeypatch.setattr(journal_module, "_publish", die)
    with pytest.raises(Killed):
        AnnotationStore.open(library).put_many(annotations)
    monkeypatch.undo()
    added = early.add(library.articles()[0], 100, 110, note="danach")
    assert {a.id for a in AnnotationStore.open(library).all()} == {a.id for a in annotations} | {added.id}
    assert {a.id for a in annotations} <= {a.id for a in early.all()}  # and its index learnt them


def test_an_unwritable_store_shows_the_change_as_finished_and_stays_read_only(
    library: Library, killed_after_commit: list[Annotation], monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only_lock(*args: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store_module, "acquire_lock", read_only_lock)
    store = AnnotationStore.open(library)
    assert store.read_only and "unfinished change" in store.problems[0] and "read-only" in store.problems[0]
    assert {a.id for a in store.all()} == {a.id for a in killed_after_commit}  # all of it, not a part
    assert (library.annotations_dir / ".journal").exists()  # nothing was touched


def test_a_commit_beginning_elsewhere_while_opening_does_not_make_the_store_read_only(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    AnnotationStore.open(library).add(library.articles()[0], 0, 10)
    real_load_all = AnnotationStore._load_all

    def load_then_another_commit_begins(self: AnnotationStore) -> list[str]:
        loaded = real_load_all(self)
        (self.root / ".journal").write_text('{"format": "reader-journal", "renames": []}', encoding="utf-8")
        return loaded

    monkeypatch.setattr(AnnotationStore, "_load_all", load_then_another_commit_begins)
    assert AnnotationStore.open(library).problems == ()


def test_a_damaged_journal_is_refused_in_one_line_and_left_alone(library: Library) -> None:
    AnnotationStore.open(library).add(library.articles()[0], 0, 10)
    journal = library.annotations_dir / ".journal"
    journal.write_text(
        '{"format": "reader-journal", "renames": [["../../etc/passwd", ".x.1.deadbeef.tmp"]]}', encoding="utf-8"
    )
    store = AnnotationStore.open(library)
    assert (
        store.read_only
        and len(store.problems) == 1
        and "journal" in store.problems[0]
        and "damaged" in store.problems[0]
    )
    assert journal.read_text(encoding="utf-8").startswith('{"format": "reader-journal"')
    assert Path("/etc/passwd").exists()


def test_a_file_that_cannot_be_serialised_midway_stages_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are staged as they are serialised: one failing after others were handed to the
    staging threads must still leave no temp file, no journal and the store as it was."""
    kept = AnnotationStore.open(library).add(library.articles()[0], 0, 10, note="vorher")
    real_dump = store_module.dump_store_bytes
    calls: list[int] = []

    def fails_at_the_tenth(tables: dict[str, dict[str, object]]) -> bytes:
        calls.append(1)
        if len(calls) == 10:
            raise StoreError("cannot save annotations: not serialisable; nothing was changed")
        return real_dump(tables)

    monkeypatch.setattr(store_module, "dump_store_bytes", fails_at_the_tenth)
    with pytest.raises(StoreError, match="not serialisable"):
        AnnotationStore.open(library).put_many(annotation_batch(library))
    monkeypatch.undo()
    assert len(calls) == 10  # the failure came midway, after nine files were handed over
    assert not list(library.annotations_dir.rglob("*.tmp"))
    assert not (library.annotations_dir / ".journal").exists()
    assert [a.id for a in AnnotationStore.open(library).all()] == [kept.id]


def test_a_change_of_many_files_opens_each_folder_once(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading and staging 40 shard files in five article folders: each folder is opened once
    for reading and once for staging, not once per file; what is written is all there."""
    store = AnnotationStore.open(library)
    first = annotation_batch(library)
    store.put_many(first)  # the folders exist now: reading finds the files written
    opened: list[tuple[str, ...]] = []
    real_open = atomic_files.open_folder_fd

    def counting(root: Path, folders: Sequence[str], *, create: bool = False) -> int:
        opened.append(tuple(folders))
        return real_open(root, folders, create=create)

    monkeypatch.setattr(atomic_files, "open_folder_fd", counting)
    second = annotation_batch(library)
    store.put_many(second)
    monkeypatch.undo()
    per_article = [folders for folders in opened if len(folders) == 2]
    assert len(per_article) == 10 and len(set(per_article)) == 5
    assert {a.id for a in AnnotationStore.open(library).all()} == {a.id for a in first + second}
