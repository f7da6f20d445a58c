"""Small questions the rule components ask of a Doc and its entities."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...text.marks import (
    QUOTES_NOT_APOSTROPHES,
)


def genitive_base(word: str) -> str | None:
    """'Trumps' -> 'Trump', 'Paris'' -> 'Paris', 'Putin’s' -> 'Putin'."""
    for suffix in ("’s", "'s", "s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return None


def overlaps(taken: list[bool], start: int, end: int) -> bool:
    return any(taken[start:end])


def taken_mask(doc: Doc) -> list[bool]:
    taken = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
    return taken


def set_ents(doc: Doc, new: list[Span]) -> None:
    if new:
        doc.ents = filter_spans(list(doc.ents) + new)


# what may stand between a sentence start and its first word
_OPENERS = frozenset(QUOTES_NOT_APOSTROPHES) | {"(", "[", "-", "–", "—", ":"}


def is_sentence_initial(doc: Doc, i: int) -> bool:
    """The token opens its sentence, perhaps after opening quotes, brackets or dashes."""
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].text in _OPENERS:
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)
