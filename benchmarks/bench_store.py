"""Saving one annotation with 1,000 / 10,000 / 100,000 stored: our store against stock TinyDB.

Prints one JSON object per line: {"metric", "value", "unit", "n"} (n = timed saves behind the
figure; p50 is their median). Targets: save p50 <= 10 ms at 10,000 and <= 50 ms at 100,000.

    python benchmarks/bench_store.py                 # the save benchmark
    python benchmarks/bench_store.py --sizes 1000    # quicker
    python benchmarks/bench_store.py --soak 120      # SIGKILL writers for 120 s, then check
    python benchmarks/bench_store.py --shared-soak 120   # two app-like writers + imports, killed now and then

Layouts measured: `save_annotation_*` puts every annotation in ONE article (the worst case: its
shard files are the fullest); `save_annotation_spread_*` spreads them over the five sample
articles. Stock TinyDB (`*_stock_*`) keeps them all in one JSONStorage file, as TinyDB does.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tinydb import TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.annotations import (
    Annotation,
    AnnotationStore,
    EditConflict,
    TextPosition,
    new_annotation_id,
    quote_at,
    utc_now,
)
from reader.articles import Article, Library
from reader.exchange import export_bytes, import_file

REPO = Path(__file__).resolve().parents[1]
TAGS = ["Framing", "Zitat verkürzt", "Faktencheck", "Quelle fehlt", "Einordnung"]


def emit(metric: str, value: float, unit: str, n: int) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 3), "unit": unit, "n": n}), flush=True)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def sample_library(folder: Path) -> Library:
    shutil.copytree(REPO / "articles", folder / "articles")
    return Library(folder)


def synthetic(article: Article, rng: random.Random) -> Annotation:
    start = rng.randrange(len(article.body) - 200)
    end = start + rng.randint(10, 200)
    now = utc_now()
    return Annotation(
        id=new_annotation_id(),
        article_id=article.id,
        article_version=article.version,
        position=TextPosition(start, end),
        quote=quote_at(article.body, start, end),
        tags=tuple(rng.sample(TAGS, rng.randint(1, 2))),
        note=rng.choice(["", "Kurze Notiz.", "Längere Notiz\nmit zwei Zeilen und etwas mehr Text darin."]),
        author="bench",
        created=now,
        updated=now,
    )


def populate(store: AnnotationStore, articles: list[Article], count: int, rng: random.Random) -> None:
    batch = [synthetic(articles[index % len(articles)], rng) for index in range(count)]
    store.put_many(batch)


def time_our_saves(root: Path, articles: list[Article], stored: int, saves: int, rng: random.Random) -> list[float]:
    library = sample_library(root)
    articles = [library.get(article.id) for article in articles]
    populate(AnnotationStore.open(library, author="bench"), articles, stored, rng)
    store = AnnotationStore.open(library, author="bench")  # a fresh process's view of a full store
    timings = []
    for _ in range(saves):
        article = rng.choice(articles)
        start = rng.randrange(len(article.body) - 100)
        began = time.perf_counter()
        store.add(article, start, start + 40, ["Framing"], "Notiz")
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def time_stock_saves(root: Path, articles: list[Article], stored: int, saves: int, rng: random.Random) -> list[float]:
    root.mkdir(parents=True)
    database = TinyDB(root / "stock.json")
    database.insert_multiple(synthetic(articles[i % len(articles)], rng).to_record() for i in range(stored))
    timings = []
    for _ in range(saves):
        record = synthetic(rng.choice(articles), rng).to_record()
        began = time.perf_counter()
        database.insert(record)
        timings.append((time.perf_counter() - began) * 1000)
    database.close()
    return timings


def bench_saves(sizes: list[int], saves: int) -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory(dir=os.environ.get("READER_BENCH_DIR")) as folder:
        articles = list(sample_library(Path(folder) / "articles-source").articles())
        one = [article for article in articles if article.id == "treffen-trump-putin-no-deal"]
        for size in sizes:
            timings = time_our_saves(Path(folder) / f"one-{size}", one, size, saves, rng)
            emit(f"save_annotation_p50_ms_{size}", statistics.median(timings), "ms", len(timings))
            emit(f"save_annotation_p95_ms_{size}", percentile(timings, 0.95), "ms", len(timings))
            timings = time_our_saves(Path(folder) / f"spread-{size}", articles, size, saves, rng)
            emit(f"save_annotation_spread_p50_ms_{size}", statistics.median(timings), "ms", len(timings))
            emit(f"save_annotation_spread_p95_ms_{size}", percentile(timings, 0.95), "ms", len(timings))
            began = time.perf_counter()
            store = AnnotationStore.open(Library(Path(folder) / f"spread-{size}"))
            emit(f"open_store_ms_{size}", (time.perf_counter() - began) * 1000, "ms", 1)
            assert len(store) == size + saves
            stock_saves = saves if size <= 10_000 else max(5, saves // 6)
            timings = time_stock_saves(Path(folder) / f"stock-{size}", articles, size, stock_saves, rng)
            emit(f"save_annotation_stock_p50_ms_{size}", statistics.median(timings), "ms", len(timings))
            emit(f"save_annotation_stock_p95_ms_{size}", percentile(timings, 0.95), "ms", len(timings))


def _soak_writer(library: Library, article: Article, report: multiprocessing.connection.Connection, seed: int) -> None:
    rng = random.Random(seed)
    store = AnnotationStore.open(library, author=f"soak-{seed}")
    report.send("")  # ready: from here on a kill lands among saves
    while True:
        start = rng.randrange(len(article.body) - 50)
        added = store.add(article, start, start + rng.randint(1, 50), [f"t{rng.randint(0, 9)}"])
        report.send(added.id)


def soak(seconds: float) -> None:
    """Kill writers at random moments for `seconds`; then every reported save must be there."""
    fork = multiprocessing.get_context("fork")
    rng = random.Random(2)
    with tempfile.TemporaryDirectory(dir=os.environ.get("READER_BENCH_DIR")) as folder:
        library = sample_library(Path(folder))
        article = library.get("treffen-trump-putin-no-deal")
        reported: set[str] = set()
        kills = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            receive, send = fork.Pipe(duplex=False)
            writer = fork.Process(target=_soak_writer, args=(library, article, send, kills))
            writer.start()
            send.close()
            if kills % 5:  # every fifth writer dies at any moment, even while opening the store
                receive.poll(5)
            time.sleep(rng.uniform(0.0, 0.06))
            assert writer.pid is not None  # started
            os.kill(writer.pid, signal.SIGKILL)
            writer.join()
            kills += 1
            while receive.poll():
                try:
                    reported.add(receive.recv())
                except EOFError:
                    break
            reported.discard("")
            receive.close()
        store = AnnotationStore.open(library)
        present = {annotation.id for annotation in store.all()}
        emit("soak_writers_killed", kills, "kills", kills)
        emit("soak_saves_reported", len(reported), "saves", kills)
        emit("soak_saves_lost", len(reported - present), "saves", kills)
        emit("soak_unreadable_files", len(store.problems), "files", kills)
        emit("soak_temp_files_left", len(list(library.annotations_dir.rglob("*.tmp"))), "files", kills)


def _shared_writer(root: Path, seed: int, shared: list[str], report: multiprocessing.connection.Connection) -> None:
    """Edits like the app's dialog (expected note; on a conflict, its line on top of theirs), adds, deletes."""
    rng = random.Random(seed)
    library = Library(root)
    article = library.get("treffen-trump-putin-no-deal")
    store = AnnotationStore.open(library, author=f"shared-{seed}")
    mine: list[str] = []
    report.send(("ready", "", ""))
    for n in range(10**9):
        store.reload_if_changed()
        target = rng.choice(shared)
        line = f"w{seed}-{n}"
        base = store.get(target)
        while True:
            try:
                store.update(target, note=f"{base.note}\n{line}".strip(), expected={"note": base.note})
                break
            except EditConflict as conflict:
                base = conflict.current
        report.send(("line", target, line))
        start = rng.randrange(len(article.body) - 40)
        mine.append(store.add(article, start, start + 20, [f"w{seed}"]).id)
        report.send(("added", mine[-1], ""))
        if len(mine) > 5:
            victim = mine.pop(0)
            report.send(("deleting", victim, ""))  # killed in between: either outcome is right
            store.delete(victim)


def _diverged_import(
    store: AnnotationStore, library: Library, shared: list[str], round_number: int, folder: Path
) -> Path:
    document = json.loads(export_bytes(store, library, "json").decode("utf-8"))
    document["annotations"] = [record for record in document["annotations"] if record["id"] in shared]
    for record in document["annotations"]:
        record["note"] = f"import {round_number}"
        del record["revision"], record["ancestors"]
    path = folder / f"import-{round_number}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def shared_soak(seconds: float) -> None:
    """Two app-like writers (killed with SIGKILL and restarted now and then) and an importer of
    diverged copies on one store for `seconds`; then every saved line must be in its note and
    every diverged copy a conflict."""
    fork = multiprocessing.get_context("fork")
    rng = random.Random(3)
    with tempfile.TemporaryDirectory(dir=os.environ.get("READER_BENCH_DIR")) as folder:
        library = sample_library(Path(folder))
        article = library.get("treffen-trump-putin-no-deal")
        store = AnnotationStore.open(library)
        shared = [store.add(article, 10 * n, 10 * n + 8).id for n in range(6)]
        lines: dict[str, set[str]] = {annotation_id: set() for annotation_id in shared}
        added: set[str] = set()
        deleted: set[str] = set()
        imports = kills = 0
        expected_conflicts: dict[str, set[str]] = {annotation_id: set() for annotation_id in shared}
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pipes = [fork.Pipe(duplex=False) for _ in range(2)]
            writers = [
                fork.Process(target=_shared_writer, args=(library.root, kills * 2 + seed, shared, pipes[seed][1]))
                for seed in range(2)
            ]
            for writer in writers:
                writer.start()
            path = _diverged_import(store, library, shared, imports, Path(folder))
            store.reload_if_changed()
            report = import_file(store, library.articles(), path)
            imports += 1
            for annotation_id in shared:
                expected_conflicts[annotation_id].add(f"import {imports - 1}")
            assert report.conflicts == len(shared), report.summary()
            time.sleep(rng.uniform(0.2, 1.0))
            for writer in writers:
                assert writer.pid is not None  # started
                os.kill(writer.pid, signal.SIGKILL)
                writer.join()
                kills += 1
            for receive, send in pipes:
                send.close()
                while receive.poll():
                    try:
                        kind, annotation_id, text = receive.recv()
                    except EOFError:
                        break
                    if kind == "line":
                        lines[annotation_id].add(text)
                    elif kind == "added":
                        added.add(annotation_id)
                    elif kind == "deleting":
                        deleted.add(annotation_id)
                receive.close()
        final = AnnotationStore.open(library)
        saved = sum(len(found) for found in lines.values())
        lost = sum(
            len(found - set(final.get(annotation_id).note.split("\n"))) for annotation_id, found in lines.items()
        )
        conflicts = {c.annotation_id: {v.note for v in c.versions} for c in final.conflicts()}
        missing_conflicts = sum(
            len(notes - conflicts.get(annotation_id, set())) for annotation_id, notes in expected_conflicts.items()
        )
        present = {annotation.id for annotation in final.all()}
        emit("shared_soak_writers_killed", kills, "kills", kills)
        emit("shared_soak_imports", imports, "imports", imports)
        emit("shared_soak_lines_saved", saved, "edits", kills)
        emit("shared_soak_lines_lost", lost, "edits", kills)
        emit("shared_soak_adds_lost", len(added - deleted - present), "saves", kills)  # deleted: begun or done
        emit("shared_soak_conflicts_missing", missing_conflicts, "conflicts", imports)
        emit("shared_soak_store_problems", len(final.problems), "problems", 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--saves", type=int, default=40, help="timed saves per size (p50/p95 over them)")
    parser.add_argument("--soak", type=float, metavar="SECONDS", help="run the kill soak instead")
    parser.add_argument(
        "--shared-soak",
        type=float,
        metavar="SECONDS",
        help="run two app-like writers, SIGKILLs and imports on one store instead",
    )
    args = parser.parse_args()
    if args.soak:
        soak(args.soak)
    elif args.shared_soak:
        shared_soak(args.shared_soak)
    else:
        bench_saves(args.sizes, args.saves)


if __name__ == "__main__":
    main()
