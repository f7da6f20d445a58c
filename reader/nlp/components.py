"""Custom spaCy components of reader's German pipeline.

Importing this module registers the factories; :mod:`reader.nlp.pipeline`
imports it before ``spacy.load`` so a saved pipeline that names them can be
built.  Every component is a thin class around pure functions over ``Doc`` and
``Span``; all settings come from the pipeline config.

* ``reader_sentences`` - rule-based sentence boundaries for German news.
* ``reader_name_spans`` - span boundaries (role nouns, particles, quotation marks,
  English words) and spans that are no names (common nouns, compounds, sentence-
  initial lower-case words, languages and currencies).
* ``reader_gazetteer`` - adds names from compact word lists where the
  statistical NER found nothing (never overwrites).
* ``reader_person_names`` - first name + capitalised surname -> PER.
* ``reader_doc_consistency`` - a name labelled once is labelled everywhere in
  the document (also its genitive), a lone surname after the full name is PER.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..text.marks import (
    CLOSING_BRACKETS,
    GUILLEMETS,
    HIGH_QUOTES,
    LOW_QUOTES,
    OPENING_BRACKETS,
    QUOTES_NOT_APOSTROPHES,
    SENTENCE_FINAL,
    STRAIGHT_QUOTES,
)
from ..text.names import FOREIGN_CHAIN_STARTS, HYPHENATED_ARTICLES, LONE_PARTICLES, NAME_PARTICLES

# --------------------------------------------------------------------------
# sentence boundaries

# the tokens of final punctuation (the tokenizer keeps "..." and "?!" whole)
FINAL_PUNCT = frozenset(SENTENCE_FINAL) | {"...", "?!", "!?", "!!", "??", "!!!", "???"}
CLOSING = frozenset(HIGH_QUOTES + GUILLEMETS + CLOSING_BRACKETS)  # may follow the final punctuation
OPENING = frozenset(LOW_QUOTES + GUILLEMETS + OPENING_BRACKETS)  # may open the next sentence
AMBIGUOUS_QUOTES = frozenset(STRAIGHT_QUOTES + GUILLEMETS)  # open or close: the spacing tells


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
                if tt in FINAL_PUNCT or (tt in CLOSING and tt != guillemets_open):
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
            if nxt.text in (",", ";", ":") or (
                nxt.is_punct
                and nxt.text not in OPENING
                and nxt.text not in AMBIGUOUS_QUOTES
                and nxt.text not in ("-", "–", "—")
            ):
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
    """32-bit hash of a lowercased word (for the common-noun and word-score tables)."""
    return zlib.crc32(word.lower().encode("utf-8"))


class WordLists:
    """Names per label (exact strings, multi-token names joined by one space),
    a set of 32-bit hashes of lowercased common nouns and stop words, and scored
    tables (sorted word hashes with one small integer each)."""

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}
        self.first_names: set[str] = set()
        self.common_hashes: set[int] = set()
        self.tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.max_tokens = 1

    def is_common(self, word: str) -> bool:
        return word_hash(word) in self.common_hashes

    def score(self, table: str, word: str) -> int | None:
        """The table's value for ``word`` (lowercased), None when it is not listed."""
        keys, values = self.tables.get(table, (None, None))
        if keys is None or not len(keys):
            return None
        h = word_hash(word)
        k = int(np.searchsorted(keys, h))
        return int(values[k]) if k < len(keys) and keys[k] == h else None

    def set_table(self, table: str, scores: dict[int, int]) -> None:
        keys = np.array(sorted(scores), dtype=np.uint32)
        values = np.array([scores[int(k)] for k in keys], dtype=np.int8)
        self.tables[table] = (keys, values)

    def finish(self) -> None:
        self.max_tokens = max([1] + [name.count(" ") + 1 for names in self.names.values() for name in names])

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self.names or self.first_names:
            payload = {
                "names": {label: sorted(names) for label, names in sorted(self.names.items())},
                "first_names": sorted(self.first_names),
            }
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            # mtime 0: the same lists give the same bytes (and the same pipeline fingerprint)
            (path / "names.json.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        if self.common_hashes:
            np.save(path / "common.npy", np.array(sorted(self.common_hashes), dtype=np.uint32))
        if self.tables:
            arrays = {}
            for table, (keys, values) in self.tables.items():
                arrays[f"{table}.keys"], arrays[f"{table}.values"] = keys, values
            np.savez_compressed(path / "tables.npz", **arrays)

    @classmethod
    def from_disk(cls, path: Path) -> WordLists:
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
        tables_file = path / "tables.npz"
        if tables_file.exists():
            with np.load(tables_file) as arrays:
                for key in arrays.files:
                    if key.endswith(".keys"):
                        table = key[: -len(".keys")]
                        self.tables[table] = (arrays[key], arrays[f"{table}.values"])
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


@Language.factory("reader_gazetteer", default_config={"labels": ["LOC"], "relabel_from": [], "org_suffixes": []})
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
# name spans: where a name begins and ends, and which spans are no names

_ARABIC_ARTICLE = re.compile(rf"^(?:{'|'.join(HYPHENATED_ARTICLES)})-[A-ZÄÖÜ]")
# quotation marks (the apostrophe is left out: "Merz'" is a genitive)
QUOTE_MARKS = frozenset(QUOTES_NOT_APOSTROPHES)
_OPENERS = QUOTE_MARKS | {"(", "[", "-", "–", "—", ":"}
# heads of nouns that name what kind of organisation follows ("Chiphersteller Infineon")
ORGANISATION_TYPE_HEADS = (
    "konzern",
    "hersteller",
    "unternehmen",
    "firma",
    "zulieferer",
    "anbieter",
    "händler",
    "dienstleister",
    "versorger",
    "autobauer",
    "riese",
    "betreiber",
    "plattform",
    "netzwerk",
    "sender",
    "discounter",
    "startup",
    "start-up",
    "versicherer",
    "verlag",
    "marke",
)
_INFLECTED_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _is_sentence_initial(doc: Doc, i: int) -> bool:
    """The token opens its sentence, perhaps after opening quotes, brackets or dashes."""
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].text in _OPENERS:
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


class NameEvidence:
    """What the word lists say about one word: listed as a name, a common noun, a
    compound ending in a common noun, a word German writes in lower case."""

    def __init__(self, lists: WordLists, stop_words: frozenset[str], role_heads: tuple[str, ...]) -> None:
        self.lists = lists
        self.keep = lists.names.get("KEEP", set())
        self.keep_person = lists.names.get("KEEP_PER", set())
        self.not_names = lists.names.get("NOT_NAME", set())
        self.currencies = lists.names.get("CURRENCY", set())
        self.english = lists.names.get("EN_FUNCTION", set())
        self.stop_words = stop_words
        self.role_heads = role_heads

    def listed(self, text: str, label: str = "") -> bool:
        base = _genitive_base(text)
        for names in (self.keep, self.keep_person if label == "PER" else ()):
            if text in names or (base is not None and base in names):
                return True
        return False

    def is_common(self, word: str) -> bool:
        base = _genitive_base(word)
        return self.lists.is_common(word) or (base is not None and self.lists.is_common(base))

    def head(self, word: str) -> str | None:
        """The last part of a compound that is a known common noun ("Bauzeichnungen" ->
        "zeichnungen", "Nato-Partner" -> "partner"), None for no such split."""
        low = word.lower()
        if "-" in low:
            last = low.rsplit("-", 1)[1]
            if len(last) >= 3 and self.lists.is_common(last) and last not in self.stop_words:
                return last
        for k in range(3, len(low) - 3):
            part = low[k:]
            if part.isalpha() and self.lists.is_common(part) and part not in self.stop_words:
                return part
        return None

    def lowercase_score(self, word: str) -> int | None:
        """10·log10 of how much more often German writes the word in lower case."""
        return self.lists.score("lower", word)

    def head_share(self, head: str) -> int | None:
        """Percent of training tokens with this compound head that are names."""
        return self.lists.score("heads", head)

    def is_role(self, word: str) -> bool:
        low = word.lower()
        return low.endswith(self.role_heads) and (self.is_common(word) or self.head(word) is not None)


def _quote_free(doc: Doc, ent: Span) -> Span | None:
    """An entity never holds a quotation mark: the first piece between marks that
    begins with a capital letter."""
    if not any(ch in QUOTE_MARKS for tok in ent for ch in tok.text):
        return ent
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or any(ch in QUOTE_MARKS for ch in doc[i].text):
            if i > start and doc[start].text[:1].isupper():
                return Span(doc, start, i, label=ent.label_)
            start = i + 1
    return None


def _english_free(doc: Doc, ent: Span, english: set[str], sentence_initial) -> Span | None:
    """Lowercase English function words end a name ("Putin is a" -> "Putin"); an
    English one capitalised at a sentence start does not begin one ("We")."""
    start, end = ent.start, ent.end
    while start < end and doc[start].text.lower() in english and (doc[start].text.islower() or sentence_initial(start)):
        start += 1
    for i in range(start + 1, end):
        if doc[i].text in english and doc[i].text.islower():
            end = i
            break
    if start >= end:
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


class NameSpanRules:
    """The settings and steps of ``reader_name_spans`` (see :func:`name_spans`)."""

    def __init__(
        self,
        evidence: NameEvidence,
        *,
        labels,
        cut_quotes=True,
        cut_english=True,
        cut_leading=True,
        extend_particles=True,
        drop_nouns=True,
        drop_compounds=True,
        drop_not_names=True,
        currencies_as_misc=True,
        min_lower_score: int = 0,
        min_head_share: int = 50,
    ) -> None:
        self.ev = evidence
        self.currencies_as_misc = currencies_as_misc
        self.labels = frozenset(labels)
        self.cut_quotes = cut_quotes
        self.cut_english = cut_english
        self.cut_leading = cut_leading
        self.extend_particles = extend_particles
        self.drop_nouns = drop_nouns
        self.drop_compounds = drop_compounds
        self.drop_not_names = drop_not_names
        self.min_lower_score = min_lower_score
        self.min_head_share = min_head_share

    # -- boundaries --------------------------------------------------------

    def _lowercase_word_at(self, doc: Doc, i: int) -> bool:
        """A capitalised word that German writes in lower case, here at a sentence start."""
        text = doc[i].text
        if not _is_sentence_initial(doc, i):
            return False
        if text.lower() in self.ev.stop_words:
            return True
        score = self.ev.lowercase_score(text)
        return score is not None and score >= self.min_lower_score

    def _leading_cut(self, doc: Doc, ent: Span) -> Span:
        """Cut role nouns, common nouns and sentence-initial lower-case words off the front."""
        ev = self.ev
        start, label = ent.start, ent.label_
        while ent.end - start > 1:
            tok = doc[start]
            text = tok.text
            if ev.listed(doc[start : ent.end].text, label):
                break
            if text.lower() in NAME_PARTICLES and label == "PER":
                break
            if self._lowercase_word_at(doc, start) and (
                label == "PER"
                or not text.lower().endswith(_INFLECTED_ADJECTIVE_ENDINGS)
                or text.lower() in ev.stop_words
            ):
                start += 1
                continue
            if label == "PER":
                if text in ev.lists.first_names or ev.listed(text, "PER"):
                    break
                if not text[:1].isupper() or ev.is_common(text) or ev.head(text) is not None:
                    start += 1
                    continue
                break
            low = text.lower()
            if low.endswith(ORGANISATION_TYPE_HEADS) and (ev.is_common(text) or ev.head(text)):
                start += 1
                continue
            if ev.is_role(text):
                start += 1
                label = "PER"  # "Außenminister Lawrow": the rest is the person
                continue
            break
        if start == ent.start and label == ent.label_:
            return ent
        return Span(doc, start, ent.end, label=label)

    def _trailing_cut(self, doc: Doc, ent: Span) -> Span:
        """A name does not end in a lower-case function word ("Landgericht der")."""
        end = ent.end
        while (
            end - ent.start > 1
            and doc[end - 1].text.islower()
            and (doc[end - 1].text in self.ev.stop_words or doc[end - 1].text in NAME_PARTICLES)
        ):
            end -= 1
        return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)

    def _particle_name(self, doc: Doc, ent: Span, owner: list[int]) -> Span:
        """ "Ursula" + "von der Leyen" -> one PER span; "von der" + "Leyen" too."""
        n = len(doc)
        end = ent.end
        j = end
        while j < n and j - end < 3 and doc[j].text in NAME_PARTICLES:
            j += 1
        foreign = end < j and doc[end].text in FOREIGN_CHAIN_STARTS
        if end < j < n and self._surname_like(doc, j, owner, ent, foreign=foreign):
            end = j + 1
            while end < n and owner[end] == owner[j] and owner[j] >= 0:
                end += 1
        elif j == end and j < n and _ARABIC_ARTICLE.match(doc[j].text) and owner[j] < 0:
            end = j + 1  # "Abdel Fattah" + "al-Sisi"
        if (
            end < n
            and len(doc[end - 1].text) == 1
            and doc[end - 1].text.isupper()
            and doc[end].text == "."
            and not doc[end - 1].whitespace_
        ):
            end += 1  # "Thomas K." : a name does not end in a bare initial
        start = ent.start
        i = start
        while i > 0 and start - i < 3 and doc[i - 1].text.lower() in NAME_PARTICLES and owner[i - 1] < 0:
            i -= 1
        chain = [doc[k].text.lower() for k in range(i, start)]
        if chain:
            before = doc[i - 1] if i > 0 else None
            after_name = before is not None and (
                before.text in self.ev.lists.first_names or (owner[i - 1] >= 0 and doc[i - 1].ent_type_ == "PER")
            )
            opens = (len(chain) >= 2 and chain[0] in ("von", "van", "de")) or chain[0] in LONE_PARTICLES
            if chain[0] == "von" and doc[i].text == "Von" and _is_sentence_initial(doc, i) and len(chain) >= 2:
                opens = True
            if after_name and doc[i].text.islower() and chain[0] not in ("der", "den"):
                start = i - 1
                while start > 0 and owner[start - 1] >= 0 and owner[start - 1] == owner[i - 1]:
                    start -= 1
            elif opens and (doc[i].text.islower() or _is_sentence_initial(doc, i)):
                start = i
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label="PER")

    def _surname_like(self, doc: Doc, j: int, owner: list[int], ent: Span, *, foreign: bool = False) -> bool:
        tok = doc[j]
        if not (tok.text[:1].isupper() and tok.text.replace("-", "").isalpha()):
            return False
        if owner[j] >= 0 and doc[j].ent_type_ != "PER":
            return False
        ev = self.ev
        if tok.text.lower() in ev.stop_words:
            return False
        return foreign or (not ev.is_common(tok.text) and ev.head(tok.text) is None)

    # -- which spans are names ----------------------------------------------

    def keeps(self, doc: Doc, ent: Span) -> bool:
        ev = self.ev
        text = ent.text
        if len(ent) == 1 and text.endswith(".") and len(text) <= 6:
            return False  # an abbreviation alone ("Chr.", "Abs.") is no name
        if len(ent) > 1 or ent.label_ not in self.labels:
            return True
        if ev.listed(text, ent.label_):
            return True
        if self.drop_not_names and (text in ev.not_names or text.lower() in ev.stop_words):
            return False
        if len(text) > 1 and text.isupper():
            return True  # an acronym
        if self.cut_leading and self._lowercase_word_at(doc, ent.start):
            return False
        if self.drop_nouns and ev.is_common(text):
            return False
        if self.drop_compounds and text[:1].isupper():
            head = ev.head(text)
            if head is not None:
                share = ev.head_share(head)
                return share is not None and share >= self.min_head_share
        return True

    def __call__(self, doc: Doc) -> list[Span]:
        ents = list(doc.ents)
        out = []
        for ent in ents:
            if self.cut_quotes:
                ent = _quote_free(doc, ent)
            if ent is not None and self.cut_english:
                ent = _english_free(doc, ent, self.ev.english, lambda i: _is_sentence_initial(doc, i))
            if ent is not None and self.cut_leading:
                ent = self._trailing_cut(doc, self._leading_cut(doc, ent))
            if ent is not None:
                out.append(ent)
        if self.extend_particles:
            owner = [-1] * len(doc)
            for k, ent in enumerate(out):
                for i in range(ent.start, ent.end):
                    owner[i] = k
            out = [self._particle_name(doc, e, owner) if e.label_ == "PER" else e for e in out]
            out = filter_spans(out)
        out = [e for e in out if self.keeps(doc, e)]
        if self.drop_nouns:
            out = [trim_person_nouns(doc, e, self.ev) for e in out]
        if self.currencies_as_misc and self.ev.currencies:
            out = self._currencies(doc, out)
        return out

    def _currencies(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Currency names ("Euro", "US-Dollar", "Schweizer Franken") are MISC wherever they
        stand, whatever the NER made of them, as in GermEval 2014."""
        names = self.ev.currencies
        found = []
        i, n = 0, len(doc)
        while i < n:
            if doc[i].text[:1].isupper():
                for width in (3, 2, 1):
                    if i + width <= n and doc[i : i + width].text in names:
                        found.append(Span(doc, i, i + width, label="MISC"))
                        i += width - 1
                        break
            i += 1
        # a longer name holding the currency word stays as it is ("Euro 2024", "Euro-Gruppe")
        found = [c for c in found if not any(e.start <= c.start and c.end <= e.end and len(e) > len(c) for e in ents)]
        if not found:
            return ents
        taken = {k for span in found for k in range(span.start, span.end)}
        return sorted(found + [e for e in ents if not taken.intersection(range(e.start, e.end))], key=lambda e: e.start)


def trim_person_nouns(doc: Doc, ent: Span, ev: NameEvidence) -> Span:
    """Trailing common nouns are not part of a person's name ("Selenskyjs Büro" ->
    "Selenskyjs"), unless right after a first name."""
    if ent.label_ != "PER" or len(ent) < 2:
        return ent
    end = ent.end
    while (
        end - ent.start > 1
        and not ev.listed(doc[end - 1].text, "PER")
        and ev.lists.is_common(doc[end - 1].text)
        and not ev.listed(doc[end - 2].text, "PER")
    ):
        end -= 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


@Language.factory(
    "reader_name_spans",
    default_config={
        "labels": ["PER", "LOC", "ORG", "MISC"],
        "cut_quotes": True,
        "cut_english": True,
        "cut_leading": True,
        "extend_particles": True,
        "drop_nouns": True,
        "drop_compounds": True,
        "drop_not_names": True,
        "currencies_as_misc": True,
        "min_lower_score": 0,
        "min_head_share": 50,
    },
)
def make_name_spans(
    nlp: Language,
    name: str,
    labels: list[str],
    cut_quotes: bool,
    cut_english: bool,
    cut_leading: bool,
    extend_particles: bool,
    drop_nouns: bool,
    drop_compounds: bool,
    drop_not_names: bool,
    currencies_as_misc: bool,
    min_lower_score: int,
    min_head_share: int,
):
    return NameSpans(
        nlp,
        dict(
            labels=labels,
            cut_quotes=cut_quotes,
            cut_english=cut_english,
            cut_leading=cut_leading,
            extend_particles=extend_particles,
            drop_nouns=drop_nouns,
            drop_compounds=drop_compounds,
            drop_not_names=drop_not_names,
            currencies_as_misc=currencies_as_misc,
            min_lower_score=min_lower_score,
            min_head_share=min_head_share,
        ),
    )


class NameSpans(_ListComponent):
    """Fixes the NER's span boundaries and drops spans that are no names; the word
    lists say what a name, a common noun and a lower-case word are."""

    def __init__(self, nlp: Language, settings: dict) -> None:
        super().__init__()
        self.settings = settings
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self._rules = None

    def _ready(self) -> NameSpanRules:
        if self._rules is None:
            from reader.analysis.lexicon import ROLE_SUFFIXES

            evidence = NameEvidence(self.lists, self.stop_words, ROLE_SUFFIXES)
            self._rules = NameSpanRules(evidence, **self.settings)
        return self._rules

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        super().initialize(get_examples, nlp=nlp, data_path=data_path)
        self._rules = None

    def from_disk(self, path, exclude=()):
        super().from_disk(path, exclude)
        self._rules = None
        return self

    def __call__(self, doc: Doc) -> Doc:
        if doc.ents:
            kept = self._ready()(doc)
            if kept != list(doc.ents):
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
    """ "Putins Hände", "Trumps Limousine", "Alaska Hände" → the name alone, when the document
    names it alone elsewhere: a two-word entity ending in a common noun whose first word (or its
    genitive base) is a one-word entity of its own in this document, or a person's surname. "Deutsche Bank" or
    "Vereinigten Staaten" stay whole: their first word is never an entity by itself."""
    alone = {ent.text for ent in ents if len(ent) == 1}
    alone |= {
        ent[-1].text for ent in ents if ent.label_ == "PER" and len(ent) > 1
    }  # "Selenskyj" of "Wolodymyr Selenskyj"
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


# the noun before a name that says what kind of name it is ("der Konzern Infineon",
# "die Partei Volt", "die Stadt Hanau"); person roles come from reader.analysis.lexicon
ORGANISATION_NOUN_HEADS = ORGANISATION_TYPE_HEADS + (
    "partei",
    "verein",
    "verband",
    "gewerkschaft",
    "organisation",
    "stiftung",
    "bank",
    "institut",
    "behörde",
    "agentur",
    "zeitung",
    "magazin",
    "club",
    "klub",
    "gruppe",
    "bündnis",
)
PLACE_NOUN_HEADS = (
    "stadt",
    "gemeinde",
    "dorf",
    "ort",
    "kreis",
    "landkreis",
    "region",
    "provinz",
    "bundesland",
    "hauptstadt",
    "metropole",
    "insel",
    "fluss",
    "staat",
    "kanton",
    "bezirk",
    "stadtteil",
)


def evidence_labels(
    doc: Doc,
    ents: list[Span],
    *,
    listed: dict[str, str],
    org_suffixes: frozenset[str],
    role_heads: tuple[str, ...],
    is_common,
) -> dict[str, str]:
    """Labels the text itself proves, stronger than any vote: a name of the word lists
    ("known lists"), a legal form after the name ("Infineon AG"), or a kind-of noun right
    before it ("der Konzern Infineon", "die Stadt Hanau", "Ministerin Warken")."""
    found: dict[str, Counter] = defaultdict(Counter)
    for ent in ents:
        text = ent.text
        base = _genitive_base(text)
        for name in (text, base):
            if name and name in listed:
                found[text][listed[name]] += 1
        if ent.end < len(doc) and doc[ent.end].text in org_suffixes:
            found[text]["ORG"] += 1
        if ent.start > 0:
            before = doc[ent.start - 1]
            low = before.text.lower()
            if before.text[:1].isupper() and is_common(before.text):
                if low.endswith(ORGANISATION_NOUN_HEADS):
                    found[text]["ORG"] += 1
                elif low.endswith(PLACE_NOUN_HEADS):
                    found[text]["LOC"] += 1
                elif low.endswith(role_heads) and len(ent) <= 3:
                    found[text]["PER"] += 1
    return {text: counter.most_common(1)[0][0] for text, counter in found.items()}


def particle_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Ursula von der Leyen" ... "von der Leyen": a lone surname takes the particles its
    full name has in this document, where they stand before it ("Von der Leyen sagte")."""
    chains: dict[str, tuple[str, ...]] = {}
    for ent in ents:
        if ent.label_ == "PER" and len(ent) > 2:
            k = ent.end - 1
            while k - 1 > ent.start and doc[k - 1].text.lower() in NAME_PARTICLES:
                k -= 1
            if k < ent.end - 1:
                chains[ent[-1].text] = tuple(t.text.lower() for t in doc[k : ent.end - 1])
    if not chains:
        return ents
    out = []
    for ent in ents:
        chain = chains.get(ent.text) if ent.label_ == "PER" and len(ent) == 1 else None
        if chain and ent.start >= len(chain):
            start = ent.start - len(chain)
            words = doc[start : ent.start]
            if (
                tuple(t.text.lower() for t in words) == chain
                and (words[0].text.islower() or _is_sentence_initial(doc, start))
                and not any(t.ent_type_ for t in words)
            ):
                ent = Span(doc, start, ent.end, label="PER")
        out.append(ent)
    return out


def consistency_spans(
    doc: Doc,
    *,
    is_common=lambda w: False,
    stop_words: frozenset[str] = frozenset(),
    relabel: bool = True,
    min_chars: int = 2,
    min_votes: int = 1,
    listed: dict[str, str] | None = None,
    org_suffixes: frozenset[str] = frozenset(),
    role_heads: tuple[str, ...] = (),
) -> list[Span]:
    """Return the doc's entities made consistent across the document.

    * every labelled name (and its genitive / base form) is labelled at its other
      unlabelled occurrences, with its majority label, when it has ``min_votes``
      votes (a two-word name counts two) or the text proves its label;
    * a label the text proves (:func:`evidence_labels`) beats any majority;
    * the last word of a multi-word PER name ("Trump" of "Donald Trump") is PER
      where it stands alone later, with the name's particles ("von der Leyen");
    * with ``relabel``, an occurrence labelled differently from the name's
      majority takes the majority label.
    """
    ents = trim_trailing_nouns(doc, list(doc.ents), is_common)
    votes: dict[str, Counter] = defaultdict(Counter)
    for ent in ents:
        text = ent.text
        votes[text][ent.label_] += 2 if len(ent) > 1 else 1
    proven = evidence_labels(
        doc, ents, listed=listed or {}, org_suffixes=org_suffixes, role_heads=role_heads, is_common=is_common
    )
    surname_of: dict[str, str] = {}
    for ent in ents:
        if ent.label_ == "PER" and len(ent) > 1:
            last = ent[-1].text
            if last[:1].isupper() and len(last) >= min_chars and last not in proven:
                surname_of[last] = "PER"
    known: dict[str, str] = {}
    for text, counter in votes.items():
        if text in proven:
            known[text] = proven[text]
        elif sum(counter.values()) >= min_votes:
            known[text] = counter.most_common(1)[0][0]
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
            if e.text in proven:
                target = proven[e.text]
                return e if target == e.label_ else Span(doc, e.start, e.end, label=target)
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
        return particle_surnames(doc, ents)
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
    return particle_surnames(doc, filter_spans(ents + new))


@Language.factory(
    "reader_doc_consistency",
    default_config={"relabel": True, "min_chars": 2, "min_votes": 1, "use_evidence": True, "org_suffixes": []},
)
def make_doc_consistency(
    nlp: Language, name: str, relabel: bool, min_chars: int, min_votes: int, use_evidence: bool, org_suffixes: list[str]
):
    return DocConsistency(
        nlp,
        relabel=relabel,
        min_chars=min_chars,
        min_votes=min_votes,
        use_evidence=use_evidence,
        org_suffixes=org_suffixes,
    )


class DocConsistency(_ListComponent):
    def __init__(
        self,
        nlp: Language,
        *,
        relabel: bool = True,
        min_chars: int = 2,
        min_votes: int = 1,
        use_evidence: bool = True,
        org_suffixes: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.relabel = relabel
        self.min_chars = min_chars
        self.min_votes = min_votes
        self.use_evidence = use_evidence
        self.org_suffixes = frozenset(org_suffixes)
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self._listed: dict[str, str] | None = None

    def listed(self) -> dict[str, str]:
        """The word lists' names with their label (a name on two lists is on neither)."""
        if self._listed is None:
            labels: dict[str, set[str]] = defaultdict(set)
            for label, names in self.lists.names.items():
                for name in names:
                    labels[name].add(label)
            self._listed = {name: next(iter(ls)) for name, ls in labels.items() if len(ls) == 1}
        return self._listed

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        super().initialize(get_examples, nlp=nlp, data_path=data_path)
        self._listed = None

    def from_disk(self, path, exclude=()):
        super().from_disk(path, exclude)
        self._listed = None
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        from reader.analysis.lexicon import ROLE_SUFFIXES

        evidence = self.use_evidence
        doc.ents = consistency_spans(
            doc,
            is_common=self.lists.is_common,
            stop_words=self.stop_words,
            relabel=self.relabel,
            min_chars=self.min_chars,
            min_votes=self.min_votes,
            listed=self.listed() if evidence else None,
            org_suffixes=self.org_suffixes if evidence else frozenset(),
            role_heads=ROLE_SUFFIXES if evidence else (),
        )
        return doc


# --------------------------------------------------------------------------
# lexical classes as an input feature of the statistical NER

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
