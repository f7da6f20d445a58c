"""Clause boundaries within a region of words: where a clause or sentence ends."""

from __future__ import annotations

from ..words import Word

_HARD_BOUNDARIES = frozenset({".", "!", "?", ";", ":"})
_CLAUSE_BOUNDARIES = _HARD_BOUNDARIES | {",", "(", ")", "–", "—"}


def _until_boundary(region: list[Word]) -> list[Word]:
    """The words after a quotation up to the next quotation or the end of its sentence."""
    for position, word in enumerate(region):
        if word.is_quote or word.text in {".", "!", "?", ";", ":"}:
            return region[:position]
    return region


def _after_sentence_break(region: list[Word]) -> list[Word]:
    """The words after the last sentence break (a colon is no break: "sagte er: X müsse „…“")."""
    cut = 0
    for position, word in enumerate(region):
        if word.text in {".", "!", "?", ";"}:
            cut = position + 1
    return region[cut:]
