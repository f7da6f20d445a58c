"""Re-anchoring in a 50,000-word article: the three paths an annotation can take.

Prints one JSON object per line: {"metric", "value", "unit", "n"}, each the median of n runs.
- reanchor_exact_moved_ms_50k_words: the passage moved (text inserted before it)
- reanchor_fuzzy_ms_50k_words: the passage itself was edited (typo fixed, word changed)
- reanchor_orphan_ms_50k_words: the passage was deleted (the full search comes up empty)
- for_article_ms_1000_annotations: locating 1,000 annotations after an edit near the top

    python benchmarks/bench_anchoring.py [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_store import emit

from reader.annotations import Annotation, TextPosition, locate, quote_at
from reader.articles import Article, article_version

REPO = Path(__file__).resolve().parents[1]


def long_article(words: int) -> str:
    """Real German sentences from the samples, shuffled into paragraphs, until `words` words."""
    rng = random.Random(5)
    sentences = []
    for path in sorted((REPO / "articles").glob("*.txt")):
        sentences += [
            s.strip() + "." for s in path.read_text(encoding="utf-8").replace("\n", " ").split(". ") if s.strip()
        ]
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(rng.choice(sentences) for _ in range(5))
        paragraphs.append(f"{paragraph} (Absatz {len(paragraphs)})")
        count += len(paragraph.split()) + 2
    return "\n\n".join(paragraphs)


def annotation_on(body: str, start: int, end: int) -> Annotation:
    return Annotation("bench", "long", article_version(body), TextPosition(start, end), quote_at(body, start, end))


def median_ms(runs: int, action) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    body = long_article(50_000)
    start = body.index("(Absatz 250)") - 120
    annotation = annotation_on(body, start, start + 100)
    passage = body[start : start + 100]

    moved = "Ein neuer Vorspann.\n\n" + body
    emit(
        "reanchor_exact_moved_ms_50k_words",
        median_ms(args.runs, lambda: locate(moved, "v2", annotation)),
        "ms",
        args.runs,
    )
    edited_passage = passage[:30] + passage[30:40].upper() + passage[40:70] + passage[75:]
    fuzzy = moved[: start + 21] + edited_passage + moved[start + 121 :]
    assert locate(fuzzy, "v3", annotation).state.value == "re-anchored"
    emit("reanchor_fuzzy_ms_50k_words", median_ms(args.runs, lambda: locate(fuzzy, "v3", annotation)), "ms", args.runs)
    gone = body[:start] + body[start + 100 :]
    if passage not in gone:
        emit(
            "reanchor_orphan_ms_50k_words",
            median_ms(args.runs, lambda: locate(gone, "v4", annotation)),
            "ms",
            args.runs,
        )

    rng = random.Random(6)
    spans = [(s, s + rng.randint(20, 200)) for s in (rng.randrange(len(body) - 250) for _ in range(1000))]
    annotations = [annotation_on(body, s, e) for s, e in spans]
    article = Article(id="long", path=Path("long.txt"), body=moved)
    emit(
        "for_article_ms_1000_annotations",
        median_ms(max(3, args.runs // 5), lambda: [locate(article.body, article.version, a) for a in annotations]),
        "ms",
        max(3, args.runs // 5),
    )


if __name__ == "__main__":
    main()
