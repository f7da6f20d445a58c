"""Library benchmark: listing a library of 10,000 articles (`reader list --json`, in process).

python benchmarks/bench_library.py [--runs=N]
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from _common import ARTICLES, emit, runs_from_argv
from click.testing import CliRunner

from reader.cli import main as cli

COUNT = 10_000


def build_library(root: Path) -> None:
    """10,000 articles made from the bundled ones, each with its own first line so ids and texts differ."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    articles = root / "articles"
    for index in range(COUNT):
        folder = articles / f"{index // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = sources[index % len(sources)]
        (folder / f"artikel-{index:05d}.txt").write_text(f"Meldung Nummer {index}\n{text}", encoding="utf-8")


def list_once(root: Path) -> float:
    began = time.perf_counter()
    result = CliRunner().invoke(cli, ["--library", str(root), "list", "--json"])
    elapsed = time.perf_counter() - began
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == COUNT
    return elapsed


def main() -> None:
    runs = runs_from_argv(3)
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as caches:
        root = Path(tmp)
        build_library(root)
        cold = []
        for run in range(runs):  # each in an empty cache: every file parsed, the index written
            os.environ["READER_CACHE_DIR"] = str(Path(caches) / f"cold-{run}")
            cold.append(list_once(root))
        warm = [list_once(root) for _ in range(runs)]  # the index of the last cold run is there
        emit("library_10k_articles_list_s", warm, "s", articles=COUNT, note="with the library index of an earlier run")
        emit("library_10k_articles_list_cold_s", cold, "s", articles=COUNT, note="first run: no index yet")


if __name__ == "__main__":
    main()
