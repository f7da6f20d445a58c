"""Scale benchmarks: the app with 10,000 articles (start warm and cold, a filter keystroke, memory)
and `reader list` with 100,000.

python benchmarks/bench_scale.py [--runs=N] [--compare=DIR]

Every measurement runs in a fresh process. `--compare=DIR` also measures the code in DIR (a
checkout of another commit, e.g. `git archive main | tar -x -C DIR`), interleaved run by run with
this one, and prints its lines with "code": "compared".
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ARTICLES, REPO, emit, runs_from_argv

PROBE = Path(__file__).with_name("_scale_probe.py")
APP_ARTICLES = 10_000
LIST_ARTICLES = 100_000


def build_library(root: Path, count: int) -> None:
    """Articles made from the bundled ones, each with its own first line so ids and texts differ."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    articles = root / "articles"
    for index in range(count):
        folder = articles / f"{index // 1000:03d}"
        if index % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        text = sources[index % len(sources)]
        (folder / f"artikel-{index:06d}.txt").write_text(f"Meldung Nummer {index}\n{text}", encoding="utf-8")


def environment(code: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code), "READER_CACHE_DIR": str(cache)}


def probe(mode: str, library: Path, code: Path, cache: Path) -> tuple[float, str]:
    """(seconds until the probe's first line, that line)."""
    (elapsed, line), *_ = probe_lines(mode, library, code, cache)
    return elapsed, line


def probe_lines(mode: str, library: Path, code: Path, cache: Path) -> list[tuple[float, str]]:
    """(seconds since the start, line) of every line the probe prints."""
    began = time.perf_counter()
    lines = []
    with subprocess.Popen(
        [sys.executable, str(PROBE), mode, str(library)],
        stdout=subprocess.PIPE,
        text=True,
        env=environment(code, cache),
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append((time.perf_counter() - began, line.strip()))
        child.wait()
    assert child.returncode == 0 and lines, (mode, lines)
    return lines


def list_once(library: Path, code: Path, cache: Path, count: int) -> float:
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), "list", "--json"],
        capture_output=True,
        env=environment(code, cache),
        check=True,
        cwd=code,  # `-m` puts the working folder first on the path, before PYTHONPATH: run in the code measured
    )
    elapsed = time.perf_counter() - began
    assert len(json.loads(result.stdout)) == count
    return elapsed


def main() -> None:
    runs = runs_from_argv(3)
    compared = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--compare=")), None)
    codes = {"this": REPO, **({"compared": compared.resolve()} if compared else {})}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        library = work / "library-10k"
        build_library(library, APP_ARTICLES)
        results: dict[str, dict[str, list[float]]] = {name: {} for name in codes}

        def add(name: str, metric: str, value: float) -> None:
            results[name].setdefault(metric, []).append(value)

        for run in range(runs):
            for name, code in codes.items():  # interleaved: each run measures every code in turn
                cold = work / f"cache-{name}-{run}"
                first, whole = probe_lines("start", library, code, cold)
                add(name, "app_start_10k_articles_cold_s", first[0])
                add(name, "app_start_10k_articles_cold_whole_s", whole[0])
                first, whole = probe_lines("start", library, code, cold)
                add(name, "app_start_10k_articles_s", first[0])
                add(name, "app_start_10k_articles_whole_s", whole[0])
                add(name, "app_rss_10k_articles_mb", float(json.loads(probe("rss", library, code, cold)[1])))
                for keystroke in json.loads(probe("filter", library, code, cold)[1]):
                    add(name, "library_filter_10k_ms", keystroke)
                for keystroke in json.loads(probe("filter-analysing", library, code, cold)[1]):
                    add(name, "library_filter_10k_during_analysis_ms", keystroke)
                for keystroke in json.loads(probe("filter-narrowing", library, code, cold)[1]):
                    add(name, "library_filter_10k_narrowing_ms", keystroke)
                for keystroke in json.loads(probe("filter-pilot", library, code, cold)[1]):
                    add(name, "library_filter_10k_pilot_ms", keystroke)
                if run:
                    shutil.rmtree(cold, ignore_errors=True)
        shutil.rmtree(library)
        big = work / "library-100k"
        build_library(big, LIST_ARTICLES)
        for name, code in codes.items():
            cache = work / f"cache-100k-{name}"
            add(name, "library_100k_articles_list_cold_s", list_once(big, code, cache, LIST_ARTICLES))
        for _ in range(runs):
            for name, code in codes.items():
                add(
                    name,
                    "library_100k_articles_list_s",
                    list_once(big, code, work / f"cache-100k-{name}", LIST_ARTICLES),
                )
        notes = {
            "app_start_10k_articles_s": ("s", "index warm: until the library table shows"),
            "app_start_10k_articles_cold_s": ("s", "first run: no index yet"),
            "app_start_10k_articles_whole_s": ("s", "index warm: until the table shows every article"),
            "app_start_10k_articles_cold_whole_s": ("s", "first run: until the table shows every article"),
            "library_filter_10k_during_analysis_ms": (
                "ms",
                "a keystroke of typing 'Putin' while the background analysis runs, key to the frame showing it",
            ),
            "library_filter_10k_narrowing_ms": (
                "ms",
                "a keystroke of typing 'Nummer 4711' (every article, then 1,111, 111, 11, one), key to frame",
            ),
            "library_filter_10k_pilot_ms": (
                "ms",
                "a keystroke of 'Putin' as Pilot's press() and pause() take it (they sleep until the process idles)",
            ),
            "app_rss_10k_articles_mb": ("MB", "peak resident memory of the app process, 3 s after the table shows"),
            "library_filter_10k_ms": (
                "ms",
                "a keystroke of typing 'Putin' (every article matches): from the key reaching the app to the "
                "frame showing the table filtered",
            ),
            "library_100k_articles_list_s": ("s", "`reader list --json`, index warm"),
            "library_100k_articles_list_cold_s": ("s", "`reader list --json`, first run"),
        }
        for name, metrics in results.items():
            for metric, values in metrics.items():
                unit, note = notes[metric]
                extra = {"code": "compared"} if name == "compared" else {}
                emit(
                    metric,
                    values,
                    unit,
                    articles=LIST_ARTICLES if "100k" in metric else APP_ARTICLES,
                    note=note,
                    **extra,
                )


if __name__ == "__main__":
    main()
