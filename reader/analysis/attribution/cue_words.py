"""Which words are cues (verbs, nouns and prepositions that introduce reported speech), by the cue lexicon."""

from __future__ import annotations

from .. import cue_lexicon
from ..words import Word

_CUE_FORMS = cue_lexicon.cue_forms()


def cue_category(form: str) -> str:
    """SAY, THINK or CHARACTERISE for a cue verb form (a separable verb's finite form: SAY)."""
    found = _CUE_FORMS.get(form.lower())
    return found[1] if found else cue_lexicon.SAY


def is_cue_word(word: Word) -> bool:
    """A verb form that introduces speech without needing a particle ("sagte", "festgestellt")."""
    return word.lower in _CUE_FORMS and word.text[:1].islower()


# what "spricht" has as subject when it is evidence: "vieles spricht für …", "nichts spricht dagegen"
_EVIDENCE_SUBJECTS = frozenset({"vieles", "einiges", "alles", "nichts", "manches", "weniges", "wenig", "mehr"})


def speaks_for(words: list[Word], position: int) -> bool:
    """ "Mittelfristig spreche vieles für hohe Preise", "Dafür spricht, dass …": "sprechen für"
    with a thing as subject is evidence, no one speaking ("Dafür sprach sich X aus" is speech)."""
    found = cue_lexicon.cue_forms().get(words[position].lower)
    if found is None or found[0] != "sprechen":
        return False
    after = words[position + 1].lower if position + 1 < len(words) else ""
    before = words[position - 1].lower if position > 0 else ""
    if after in _EVIDENCE_SUBJECTS or before in _EVIDENCE_SUBJECTS:
        return True
    return before in {"dafür", "dagegen"} and after != "sich"


# what opens a clause that asks or names what is said ("Was die Nachbarn dazu sagen, …")
_QUESTION_OPENERS = frozenset({"was", "wer", "ob", "wie", "wann", "warum", "weshalb", "wieso", "worüber"})
_CLAUSE_ENDS = frozenset({",", ".", "!", "?", ";", ":", "(", ")", "–", "—"})


def in_question_clause(words: list[Word], position: int) -> bool:
    """ "Was die Nachbarn dazu sagen, sei ihm nicht egal": a cue verb closing a clause that opens
    with an interrogative is what is talked about, no report of its own."""
    after = words[position + 1].text if position + 1 < len(words) else ","
    if after not in _CLAUSE_ENDS:
        return False  # the verb of a clause that asks stands at its end
    k = position - 1
    while k >= 0 and words[k].text not in _CLAUSE_ENDS and not words[k].is_quote:
        k -= 1
    return k + 1 < position and words[k + 1].lower in _QUESTION_OPENERS
