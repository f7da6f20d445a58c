"""Quotation quality: span F1, speech/term accuracy, speaker accuracy on speech — the issue's targets.

    python benchmarks/bench_quotes.py [--model=PATH] [--dev=DIR] [--verbose]

Two sets, both DEV sets (the rules were tuned while looking at them, so neither is held out):
- benchmarks/data/quote_checkset.txt (12 short paragraphs; `quote_*` metrics). It was written as a
  check set, and became a dev set the moment it showed a failure that the rules were then fixed for.
- the news dev set (whole German news documents labelled by ../shared/eval/GUIDELINES.md; `dev_*`
  metrics), scored the way ../shared/eval/score.py scores (exact spans after alignment, speaker
  right when `speaker` or `speaker_text` names it as the gold does, or ends in the same word).
  Default folder: benchmarks/data/news_dev, else ../wt/devsets/benchmarks/data/news_dev; skipped
  when neither exists.

A quality measurement, not a speed one: "n" is the number of gold quotations.
"""

from __future__ import annotations

import difflib
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _common import REPO

from reader.analysis import AnalysisCache, LibraryAnalysis, analyze_cached
from reader.analysis.report import article_report
from reader.articles.article import parse_article
from reader.nlp.pipeline import load_pipeline

CHECKSET = REPO / "benchmarks" / "data" / "quote_checkset.txt"
DEV_SETS = (REPO / "benchmarks" / "data" / "news_dev", REPO.parent / "devsets" / "benchmarks" / "data" / "news_dev")
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


def _to_raw(body: str, raw: str) -> dict[int, int]:
    """Offsets of the reader's body text → offsets of the file (as score.py aligns them)."""
    positions: dict[int, int] = {}
    for a, b, n in difflib.SequenceMatcher(None, body, raw, autojunk=False).get_matching_blocks():
        for k in range(n + 1):
            positions[a + k] = b + k
    return positions


def _names_speaker(gold: str, said: list[str | None]) -> bool:
    want = gold.lower()
    return any(s and (s.lower() == want or s.lower().split()[-1] == want.split()[-1]) for s in said)


def score_dev_set(folder: Path, pipeline, verbose: bool) -> None:
    """score.py's quote figures on a folder of documents with gold.json, plus speech speakers by
    the kind of mention the attribution found (a diagnosis, not a score.py figure)."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    counts = dict.fromkeys(("tp", "fp", "fn", "kind_n", "kind_ok", "speaker_n", "speaker_ok"), 0)
    with tempfile.TemporaryDirectory() as cache_folder:
        cache = AnalysisCache(Path(cache_folder))
        articles = {
            name: parse_article((folder / name).read_text(encoding="utf-8"), folder / name, Path(name).stem)
            for name in sorted(gold)
        }
        library = LibraryAnalysis(
            [analyze_cached(article, pipeline, cache) for article in articles.values()]
        )  # one library, as `reader analyze` sees the set
        for name, article in articles.items():
            raw = (folder / name).read_text(encoding="utf-8")
            report = article_report(article, library)
            to_raw = _to_raw(report["text"], raw)
            found = {(to_raw.get(q["start"]), to_raw.get(q["end"])): q for q in report["quotes"]}
            reference = {(q["start"], q["end"]) for q in gold[name]["quotes"]}
            counts["tp"] += len(reference & set(found))
            counts["fp"] += len(set(found) - reference)
            counts["fn"] += len(reference - set(found))
            for item in gold[name]["quotes"]:
                hit = found.get((item["start"], item["end"]))
                counts["kind_n"] += 1
                kind_ok = bool(hit and hit["kind"] == item["kind"])
                counts["kind_ok"] += kind_ok
                speaker_ok = True
                if item["kind"] == "speech" and item.get("speaker"):
                    counts["speaker_n"] += 1
                    speaker_ok = hit is not None and _names_speaker(
                        item["speaker"], [hit["speaker"], hit.get("speaker_text")]
                    )
                    counts["speaker_ok"] += speaker_ok
                if verbose and not (kind_ok and speaker_ok):
                    got = (hit["kind"], hit["speaker"], hit.get("speaker_text"), hit.get("cue")) if hit else "missed"
                    print(
                        f"{name}: „{item['text'][:50]}“ gold {item['kind']}/{item.get('speaker')} got {got}",
                        file=sys.stderr,
                    )
    precision = counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 0.0
    recall = counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    extra = {
        "unit": "ratio",
        "documents": len(gold),
        "set": str(folder.relative_to(REPO.parent) if folder.is_relative_to(REPO.parent) else folder),
        "note": "dev set (tuned on)",
    }
    for metric, value, n in (
        ("dev_quote_span_f1", f1, counts["tp"] + counts["fn"]),
        (
            "dev_quote_kind_accuracy",
            counts["kind_ok"] / counts["kind_n"] if counts["kind_n"] else 0.0,
            counts["kind_n"],
        ),
        (
            "dev_speaker_accuracy",
            counts["speaker_ok"] / counts["speaker_n"] if counts["speaker_n"] else 0.0,
            counts["speaker_n"],
        ),
    ):
        print(json.dumps({"metric": metric, "value": round(value, 3), "n": n, **extra}))


def main() -> None:
    model = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--model=")), None)
    dev = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--dev=")), None)
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
                    print(
                        f"wrong: {item.text[:40]!r} gold {item.kind}/{item.speaker} got {match[1]}/{match[2]}",
                        file=sys.stderr,
                    )
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
        print(
            json.dumps(
                {
                    "metric": metric,
                    "value": round(value, 3),
                    "unit": "ratio",
                    "n": n,
                    "documents": len(documents),
                    "note": "dev set (tuned on)",
                }
            )
        )
    dev_set = dev or next((f for f in DEV_SETS if (f / "gold.json").exists()), None)
    if dev_set is not None:
        score_dev_set(dev_set, pipeline, verbose)


if __name__ == "__main__":
    main()
