"""An import is all or nothing: a full disk at any shard file, or SIGKILL at any moment, leaves
the store with none or all of the import — and a refusal says so truthfully (issue 15)."""

from __future__ import annotations

import errno
import multiprocessing
import os
import random
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore, StoreError
from reader.annotations import journal as journal_module
from reader.articles import Library
from reader.exchange import export_bytes, import_file
from tests.helpers.sample_library import copy_sample_library

FORK = multiprocessing.get_context("fork")
COUNT = 300


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 annotations spread over the five sample articles: some 290 shard files."""
    root = tmp_path_factory.mktemp("source")
    library = copy_sample_library(root / "library")
    store = AnnotationStore.open(library, author="quelle")
    rng = random.Random(15)
    articles = library.articles()
    for index in range(COUNT):
        article = articles[index % len(articles)]
        start = rng.randrange(len(article.body) - 50)
        store.add(article, start, start + rng.randint(5, 50), [f"t{index % 7}"], f"Notiz {index}")
    path = root / "export.json"
    path.write_text(export_bytes(store, library, "json").decode("utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def target(tmp_path: Path) -> Library:
    library = copy_sample_library(tmp_path / "target")
    AnnotationStore.open(library).add(library.articles()[0], 0, 10, note="schon da")
    return library


@pytest.mark.parametrize("fail_at", [1, 84, 200, "journal"])
def test_disk_full_at_the_kth_file_changes_nothing_and_says_so(
    target: Library, big_export: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int | str
) -> None:
    before = files_under(target.annotations_dir)
    real_write = os.write
    calls = {"n": 0}

    def filling_write(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == fail_at or (fail_at == "journal" and bytes(data[:26]) == b'{"format":"reader-journal"'):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    store = AnnotationStore.open(target)
    monkeypatch.setattr(os, "write", filling_write)
    with pytest.raises(StoreError) as full:
        import_file(store, target.articles(), big_export)
    monkeypatch.undo()
    assert "disk is full" in str(full.value) and "nothing was changed" in str(full.value)
    assert files_under(target.annotations_dir) == before  # nothing written: no shard, no temp file
    assert len(AnnotationStore.open(target)) == 1 and len(store) == 1
    assert import_file(store, target.articles(), big_export).added == COUNT  # and it works once there is room
    assert len(AnnotationStore.open(target)) == COUNT + 1


def _import_until_killed(root: Path, export: Path, report: Connection) -> None:
    real_publish = journal_module._publish
    real_replace = os.replace

    def slow_replace(*args: object, **kwargs: object) -> None:
        time.sleep(0.002)  # widen the window between the first and the last rename
        real_replace(*args, **kwargs)  # type: ignore[arg-type]

    def announced_publish(*args: object) -> None:
        report.send("publishing")
        real_publish(*args)  # type: ignore[arg-type]

    journal_module._publish = announced_publish  # type: ignore[assignment]
    os.replace = slow_replace
    library = Library(root)
    store = AnnotationStore.open(library)
    report.send("importing")
    import_file(store, library.articles(), export)


@pytest.mark.slow
def test_sigkill_during_an_import_leaves_none_or_all_of_it(tmp_path: Path, big_export: Path) -> None:
    rng = random.Random(7)
    outcomes: list[tuple[str, int, bool]] = []
    for run in range(8):
        library = copy_sample_library(tmp_path / f"run-{run}")
        AnnotationStore.open(library).add(library.articles()[0], 0, 10, note="schon da")
        receive, send = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_import_until_killed, args=(library.root, big_export, send))
        child.start()
        send.close()
        phase = "importing" if run % 2 == 0 else "publishing"  # kill while staging, or while renaming
        while receive.poll(30):
            if receive.recv() == phase:
                break
        time.sleep(rng.uniform(0.0, 0.25 if phase == "importing" else 0.4))
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
        receive.close()
        journal_left = (library.annotations_dir / ".journal").exists()
        store = AnnotationStore.open(library)
        assert store.problems == ()
        imported = len(store) - 1
        assert imported in (0, COUNT), f"run {run}: {imported} of {COUNT} imported"
        assert list(library.annotations_dir.rglob("*.tmp")) == []
        assert not (library.annotations_dir / ".journal").exists()
        if journal_left:
            assert imported == COUNT  # a committed import was rolled forward on open
        outcomes.append((phase, imported, journal_left))
    assert any(imported == 0 for phase, imported, _ in outcomes)  # some kills landed before the commit
    assert any(phase == "publishing" and left for phase, _, left in outcomes), outcomes  # and some mid-rename
