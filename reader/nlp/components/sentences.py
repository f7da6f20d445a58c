"""`reader_sentences`: rule-based sentence boundaries for German news, from tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d

from ...text.marks import (
    CLOSING_BRACKETS,
    GUILLEMETS,
    HIGH_QUOTES,
    LOW_QUOTES,
    OPENING_BRACKETS,
    SENTENCE_FINAL,
    STRAIGHT_QUOTES,
)

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
                # a straight quote glued to the previous token closes the quote
                if tt in AMBIGUOUS_QUOTES and tt != guillemets_open and not doc[j - 1].whitespace_:
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
            # spaCy's stub asks for thinc's Ints2d; a uint64 column is what Doc.to_array gives for SENT_START
            doc.from_array([SENT_START], cast("Ints2d", values.astype(np.uint64).reshape(-1, 1)))
        return doc

    def to_disk(self, path, exclude=()):  # settings live in the config
        pass

    def from_disk(self, path, exclude=()):
        return self

    def to_bytes(self, exclude=()):
        return b""

    def from_bytes(self, data, exclude=()):
        return self
