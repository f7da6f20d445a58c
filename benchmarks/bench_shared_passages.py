"""Shared-passage detection on constructed pairs: precision and recall of the aligned sentences.

python benchmarks/bench_shared_passages.py [--pairs=N]

Each pair is a news dev or check document and an article rewritten partly from it
(tests/helpers/news_mix.py): some sentences copied, some lightly edited (a word dropped, added or
inflected: still shared), some rewritten heavily (half the words another document's: not shared),
and other documents' sentences between them. Never the bundled articles. A predicted pair is
correct when it is one of the known shared pairs.
"""

from __future__ import annotations

import random
import sys
import time

from _common import REPO, emit

sys.path.insert(0, str(REPO))

from reader.framing.passages import Passage, shared_passages
from tests.helpers.news_mix import news_documents, partial_rewrite


def as_passages(article_id: str, sentences: list[str]) -> list[Passage]:
    out, start = [], 0
    for sentence in sentences:
        out.append(Passage(article_id, start, start + len(sentence), sentence))
        start += len(sentence) + 1
    return out


def main() -> None:
    pairs = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--pairs=")), 200)
    rng = random.Random(11)
    docs = news_documents()
    true_positive = predicted = truth = 0
    began = time.perf_counter()
    for n in range(pairs):
        source_index = n % len(docs)
        others = [d for i, d in enumerate(docs) if i != source_index]
        rewrite = partial_rewrite(docs[source_index], rng.sample(others, k=3), rng)
        left, right = as_passages("a", rewrite.source), as_passages("b", rewrite.rewritten)
        found = set()
        for cluster in shared_passages({"a": left, "b": right}).clusters:
            a = next(m for m in cluster.members if m.article_id == "a")
            b = next(m for m in cluster.members if m.article_id == "b")
            found.add((left.index(a), right.index(b)))
        predicted += len(found)
        truth += len(rewrite.shared)
        true_positive += len(found & rewrite.shared)
    elapsed = time.perf_counter() - began
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / truth if truth else 0.0
    emit("shared_passage_precision", [precision], "ratio", pairs=pairs, predicted=predicted, target=0.9)
    emit("shared_passage_recall", [recall], "ratio", pairs=pairs, shared=truth)
    emit("shared_passage_ms_per_pair", [1000 * elapsed / pairs], "ms", pairs=pairs)


if __name__ == "__main__":
    main()
