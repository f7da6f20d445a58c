"""Score a spaCy pipeline's NER on a gold file: precision, recall and F1 per label.

Reads GermEval-style TSV (``#`` comment lines; columns index, token, outer tag,
inner tag) and CoNLL/BIO files (token ... tag per line, blank line between
sentences); the format is detected.  Tags are mapped to PER/LOC/ORG/MISC: OTH
-> MISC, ``*deriv``/``*part`` -> O, and the fine types of MobIE/SmartData/Sturm
(person, location-*, organization-*, pers, place) to their label.

Docs are built from the gold tokens (``Doc(nlp.vocab, words=..., spaces=...)``)
and then run through the pipeline's components, so the pipeline's own
tokenization cannot distort the score.  A predicted entity counts only on an
exact match of start, end and label.

    python -m reader.nlp.evaluate FILE [--model X] [--labels PER,LOC] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..text.marks import CLOSING_BRACKETS, GERMAN_CLOSING, GERMAN_OPENING, OPENING_BRACKETS

LABELS = ("PER", "LOC", "ORG", "MISC")

_FINE = {
    "OTH": "MISC",
    "MISC": "MISC",
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "PERSON": "PER",
    "PERS": "PER",
    "PLACE": "LOC",
    "LOCATION": "LOC",
    "LOCATION-CITY": "LOC",
    "LOCATION-STOP": "LOC",
    "LOCATION-STREET": "LOC",
    "ORGANIZATION": "ORG",
    "ORGANIZATION-COMPANY": "ORG",
    "ORGANISATION": "ORG",
    "GPE": "LOC",
}
_TAG = re.compile(r"^(?:O|[BIES]-\S+)$")


class GoldFormatError(ValueError):
    pass


def map_tag(tag: str) -> str:
    """One gold tag -> 'O' or 'B-X'/'I-X' with X in PER/LOC/ORG/MISC."""
    tag = tag.strip()
    if tag in ("O", "-", "_", ""):
        return "O"
    if len(tag) < 3 or tag[1] != "-":
        return "O"
    prefix, label = tag[0].upper(), tag[2:]
    if label.lower().endswith("deriv") or label.lower().endswith("part"):
        return "O"
    mapped = _FINE.get(label.upper())
    if mapped is None:
        return "O"
    prefix = {"E": "I", "S": "B"}.get(prefix, prefix)
    return f"{prefix}-{mapped}"


def _is_tag(value: str) -> bool:
    return bool(_TAG.match(value.strip()))


def detect_format(lines: list[str]) -> str:
    """'germeval' (index, token, tag, ...) or 'conll' (token ... tag)."""
    token_lines = [ln for ln in lines if ln.strip() and not _is_comment(ln)]
    if not token_lines:
        raise GoldFormatError("no token lines found")
    sample = token_lines[:200]
    indexed = sum(
        1
        for ln in sample
        if len(ln.split("\t")) >= 3 and ln.split("\t")[0].strip().isdigit() and _is_tag(ln.split("\t")[2])
    )
    if indexed >= 0.9 * len(sample):
        return "germeval"
    tagged = sum(1 for ln in sample if len(ln.split()) >= 2 and _is_tag(ln.split()[-1]))
    if tagged >= 0.9 * len(sample):
        return "conll"
    raise GoldFormatError(
        "not a GermEval TSV or CoNLL/BIO file (expected 'index<TAB>token<TAB>tag' or 'token ... tag' lines)"
    )


def _is_comment(line: str) -> bool:
    if line.startswith("-DOCSTART-"):
        return True
    if not line.startswith("#"):
        return False
    parts = line.split("\t") if "\t" in line else line.split()
    if len(parts) >= 2 and _is_tag(parts[-1]) and not line.startswith("# "):
        return False  # a '#hashtag' token line
    return not (len(parts) >= 3 and parts[0].strip().isdigit())


def read_gold(path: Path) -> tuple[str, list[tuple[list[str], list[str]]]]:
    """Return (format, sentences) with sentences as (words, mapped IOB tags)."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    fmt = detect_format(lines)
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append((list(words), _repair(list(tags))))
            words.clear()
            tags.clear()

    for line in lines:
        if not line.strip():
            flush()
            continue
        if _is_comment(line):
            if line.startswith("-DOCSTART-"):
                flush()
            continue
        if fmt == "germeval":
            parts = line.split("\t")
            if len(parts) < 3:
                raise GoldFormatError(f"bad line in {path}: {line[:60]!r}")
            word, tag = parts[1], parts[2]
        else:
            parts = line.split("\t") if "\t" in line else line.split()
            parts = [p for p in parts if p != ""]
            if len(parts) < 2:
                raise GoldFormatError(f"bad line in {path}: {line[:60]!r}")
            word, tag = parts[0], parts[-1]
        words.append(word.replace("\u00ad", "") or word)
        tags.append(map_tag(tag))
    flush()
    return fmt, sentences


def _repair(tags: list[str]) -> list[str]:
    out, prev = [], "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def spans_from_tags(tags: list[str]) -> set[tuple[int, int, str]]:
    spans = set()
    start, label = 0, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if label is not None:
                spans.add((start, i, label))
                label = None
            if tag != "O":
                start, label = i, tag[2:]
    return spans


_NO_SPACE_BEFORE = set(".,;:!?%" + CLOSING_BRACKETS + GERMAN_CLOSING)
_NO_SPACE_AFTER = set(OPENING_BRACKETS + GERMAN_OPENING)


def guess_spaces(words: list[str]) -> list[bool]:
    out = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        out.append(nxt is not None and word not in _NO_SPACE_AFTER and not (len(nxt) == 1 and nxt in _NO_SPACE_BEFORE))
    return out


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def score_spans(pairs, labels: list[str] | None = None) -> dict:
    """pairs: iterable of (gold span set, predicted span set)."""
    counts: dict[str, list[int]] = {}
    for gold, pred in pairs:
        if labels is not None:
            gold = {s for s in gold if s[2] in labels}
            pred = {s for s in pred if s[2] in labels}
        for span in gold | pred:
            c = counts.setdefault(span[2], [0, 0, 0])
            if span in gold and span in pred:
                c[0] += 1
            elif span in pred:
                c[1] += 1
            else:
                c[2] += 1
    order = [lab for lab in LABELS if lab in counts] + sorted(set(counts) - set(LABELS))
    if labels is not None:
        order = list(labels)
    per_label = {lab: prf(*counts.get(lab, [0, 0, 0])) for lab in order}
    total = [sum(counts.get(lab, [0, 0, 0])[k] for lab in order) for k in range(3)]
    return {"labels": per_label, "overall": prf(*total)}


def evaluate_sentences(nlp, sentences, *, labels: list[str] | None = None, batch_size: int = 256) -> dict:
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=w, spaces=guess_spaces(w)) for w, _ in sentences]
    pairs = []
    for (_, tags), doc in zip(sentences, nlp.pipe(docs, batch_size=batch_size), strict=True):
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        pairs.append((spans_from_tags(tags), pred))
    result = score_spans(pairs, labels)
    result["sentences"] = len(sentences)
    result["tokens"] = sum(len(w) for w, _ in sentences)
    return result


def evaluate_file(path: Path, nlp, *, labels: list[str] | None = None) -> dict:
    """Precision/recall/F1 per label and overall of ``nlp`` on a gold NER file.

    Returns ``{"format", "sentences", "tokens", "labels": {LABEL: {precision,
    recall, f1, tp, fp, fn, support}}, "overall": {...}}``.  With ``labels`` only
    those labels are scored (gold and predicted), e.g. PER/LOC/ORG for a corpus
    without MISC.
    """
    fmt, sentences = read_gold(Path(path))
    result = evaluate_sentences(nlp, sentences, labels=labels)
    result["format"] = fmt
    result["path"] = str(path)
    return result


def format_table(result: dict) -> str:
    lines = [f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    rows = [*list(result["labels"].items()), ("overall", result["overall"])]
    for label, s in rows:
        lines.append(
            f"{label:<8}{s['precision'] * 100:>8.1f}{s['recall'] * 100:>8.1f}{s['f1'] * 100:>8.1f}"
            f"{s['tp'] + s['fn']:>8}{s['tp'] + s['fp']:>8}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.nlp.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path, help="GermEval TSV or CoNLL/BIO gold file")
    parser.add_argument("--model", default=None, help="spaCy package name or path (default: shipped)")
    parser.add_argument("--labels", default=None, help="comma-separated labels to score, e.g. PER,LOC,ORG")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    from reader.nlp.pipeline import ModelError, load_pipeline

    try:
        loaded = load_pipeline(args.model, fallback=False)
        labels = args.labels.split(",") if args.labels else None
        result = evaluate_file(args.file, loaded.nlp, labels=labels)
    except (ModelError, GoldFormatError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {str(exc).splitlines()[0] if str(exc) else exc!r}", file=sys.stderr)
        return 2
    result["model"] = loaded.info.name
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(
            f"{args.file}: {result['sentences']} sentences, {result['tokens']} tokens ({result['format']}); "
            f"model {loaded.info.name} {loaded.info.version}"
        )
        print(format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
