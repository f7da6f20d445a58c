"""Quotation quality on a check set written for measuring (benchmarks/data/quote_checkset.txt):
span F1, speech/term accuracy, speaker accuracy on speech — the issue's targets, on our own text.

    python benchmarks/bench_quotes.py [--model=PATH] [--verbose]

A quality measurement, not a speed one: "n" is the number of gold quotations.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _common import REPO

from reader.analysis import AnalysisCache, LibraryAnalysis, analyze_cached
from reader.analysis.report import article_report
from reader.library.article import parse_article
from reader.nlp.pipeline import load_pipeline

CHECKSET = REPO / "benchmarks" / "data" / "quote_checkset.txt"
UNSCORED = "*"  # a gold kind or speaker that is not scored (genuinely ambiguous)


@dataclass(frozen=True)
class Gold:
    text: str
    kind: str
    speaker: str | None


def read_checkset(path: Path) -> list[tuple[str, list[Gold]]]:
    documents = []
    for block in path.read_text(encoding="utf-8").split("\n---\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#")]
        text = "\n".join(line for line in lines if not line.startswith("Q |"))
        gold = []
        for line in lines:
            if line.startswith("Q |"):
                _, quoted, kind, speaker = (part.strip() for part in line.split("|"))
                gold.append(Gold(quoted, kind, None if speaker == "-" else speaker))
        documents.append((text, gold))
    return documents


def main() -> None:
    model = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--model=")), None)
    verbose = "--verbose" in sys.argv
    pipeline = load_pipeline(model)
    documents = read_checkset(CHECKSET)
    found = true_spans = gold_total = 0
    kind_right = kind_scored = speaker_right = speaker_scored = 0
    with tempfile.TemporaryDirectory() as folder:
        cache = AnalysisCache(Path(folder))
        for number, (text, gold) in enumerate(documents):
            article = parse_article(text, Path(folder) / f"doc{number}.txt", f"doc{number}")
            report = article_report(article, LibraryAnalysis([analyze_cached(article, pipeline, cache)]))
            predicted = [(q["text"], q["kind"], q["speaker"]) for q in report["quotes"]]
            found += len(predicted)
            gold_total += len(gold)
            unmatched = list(predicted)
            for item in gold:
                match = next((p for p in unmatched if p[0] == item.text), None)
                if match is None:
                    if verbose:
                        print(f"missed: {item.text!r}", file=sys.stderr)
                    continue
                unmatched.remove(match)
                true_spans += 1
                if item.kind != UNSCORED:
                    kind_scored += 1
                    kind_right += match[1] == item.kind
                if item.kind == "speech" and item.speaker != UNSCORED:
                    speaker_scored += 1
                    speaker_right += match[2] == item.speaker
                if verbose and (match[1] != item.kind or (item.kind == "speech" and match[2] != item.speaker)):
                    print(f"wrong: {item.text[:40]!r} gold {item.kind}/{item.speaker} got {match[1]}/{match[2]}", file=sys.stderr)
            if verbose:
                for extra in unmatched:
                    print(f"extra: {extra[0]!r}", file=sys.stderr)
    precision = true_spans / found if found else 0.0
    recall = true_spans / gold_total if gold_total else 0.0
    span_f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    for metric, value, n in (
        ("quote_span_f1", span_f1, gold_total),
        ("quote_kind_accuracy", kind_right / kind_scored if kind_scored else 0.0, kind_scored),
        ("quote_speaker_accuracy", speaker_right / speaker_scored if speaker_scored else 0.0, speaker_scored),
    ):
        print(json.dumps({"metric": metric, "value": round(value, 3), "unit": "ratio", "n": n, "documents": len(documents)}))


if __name__ == "__main__":
    main()
