"""Roles learned from appositions ("Kremlchef Wladimir Putin", "Donald Trump, der amerikanische
Präsident"), and which person a role key means across the library's articles."""

from __future__ import annotations

from collections import Counter

from .. import cue_lexicon, lexicon
from ..results import Entity, RoleLink
from ..words import Word
from .referents import Referent
from .state import MentionState
from .word_rules import (
    _ADJECTIVE,
    _CAPITAL_ADJECTIVE,
    FUNCTION_WORDS,
    _looks_role,
    _role_gender,
    before_titles,
    role_key,
)

# words between a role noun and the comma before the name it is tied to: "der innenpolitische Sprecher
# der CDU-Fraktion in der Hamburgischen Bürgerschaft, X" has six; a verb of saying between ends the search
APPOSITION_BACK = 9
ANAPHOR_MIN_VOTES = 2
ANAPHOR_MIN_SHARE = 2 / 3
_CUE_FORMS = cue_lexicon.cue_forms()
_GENITIVE_ARTICLES = frozenset({"der", "des", "eines", "einer"})


class RoleLearning(MentionState):
    """The apposition rules: role nouns tied to named people."""

    # ---- roles learned from appositions -------------------------------------------------
    def learn_roles(self) -> list[RoleLink]:
        """Appositions tying a role noun to a named person, before or after the name."""
        items = self.words.items
        by_start = {word.start: i for i, word in enumerate(items)}
        for entity in self.entities:
            if entity.label != "PER" or entity.start not in by_start:
                continue
            i = by_start[entity.start]
            role = before_titles(items, i - 1)  # "Mitautorin Dr. Anna Roth": the title is neither
            # "[der] [adj…] Kremlchef Wladimir Putin"
            if role >= 0 and _looks_role(items[role]) and items[role].end < entity.start:
                adjectives, first = self._adjectives_before(role)
                while (
                    first > 0
                    and items[first].lower not in lexicon.ARTICLES
                    and (_looks_role(items[first - 1]) or _CAPITAL_ADJECTIVE.match(items[first - 1].text))
                    and items[first - 1].lower not in FUNCTION_WORDS
                ):
                    first -= 1  # "Die Vorsitzende Richterin Dorothea Lindemann": both roles are hers
                    if first > 0 and items[first - 1].lower in lexicon.ARTICLES:
                        first -= 1
                self._link(adjectives, items[role], entity, items[first].start, entity.end, items[first].lower)
                self.apposition_words.update(items[j].start for j in range(first, i))
            # "Der haushaltspolitische Sprecher der Unionsfraktion, Tobias Wendland, …"
            if i > 1 and items[i - 1].text == ",":
                for back in range(i - 2, max(-1, i - 2 - APPOSITION_BACK), -1):
                    if items[back].text in {",", ".", "!", "?", ":", ";"} or items[back].is_quote:
                        break
                    if items[back].lower in _CUE_FORMS:
                        break  # "Der Sprecher sagte am Montag in Berlin, Max Müller habe …": no apposition
                    if _looks_role(items[back]) and (
                        back == 0
                        or items[back - 1].lower in lexicon.ARTICLES
                        or items[back - 1].lower in lexicon.POSSESSIVE_DETERMINERS  # "Sein Vorsitzender, X,"
                        or _ADJECTIVE.match(items[back - 1].text)
                    ):
                        back = self._genitive_head(back, i - 2 - APPOSITION_BACK)
                        adjectives, first = self._adjectives_before(back)
                        self._link(adjectives, items[back], entity, items[first].start, entity.end, items[first].lower)
                        break
            # "Wladimir Putin, der russische Präsident" / "Trump - der selbsterklärte Deal-Macher"
            j = self.words.index_at(entity.end)
            if j + 1 < len(items) and items[j].text in {",", "–", "—", "-"}:
                k = j + 1
                determiner = items[k].lower if items[k].lower in lexicon.ARTICLES else ""
                genitive = not determiner and _saxon_genitive(items, k)
                if determiner or genitive:
                    k += 1  # "Marlene Kubasch, Ronnys Frau, …": a name's genitive is the determiner
                adjectives = []
                while k < len(items) and _ADJECTIVE.match(items[k].text) and not _looks_role(items[k]):
                    adjectives.append(items[k].text)
                    k += 1
                closed = k + 1 < len(items) and items[k + 1].text in {",", "–", "—", "-"}
                if k < len(items) and _looks_role(items[k]) and (closed or not genitive):
                    self._link(adjectives, items[k], entity, entity.start, items[k].end, determiner)
                    self.apposition_words.update(items[m].start for m in range(j + 1, k + 1))
        return self.roles

    def _adjectives_before(self, noun_index: int) -> tuple[list[str], int]:
        items = self.words.items
        first = noun_index
        adjectives: list[str] = []
        while (
            first > 0
            and _ADJECTIVE.match(items[first - 1].text)
            and items[first - 1].lower not in FUNCTION_WORDS
            and items[first - 1].lower not in lexicon.POSSESSIVE_DETERMINERS
        ):
            first -= 1
            adjectives.insert(0, items[first].text)
        if first > 0 and (
            items[first - 1].lower in lexicon.ARTICLES or items[first - 1].lower in lexicon.POSSESSIVE_DETERMINERS
        ):
            first -= 1
        return adjectives, first

    def _genitive_head(self, found: int, limit: int) -> int:
        """The role noun that heads an apposition: "die Fraktionschefin der Demokraten im
        Repräsentantenhaus, Rebecca Thornton" is the Fraktionschefin, whose genitive complement
        the nearer role noun ("der Demokraten") is."""
        items = self.words.items
        head = found
        for back in range(found - 2, max(-1, limit), -1):
            if items[back].text in {",", ".", "!", "?", ":", ";"} or items[back].is_quote:
                break
            if items[back + 1].lower in _GENITIVE_ARTICLES and _looks_role(items[back]):
                head = back
        return head

    def _link(
        self, adjectives: list[str], noun: Word, entity: Entity, start: int, end: int, determiner: str = ""
    ) -> None:
        key = role_key(adjectives, noun.text)
        self.roles.append(RoleLink(key, entity.key, entity.name, start, end))
        gender = _role_gender(noun.text.split("-")[-1], determiner)
        known = self.genders.get(entity.key, "")
        if entity.key in self._gender_conflicts or (known and gender and known != gender):
            self._gender_conflicts.add(entity.key)
            gender = ""
        self.genders[entity.key] = gender or known

    def role_table(self, links: list[RoleLink]) -> dict[str, Referent]:
        return {
            role: Referent(key, name, gender=self.gender(key, name)) for role, (key, name) in role_owners(links).items()
        }

    def gender(self, key: str, name: str) -> str:
        """The gender the text gives the person (an apposition's role noun, "Frau", "Herr"), else ""."""
        return self.genders.get(key, "")


def role_owners(links: list[RoleLink]) -> dict[str, tuple[str, str]]:
    """Role key → (person key, name). An apposition decides alone; a role two appositions tie to
    two people is ambiguous and dropped. A role with no apposition is decided by anaphor votes
    for people known by their full name: at least two, and two thirds of them, for one person."""
    appositions: dict[str, set[str]] = {}
    votes: dict[str, Counter[str]] = {}
    names: dict[str, Counter[str]] = {}
    for link in links:
        names.setdefault(link.key, Counter())[link.name] += 1
        if link.kind == "apposition":
            appositions.setdefault(link.role, set()).add(link.key)
        elif " " in link.key:  # anaphors vote only for people known by their full name
            votes.setdefault(link.role, Counter())[link.key] += 1
    owners = {role: next(iter(keys)) for role, keys in appositions.items() if len(keys) == 1}
    for role, counter in votes.items():
        if role in appositions:
            continue
        (key, count), total = counter.most_common(1)[0], sum(counter.values())
        if count >= ANAPHOR_MIN_VOTES and count >= ANAPHOR_MIN_SHARE * total:
            owners[role] = key
    return {role: (key, names[key].most_common(1)[0][0]) for role, key in owners.items()}


def _saxon_genitive(items: list[Word], k: int) -> bool:
    """A capitalised word in -s before a role noun or adjective: a prenominal genitive ("Ronnys
    Frau", "Deutschlands bekanntester Koch"), which stands where the article would; the caller
    asks for the apposition's closing comma ("Deniz Yilmaz, Pauls Bruder und …" is a list)."""
    word = items[k]
    return (
        word.is_word
        and word.capitalized
        and word.text.endswith("s")
        and word.lower not in FUNCTION_WORDS
        and k + 1 < len(items)
        and (_looks_role(items[k + 1]) or bool(_ADJECTIVE.match(items[k + 1].text)))
    )
