"""Round eight of issue 14: a surname that is also a common noun, after a finite verb."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from reader.analysis.lexicon import AUXILIARIES
from reader.nlp.components.doc_consistency import consistency_spans

COMMON = {"Brenner", "Ofen", "Trainer", "Ziel"}


def _spread(words: str) -> list[tuple[int, str]]:
    nlp = spacy.blank("de")
    nlp.add_pipe("reader_sentences")
    doc = nlp(Doc(nlp.vocab, words=words.split()))
    doc.ents = [Span(doc, 1, 3, label="PER")]
    out = consistency_spans(doc, is_common=lambda w: w in COMMON, finite_verbs=AUXILIARIES)
    return [(s.start, s.text) for s in out]


def test_a_surname_that_is_a_common_noun_spreads_after_a_finite_verb_that_ends_like_an_adjective() -> None:
    words = "Trainer Jonas Brenner kam . Im Ziel konnte Brenner es kaum fassen . „ Gut “ , sagte Brenner ."
    assert _spread(words) == [(1, "Jonas Brenner"), (8, "Brenner"), (18, "Brenner")]


def test_a_surname_that_is_a_common_noun_stays_a_noun_after_an_article_or_an_adjective() -> None:
    words = "Trainer Jonas Brenner kam . Der Brenner im Ofen und einen neuen Brenner . Die letzte Brenner"
    assert _spread(words) == [(1, "Jonas Brenner")]
