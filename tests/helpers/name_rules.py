"""The name-span rules over small hand-made word lists, and Docs with preset NER spans: what the
rule tests of tests/nlp build their sentences on."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import spacy
from spacy.tokens import Doc, Span

from reader.nlp.components.name_spans import NameEvidence, NameSpanRules
from reader.nlp.components.word_lists import WordLists, word_hash


def name_rules(
    common: Iterable[str] = (),
    keep: Iterable[str] = (),
    first: Iterable[str] = (),
    lower: Mapping[str, int] | None = None,
    heads: Mapping[str, int] | None = None,
    english: Iterable[str] = (),
    not_names: Iterable[str] = ("Englisch",),
    currencies: Iterable[str] = (),
    **settings: Any,
) -> NameSpanRules:
    """NameSpanRules whose word lists hold just these words."""
    lists = WordLists()
    lists.common_hashes = {word_hash(w) for w in common}
    lists.names = {
        "KEEP": set(keep),
        "KEEP_PER": set(first),
        "NOT_NAME": set(not_names),
        "EN_FUNCTION": set(english),
    }
    if currencies:
        lists.names["CURRENCY"] = set(currencies)
    lists.first_names = set(first)
    lists.set_table("lower", {word_hash(w): score for w, score in (lower or {}).items()})
    lists.set_table("heads", {word_hash(w): share for w, share in (heads or {}).items()})
    stop_words = frozenset(spacy.blank("de").Defaults.stop_words)
    return NameSpanRules(
        NameEvidence(lists, stop_words, ("ministerin", "rechtler", "rätin")),
        labels=["PER", "LOC", "ORG", "MISC"],
        **settings,
    )


def preset(words: str, spans: list[tuple[int, int, str]]) -> Doc:
    """The space-separated words as a Doc with sentences and these entity spans (token offsets)."""
    nlp = spacy.blank("de")
    nlp.add_pipe("reader_sentences")
    doc = nlp(Doc(nlp.vocab, words=words.split()))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


def spans_of(rules: NameSpanRules, doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in rules(doc)]
