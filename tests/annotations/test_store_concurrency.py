"""Two app-like writers and command-line writers on one store at once (issue 15).

The app-like writers are separate processes with their own store object, editing as the
dialog does: the note they opened, plus a line, saved with `expected` — on a conflict they do
what a reader does with "keep both" (their line on top of the other version) and save again.
Meanwhile `reader annotate` adds and `reader import` brings new annotations and a diverged copy
of every shared one. Afterwards: no saved line is missing from its note (no lost update), every
diverged copy is a visible conflict, every returned add is there, and the store opens cleanly.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import subprocess
import sys
import uuid
from multiprocessing.connection import Connection
from pathlib import Path

from reader.annotations import AnnotationStore, EditConflict
from reader.articles import Library
from reader.exchange import export_bytes

FORK = multiprocessing.get_context("fork")
ARTICLE_ID = "treffen-trump-putin-no-deal"
SHARED = 6
ROUNDS = 30


def _app_like_writer(root: Path, seed: int, shared: list[str], go: object, stop: object, report: Connection) -> None:
    rng = random.Random(seed)
    library = Library(root)
    article = library.get(ARTICLE_ID)
    store = AnnotationStore.open(library, author=f"app-{seed}")
    go.wait()  # type: ignore[attr-defined]
    mine: list[str] = []
    n = 0
    while n < ROUNDS or not stop.is_set():  # type: ignore[attr-defined]  # until the command-line writers are done
        n += 1
        store.reload_if_changed()  # what the app's timer does
        target = rng.choice(shared)
        line = f"app-{seed} round {n}"
        base = store.get(target)
        while True:
            try:
                store.update(target, note=f"{base.note}\n{line}".strip(), expected={"note": base.note})
                break
            except EditConflict as conflict:  # "keep both": my line on top of theirs
                base = conflict.current
        report.send(("line", target, line))
        start = rng.randrange(len(article.body) - 40)
        added = store.add(article, start, start + rng.randint(5, 40), [f"app-{seed}"])
        mine.append(added.id)
        report.send(("added", added.id, ""))
        if len(mine) > 3 and rng.random() < 0.3:
            victim = mine.pop(rng.randrange(len(mine)))
            store.delete(victim)
            report.send(("deleted", victim, ""))
        elif mine and rng.random() < 0.5:
            store.update(rng.choice(mine), tags=[f"app-{seed}", f"r{n}"])
    report.send(("done", "", ""))


def _import_file(library: Library, tmp_path: Path, shared: list[str]) -> tuple[Path, set[str]]:
    """An export with three new annotations and a diverged copy (no revision) of every shared one."""
    store = AnnotationStore.open(library)
    document = json.loads(export_bytes(store, library, "json").decode("utf-8"))
    diverged = []
    for record in document["annotations"]:
        if record["id"] in shared:
            record["note"] = f"vom Import für {record['id'][:8]}"
            del record["revision"], record["ancestors"]
            diverged.append(record)
    new = []
    for index in range(3):
        copy = json.loads(json.dumps(diverged[0]))
        copy.update(id=str(uuid.uuid4()), note=f"neu aus dem Import {index}")
        new.append(copy)
    document["annotations"] = diverged + new
    path = tmp_path / "incoming.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path, {record["id"] for record in new}


def test_two_app_writers_and_command_line_writers_lose_nothing(library: Library, tmp_path: Path) -> None:
    article = library.get(ARTICLE_ID)
    setup = AnnotationStore.open(library)
    shared = [setup.add(article, 10 * n, 10 * n + 8).id for n in range(SHARED)]
    incoming, imported_ids = _import_file(library, tmp_path, shared)
    reader = str(Path(sys.executable).with_name("reader"))
    go, stop = FORK.Event(), FORK.Event()
    pipes = [FORK.Pipe(duplex=False) for _ in range(2)]
    writers = [
        FORK.Process(target=_app_like_writer, args=(library.root, seed, shared, go, stop, pipes[seed][1]))
        for seed in range(2)
    ]
    for writer in writers:
        writer.start()
    go.set()
    command_line = [
        subprocess.Popen(
            [
                reader,
                "--library",
                str(library.root),
                "annotate",
                ARTICLE_ID,
                "--start",
                str(100 + n),
                "--end",
                str(130 + n),
                "--note",
                f"cli {n}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    command_line.append(
        subprocess.Popen(
            [reader, "--library", str(library.root), "import", str(incoming)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    )

    outputs = [process.communicate(timeout=120) for process in command_line]
    stop.set()
    lines: dict[str, list[str]] = {annotation_id: [] for annotation_id in shared}
    added: set[str] = set()
    deleted: set[str] = set()
    for receive, _ in pipes:
        while True:
            kind, annotation_id, text = receive.recv()
            if kind == "done":
                break
            if kind == "line":
                lines[annotation_id].append(text)
            elif kind == "added":
                added.add(annotation_id)
            else:
                deleted.add(annotation_id)
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0
    assert all(process.returncode == 0 for process in command_line), outputs
    cli_ids = {out.strip() for out, _ in outputs[:3]}
    assert f"{SHARED} conflicts" in outputs[3][0]

    store = AnnotationStore.open(library)
    assert store.problems == () and store.warnings == ()
    for annotation_id, saved in lines.items():
        in_note = [line for line in store.get(annotation_id).note.split("\n") if line.startswith("app-")]
        assert sorted(in_note) == sorted(saved)  # every saved line is there, none twice
        for seed in range(2):  # and each writer's lines in the order it saved them
            assert [line for line in in_note if line.startswith(f"app-{seed} ")] == [
                line for line in saved if line.startswith(f"app-{seed} ")
            ]
    assert added - deleted <= {a.id for a in store.all()} and not deleted & {a.id for a in store.all()}
    assert cli_ids | imported_ids <= {a.id for a in store.all()}
    conflicts = {conflict.annotation_id: conflict for conflict in store.conflicts()}
    assert set(conflicts) == set(shared)  # every diverged copy is visible beside its live version
    for annotation_id, conflict in conflicts.items():
        assert [version.note for version in conflict.versions] == [f"vom Import für {annotation_id[:8]}"]
