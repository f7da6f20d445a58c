"""Exporting and importing 100,000 annotations (spread over the five sample articles).

Prints one JSON object per line: {"metric", "value", "unit", "n"}, each the median of n runs.
Target: export_json_100k_s <= 2 s. The *_cpu_s figures are this process's CPU time, which other
load on a shared machine inflates far less than wall time. import_json_*_thread_cpu_s is the
importing thread's alone: the rest of the import's CPU time is the kernel's in the staging
threads, and it is mostly creating the 1,280 shard files, not writing or fsyncing them (0.05 s
of CPU for the writes, ~0.1 s for the fsyncs). Creating one costs microseconds on a file system
with a journal; on ext4 without one (this project's benchmark host) the inode allocator skips,
one by one, every inode freed in the last minute or so of its block group, so right after other
processes deleted many files the 1,280 creations took 0.5 to 1.2 s of CPU, after a quiet minute
0.05 s.
export_json_*_to_file_s is the whole of `reader export -o FILE`: the bytes and their atomic, synced
write, the export's counterpart of the import's writes (export_json_*_s leaves the write out).
import_over_export_json_*_ratio and …_to_file_ratio: each import over an export made just before
it (the target: import <= 2x export), the median of those pairs.

    python benchmarks/bench_export.py [--count 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_store import emit, populate, sample_library

from reader.annotations import AnnotationStore
from reader.exchange import FORMATS, export_bytes, import_file
from reader.exchange.output import write_export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    label = f"{args.count // 1000}k"
    with tempfile.TemporaryDirectory(dir=os.environ.get("READER_BENCH_DIR")) as folder:
        library = sample_library(Path(folder) / "source")
        populate(AnnotationStore.open(library, author="bench"), list(library.articles()), args.count, random.Random(3))
        store = AnnotationStore.open(library)
        export_file = Path(folder) / "export.json"
        began = time.perf_counter()
        export_bytes(store, library, "json")  # a fresh process: anchoring not yet cached
        emit(f"export_json_{label}_first_s", time.perf_counter() - began, "s", 1)
        for fmt in FORMATS:
            timings, cpu = [], []
            for _ in range(args.runs):
                began, began_cpu = time.perf_counter(), time.process_time()
                data = export_bytes(store, library, fmt)  # what `reader export` writes
                timings.append(time.perf_counter() - began)
                cpu.append(time.process_time() - began_cpu)
            if fmt == "json":
                export_file.write_bytes(data)
            emit(f"export_{fmt}_{label}_s", statistics.median(timings), "s", args.runs)
            emit(f"export_{fmt}_{label}_cpu_s", statistics.median(cpu), "s", args.runs)
        timings, cpu = [], []
        for run in range(args.runs):
            began, began_cpu = time.perf_counter(), time.process_time()
            write_export(str(Path(folder) / f"written-{run}.json"), export_bytes(store, library, "json"))
            timings.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        emit(f"export_json_{label}_to_file_s", statistics.median(timings), "s", args.runs)
        emit(f"export_json_{label}_to_file_cpu_s", statistics.median(cpu), "s", args.runs)
        timings, cpu, thread_cpu, over_bytes, over_file = [], [], [], [], []
        for run in range(args.runs):
            # each import paired with an export made just before it, under the same load
            began = time.perf_counter()
            data = export_bytes(store, library, "json")
            exported = time.perf_counter() - began
            write_export(str(Path(folder) / f"paired-{run}.json"), data)
            exported_to_file = time.perf_counter() - began
            target = sample_library(Path(folder) / f"target-{run}")
            empty = AnnotationStore.open(target)
            began, began_cpu, began_thread = time.perf_counter(), time.process_time(), time.thread_time()
            report = import_file(empty, target.articles(), export_file)
            timings.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
            thread_cpu.append(time.thread_time() - began_thread)
            assert report.added == args.count
            over_bytes.append(timings[-1] / exported)
            over_file.append(timings[-1] / exported_to_file)
        emit(f"import_json_{label}_s", statistics.median(timings), "s", args.runs)
        emit(f"import_json_{label}_cpu_s", statistics.median(cpu), "s", args.runs)
        emit(f"import_json_{label}_thread_cpu_s", statistics.median(thread_cpu), "s", args.runs)
        emit(f"import_over_export_json_{label}_ratio", statistics.median(over_bytes), "x", args.runs)
        emit(f"import_over_export_json_{label}_to_file_ratio", statistics.median(over_file), "x", args.runs)


if __name__ == "__main__":
    main()
