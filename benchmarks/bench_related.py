"""Related coverage at library scale: index build, incremental update and query on 10,000 articles.

python benchmarks/bench_related.py [--runs=N]

The library: the five bundled summit reports plus 9,995 unrelated articles mixed from the news dev
and check documents (tests/helpers/news_mix.py). Measured on the index alone (the library scan is
the library index's business and is reported apart): building from nothing, adding ten articles,
and the median query; plus whether the four other summit reports rank first for each summit report.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ARTICLES, REPO, emit, runs_from_argv

sys.path.insert(0, str(REPO))

from reader.articles import Library
from reader.framing.related import RelatedIndex
from tests.helpers.news_mix import unrelated_articles

COUNT = 10_000


def main() -> None:
    runs = runs_from_argv(3)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        articles_dir = root / "articles"
        articles_dir.mkdir()
        for path in ARTICLES.glob("*.txt"):
            (articles_dir / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        summit = sorted(p.stem for p in ARTICLES.glob("*.txt"))
        mixed = unrelated_articles(COUNT - len(summit) + 10)
        for article_id, text in mixed[:-10]:
            sub = articles_dir / article_id[-2:]
            sub.mkdir(exist_ok=True)
            (sub / f"{article_id}.txt").write_text(text, encoding="utf-8")
        began = time.perf_counter()
        scan = Library(root).scan()
        emit("related_library_scan_s", [time.perf_counter() - began], "s", articles=len(scan.articles))
        builds, cpu = [], []
        for run in range(runs):
            path = root / f"index-{run}.sqlite"
            index = RelatedIndex(path)
            began, began_cpu = time.perf_counter(), time.process_time()
            index.sync(scan.articles)
            builds.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
            index.close()
        emit(
            "related_index_build_s",
            builds,
            "s",
            articles=len(scan.articles),
            target=30,
            cpu_s=round(statistics.median(cpu), 3),
        )
        index = RelatedIndex(root / "index-0.sqlite")
        by_id = {a.id: a for a in scan.articles}
        queries, query_cpu = [], []
        for article in list(by_id.values())[:: max(1, len(by_id) // 50)] + [by_id[i] for i in summit]:
            began, began_cpu = time.perf_counter(), time.process_time()
            index.related(article, limit=10)
            queries.append(time.perf_counter() - began)
            query_cpu.append(time.process_time() - began_cpu)
        emit(
            "related_query_ms",
            [q * 1000 for q in queries],
            "ms",
            articles=len(by_id),
            target=200,
            p95=round(sorted(queries)[int(0.95 * len(queries))] * 1000, 3),
            max=round(max(queries) * 1000, 3),
            cpu_ms=round(statistics.median(query_cpu) * 1000, 3),
        )
        cold = []
        for article in list(by_id.values())[7 :: max(1, len(by_id) // 10)]:
            began = time.perf_counter()
            fresh = RelatedIndex(root / "index-0.sqlite")
            fresh.related(article, limit=10)
            fresh.close()
            cold.append(time.perf_counter() - began)
        emit(
            "related_query_cold_ms",
            [q * 1000 for q in cold],
            "ms",
            articles=len(by_id),
            what="open the index + one query",
        )
        for article_id, text in mixed[-10:]:
            (articles_dir / f"{article_id}.txt").write_text(text, encoding="utf-8")
        rescan = Library(root).scan()
        began = time.perf_counter()
        report = index.sync(rescan.articles)
        emit(
            "related_index_update_s", [time.perf_counter() - began], "s", added=report.added, unchanged=report.unchanged
        )
        hits = []
        for article_id in summit:
            top = {r.article_id for r in index.related(by_id[article_id], limit=4)}
            hits.append(float(top == set(summit) - {article_id}))
        emit("related_summit_top4", [statistics.mean(hits)], "share", reports=len(summit))


if __name__ == "__main__":
    main()
