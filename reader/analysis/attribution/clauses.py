"""Clause boundaries within a region of words: where a clause or sentence ends."""

from __future__ import annotations

from ..mentions.word_rules import ACADEMIC_TITLES
from ..words import Word

_HARD_BOUNDARIES = frozenset({".", "!", "?", ";", ":"})
_CLAUSE_BOUNDARIES = _HARD_BOUNDARIES | {",", "(", ")", "–", "—"}


def _until_boundary(region: list[Word]) -> list[Word]:
    """The words after a quotation up to the next quotation or the end of its sentence (the
    period of a title is none: "sagt die Erstautorin Dr. Nadia Rahimi")."""
    for position, word in enumerate(region):
        if word.is_quote or (word.text in {".", "!", "?", ";", ":"} and not title_period(region, position)):
            return region[:position]
    return region


def title_period(region: list[Word], position: int) -> bool:
    """The word at `position` is the period of an academic title ("Dr.", "Prof.")."""
    return region[position].text == "." and position > 0 and region[position - 1].lower in ACADEMIC_TITLES


def _after_sentence_break(region: list[Word]) -> list[Word]:
    """The words after the last sentence break (a colon is no break: "sagte er: X müsse „…“")."""
    cut = 0
    for position, word in enumerate(region):
        if word.text in {".", "!", "?", ";"}:
            cut = position + 1
    return region[cut:]
