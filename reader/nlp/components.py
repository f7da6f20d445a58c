"""Custom spaCy components of reader's German pipeline.

Importing this module registers the factories; :mod:`reader.nlp.pipeline`
imports it before ``spacy.load`` so a saved pipeline that names them can be
built.  Every component is a thin class around pure functions over ``Doc`` and
``Span``; all settings come from the pipeline config.

* ``reader_sentences`` - rule-based sentence boundaries for German news.
* ``reader_gazetteer`` - adds names from compact word lists where the
  statistical NER found nothing (never overwrites).
* ``reader_person_names`` - first name + capitalised surname -> PER.
* ``reader_doc_consistency`` - a name labelled once is labelled everywhere in
  the document (also its genitive), a lone surname after the full name is PER.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# --------------------------------------------------------------------------
# sentence boundaries

FINAL_PUNCT = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???"})
CLOSING = frozenset({"“", "”", "’", "»", "«", ")", "]", "}", "‘"})
OPENING = frozenset({"„", "‚", "«", "»", "(", "[", "{"})
AMBIGUOUS_QUOTES = frozenset({'"', "'", "«", "»"})


def _is_newline(token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def sentence_starts(
    doc: Doc,
    *,
    split_on_newlines: bool = True,
    lowercase_continues: bool = True,
    guillemets_open: str = "»",
) -> list[bool]:
    """Return a sentence-start flag for every token of ``doc``.

    A sentence ends at ``. ! ? …`` (not inside abbreviations or ordinals, which the
    German tokenizer keeps as one token: "z. B.", "Dr.", "16.") together with any
    closing quotes and brackets that follow it; an opening quote right after it
    starts the next sentence.  A lowercase word after a full stop continues the
    sentence (an abbreviation the tokenizer does not know).  A line break ends a
    sentence (headlines, paragraphs) when ``split_on_newlines``.
    """
    n = len(doc)
    starts = [False] * n
    if n == 0:
        return starts
    starts[0] = True
    i = 0
    while i < n:
        tok = doc[i]
        if split_on_newlines and tok.is_space and "\n" in tok.text:
            # whitespace token holding a line break: next non-space token starts
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                starts[j] = True
            i = j
            continue
        text = tok.text
        if text in FINAL_PUNCT or (len(text) > 1 and set(text) <= {".", "!", "?"}):
            j = i + 1
            # absorb more final punctuation and closing quotes / brackets
            while j < n:
                t = doc[j]
                tt = t.text
                if tt in FINAL_PUNCT or tt in CLOSING and tt != guillemets_open:
                    j += 1
                    continue
                if tt in AMBIGUOUS_QUOTES and tt != guillemets_open:
                    # straight quote glued to the previous token closes the quote
                    if not doc[j - 1].whitespace_:
                        j += 1
                        continue
                break
            if j >= n:
                break
            nxt = doc[j]
            if nxt.is_space:
                k = j
                while k < n and doc[k].is_space:
                    k += 1
                if k < n:
                    starts[k] = True
                i = k
                continue
            if lowercase_continues and nxt.text[:1].islower():
                i = j
                continue
            if nxt.text in (",", ";", ":") or (nxt.is_punct and nxt.text not in OPENING
                                               and nxt.text not in AMBIGUOUS_QUOTES
                                               and nxt.text not in ("-", "–", "—")):
                i = j
                continue
            starts[j] = True
            i = j
            continue
        if split_on_newlines and "\n" in tok.whitespace_ and i + 1 < n:
            starts[i + 1] = True
        i += 1
    return starts


@Language.factory(
    "reader_sentences",
    default_config={"split_on_newlines": True, "lowercase_continues": True},
)
def make_sentences(nlp: Language, name: str, split_on_newlines: bool, lowercase_continues: bool):
    return SentenceRules(split_on_newlines=split_on_newlines, lowercase_continues=lowercase_continues)


class SentenceRules:
    def __init__(self, *, split_on_newlines: bool = True, lowercase_continues: bool = True) -> None:
        self.split_on_newlines = split_on_newlines
        self.lowercase_continues = lowercase_continues

    def __call__(self, doc: Doc) -> Doc:
        flags = sentence_starts(
            doc, split_on_newlines=self.split_on_newlines, lowercase_continues=self.lowercase_continues
        )
        if len(doc):
            # One array write: setting token.is_sent_start token by token re-checks the whole doc
            # each time, which made a 20,000-token paragraph take seconds (quadratic).
            values = np.where(np.asarray(flags, dtype=bool), 1, -1).astype(np.int64)
            values[0] = 1
            doc.from_array([SENT_START], values.astype(np.uint64).reshape(-1, 1))
        return doc

    def to_disk(self, path, exclude=()):  # settings live in the config
        pass

    def from_disk(self, path, exclude=()):
        return self

    def to_bytes(self, exclude=()):
        return b""

    def from_bytes(self, data, exclude=()):
        return self


# --------------------------------------------------------------------------
# compact word lists


def word_hash(word: str) -> int:
    """32-bit hash of a lowercased word (for the common-noun filter)."""
    return zlib.crc32(word.lower().encode("utf-8"))


class WordLists:
    """Names per label (exact strings, multi-token names joined by one space),
    plus a set of 32-bit hashes of lowercased common nouns and stop words."""

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}
        self.first_names: set[str] = set()
        self.common_hashes: set[int] = set()
        self.max_tokens = 1

    def is_common(self, word: str) -> bool:
        return word_hash(word) in self.common_hashes

    def finish(self) -> None:
        self.max_tokens = max(
            [1] + [name.count(" ") + 1 for names in self.names.values() for name in names]
        )

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self.names or self.first_names:
            payload = {
                "names": {label: sorted(names) for label, names in sorted(self.names.items())},
                "first_names": sorted(self.first_names),
            }
            with gzip.open(path / "names.json.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
                json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
        if self.common_hashes:
            np.save(path / "common.npy", np.array(sorted(self.common_hashes), dtype=np.uint32))

    @classmethod
    def from_disk(cls, path: Path) -> "WordLists":
        self = cls()
        names_file = path / "names.json.gz"
        if names_file.exists():
            with gzip.open(names_file, "rt", encoding="utf-8") as fh:
                payload = json.load(fh)
            self.names = {label: set(names) for label, names in payload.get("names", {}).items()}
            self.first_names = set(payload.get("first_names", []))
        common_file = path / "common.npy"
        if common_file.exists():
            self.common_hashes = set(np.load(common_file).tolist())
        self.finish()
        return self


def _genitive_base(word: str) -> str | None:
    """'Trumps' -> 'Trump', 'Paris'' -> 'Paris', 'Putin’s' -> 'Putin'."""
    for suffix in ("’s", "'s", "s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return None


def _overlaps(taken: list[bool], start: int, end: int) -> bool:
    return any(taken[start:end])


def _taken_mask(doc: Doc) -> list[bool]:
    taken = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
    return taken


def _set_ents(doc: Doc, new: list[Span]) -> None:
    if new:
        doc.ents = filter_spans(list(doc.ents) + new)


def gazetteer_matches(doc: Doc, lists: WordLists, labels: Iterable[str]) -> list[Span]:
    """Spans of doc whose text is a listed name (or its genitive), longest first,
    that do not overlap an existing entity."""
    taken = _taken_mask(doc)
    named = [(label, lists.names[label]) for label in labels if label in lists.names]
    words = [token.text for token in doc]  # one pass over the Doc: token objects are costly
    out = []
    i = 0
    n = len(doc)
    while i < n:
        if taken[i] or not words[i][:1].isupper():
            i += 1
            continue
        found = None
        for length in range(min(lists.max_tokens, n - i), 0, -1):
            if _overlaps(taken, i, i + length):
                continue
            text = " ".join(words[i : i + length])
            base = _genitive_base(text)
            for label, names in named:
                if text in names or (base is not None and base in names):
                    found = (length, label)
                    break
            if found:
                break
        if found:
            length, label = found
            out.append(Span(doc, i, i + length, label=label))
            for k in range(i, i + length):
                taken[k] = True
            i += length
        else:
            i += 1
    return out


class _ListComponent:
    """Shared serialisation for the components that hold WordLists."""

    def __init__(self) -> None:
        self.lists = WordLists()

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        if data_path:
            self.lists = WordLists.from_disk(Path(data_path))

    def to_disk(self, path, exclude=()):
        self.lists.to_disk(Path(path))

    def from_disk(self, path, exclude=()):
        self.lists = WordLists.from_disk(Path(path))
        return self


def gazetteer_relabel(doc: Doc, lists: WordLists, labels: Iterable[str], relabel_from: Iterable[str]) -> list[Span]:
    """Entities whose whole text (or its genitive base) is a listed name of one of
    ``labels`` but that carry a label in ``relabel_from`` take the listed label
    ("Brisbane"/PER -> LOC)."""
    relabel_from = set(relabel_from)
    out = []
    for ent in doc.ents:
        new_label = None
        if ent.label_ in relabel_from:
            base = _genitive_base(ent.text)
            for label in labels:
                names = lists.names.get(label, ())
                if ent.text in names or (base is not None and base in names):
                    new_label = label
                    break
        out.append(Span(doc, ent.start, ent.end, label=new_label) if new_label and new_label != ent.label_ else ent)
    return out


def org_suffix_spans(doc: Doc, suffixes: frozenset[str], max_words: int = 3) -> list[Span]:
    """'Audi AG', 'Google Inc.', 'Berger Projektentwicklung GmbH' -> ORG: a legal-form
    word after capitalised words; an entity ending right before it is extended."""
    ents = list(doc.ents)
    by_end = {e.end: k for k, e in enumerate(ents)}
    taken = _taken_mask(doc)
    changed = False
    by_last = {e.end - 1: k for k, e in enumerate(ents)}
    for tok in doc:
        if tok.text not in suffixes or tok.i == 0:
            continue
        if taken[tok.i]:
            k = by_last.get(tok.i)
            if k is not None and ents[k].label_ != "ORG" and len(ents[k]) > 1:
                ents[k] = Span(doc, ents[k].start, ents[k].end, label="ORG")
                changed = True
            continue
        k = by_end.get(tok.i)
        if k is not None:
            e = ents[k]
            ents[k] = Span(doc, e.start, tok.i + 1, label="ORG")
            changed = True
            continue
        start = tok.i
        while (
            start > 0
            and tok.i - start < max_words
            and not taken[start - 1]
            and doc[start - 1].text[:1].isupper()
            and not doc[start - 1].is_sent_start
        ):
            start -= 1
        if start < tok.i:
            ents.append(Span(doc, start, tok.i + 1, label="ORG"))
            changed = True
    return filter_spans(ents) if changed else list(doc.ents)


@Language.factory(
    "reader_gazetteer", default_config={"labels": ["LOC"], "relabel_from": [], "org_suffixes": []}
)
def make_gazetteer(nlp: Language, name: str, labels: list[str], relabel_from: list[str], org_suffixes: list[str]):
    return Gazetteer(labels=labels, relabel_from=relabel_from, org_suffixes=org_suffixes)


class Gazetteer(_ListComponent):
    def __init__(self, *, labels: list[str], relabel_from: list[str] = (), org_suffixes: list[str] = ()) -> None:
        super().__init__()
        self.labels = list(labels)
        self.relabel_from = list(relabel_from)
        self.org_suffixes = frozenset(org_suffixes)

    def __call__(self, doc: Doc) -> Doc:
        if self.relabel_from and doc.ents:
            doc.ents = gazetteer_relabel(doc, self.lists, self.labels, self.relabel_from)
        if self.org_suffixes:
            doc.ents = org_suffix_spans(doc, self.org_suffixes)
        _set_ents(doc, gazetteer_matches(doc, self.lists, self.labels))
        return doc


# --------------------------------------------------------------------------
# common-noun filter


def noun_filter_keep(doc: Doc, lists: WordLists, labels: Iterable[str] = ("PER", "LOC", "ORG")) -> list[Span]:
    """The doc's entities without single-word ones of ``labels`` that are German
    common nouns ("Regierung", "Stolz", "Kameras"), unless a word list names them."""
    keep_names = lists.names.get("KEEP", set())
    labels = set(labels)
    out = []
    for ent in doc.ents:
        if ent.label_ == "PER" and len(ent) > 1:
            # trailing common nouns are not part of a person's name
            # ("Selenskyjs Büro" -> "Selenskyjs"), unless right after a first name
            end = ent.end
            while (
                end - ent.start > 1
                and doc[end - 1].text not in keep_names
                and lists.is_common(doc[end - 1].text)
                and doc[end - 2].text not in keep_names
            ):
                end -= 1
            if end != ent.end:
                ent = Span(doc, ent.start, end, label=ent.label_)
        if len(ent) == 1 and ent.text.endswith(".") and len(ent.text) <= 6:
            continue  # an abbreviation alone ("Chr.", "Abs.") is no name
        if len(ent) == 1 and ent.label_ in labels:
            text = ent.text
            base = _genitive_base(text)
            listed = text in keep_names or (base is not None and base in keep_names)
            if not listed and (lists.is_common(text) or (base is not None and lists.is_common(base))):
                if not (text.isupper() and len(text) > 1):
                    continue
        out.append(ent)
    return out


@Language.factory("reader_noun_filter", default_config={"labels": ["PER", "LOC", "ORG"]})
def make_noun_filter(nlp: Language, name: str, labels: list[str]):
    return NounFilter(labels=labels)


class NounFilter(_ListComponent):
    def __init__(self, *, labels: list[str]) -> None:
        super().__init__()
        self.labels = list(labels)

    def __call__(self, doc: Doc) -> Doc:
        if doc.ents:
            kept = noun_filter_keep(doc, self.lists, self.labels)
            if len(kept) != len(doc.ents):
                doc.set_ents(kept, default="outside")
        return doc


# --------------------------------------------------------------------------
# first name + surname


def person_name_matches(doc: Doc, lists: WordLists, *, max_surnames: int = 2) -> list[Span]:
    """'Angela Merkel', 'Frank-Walter Steinmeier', 'Olaf Scholz' -> PER: a known
    first name followed by capitalised words that are not common nouns or stop
    words; an existing entity starting at the surname is absorbed."""
    taken = _taken_mask(doc)
    out = []
    n = len(doc)
    i = 0
    while i < n - 1:
        tok = doc[i]
        if taken[i] or tok.text not in lists.first_names:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j - i <= max_surnames
            and doc[j].text[:1].isupper()
            and not doc[j].is_punct
            and not lists.is_common(doc[j].text)
            and not taken[j]
        ):
            j += 1
        if j > i + 1:
            out.append(Span(doc, i, j, label="PER"))
            i = j
        else:
            i += 1
    return out


@Language.factory("reader_person_names")
def make_person_names(nlp: Language, name: str):
    return PersonNames()


class PersonNames(_ListComponent):
    labels = ("PER",)

    def __call__(self, doc: Doc) -> Doc:
        # a first name right before a PER/other entity: extend that entity
        ents = list(doc.ents)
        changed = False
        for k, ent in enumerate(ents):
            if ent.label_ == "PER" and ent.start > 0:
                prev = doc[ent.start - 1]
                if prev.text in self.lists.first_names and prev.ent_iob_ == "O":
                    ents[k] = Span(doc, ent.start - 1, ent.end, label="PER")
                    changed = True
        if changed:
            doc.ents = filter_spans(ents)
        _set_ents(doc, person_name_matches(doc, self.lists))
        return doc


# --------------------------------------------------------------------------
# document-level consistency


def trim_trailing_nouns(doc: Doc, ents: list[Span], is_common) -> list[Span]:
    """"Putins Hände", "Trumps Limousine", "Alaska Hände" → the name alone, when the document
    names it alone elsewhere: a two-word entity ending in a common noun whose first word (or its
    genitive base) is a one-word entity of its own in this document, or a person's surname. "Deutsche Bank" or
    "Vereinigten Staaten" stay whole: their first word is never an entity by itself."""
    alone = {ent.text for ent in ents if len(ent) == 1}
    alone |= {ent[-1].text for ent in ents if ent.label_ == "PER" and len(ent) > 1}  # "Selenskyj" of "Wolodymyr Selenskyj"
    alone |= {base for base in (_genitive_base(text) for text in alone) if base}
    out = []
    for ent in ents:
        if len(ent) == 2 and is_common(ent[1].text) and ent[1].text[:1].isupper():
            first = ent[0].text
            base = _genitive_base(first)
            if first in alone or (base is not None and base in alone):
                ent = Span(doc, ent.start, ent.start + 1, label=ent.label_)
        out.append(ent)
    return out


def consistency_spans(
    doc: Doc,
    *,
    is_common=lambda w: False,
    stop_words: frozenset[str] = frozenset(),
    relabel: bool = True,
    min_chars: int = 2,
) -> list[Span]:
    """Return the doc's entities made consistent across the document.

    * every labelled name (and its genitive / base form) is labelled at its other
      unlabelled occurrences, with its majority label;
    * the last word of a multi-word PER name ("Trump" of "Donald Trump") is PER
      where it stands alone later;
    * with ``relabel``, an occurrence labelled differently from the name's
      majority takes the majority label.
    """
    ents = trim_trailing_nouns(doc, list(doc.ents), is_common)
    votes: dict[str, Counter] = defaultdict(Counter)
    for ent in ents:
        text = ent.text
        votes[text][ent.label_] += 2 if len(ent) > 1 else 1
    surname_of: dict[str, str] = {}
    for ent in ents:
        if ent.label_ == "PER" and len(ent) > 1:
            last = ent[-1].text
            if last[:1].isupper() and len(last) >= min_chars:
                surname_of[last] = "PER"
    known: dict[str, str] = {}
    for text, counter in votes.items():
        label = counter.most_common(1)[0][0]
        known[text] = label
    for last, label in surname_of.items():
        # a surname seen inside a full PER name is PER where it stands alone
        known[last] = label
    # add genitives / bases
    extra = {}
    for text, label in known.items():
        if " " in text:
            continue
        extra.setdefault(text + "s", label)
        base = _genitive_base(text)
        if base is not None:
            extra.setdefault(base, label)
    for text, label in extra.items():
        known.setdefault(text, label)
    # names usable for propagation: capitalised, not stop words, single-token ones
    # must not be common nouns ("Bank", "Essen")
    usable = {}
    for text, label in known.items():
        if len(text) < min_chars or not text[:1].isupper():
            continue
        if " " not in text and (text.lower() in stop_words or is_common(text)):
            continue
        usable[text] = label
    if relabel:
        def relabelled(e: Span) -> Span:
            target = usable.get(e.text)
            if target is None or target == e.label_:
                return e
            if len(e) == 1 and e.text in surname_of:
                return Span(doc, e.start, e.end, label="PER")
            if e.text in votes and votes[e.text][target] > votes[e.text][e.label_]:
                return Span(doc, e.start, e.end, label=target)
            return e

        ents = [relabelled(e) for e in ents]
    if not usable:
        return ents
    max_len = max(t.count(" ") + 1 for t in usable)
    taken = [False] * len(doc)
    for e in ents:
        for i in range(e.start, e.end):
            taken[i] = True
    new = []
    words = [token.text for token in doc]
    n = len(doc)
    i = 0
    while i < n:
        if taken[i] or not words[i][:1].isupper():
            i += 1
            continue
        hit = None
        for length in range(min(max_len, n - i), 0, -1):
            if any(taken[i : i + length]):
                continue
            text = " ".join(words[i : i + length])
            if text in usable:
                hit = (length, usable[text])
                break
        if hit:
            length, label = hit
            new.append(Span(doc, i, i + length, label=label))
            for k in range(i, i + length):
                taken[k] = True
            i += length
        else:
            i += 1
    return filter_spans(ents + new)


@Language.factory("reader_doc_consistency", default_config={"relabel": True, "min_chars": 2})
def make_doc_consistency(nlp: Language, name: str, relabel: bool, min_chars: int):
    return DocConsistency(nlp, relabel=relabel, min_chars=min_chars)


class DocConsistency(_ListComponent):
    def __init__(self, nlp: Language, *, relabel: bool = True, min_chars: int = 2) -> None:
        super().__init__()
        self.relabel = relabel
        self.min_chars = min_chars
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        doc.ents = consistency_spans(
            doc,
            is_common=self.lists.is_common,
            stop_words=self.stop_words,
            relabel=self.relabel,
            min_chars=self.min_chars,
        )
        return doc


# --------------------------------------------------------------------------
# lexical classes as an input feature of the statistical NER

LEXICAL_CLASSES = ("low", "stop", "noun", "loc", "org", "first", "last", "unk", "acr", "other")
_FEATURE_PREFIX = "lex:"


def lexical_class(text: str, lists: WordLists, stop_words: frozenset[str]) -> str:
    """What the word lists say about one token: a place, an organisation, a first
    name, a surname, a common noun, a stop word, an unknown capitalised word ..."""
    if not text[:1].isalpha():
        return "other"
    if not text[:1].isupper():
        return "low"
    low = text.lower()
    if low in stop_words:
        return "stop"
    names = lists.names
    base = _genitive_base(text)
    for label, cls in (("LOC", "loc"), ("ORG", "org")):
        group = names.get(label)
        if group and (text in group or (base is not None and base in group)):
            return cls
    if text in lists.first_names:
        return "first"
    last = names.get("PER")
    if last and (text in last or (base is not None and base in last)):
        return "last"
    if lists.is_common(text):
        return "noun"
    if len(text) > 1 and text.isupper():
        return "acr"
    return "unk"


@Language.factory("reader_lexical_features")
def make_lexical_features(nlp: Language, name: str):
    return LexicalFeatures(nlp)


class LexicalFeatures(_ListComponent):
    """Writes each token's lexical class into ``token.tag_`` ("lex:loc", ...), where
    the tok2vec layer embeds it (attr TAG); ``reader_clear_features`` removes it
    again after the NER so no one mistakes it for a part-of-speech tag."""

    def __init__(self, nlp: Language) -> None:
        super().__init__()
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self._cache: dict[str, str] = {}

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        super().initialize(get_examples, nlp=nlp, data_path=data_path)
        self._cache = {}

    def from_disk(self, path, exclude=()):
        super().from_disk(path, exclude)
        self._cache = {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        for tok in doc:
            text = tok.text
            cls = cache.get(text)
            if cls is None:
                cls = _FEATURE_PREFIX + lexical_class(text, self.lists, self.stop_words)
                if len(cache) < 200_000:
                    cache[text] = cls
            tok.tag_ = cls
        return doc


@Language.component("reader_clear_features")
def clear_features(doc: Doc) -> Doc:
    for tok in doc:
        if tok.tag_.startswith(_FEATURE_PREFIX):
            tok.tag_ = ""
    return doc
