"""Indirect speech on GePaDe-SpkAtt dev: span-overlap precision, recall and F1 with the speaker.

    python benchmarks/bench_indirect.py [--data=../shared/data/gepade_spkatt] [--split=dev|train]
                                        [--model=PATH] [--verbose]

GePaDe is parliamentary speech (Bundestag debates, 2017–2021), not news: a figure here says how
well reported clauses and their sources are found in German, not how the app does on articles.
The dev split (18 speeches) is the reported figure; `--split=train` (177 speeches) measures the
same on the split the rules are learned and tuned on.

Each speech is rebuilt as text, one sentence a paragraph (the tokens joined with the spaces German
punctuation takes), and analysed by the shipped pipeline and the rules, as an article would be.

Definitions (tokens are GePaDe's tokens; a predicted span covers the tokens it overlaps):
- gold reported clauses G: annotated events whose Message is a clause in the cue's sentence,
  outside quotation marks, of at least 3 tokens, that opens with "dass" or "ob" or follows a
  comma or colon — and is not a zu-infinitive ("fordern, den Antrag abzulehnen");
- a prediction matches an event when it covers at least half of the event's Message tokens and
  its speaker is right: the head of the predicted source (its first capitalised word, or the
  pronoun) lies in the gold Source, or both have no source;
- precision: matching predictions / predictions, matched against every annotated event with a
  message (a reported clause GePaDe annotates is right even when it is outside G);
- recall: events of G some prediction matches / |G|. F1 is their harmonic mean. The same figures
  without the speaker condition are given as *_span_*.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _common import REPO

from reader.analysis import AnalysisCache, LibraryAnalysis, analyze_cached
from reader.articles import Article
from reader.nlp.pipeline import load_pipeline

DEFAULT_DATA = REPO.parent / "shared" / "data" / "gepade_spkatt"  # ../shared beside the checkout
NO_SPACE_BEFORE = frozenset(",.;:!?)]“")
NO_SPACE_AFTER = frozenset("([„")
QUOTE_MARKS = frozenset('„“"»«')
MIN_MESSAGE_TOKENS = 3
MIN_COVER = 0.5


@dataclass
class Event:
    message: set[int]  # global token ids
    source: set[int]
    clausal: bool


def rebuild(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]], list[int]]:
    """Text (one sentence a line), the (start, end) of every token, and each sentence's first token id."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    firsts: list[int] = []
    offset = 0
    for tokens in sentences:
        firsts.append(len(spans))
        line = ""
        for index, token in enumerate(tokens):
            if index and token[:1] not in NO_SPACE_BEFORE and tokens[index - 1][-1:] not in NO_SPACE_AFTER:
                line += " "
            spans.append((offset + len(line), offset + len(line) + len(token)))
            line += token
        pieces.append(line)
        offset += len(line) + 2
    return "\n\n".join(pieces), spans, firsts


def _ids(items: list[str], firsts: list[int]) -> list[int]:
    return [firsts[int(s)] + int(t) for s, t in (item.split(":") for item in items)]


def _is_zu_infinitive(tokens: list[str]) -> bool:
    last = tokens[-1].lower()
    return (len(tokens) > 1 and tokens[-2].lower() == "zu" and last.endswith("en")) or bool(
        re.fullmatch(r"[a-zäöü]+zu[a-zäöü]+en", last)
    )


def gold_events(data: dict, firsts: list[int], words: list[str], sentence_of: list[int]) -> list[Event]:
    events = []
    for annotation in data["Annotations"]:
        message = _ids(annotation["Message"], firsts)
        cue = _ids(annotation["Cue"], firsts)
        if not message or not cue:
            continue
        source = set(_ids(annotation["Source"], firsts))
        first, last = min(message), max(message)
        tokens = words[first : last + 1]
        sentence_tokens = [words[i] for i in range(len(words)) if sentence_of[i] == sentence_of[first]]
        quoted = any(t in QUOTE_MARKS for t in sentence_tokens)
        contiguous = last - first + 1 == len(message)
        opens = tokens[0].lower() in {"dass", "ob"} or (first > 0 and words[first - 1] in {",", ":"})
        clausal = (
            contiguous
            and not quoted
            and len(message) >= MIN_MESSAGE_TOKENS
            and opens
            and sentence_of[first] == sentence_of[cue[0]]
            and not _is_zu_infinitive(tokens)
        )
        events.append(Event(set(message), source, clausal))
    return events


def covered(start: int, end: int, spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, (s, e) in enumerate(spans) if s < end and e > start}


def head_token(report: dict, text: str, spans: list[tuple[int, int]]) -> int | None:
    """The token of the predicted source's head: its first capitalised word, else its first word."""
    start, end = report.get("speaker_start"), report.get("speaker_end")
    if start is None or end is None:
        return None
    tokens = sorted(covered(start, end, spans))
    for index in tokens:
        s, e = spans[index]
        word = text[s:e]
        if word[:1].isupper() and word.lower() not in {"der", "die", "das", "ein", "eine", "des", "dem", "den"}:
            return index
    return tokens[0] if tokens else None


def main() -> None:
    data_dir = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--data=")), DEFAULT_DATA)
    model = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--model=")), None)
    split = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--split=")), "dev")
    verbose = "--verbose" in sys.argv
    folder_of_split = data_dir / split
    if split not in {"dev", "train"} or not folder_of_split.is_dir():
        print(
            json.dumps({"metric": "indirect_f1", "value": None, "note": f"no GePaDe {split} data at {folder_of_split}"})
        )
        return
    pipeline = load_pipeline(model)
    counts = dict.fromkeys(("pred", "pred_ok", "pred_span_ok", "gold", "gold_ok", "gold_span_ok"), 0)
    files = sorted(folder_of_split.glob("*.json"))
    with tempfile.TemporaryDirectory() as folder:
        cache = AnalysisCache(Path(folder))
        for path in files:
            data = json.loads(path.read_text(encoding="utf-8"))
            sentences = [s["Tokens"] for s in sorted(data["Sentences"], key=lambda s: s["SentenceId"])]
            text, spans, firsts = rebuild(sentences)
            words = [token for tokens in sentences for token in tokens]
            sentence_of = [n for n, tokens in enumerate(sentences) for _ in tokens]
            events = gold_events(data, firsts, words, sentence_of)
            article = Article(id=path.stem, path=path, body=text)
            analysis = LibraryAnalysis([analyze_cached(article, pipeline, cache)]).article(path.stem)
            predictions = []
            for quote in analysis.indirect:
                tokens = covered(quote.start, quote.end, spans)
                head = head_token({"speaker_start": quote.speaker_start, "speaker_end": quote.speaker_end}, text, spans)
                predictions.append((tokens, head, quote))

            def matches(prediction: tuple, event: Event, *, speaker: bool) -> bool:
                tokens, head, _ = prediction
                if len(tokens & event.message) < MIN_COVER * len(event.message):
                    return False
                if not speaker:
                    return True
                return head in event.source if event.source else head is None

            for prediction in predictions:
                counts["pred"] += 1
                ok = any(matches(prediction, e, speaker=True) for e in events)
                counts["pred_ok"] += ok
                counts["pred_span_ok"] += any(matches(prediction, e, speaker=False) for e in events)
                if verbose and not ok:
                    print(
                        f"{path.stem[:30]} extra: {prediction[2].text[:70]!r} ← {prediction[2].speaker_text}",
                        file=sys.stderr,
                    )
            for event in events:
                if not event.clausal:
                    continue
                counts["gold"] += 1
                ok = any(matches(p, event, speaker=True) for p in predictions)
                counts["gold_ok"] += ok
                counts["gold_span_ok"] += any(matches(p, event, speaker=False) for p in predictions)
                if verbose and not ok:
                    message = " ".join(words[i] for i in sorted(event.message))
                    source = " ".join(words[i] for i in sorted(event.source))
                    near = next((p[2] for p in predictions if matches(p, event, speaker=False)), None)
                    found = f" (found, speaker {near.speaker_text!r})" if near else ""
                    print(f"{path.stem[:30]} missed: {message[:70]!r} ← {source!r}{found}", file=sys.stderr)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    precision = counts["pred_ok"] / counts["pred"] if counts["pred"] else 0.0
    recall = counts["gold_ok"] / counts["gold"] if counts["gold"] else 0.0
    span_precision = counts["pred_span_ok"] / counts["pred"] if counts["pred"] else 0.0
    span_recall = counts["gold_span_ok"] / counts["gold"] if counts["gold"] else 0.0
    note = f"GePaDe-SpkAtt {split}: Bundestag speeches, parliamentary speech, not news"
    for metric, value, n in (
        ("indirect_precision", precision, counts["pred"]),
        ("indirect_recall", recall, counts["gold"]),
        ("indirect_f1", f1(precision, recall), counts["gold"]),
        ("indirect_span_precision", span_precision, counts["pred"]),
        ("indirect_span_recall", span_recall, counts["gold"]),
        ("indirect_span_f1", f1(span_precision, span_recall), counts["gold"]),
    ):
        print(
            json.dumps(
                {
                    "metric": metric,
                    "value": round(value, 3),
                    "unit": "ratio",
                    "n": n,
                    "documents": len(files),
                    "note": note,
                }
            )
        )


if __name__ == "__main__":
    main()
