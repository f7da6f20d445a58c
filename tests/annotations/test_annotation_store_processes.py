"""Real processes: writers killed with SIGKILL at random moments, and writers running at once.

Writers are forked (so each starts in milliseconds with everything imported) and each opens the
store itself, as a separate reader process would. A writer reports a save only after the call
returned, on a pipe; whatever it reported must be in the store afterwards.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.articles import Article, Library

FORK = multiprocessing.get_context("fork")
ARTICLE_ID = "treffen-trump-putin-no-deal"


def _write_until_killed(library: Library, article: Article, report: Connection, seed: int) -> None:
    rng = random.Random(seed)
    store = AnnotationStore.open(library, author=f"writer-{seed}")
    report.send(("ready", "", ""))
    mine: list[str] = []
    while True:
        if mine and rng.random() < 0.25:
            victim = mine.pop(rng.randrange(len(mine)))
            report.send(("deleting", victim, ""))
            store.delete(victim)
            report.send(("deleted", victim, ""))
        elif mine and rng.random() < 0.3:
            target = rng.choice(mine)
            note = f"note {rng.random()}"
            report.send(("noting", target, note))
            store.update(target, note=note)
            report.send(("noted", target, note))
        else:
            start = rng.randrange(len(article.body) - 40)
            report.send(("adding", "", ""))
            added = store.add(article, start, start + rng.randint(1, 40), [f"tag{rng.randint(0, 5)}"])
            mine.append(added.id)
            report.send(("added", added.id, ""))


@pytest.mark.slow
def test_sigkilled_writers_never_lose_a_returned_save_nor_damage_the_store(library: Library) -> None:
    kills = 100
    rng = random.Random(4)
    added: set[str] = set()
    deleted: set[str] = set()
    maybe_deleted: set[str] = set()  # the writer died during the delete: either outcome is right
    notes: dict[str, set[str]] = {}  # the last reported note, plus any begun after it
    killed_mid_save = 0
    article = library.get(ARTICLE_ID)
    for round_number in range(kills):
        receive, send = FORK.Pipe(duplex=False)
        writer = FORK.Process(target=_write_until_killed, args=(library, article, send, round_number))
        writer.start()
        send.close()
        if round_number % 5:  # most rounds: kill while saving; every fifth: at any moment, even opening
            receive.poll(5)
        time.sleep(rng.uniform(0.0, 0.025))
        os.kill(writer.pid, signal.SIGKILL)  # type: ignore[arg-type]
        writer.join()
        assert writer.exitcode == -signal.SIGKILL, "the writer failed before it was killed"
        kind = ""
        while receive.poll():
            try:
                event = receive.recv()
            except EOFError:
                break
            kind, annotation_id, note = event
            if kind in ("ready", "adding"):
                continue
            if kind == "added":
                added.add(annotation_id)
            elif kind == "deleting":
                maybe_deleted.add(annotation_id)
            elif kind == "deleted":
                maybe_deleted.discard(annotation_id)
                deleted.add(annotation_id)
                notes.pop(annotation_id, None)
            elif kind == "noting":
                notes.setdefault(annotation_id, {""}).add(note)
            else:
                notes[annotation_id] = {note}
        receive.close()
        killed_mid_save += kind in ("adding", "deleting", "noting")

    store = AnnotationStore.open(library)
    assert store.problems == ()
    present = {annotation.id for annotation in store.all()}
    assert added - deleted - maybe_deleted <= present
    assert not deleted & present
    for annotation_id, possible in notes.items():
        if annotation_id in present:
            assert store.get(annotation_id).note in possible
    assert killed_mid_save >= kills // 3  # the kills really landed in the middle of saves
    assert list(library.annotations_dir.rglob("*.tmp")) == []  # the last open removed leftovers


def _annotate_concurrently(root: Path, seed: int, count: int, shared_id: str, go: object, report: Connection) -> None:
    library = Library(root)
    article = library.get(ARTICLE_ID)
    store = AnnotationStore.open(library, author=f"writer-{seed}")
    go.wait()  # type: ignore[attr-defined]
    ids = []
    for n in range(count):
        added = store.add(article, n, n + 10 + seed, [f"p{seed}"])
        store.update(added.id, note=f"from {seed}, {n}")
        ids.append(added.id)
        if seed == 0:
            store.update(shared_id, tags=[f"round {n}"])
        elif seed == 1:
            store.update(shared_id, note=f"round {n}")
    report.send(ids)


def test_concurrent_writers_lose_no_update(library: Library) -> None:
    article = library.get(ARTICLE_ID)
    shared = AnnotationStore.open(library).add(article, 0, 30, ["start"])
    go = FORK.Event()
    pipes = [FORK.Pipe(duplex=False) for _ in range(4)]
    writers = [
        FORK.Process(target=_annotate_concurrently, args=(library.root, seed, 25, shared.id, go, pipes[seed][1]))
        for seed in range(4)
    ]
    for writer in writers:
        writer.start()
    go.set()
    reported = [pipes[seed][0].recv() for seed in range(4)]
    for writer in writers:
        writer.join(timeout=60)
        assert writer.exitcode == 0

    store = AnnotationStore.open(library)
    assert len(store) == 1 + 4 * 25
    for seed, ids in enumerate(reported):
        for n, annotation_id in enumerate(ids):
            annotation = store.get(annotation_id)
            assert annotation.note == f"from {seed}, {n}" and annotation.tags == (f"p{seed}",)
    final = store.get(shared.id)
    assert (final.tags, final.note) == (("round 24",), "round 24")  # two writers, two fields, both kept
