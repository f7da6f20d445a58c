"""Sentence-boundary score against UD German GSD dev.

The UD sentences are joined, ``group`` at a time, into running text (one space
between sentences, as in an article paragraph); a splitter is scored on the
character offsets where sentences start (the start of each text not counted).
The first half of the dev file was used while writing the rules in
``reader.nlp.components.sentences.sentence_starts``; the second half is the reported
number ("held out").

    python -m training.sentences [CONLLU] [--model PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def read_conllu_texts(path: Path) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# text = "):
                texts.append(line[len("# text = ") :].rstrip("\n"))
    return texts


def make_docs(texts: list[str], group: int = 10) -> list[tuple[str, set[int]]]:
    out = []
    for i in range(0, len(texts), group):
        chunk = texts[i : i + group]
        starts, pos, parts = set(), 0, []
        for k, sent in enumerate(chunk):
            if k:
                starts.add(pos)
            parts.append(sent)
            pos += len(sent) + 1
        out.append((" ".join(parts), starts))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        "boundaries": tp + fn,
    }


def score_splitter(split, docs) -> dict:
    """split(text) -> iterable of sentence start char offsets."""
    tp = fp = fn = 0
    for text, gold in docs:
        pred = {s for s in split(text) if s > 0}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return _prf(tp, fp, fn)


def spacy_splitter(nlp):
    def split(text):
        doc = nlp(text)
        return [s.start_char for s in doc.sents]

    return split


def syntok_splitter():
    try:
        from syntok import segmenter
    except ImportError:
        return None

    def split(text):
        starts = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                if sentence:
                    starts.append(sentence[0].offset)
        return starts

    return split


def evaluate_sentence_boundaries(path: Path, nlp=None, *, group: int = 10) -> dict:
    """Scores on both halves of UD GSD dev for: the pipeline given (its own
    sentence component), our rule component alone, spaCy's sentencizer, syntok."""
    import spacy

    import reader.nlp.components  # noqa: F401 - importing registers the factories

    texts = read_conllu_texts(path)
    half = len(texts) // 2
    halves = {"tuning half": make_docs(texts[:half], group), "held-out half": make_docs(texts[half:], group)}
    splitters = {}
    if nlp is not None:
        only = [p for p in nlp.pipe_names if p not in ("sentences", "senter", "sentencizer", "parser")]
        pipe_nlp = nlp

        def split_pipeline(text, _nlp=pipe_nlp, _off=only):
            with _nlp.select_pipes(disable=_off):
                doc = _nlp(text)
            return [s.start_char for s in doc.sents]

        splitters["pipeline"] = split_pipeline
    rules = spacy.blank("de")
    rules.add_pipe("reader_sentences")
    splitters["reader_sentences (rules)"] = spacy_splitter(rules)
    sentencizer = spacy.blank("de")
    sentencizer.add_pipe("sentencizer")
    splitters["spaCy sentencizer"] = spacy_splitter(sentencizer)
    st = syntok_splitter()
    if st is not None:
        splitters["syntok"] = st
    out = {}
    for name, split in splitters.items():
        out[name] = {h: score_splitter(split, docs) for h, docs in halves.items()}
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("conllu", nargs="?", default="../shared/data/ud_german_gsd/de_gsd-ud-dev.conllu")
    parser.add_argument("--errors", action="store_true", help="print the rules' errors on the tuning half")
    args = parser.parse_args(argv)
    result = evaluate_sentence_boundaries(Path(args.conllu))
    print(json.dumps(result, indent=2))
    if args.errors:
        import spacy

        nlp = spacy.blank("de")
        nlp.add_pipe("reader_sentences")
        texts = read_conllu_texts(Path(args.conllu))
        for text, gold in make_docs(texts[: len(texts) // 2]):
            pred = {s.start_char for s in nlp(text).sents if s.start_char}
            for s in sorted(pred - gold):
                print("FP:", text[max(0, s - 50) : s], "|", text[s : s + 30])
            for s in sorted(gold - pred):
                print("FN:", text[max(0, s - 50) : s], "|", text[s : s + 30])
    return 0


if __name__ == "__main__":
    sys.exit(main())
