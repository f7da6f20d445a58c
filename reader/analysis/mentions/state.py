"""What the mention rules read and gather: the narration's words, entities and sentences; the
roles, genders and anaphors learned so far."""

from __future__ import annotations

from ...text.names import ARABIC_PARTICLES
from .. import lexicon
from ..results import Entity, RoleLink, Sentence
from ..words import Words


def _unambiguous_surnames(entities: list[Entity]) -> dict[str, Entity]:
    """Last words of the document's multi-word person names, each naming exactly one person
    ("Klein" of "Markus Klein"), so a surname the pipeline did not label alone still counts."""
    owners: dict[str, set[str]] = {}
    entity_of: dict[str, Entity] = {}
    for entity in entities:
        words = entity.text.split()
        if entity.label != "PER" or len(words) < 2:
            continue
        last = words[-1]
        if last[:1].isupper():
            forms = [last]
        elif last.split("-")[0] in ARABIC_PARTICLES and "-" in last:
            forms = [last, last[:1].upper() + last[1:]]  # "al-Rashid", and "Al-Rashid" opening a sentence
        else:
            continue
        for form in forms:
            owners.setdefault(form, set()).add(entity.key)
            entity_of[form] = entity
    return {surname: entity_of[surname] for surname, keys in owners.items() if len(keys) == 1}


def _organisation_heads(entities: list[Entity]) -> dict[str, Entity]:
    """Last words of the document's multi-word organisation names, each ending exactly one
    ("Bahn" of "Deutsche Bahn"): "die Bahn" then stands for that organisation."""
    owners: dict[str, set[str]] = {}
    entity_of: dict[str, Entity] = {}
    for entity in entities:
        words = entity.text.split()
        if words and words[0].lower() in lexicon.NAME_PREPOSITIONS:
            continue  # "Pro Bahn" is for the railway, no railway: "die Bahn" is not it
        if entity.label == "ORG" and len(words) > 1 and words[-1][:1].isupper() and words[-1].isalpha():
            owners.setdefault(words[-1], set()).add(entity.key)
            entity_of[words[-1]] = entity
    return {head: entity_of[head] for head, keys in owners.items() if len(keys) == 1 and head not in _PARTY_WORDS}


def _never_masculine_heads(heads: dict[str, Entity], entities: list[Entity], words: Words) -> frozenset[str]:
    """Heads of organisation names whose adjective in -e stands after "die" or no article ("die
    Deutsche Bahn", "Deutsche Bahn"), never after "der"/"das" ("der Schweizerische
    Gewerkschaftsbund"): a feminine noun, so "der Bahn" is a dative or a genitive, never a subject."""
    found = set()
    for head, entity in heads.items():
        if not entity.text.split()[0].endswith("e"):
            continue
        articles = {
            before[0].lower if before and before[0].lower in lexicon.ARTICLES else ""
            for other in entities
            if other.key == entity.key and other.text == entity.text
            for before in [words.before(other.start, 1)]
        }
        if articles <= {"die", ""}:
            found.add(head)
    return frozenset(found)


_PARTY_WORDS = frozenset({"Union", "Partei", "Linke", "Grünen"})  # "die Union" is a party of its own


class MentionState:
    """One article's narration as the mention rules see it, and what they have learned of it."""

    def __init__(self, words: Words, entities: list[Entity], sentences: list[Sentence]) -> None:
        self.words = words
        self.entities = sorted(entities, key=lambda e: e.start)
        self.sentences = sentences
        self._entity_at = {entity.start: entity for entity in self.entities}
        self._entity_starts = [entity.start for entity in self.entities]
        self.roles: list[RoleLink] = []
        self.genders: dict[str, str] = {}
        self._gender_conflicts: set[str] = set()  # people two appositions give different genders
        self.apposition_words: set[int] = set()  # word starts already used by an apposition
        self.anaphors: list[RoleLink] = []
        self.taken_up_as_men: set[str] = set()  # people a sentence-opening "Er" was resolved to (this pass)
        self.surnames = _unambiguous_surnames(self.entities)
        self.organisation_heads = _organisation_heads(self.entities)
        self.never_masculine_heads = _never_masculine_heads(self.organisation_heads, self.entities, words)
