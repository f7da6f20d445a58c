"""Analysis speed: opening a cached analysis, the whole pipeline's throughput, the library view.

Run with `make bench` (PYTHONPATH=benchmarks). `--model=PATH` measures another pipeline;
`--runs=N` sets the number of runs each median is taken over.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, emit, runs_from_argv

from reader.analysis import (
    AnalysisCache,
    LibraryAnalysis,
    analyze_article,
    analyze_cached,
    analyze_spans,
)
from reader.articles import Article, Library
from reader.nlp.pipeline import load_pipeline

COPIES = 12  # of each bundled article: 60 distinct texts, 62,500 words
# a library four times that size (240 texts, 250,000 words; ~17 s for one process on a quiet machine,
# against ~5 s): start-up weighs less, as in any library worth analysing in two processes
LARGE_COPIES = 48


def model_from_argv() -> str | None:
    for arg in sys.argv[1:]:
        if arg.startswith("--model="):
            return arg.split("=", 1)[1]
    return None


FRESH_PROCESS = """
import sys, time
began = time.perf_counter()
from pathlib import Path
from reader.analysis import AnalysisCache
from reader.articles import Article, Library
article = Library(Path(sys.argv[1])).get(sys.argv[2])
analysis = AnalysisCache(Path(sys.argv[3])).get(article, sys.argv[4])
elapsed = time.perf_counter() - began
assert analysis is not None and "spacy" not in sys.modules
print(elapsed)
"""


def open_in_fresh_process(cache_dir: str, article_id: str, fingerprint: str) -> float:
    """Seconds a new process needs to open one analysed article (its imports included)."""
    args = [sys.executable, "-c", FRESH_PROCESS, str(REPO), article_id, cache_dir, fingerprint]
    return float(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def main() -> None:
    runs = runs_from_argv(5)
    articles = Library(REPO).articles()
    largest = max(articles, key=lambda a: a.words)
    pipeline = load_pipeline(model_from_argv())
    fingerprint = pipeline.info.fingerprint
    words = sum(article.words for article in articles)

    texts = [article.body for article in articles]
    for text in texts:  # warm up: first calls allocate
        pipeline.nlp(text)
    spacy_only = []
    for _ in range(runs):
        began = time.perf_counter()
        for text in texts:
            pipeline.nlp(text)
        spacy_only.append(words / (time.perf_counter() - began))
    emit(
        "pipeline_words_per_s",
        spacy_only,
        "words/s",
        articles=len(articles),
        words=words,
        pipeline=pipeline.info.name,
        note="the spaCy pipeline, one process",
    )

    throughput = []
    for _ in range(runs):
        began = time.perf_counter()
        for article in articles:
            analyze_article(article, pipeline.nlp, fingerprint)
        throughput.append(words / (time.perf_counter() - began))
    emit(
        "analysis_words_per_s",
        throughput,
        "words/s",
        articles=len(articles),
        words=words,
        pipeline=pipeline.info.name,
        note="spaCy plus quotations, speakers, names",
    )

    docs = [pipeline.nlp(article.body) for article in articles]
    spans = [
        ([(e.start_char, e.end_char, e.label_) for e in doc.ents], [(s.start_char, s.end_char) for s in doc.sents])
        for doc in docs
    ]
    rules = []
    for _ in range(runs * 3):
        began = time.perf_counter()
        for article, (entities, sentences) in zip(articles, spans, strict=True):
            analyze_spans(article.id, article.version, fingerprint, article.body, entities, sentences)
        rules.append(words / (time.perf_counter() - began))
    emit(
        "analysis_rules_words_per_s",
        rules,
        "words/s",
        articles=len(articles),
        words=words,
        note="the rules alone (quotations, speakers, indirect speech, boilerplate, names) on the pipeline's spans",
    )

    with tempfile.TemporaryDirectory() as folder:
        cache = AnalysisCache(Path(folder))
        for article in articles:
            analyze_cached(article, pipeline, cache)
        opened = []
        for _ in range(max(runs, 20)):
            began = time.perf_counter()
            hit = cache.get(largest, fingerprint)
            opened.append(time.perf_counter() - began)
            assert hit is not None
        emit("open_analysed_article_cached_s", opened, "s", article=largest.id, words=largest.words)

        cold = [open_in_fresh_process(folder, largest.id, fingerprint) for _ in range(runs)]
        emit(
            "open_analysed_article_fresh_process_s",
            cold,
            "s",
            article=largest.id,
            note="imports + read + cache hit; no spaCy",
        )

        library = []
        for _ in range(runs):
            began = time.perf_counter()
            cached = [cache.get(article, fingerprint) for article in articles]
            LibraryAnalysis(analysis for analysis in cached if analysis is not None)
            library.append(time.perf_counter() - began)
        emit("library_view_from_cache_s", library, "s", articles=len(articles))

    over_processes(list(articles), model_from_argv(), max(2, runs // 2))
    over_processes(list(articles), model_from_argv(), max(2, runs // 2), LARGE_COPIES, "_large_library")


ANALYSE_PROCESS = """
import sys
from pathlib import Path
from reader.analysis.parallel import analyze_all
from reader.articles import Library
from reader.nlp.pipeline import load_pipeline
library, cache, jobs, model = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] or None
articles = Library(library).articles()
done = list(analyze_all(articles, model, cache, jobs, lambda: load_pipeline(model)))
assert len(done) == len(articles) and all(analysis is not None for _, analysis, _ in done)
"""


def over_processes(
    articles: list[Article], model: str | None, runs: int, copies_each: int = COPIES, suffix: str = ""
) -> None:
    """`reader analyze --jobs 2` against `--jobs 1` (its analysis, the way the command runs it:
    `analyze_all`), each in a fresh process on a library of `copies_each` distinct texts per article,
    nothing cached: the interpreter's start, the imports, the scan and loading the pipeline (once,
    or in each spawned worker) are included; the library-wide report after it is not (the same
    in both, and for copies of five texts it groups each quotation twelve times over).
    Interleaved; the speedup is each run's own ratio, so a load that comes and goes counts in both.
    `suffix` names the metrics of a library of another size (`copies_each` copies per article)."""
    copies = [distinct_copy(article, n) for n in range(copies_each) for article in articles]
    words = sum(article.words for article in copies)
    rates: dict[int, list[float]] = {1: [], 2: []}
    speedups = []
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library"
        (library / "articles").mkdir(parents=True)
        for article in copies:
            (library / "articles" / f"{article.id}.txt").write_text(article.body + "\n", "utf-8")
        for run in range(runs):
            seconds = {
                jobs: analyse_in_fresh_process(library, model, Path(folder) / f"cache-{run}-{jobs}", jobs)
                for jobs in (1, 2)
            }
            for jobs, elapsed in seconds.items():
                rates[jobs].append(words / elapsed)
            speedups.append(seconds[1] / seconds[2])
    facts = {"articles": len(copies), "words": words, "distinct_texts": True, "cache": "cold"}
    note = "a fresh process each: start-up, imports, scan, pipeline loading and analysis"
    emit(f"analysis_words_per_s_1_process{suffix}", rates[1], "words/s", **facts, note=note)
    emit(f"analysis_words_per_s_2_processes{suffix}", rates[2], "words/s", **facts, note=note)
    ratio_note = "--jobs 1 time / --jobs 2 time, in each run"
    emit(f"analysis_2_processes_speedup{suffix}", speedups, "x", **facts, note=ratio_note)


def analyse_in_fresh_process(library: Path, model: str | None, cache: Path, jobs: int) -> float:
    """Seconds from starting a new interpreter to the last analysis of the library's articles."""
    command = [sys.executable, "-c", ANALYSE_PROCESS, str(library), str(cache), str(jobs), model or ""]
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO)
    return time.perf_counter() - began


def distinct_copy(article: Article, n: int) -> Article:
    """A copy under its own id with its own text (one word more), so its version differs: the cache
    is keyed by the text's version, and copies of one text would be cache hits after the first."""
    return Article(
        id=f"{article.id}-{n}",
        path=article.path,
        body=f"{article.body}\n\nKopie {n}.",
        title=article.title,
        source=article.source,
    )


if __name__ == "__main__":
    main()
