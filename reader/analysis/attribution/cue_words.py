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
