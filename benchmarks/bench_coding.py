"""Content analysis at scale: a code renamed over many annotations, the coding matrix, intercoder
agreement, and a REFI-QDA (.qdpx) export and import.

Prints one JSON object per line: {"metric", "value", "unit", "n"}, each the median of n runs.

    python benchmarks/bench_coding.py [--count 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_store import TAGS, emit, populate, sample_library

from reader.annotations import AnnotationStore
from reader.coding.agreement import agreement
from reader.coding.matrix import coding_matrix
from reader.exchange import export_bytes
from reader.exchange.refi_import import import_refi


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    label = f"{args.count // 1000}k"
    rng = random.Random(19)
    with tempfile.TemporaryDirectory(dir=os.environ.get("READER_BENCH_DIR")) as folder:
        library = sample_library(Path(folder) / "source")
        articles = list(library.articles())
        populate(AnnotationStore.open(library, author="bench"), articles, args.count // 2, rng)
        # a second coder over the same articles, for agreement
        second = AnnotationStore.open(library, author="zweite")
        populate(second, articles, args.count - args.count // 2, rng)
        store = AnnotationStore.open(library)
        store.put_many(dataclasses.replace(a, author="zweite") for a in store.all()[: args.count // 2])

        timings = []
        for run in range(args.runs):
            old, new = (TAGS[0], f"Umbenannt {run}") if run == 0 else (f"Umbenannt {run - 1}", f"Umbenannt {run}")
            began = time.perf_counter()
            relabelled = store.rename_code(old, new)
            timings.append(time.perf_counter() - began)
        emit(f"codebook_rename_{label}_s", statistics.median(timings), "s", args.runs)
        emit(f"codebook_rename_{label}_relabelled", relabelled, "annotations", 1)

        timings = []
        for _ in range(args.runs):
            began = time.perf_counter()
            coding_matrix(store.all(), articles, store.codebook(), "article")
            timings.append(time.perf_counter() - began)
        emit(f"matrix_{label}_s", statistics.median(timings), "s", args.runs)

        timings = []
        for _ in range(args.runs):
            began = time.perf_counter()
            agreement(store.anchor_all(articles), articles)
            timings.append(time.perf_counter() - began)
        emit(f"agreement_{label}_s", statistics.median(timings), "s", args.runs)

        timings = []
        for _ in range(args.runs):
            began = time.perf_counter()
            data = export_bytes(store, library, "qdpx", codes=store.codebook())
            timings.append(time.perf_counter() - began)
        emit(f"export_qdpx_{label}_s", statistics.median(timings), "s", args.runs)
        path = Path(folder) / "export.qdpx"
        path.write_bytes(data)
        timings = []
        for run in range(args.runs):
            target = sample_library(Path(folder) / f"target-{run}")
            began = time.perf_counter()
            report = import_refi(AnnotationStore.open(target), target.articles(), path)
            timings.append(time.perf_counter() - began)
            assert report.added == args.count, report.summary_lines()
        emit(f"import_qdpx_{label}_s", statistics.median(timings), "s", args.runs)


if __name__ == "__main__":
    main()
