"""Short forms of names: "Die Kassenärztliche Vereinigung Niedersachsen (KVN)" defines "KVN".

News name an organisation once in full with its short form in brackets and then quote "die KVN";
GUIDELINES wants the fullest name the article gives as the speaker, and the pipeline often tags
only one of the two forms, or cuts the full one short ("Kassenärztliche Vereinigung" +
"Niedersachsen"). The letters of the short form say how far back the full name reaches: each word
of it gives its initial, and may give further letters from inside it (compounds: "Deutscher
Wetterdienst" → DWD, "Verkehrsclub Österreich" → VCÖ); function words may give their initial
("Landesamt für Denkmalpflege" → LfD) or none ("Bundesamt für Seeschifffahrt und Hydrographie" →
BSH). Nothing becomes a name that the pipeline did not tag at least once, in one of its two forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .names import PERSON, NameSpan

_BRACKETED = re.compile(r"\(([A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,7})\)")
_SHORT = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,7}$")  # two capitals at least: "EuGH", "BLfD"
_WORD = re.compile(r"[\wÄÖÜäöüß]+(?:-[\wÄÖÜäöüß]*)*")
_CLAUSE_BREAK = re.compile(r"[.;:!?„“”\"»«()]")
_FUNCTION_WORDS = frozenset(
    "für und der des den dem die das von vom zur zum in im am an auf de of and for the du la le et".split()
)
_LONGEST = 8  # words of a full name, at most
MIN_UNTAGGED_WORDS = 2  # words of a full name neither form of which the pipeline tagged
ORGANISATION = "ORG"
# heads of organisations' names that are no generic institution noun alone ("die Gesellschaft" is
# society, "die Verkehrsgesellschaft Oberhessen" a company)
_NAME_HEADS = ("gesellschaft", "bund", "werke", "betriebe", "dienst", "zentrum", "netzwerk", "verbund")


@dataclass(frozen=True)
class Definition:
    """A full name and the short form the text gives it in brackets right after it."""

    full_start: int
    full_end: int
    short_start: int
    short_end: int


@cache
def spells(short: str, words: tuple[str, ...]) -> bool:
    """Whether `short` is made of the words' letters: every content word gives its initial and
    perhaps letters from inside it, a function word its initial or nothing, in order."""
    letters = short.casefold()

    def match(at: int, word: int) -> bool:
        if word == len(words):
            return at == len(letters)
        lowered = words[word].casefold()
        if lowered in _FUNCTION_WORDS:
            return match(at, word + 1) or (at < len(letters) and lowered[0] == letters[at] and match(at + 1, word + 1))
        if at == len(letters) or lowered[0] != letters[at]:
            return False
        position, taken = 1, at + 1
        while True:
            if match(taken, word + 1):
                return True
            if taken == len(letters):
                return False
            position = lowered.find(letters[taken], position) + 1
            if position == 0:
                return False
            taken += 1

    return bool(words) and words[0].casefold() not in _FUNCTION_WORDS and match(0, 0)


def definitions(text: str) -> list[Definition]:
    """Every "Full Name (SHORT)" of the text whose letters tie the short form to the words before
    it; the full name is the fewest words that spell it, within its clause."""
    found = []
    for bracket in _BRACKETED.finditer(text):
        short = bracket.group(1)
        if not _SHORT.match(short):
            continue
        before = text[max(0, bracket.start() - 200) : bracket.start()]
        if before and not before[-1].isspace():
            continue
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause_start = breaks[-1].end() if breaks else 0
        words = list(_WORD.finditer(before, clause_start))[-_LONGEST:]
        offset = bracket.start() - len(before)
        for first in range(len(words) - 1, -1, -1):
            run = words[first:]
            if spells(short, tuple(w.group() for w in run)):
                found.append(
                    Definition(offset + run[0].start(), offset + run[-1].end(), bracket.start(1), bracket.end(1))
                )
                break
    return found


def with_short_forms(text: str, spans: list[NameSpan]) -> tuple[list[NameSpan], dict[str, str]]:
    """The spans with each defined full name as one span and every use of its short form tagged,
    and the short forms → their full names, where the pipeline tagged either form at the
    definition (with its label; never for a person: "Friedrich Merz (CDU)" is spelt by nothing)."""
    spans = sorted(spans, key=lambda span: span.start)
    aliases: dict[str, str] = {}
    for definition in definitions(text):
        inside = [s for s in spans if s.start < definition.full_end and definition.full_start < s.end]
        short = [s for s in spans if (s.start, s.end) == (definition.short_start, definition.short_end)]
        tagged = short + inside  # the short form's label, else the first part's: "Verkehrsclub Österreich"
        full = text[definition.full_start : definition.full_end]
        if not tagged and not _named_institution(full):
            continue
        if any(s.label == PERSON for s in tagged):
            continue
        if any(s.start < definition.full_start or s.end > definition.full_end for s in inside):
            continue  # a name reaching out of the words the short form spells is another name
        label = tagged[0].label if tagged else ORGANISATION
        acronym = text[definition.short_start : definition.short_end]
        spans = [s for s in spans if s not in inside]
        spans.append(NameSpan(definition.full_start, definition.full_end, label, full))
        taken = [(s.start, s.end) for s in spans]
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if not any(start < use.end() and use.start() < end for start, end in taken):
                spans.append(NameSpan(use.start(), use.end(), label, acronym))
        spans.sort(key=lambda span: span.start)
        aliases[acronym] = full
    return spans, aliases | _spelt_out(spans, aliases)


def _named_institution(full: str) -> bool:
    """ "Uckermärkische Verkehrsgesellschaft (UVG)": a full name the pipeline missed in both forms
    is still an organisation's when it is capitalised words (function words between) ending in
    an institution noun — the short form the text defines for it proves it a name."""
    words = full.split()
    if len(words) < MIN_UNTAGGED_WORDS or not all(w[:1].isupper() or w.casefold() in _FUNCTION_WORDS for w in words):
        return False
    last = words[-1].casefold().split("-")[-1]
    return last.endswith(lexicon.ORGANISATION_HEADS + _NAME_HEADS)


def _spelt_out(spans: list[NameSpan], defined: dict[str, str]) -> dict[str, str]:
    """A short form tagged without brackets anywhere ("der DWD" after "Der Deutsche Wetterdienst")
    is the one name of its label in the article whose words spell it; two such names, none."""
    out = {}
    names = {(s.text, s.label) for s in spans if " " in s.text and s.label != PERSON}
    for span in spans:
        if span.label == PERSON or span.text in defined or span.text in out or not _SHORT.match(span.text):
            continue
        spelt = {name for name, label in names if label == span.label and spells(span.text, tuple(name.split()))}
        if len(spelt) == 1:
            out[span.text] = spelt.pop()
    return out
