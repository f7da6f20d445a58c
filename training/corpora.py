"""Convert the open NER corpora under ``shared/data`` into one common form.

Every converter yields :class:`Sentence` objects: the gold tokens, their IOB tags
over the labels PER, LOC, ORG, MISC, and ``None`` where a corpus cannot say
(missing annotation: the model learns nothing about that token).  Each corpus
folder is recognised by its name (see :data:`CORPORA`); an unknown folder is
reported and skipped, never guessed at.

Conversion rules follow each folder's PROVENANCE.md:

* GermEval 2014: outer tags; OTH -> MISC; ``*deriv`` / ``*part`` -> O.
* MobIE, SmartData: person -> PER, organization(-company) -> ORG,
  location(-city/-stop/-street) -> LOC, location-route -> missing, other types
  -> O; lowercase LOC -> O; lowercase PER/ORG or hashtags -> missing;
  adjective-like LOC and ``Xer`` forms of a known LOC -> missing.
* Sturm: pers -> PER, place -> LOC, date -> O; leading role nouns and
  punctuation trimmed off person spans (role-noun-only spans -> missing).
* UNER German PUD: PER/LOC/ORG as they are.
* Europeana: PER/LOC/ORG; no sentence boundaries, so split on final punctuation.

Corpora without a MISC category (all but GermEval) label other names as O.  So
that the model does not learn "MISC-like names are O" from them, a capitalised
O token that is neither a stop word nor a known German common noun is marked
missing (``mark_unknown_capitalised``).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("PER", "LOC", "ORG", "MISC")

Tag = str | None  # "O", "B-PER", "I-PER", ... or None for missing


@dataclass
class Sentence:
    words: list[str]
    tags: list[Tag]
    doc_id: str = ""
    spaces: list[bool] | None = None
    # a part fixed by the corpus itself ("train" for GermEval's train split);
    # None: the seeded held-out split decides
    part: str | None = None

    def __post_init__(self) -> None:
        if len(self.words) != len(self.tags):
            raise ValueError("words and tags differ in length")


@dataclass
class Corpus:
    name: str
    sentences: list[Sentence]
    has_misc: bool
    notes: list[str] = field(default_factory=list)

    @property
    def n_tokens(self) -> int:
        return sum(len(s.words) for s in self.sentences)

    def entity_counts(self) -> dict[str, int]:
        counts = {label: 0 for label in LABELS}
        for sent in self.sentences:
            for tag in sent.tags:
                if tag and tag.startswith("B-"):
                    counts[tag[2:]] = counts.get(tag[2:], 0) + 1
        return counts

    def n_missing(self) -> int:
        return sum(tag is None for s in self.sentences for tag in s.tags)


# --------------------------------------------------------------------------
# helpers

_NO_SPACE_BEFORE = set(".,;:!?)]}%“‘«")
_NO_SPACE_AFTER = set("([{„‚»")


def guess_spaces(words: list[str]) -> list[bool]:
    """Whitespace after each token for corpora that only give tokens."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is None or word in _NO_SPACE_AFTER or (nxt and nxt[0] in _NO_SPACE_BEFORE and len(nxt) == 1):
            spaces.append(False)
        else:
            spaces.append(True)
    return spaces


def spans_to_tags(n: int, spans: Iterable[tuple[int, int, str | None]]) -> list[Tag]:
    """Token spans (start, end, label or None for missing) -> IOB tags."""
    tags: list[Tag] = ["O"] * n
    for start, end, label in spans:
        for i in range(start, end):
            if label is None:
                tags[i] = None
            else:
                tags[i] = ("B-" if i == start else "I-") + label
    return tags


def tags_to_spans(tags: Sequence[Tag]) -> list[tuple[int, int, str]]:
    """IOB tags -> (start, end, label); missing tokens break spans."""
    spans = []
    start, label = 0, None
    for i, tag in enumerate([*tags, "O"]):
        if tag is None or tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if label is not None:
                spans.append((start, i, label))
                label = None
            if tag and tag[:2] in ("B-", "I-"):
                start, label = i, tag[2:]
    return spans


_TAG_RE = re.compile(r"^(?:O|-|[BIES]-\S+)$")


def looks_like_tag(value: str) -> bool:
    return bool(_TAG_RE.match(value))


def read_column_file(
    path: Path, *, token_col: int, tag_col: int, sep: str | None = "\t"
) -> Iterator[tuple[list[list[str]], str]]:
    """Yield (rows, doc_id) per sentence of a column file; '#' comment lines and
    -DOCSTART- lines are skipped; a '#'-token line with a tag column is a token."""
    rows: list[list[str]] = []
    doc_id = ""
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if rows:
                    yield rows, doc_id
                    rows = []
                continue
            if line.startswith("-DOCSTART-"):
                doc_id = line.split()[1] if len(line.split()) > 1 else ""
                if rows:
                    yield rows, doc_id
                    rows = []
                continue
            fields = line.split(sep) if sep else line.split()
            if line.startswith("#"):
                if line.startswith("# newdoc id"):
                    doc_id = line.split("=", 1)[1].strip()
                if len(fields) <= max(token_col, tag_col) or not looks_like_tag(fields[tag_col].strip()):
                    continue
            if len(fields) <= max(token_col, tag_col):
                fields = line.split()
                if len(fields) <= max(token_col, tag_col):
                    continue
            rows.append([f.strip() for f in fields])
    if rows:
        yield rows, doc_id


# --------------------------------------------------------------------------
# the German common-noun list, for marking unknown capitalised tokens missing


class Lexicon:
    """Stop words and common nouns (lowercased forms), loaded on demand."""

    def __init__(self) -> None:
        from spacy.lang.de.stop_words import STOP_WORDS

        self.stop_words = {w.lower() for w in STOP_WORDS}
        self._nouns: set[str] | None = None

    @property
    def common_nouns(self) -> set[str]:
        if self._nouns is None:
            self._nouns = load_german_nouns()["common"]
        return self._nouns

    def is_known_word(self, word: str) -> bool:
        low = word.lower()
        return low in self.stop_words or low in self.common_nouns


_NAME_POS = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"}


def load_german_nouns() -> dict[str, set[str]]:
    """From the `german-nouns` package (Wiktionary, CC BY-SA): lowercased forms of
    common nouns ("common"), and the lemmas/forms of place names ("places"),
    first names ("first") and surnames ("last")."""
    try:
        from german_nouns.config import CSV_FILE_PATH
    except ImportError as exc:  # pragma: no cover - build-time dependency
        raise SystemExit(
            "the 'german-nouns' package is needed to build the pipeline: pip install --no-deps german-nouns"
        ) from exc
    path = Path(CSV_FILE_PATH)
    out: dict[str, set[str]] = {"common": set(), "places": set(), "first": set(), "last": set()}
    with open(path, encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        form_cols = [i for i, h in enumerate(header) if i >= 7]
        for row in reader:
            pos = set(row[1].split(","))
            forms = {row[0]} | {row[i] for i in form_cols if i < len(row) and row[i]}
            forms = {f for f in forms if f and not f.startswith("-")}
            if pos & _NAME_POS:
                if "Toponym" in pos:
                    out["places"] |= forms
                if "Vorname" in pos:
                    out["first"] |= forms
                if "Nachname" in pos:
                    out["last"] |= forms
            else:
                out["common"] |= {f.lower() for f in forms}
    return out


def mark_unknown_capitalised(corpus: Corpus, lexicon: Lexicon) -> int:
    """In a corpus without MISC: O tokens that look like names of another kind
    (capitalised, not a stop word, not a known common noun) become missing."""
    changed = 0
    for sent in corpus.sentences:
        for i, (word, tag) in enumerate(zip(sent.words, sent.tags, strict=True)):
            if tag != "O" or not word[:1].isupper():
                continue
            core = word.strip("#@")
            if not core or lexicon.is_known_word(core):
                continue
            sent.tags[i] = None
            changed += 1
    return changed


# --------------------------------------------------------------------------
# converters, one per known format


def _germeval_tag(tag: str) -> Tag:
    if tag == "O" or len(tag) < 3:
        return "O"
    prefix, label = tag[:2], tag[2:]
    if label.endswith("deriv") or label.endswith("part"):
        return "O"
    label = {"OTH": "MISC"}.get(label, label)
    if label not in LABELS:
        return "O"
    return prefix + label


def _bioes_to_iob(tag: str) -> str:
    """BIOES with upper-cased suffixes (S-LOCDERIV) -> GermEval IOB (B-LOCderiv)."""
    if tag == "O" or len(tag) < 3 or tag[1] != "-":
        return "O"
    prefix, label = tag[0], tag[2:]
    for suffix in ("DERIV", "PART"):
        if label.endswith(suffix):
            label = label[: -len(suffix)] + suffix.lower()
    return ("B-" if prefix in "BS" else "I-") + label


def convert_germeval(folder: Path) -> Corpus:
    """The dev split (``*.tsv``: index, token, outer, inner tag) is split into the
    seeded dev/test parts; the train split (``*.bioes``: token and BIOES tag, outer
    layer only) is training data as a whole."""
    sentences: list[Sentence] = []
    for path in sorted(folder.glob("*.tsv")):
        for rows, _ in read_column_file(path, token_col=1, tag_col=2):
            words = [r[1].replace("\u00ad", "") or r[1] for r in rows]
            tags = [_germeval_tag(r[2]) for r in rows]
            sentences.append(Sentence(words, _repair_iob(tags), doc_id=f"{path.name}:{len(sentences)}"))
    for path in sorted(folder.glob("*.bioes")):
        for rows, _ in read_column_file(path, token_col=0, tag_col=1, sep=None):
            words = [r[0].replace("\u00ad", "") or r[0] for r in rows]
            tags = [_germeval_tag(_bioes_to_iob(r[1])) for r in rows]
            sentences.append(Sentence(words, _repair_iob(tags), doc_id=f"{path.name}:{len(sentences)}", part="train"))
    return Corpus("germeval2014", sentences, has_misc=True)


_DFKI_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-stop": "LOC",
    "location-street": "LOC",
    "location-route": None,  # train lines like S4: missing
}
_ADJ_LOC = re.compile(r"(isch|ische|ischen|ischer|isches|ischem|deutsche|deutschen|deutscher|deutsches)$", re.I)


def _dfki_span_label(words: list[str], label: str | None, original: str) -> tuple[str | None, bool]:
    """Return (label or None for missing, keep?) for a mapped MobIE/SmartData span.
    keep=False means the span becomes O."""
    if label is None:
        return None, True
    first = words[0]
    if first.startswith("#"):
        core = first[1:]
        if core[:1].islower():
            return None, True
    if first[:1].islower():
        if label == "LOC":
            return "O", False
        return None, True
    if label == "LOC" and len(words) == 1 and _ADJ_LOC.search(first):
        return None, True
    return label, True


def _finish_dfki(sentences: list[Sentence], raw_spans: list[list[tuple[int, int, str | None]]]) -> None:
    """Second pass: a one-token LOC 'Xer' whose stem X is a LOC elsewhere -> missing."""
    locs = set()
    for sent, spans in zip(sentences, raw_spans, strict=True):
        for s, e, lab in spans:
            if lab == "LOC":
                locs.add(" ".join(sent.words[s:e]))
    for sent, spans in zip(sentences, raw_spans, strict=True):
        fixed = []
        for s, e, lab in spans:
            if lab == "LOC" and e - s == 1:
                w = sent.words[s]
                if w.endswith("er") and (w[:-2] in locs or w[:-2] + "e" in locs):
                    lab = None
            fixed.append((s, e, lab))
        sent.tags = spans_to_tags(len(sent.words), fixed)


def convert_mobie(folder: Path) -> Corpus:
    sentences: list[Sentence] = []
    raw_spans = []
    for path in sorted(folder.glob("*.conll2003")):
        for rows, doc_id in read_column_file(path, token_col=0, tag_col=3):
            words = [r[0] for r in rows]
            tags = [r[3] for r in rows]
            spans = []
            for s, e, fine in tags_to_spans(tags):
                if fine not in _DFKI_MAP:
                    continue
                lab, keep = _dfki_span_label(words[s:e], _DFKI_MAP[fine], fine)
                if keep:
                    spans.append((s, e, lab))
            sentences.append(Sentence(words, ["O"] * len(words), doc_id=doc_id))
            raw_spans.append(spans)
    _finish_dfki(sentences, raw_spans)
    return Corpus("mobie", sentences, has_misc=False)


def _iter_json_objects(text: str) -> Iterator[dict]:
    decoder = json.JSONDecoder()
    pos = 0
    n = len(text)
    while pos < n:
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            break
        obj, pos = decoder.raw_decode(text, pos)
        yield obj


def convert_smartdata(folder: Path) -> Corpus:
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    sentences: list[Sentence] = []
    raw_spans = []
    seen_texts = set()
    for path in sorted(folder.glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = fh.read()
        for obj in _iter_json_objects(text):
            body = (obj.get("text") or {}).get("string") or ""
            if not body or body in seen_texts:
                continue
            seen_texts.add(body)
            mentions = ((obj.get("conceptMentions") or {}).get("array")) or []
            ments = []
            for m in mentions:
                fine = m.get("type")
                if fine not in _DFKI_MAP:
                    continue
                ments.append((m["span"]["start"], m["span"]["end"], fine))
            # longest span wins on overlap
            ments.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
            offset = 0
            for line in body.split("\n"):
                line_start, line_end = offset, offset + len(line)
                offset = line_end + 1
                if not line.strip():
                    continue
                doc = tokenizer(line)
                words = [t.text for t in doc if not t.is_space]
                if not words:
                    continue
                taken = [False] * len(doc)
                spans = []
                for cs, ce, fine in ments:
                    if cs < line_start or ce > line_end:
                        continue
                    span = doc.char_span(cs - line_start, ce - line_start, alignment_mode="strict")
                    if span is None:
                        span = doc.char_span(cs - line_start, ce - line_start, alignment_mode="expand")
                        if span is None:
                            continue
                        lab, keep = None, True
                    else:
                        lab, keep = _dfki_span_label([t.text for t in span], _DFKI_MAP[fine], fine)
                    if any(taken[span.start : span.end]):
                        continue
                    for i in range(span.start, span.end):
                        taken[i] = True
                    if keep:
                        spans.append((span.start, span.end, lab))
                # drop whitespace tokens, remapping indices
                keep_idx = [t.i for t in doc if not t.is_space]
                remap = {old: new for new, old in enumerate(keep_idx)}
                spans2 = []
                for s, e, lab in spans:
                    idx = [remap[i] for i in range(s, e) if i in remap]
                    if idx:
                        spans2.append((idx[0], idx[-1] + 1, lab))
                spaces = [bool(doc[i].whitespace_) for i in keep_idx]
                sentences.append(Sentence(words, ["O"] * len(words), doc_id=obj.get("id", ""), spaces=spaces))
                raw_spans.append(spans2)
    _finish_dfki(sentences, raw_spans)
    return Corpus("smartdata", sentences, has_misc=False)


_ROLE_NOUNS = {
    "frau",
    "herr",
    "herrn",
    "fräulein",
    "frl",
    "frl.",
    "schwester",
    "bruder",
    "mutter",
    "vater",
    "tante",
    "onkel",
    "sohn",
    "tochter",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "baron",
    "graf",
    "gräfin",
    "freund",
    "freundin",
    "fr",
    "fr.",
    "hr",
    "hr.",
    "madame",
    "mme",
    "mme.",
    "monsieur",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "miss",
    "direktor",
    "kollege",
    "gatte",
    "gattin",
}


def convert_sturm(folder: Path) -> Corpus:
    sentences: list[Sentence] = []
    for path in sorted(folder.glob("*.conll")):
        for rows, _ in read_column_file(path, token_col=0, tag_col=1, sep=None):
            words = [r[0] for r in rows]
            tags = [r[1] for r in rows]
            spans: list[tuple[int, int, str | None]] = []
            for s, e, lab in tags_to_spans(tags):
                if lab == "date":
                    continue
                label = {"pers": "PER", "place": "LOC"}.get(lab)
                if label is None:
                    spans.append((s, e, None))
                    continue
                # trim leading punctuation and role nouns
                s0 = s
                while s < e and (not any(c.isalnum() for c in words[s]) or words[s].lower() in _ROLE_NOUNS):
                    s += 1
                if s == e:
                    spans.append((s0, e, None))
                    continue
                spans.append((s, e, label))
            sentences.append(Sentence(words, spans_to_tags(len(words), spans), doc_id=f"{path.name}:{len(sentences)}"))
    return Corpus("sturm_edition", sentences, has_misc=False)


def convert_uner(folder: Path) -> Corpus:
    sentences = []
    for path in sorted(folder.glob("*.iob2")):
        for rows, doc_id in read_column_file(path, token_col=1, tag_col=2):
            words = [r[1] for r in rows]
            tags: list[Tag] = []
            for r in rows:
                t = r[2]
                if t == "O" or t[2:] not in ("PER", "LOC", "ORG"):
                    tags.append("O")
                else:
                    tags.append(t)
            sentences.append(Sentence(words, _repair_iob(tags), doc_id=doc_id))
    return Corpus("uner_german_pud", sentences, has_misc=False)


def convert_europeana(folder: Path) -> Corpus:
    sentences: list[Sentence] = []

    def flush(words: list[str], tags: list[Tag], doc_id: str) -> None:
        """The words so far become a sentence; both lists are emptied for the next."""
        if words:
            sentences.append(Sentence(list(words), _repair_iob(list(tags)), doc_id=doc_id))
            words.clear()
            tags.clear()

    for path in sorted(folder.glob("*.bio")):
        words: list[str] = []
        tags: list[Tag] = []

        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                line = raw.strip()
                if not line or line.startswith("# "):
                    if line.startswith("# file"):
                        flush(words, tags, path.name)
                    continue
                parts = line.split()
                if len(parts) < 2:
                    continue
                word, tag = parts[0], parts[-1]
                if not looks_like_tag(tag) and tag != "B-PEr":
                    continue
                tag = tag.upper()
                if tag != "O" and tag[2:] not in ("PER", "LOC", "ORG"):
                    tag = "O"
                words.append(word)
                tags.append(tag)
                if (word in (".", "!", "?") and len(words) >= 4) or len(words) >= 80:
                    flush(words, tags, path.name)
        flush(words, tags, path.name)
    return Corpus("europeana_newspapers_de", sentences, has_misc=False)


def _repair_iob(tags: list[Tag]) -> list[Tag]:
    """I- after O or after another label becomes B- (IOB1 leftovers, typos)."""
    out: list[Tag] = []
    prev: Tag = "O"
    for tag in tags:
        if tag and tag.startswith("I-") and (prev is None or prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


CONVERTERS: dict[str, Callable[[Path], Corpus]] = {
    "germeval2014": convert_germeval,
    "mobie": convert_mobie,
    "smartdata": convert_smartdata,
    "sturm_edition": convert_sturm,
    "uner_german_pud": convert_uner,
    "europeana_newspapers_de": convert_europeana,
}
# folders that are known but hold no NER annotation (used elsewhere)
NON_NER = {"ud_german_gsd"}


def load_corpora(data_dir: Path, *, lexicon: Lexicon | None = None, log=print) -> tuple[dict[str, Corpus], list[str]]:
    """Convert every known corpus folder under data_dir; return them and the
    names of unknown folders (reported, skipped)."""
    lexicon = lexicon or Lexicon()
    corpora: dict[str, Corpus] = {}
    unknown: list[str] = []
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        name = folder.name
        if name in NON_NER:
            continue
        conv = CONVERTERS.get(name)
        if conv is None:
            unknown.append(name)
            log(f"  ! unknown corpus folder {name!r}: no converter for it, skipped")
            continue
        corpus = conv(folder)
        if not corpus.has_misc:
            n = mark_unknown_capitalised(corpus, lexicon)
            corpus.notes.append(f"{n} capitalised unknown O tokens marked missing (no MISC class)")
        corpora[name] = corpus
        log(
            f"  {name}: {len(corpus.sentences)} sentences, {corpus.n_tokens} tokens, "
            f"entities {corpus.entity_counts()}, missing tokens {corpus.n_missing()}"
        )
    return corpora, unknown


# --------------------------------------------------------------------------
# held-out splits: fixed, seeded, by document where documents exist

HELDOUT = {
    # corpus: (dev share, test share); the rest is training data
    "germeval2014": (0.15, 0.20),
    "uner_german_pud": (0.10, 0.20),
}


def split_corpus(corpus: Corpus, seed: int = 2014) -> dict[str, list[Sentence]]:
    dev_share, test_share = HELDOUT.get(corpus.name, (0.0, 0.0))
    out: dict[str, list[Sentence]] = {"test": [], "dev": [], "train": []}
    free = []
    for sent in corpus.sentences:
        if sent.part is not None:
            out[sent.part].append(sent)
        else:
            free.append(sent)
    if not dev_share and not test_share:
        out["train"].extend(free)
        return out
    groups: dict[str, list[Sentence]] = {}
    for sent in free:
        groups.setdefault(sent.doc_id, []).append(sent)
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    n = len(free)
    for key in keys:
        if len(out["test"]) < test_share * n:
            part = "test"
        elif len(out["dev"]) < dev_share * n:
            part = "dev"
        else:
            part = "train"
        out[part].extend(groups[key])
    return out


def to_docs(sentences: list[Sentence], vocab) -> list:
    from spacy.tokens import Doc

    docs = []
    for sent in sentences:
        spaces = sent.spaces if sent.spaces is not None else guess_spaces(sent.words)
        # Doc takes None as a missing tag (spacy/tokens/doc.pyx); its stub says list[str]
        docs.append(Doc(vocab, words=sent.words, spaces=spaces, ents=list(sent.tags)))  # type: ignore[arg-type]
    return docs


def write_column_file(sentences: list[Sentence], path: Path) -> None:
    """Write sentences as token<TAB>tag lines (missing -> O), for evaluate_file."""
    with open(path, "w", encoding="utf-8") as fh:
        for sent in sentences:
            for word, tag in zip(sent.words, sent.tags, strict=True):
                fh.write(f"{word}\t{tag or 'O'}\n")
            fh.write("\n")


if __name__ == "__main__":  # pragma: no cover - manual inspection
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    load_corpora(data)
