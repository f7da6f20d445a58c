"""Who the narration talks about: names, role nouns and pronouns, each resolved to a person.

Role nouns are learned from the article's own appositions ("Kremlchef Wladimir Putin",
"Donald Trump, der amerikanische Präsident"); a role the article never ties to anyone stays
unresolved (its key travels on, so the library can resolve it from another article). A pronoun
goes to the topic (first nominative person) of its own sentence before it, else of the nearest
earlier sentence that has one, with a compatible gender.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..text.names import ARABIC_PARTICLES, CHAIN_PARTICLES
from . import cue_lexicon, lexicon
from .cue_lexicon import cue_forms
from .names import name_key
from .results import Entity, RoleLink, Sentence
from .words import Word, Words

# Who can speak: people, organisations and outlets ("CNN analysierte"), and places standing for
# their governments ("Moskau erklärte"). MISC (events, works, slogans) never speaks.
SPEAKER_LABELS = frozenset({"PER", "ORG", "LOC"})
SINGULAR_MASCULINE_ARTICLES = frozenset({"der", "dem", "des"})  # "den" may be a dative plural
PRONOUN_LOOKBACK_SENTENCES = 3
DEFINITE_LOOKBACK_SENTENCES = 3
APPOSITION_BACK = 6  # words between a role noun and the comma before the name it is tied to
ANAPHOR_LOOKBACK_SENTENCES = 2
ANAPHOR_MIN_VOTES = 2
ANAPHOR_MIN_SHARE = 2 / 3
_ADJECTIVE = re.compile(r"^(?:\d+-)?[a-zäöüß][\wäöüß-]*(?:e|en|er|es|em)$")
_CAPITAL_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:ige|ische|ene|ale|are|e)$")
FUNCTION_WORDS = (
    lexicon.ARTICLES
    | lexicon.PREPOSITIONS
    | {
        "und",
        "oder",
        "aber",
        "doch",
        "denn",
        "als",
        "wie",
        "wenn",
        "dass",
        "ob",
        "weil",
        "auch",
        "nur",
        "noch",
        "schon",
        "nicht",
        "so",
        "da",
        "dann",
        "nun",
        "jetzt",
        "hier",
        "dort",
        "statt",
        "anstatt",
        "während",
        "laut",
        "selbst",
        "sogar",
        "etwa",
    }
)


def _unambiguous_surnames(entities: list[Entity]) -> dict[str, Entity]:
    """Last words of the document's multi-word person names, each naming exactly one person
    ("Klein" of "Markus Klein"), so a surname the pipeline did not label alone still counts."""
    owners: dict[str, set[str]] = {}
    entity_of: dict[str, Entity] = {}
    for entity in entities:
        words = entity.text.split()
        if entity.label == "PER" and len(words) > 1 and words[-1][:1].isupper():
            owners.setdefault(words[-1], set()).add(entity.key)
            entity_of[words[-1]] = entity
    return {surname: entity_of[surname] for surname, keys in owners.items() if len(keys) == 1}


@dataclass(frozen=True, slots=True)
class Referent:
    """Whom a mention means: a known person (key), an unresolved role, or nobody known."""

    key: str | None = None
    name: str | None = None
    role: str | None = None
    label: str = "PER"
    gender: str = ""  # "m", "f", "n" or "" when the text does not tell
    kind: str = ""  # what an unnamed referent is: role, group, organisation ("" for a name)
    text: str | None = None  # how the text wrote an unnamed referent ("ein Feuerwehrsprecher")

    @property
    def known(self) -> bool:
        return self.key is not None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # name, role, pronoun, possessive, indefinite, organisation, group
    case: str  # nom, gen, obl (after a preposition or dative/accusative article), src (laut X)
    referent: Referent
    text: str


def role_key(adjectives: list[str], noun: str) -> str:
    """A role noun with its meaningful adjectives, inflection removed: "russisch präsident"."""
    parts: list[str] = []
    for adjective in adjectives:
        stem = re.sub(r"(?:en|em|er|es|e)$", "", adjective.lower())
        if stem in lexicon.ROLE_NOISE_ADJECTIVES or re.match(r"^\d", stem):
            continue
        parts.append(lexicon.NATIONALITY_SYNONYMS.get(stem, stem))
    for piece in noun.lower().split("-"):
        if not piece.isdigit():  # "27-Jährige" is the role "jährige"
            parts.append(lexicon.NATIONALITY_SYNONYMS.get(piece, piece))
    parts[-1] = role_noun_base(parts[-1])
    return " ".join(part for part in parts if part)


def role_noun_base(noun: str) -> str:
    """Nominative singular of a role noun: "präsidenten" → "präsident", "botschafters" → "botschafter"."""
    for ending in ("en", "n", "s", "es"):
        if noun.endswith(ending) and is_role_noun(noun[: -len(ending)]):
            return noun[: -len(ending)]
    return noun


def is_role_noun(word: str) -> bool:
    return _is_role_noun(word.lower())


@lru_cache(maxsize=1 << 16)
def _is_role_noun(lower: str) -> bool:
    return lower.endswith(lexicon.ROLE_SUFFIXES)


_NAME_PARTICLES = frozenset(
    particle.capitalize() for particle in CHAIN_PARTICLES | ARABIC_PARTICLES
)  # "Von Hohenberg sagte"
_AGE_NOUN = re.compile(r"^\d+-[A-ZÄÖÜ]")  # "die 27-Jährige", "der 24-Jährige": a person by age


def _looks_role(word: Word) -> bool:
    if not word.is_word or word.lower in FUNCTION_WORDS or not (word.capitalized or _AGE_NOUN.match(word.text)):
        return False
    return _role_head(word.lower)


@lru_cache(maxsize=1 << 16)
def _role_head(lower: str) -> bool:
    return is_role_noun(role_noun_base(lower.split("-")[-1]))


def _looks_organisation(word: Word) -> bool:
    """A common noun naming an institution: "Gewerkschaft", "Bundesverfassungsgericht", "Amt"."""
    if not (word.is_word and word.capitalized) or word.lower in FUNCTION_WORDS:
        return False
    return _organisation_head(word.lower)


@lru_cache(maxsize=1 << 16)
def _organisation_head(lower: str) -> bool:
    last = lower.split("-")[-1]
    return last.endswith(lexicon.ORGANISATION_HEADS) or (
        last.endswith("s") and last.removesuffix("s").removesuffix("e").endswith(lexicon.ORGANISATION_HEADS)
    )


def _gender_of_determiner(determiner: str) -> str:
    return {"der": "m", "ein": "m", "die": "f", "eine": "f", "das": "n"}.get(determiner, "")


def _name_word(word: Word) -> bool:
    text = word.text
    if not (word.is_word and word.capitalized) or word.lower in FUNCTION_WORDS or _looks_role(word):
        return False
    return bool(re.fullmatch(r"[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?|[A-Z]\.", text))


def _gender_of_role(noun: str) -> str:
    base = role_noun_base(noun.lower())
    if base.endswith("innen"):
        return "f"
    feminine = base.endswith("in") and (
        is_role_noun(base[:-2]) or any(s.endswith("in") and base.endswith(s) for s in lexicon.ROLE_SUFFIXES)
    )
    return "f" if feminine else "m"


def _first_name_gender(name: str) -> str:
    first = name.split(" ")[0]
    return "f" if first.endswith("a") and len(first) > 2 else ""


class MentionFinder:
    """Find and resolve the person mentions of one article's narration."""

    def __init__(self, words: Words, entities: list[Entity], sentences: list[Sentence]) -> None:
        self.words = words
        self.entities = sorted(entities, key=lambda e: e.start)
        self.sentences = sentences
        self._entity_at = {entity.start: entity for entity in self.entities}
        self._entity_starts = [entity.start for entity in self.entities]
        self.roles: list[RoleLink] = []
        self.genders: dict[str, str] = {}
        self.apposition_words: set[int] = set()  # word starts already used by an apposition
        self.anaphors: list[RoleLink] = []
        self.surnames = _unambiguous_surnames(self.entities)

    # ---- roles learned from appositions -------------------------------------------------
    def learn_roles(self) -> list[RoleLink]:
        """Appositions tying a role noun to a named person, before or after the name."""
        items = self.words.items
        by_start = {word.start: i for i, word in enumerate(items)}
        for entity in self.entities:
            if entity.label != "PER" or entity.start not in by_start:
                continue
            i = by_start[entity.start]
            # "[der] [adj…] Kremlchef Wladimir Putin"
            if i > 0 and _looks_role(items[i - 1]) and items[i - 1].end < entity.start:
                adjectives, first = self._adjectives_before(i - 1)
                while (
                    first > 0
                    and items[first].lower not in lexicon.ARTICLES
                    and (_looks_role(items[first - 1]) or _CAPITAL_ADJECTIVE.match(items[first - 1].text))
                    and items[first - 1].lower not in FUNCTION_WORDS
                ):
                    first -= 1  # "Die Vorsitzende Richterin Dorothea Lindemann": both roles are hers
                    if first > 0 and items[first - 1].lower in lexicon.ARTICLES:
                        first -= 1
                self._link(adjectives, items[i - 1], entity, items[first].start, entity.end)
                self.apposition_words.update(items[j].start for j in range(first, i))
            # "Der haushaltspolitische Sprecher der Unionsfraktion, Tobias Wendland, …"
            if i > 1 and items[i - 1].text == ",":
                for back in range(i - 2, max(-1, i - 2 - APPOSITION_BACK), -1):
                    if items[back].text in {",", ".", "!", "?", ":", ";"} or items[back].is_quote:
                        break
                    if _looks_role(items[back]) and (
                        back == 0 or items[back - 1].lower in lexicon.ARTICLES or _ADJECTIVE.match(items[back - 1].text)
                    ):
                        adjectives, first = self._adjectives_before(back)
                        self._link(adjectives, items[back], entity, items[first].start, entity.end)
                        break
            # "Wladimir Putin, der russische Präsident" / "Trump - der selbsterklärte Deal-Macher"
            j = self.words.index_at(entity.end)
            if j + 1 < len(items) and items[j].text in {",", "–", "—", "-"}:
                k = j + 1
                if items[k].lower in lexicon.ARTICLES:
                    k += 1
                adjectives = []
                while k < len(items) and _ADJECTIVE.match(items[k].text) and not _looks_role(items[k]):
                    adjectives.append(items[k].text)
                    k += 1
                if k < len(items) and _looks_role(items[k]):
                    self._link(adjectives, items[k], entity, entity.start, items[k].end)
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

    def _link(self, adjectives: list[str], noun: Word, entity: Entity, start: int, end: int) -> None:
        key = role_key(adjectives, noun.text)
        self.roles.append(RoleLink(key, entity.key, entity.name, start, end))
        gender = _gender_of_role(noun.text.split("-")[-1])
        if self.genders.get(entity.key, gender) != gender:
            gender = ""
        self.genders[entity.key] = gender

    def role_table(self, links: list[RoleLink]) -> dict[str, Referent]:
        return {
            role: Referent(key, name, gender=self.gender(key, name)) for role, (key, name) in role_owners(links).items()
        }

    def gender(self, key: str, name: str) -> str:
        return self.genders.get(key) or _first_name_gender(name)

    # ---- mentions -----------------------------------------------------------------------
    def find(self, roles: dict[str, Referent]) -> list[Mention]:
        """Every mention in reading order; role nouns resolved by `roles`, pronouns not yet."""
        items = self.words.items
        mentions: list[Mention] = []
        i = 0
        while i < len(items):
            word = items[i]
            entity = self._entity_at.get(word.start)
            read_as_role = False  # "der Republikaner" tagged ORG: read below as the role noun it is
            if entity is not None and self.role_taken_for_name(entity, i):
                read_as_role = entity.label != "PER"
                entity = None  # a role noun the pipeline took for a name ("Rathauschefin", "der Republikaner")
            if entity is not None:
                if entity.label in SPEAKER_LABELS:
                    genitive = _is_genitive(entity)
                    case = "gen" if genitive else self._case_before(i, end=entity.end)
                    referent = Referent(
                        entity.key,
                        entity.name,
                        label=entity.label,
                        gender=self.gender(entity.key, entity.name) if entity.label == "PER" else "",
                    )
                    mentions.append(Mention(entity.start, entity.end, "name", case, referent, entity.text))
                i = self.words.index_at(entity.end)
                continue
            if self._covered(word) and not read_as_role:
                i += 1
                continue
            lower = word.lower
            if word.start in self.apposition_words:
                i += 1
                continue
            surname_of = self.surnames.get(word.text)
            if surname_of is not None and self._names_someone(i):
                gender = self.gender(surname_of.key, surname_of.name)
                referent = Referent(surname_of.key, surname_of.name, label="PER", gender=gender)
                mentions.append(Mention(word.start, word.end, "name", self._case_before(i), referent, word.text))
            elif (
                word.text == "Sie"
                and i > 0
                and items[i - 1].text not in {".", "!", "?", ":"}
                and not items[i - 1].is_quote
            ):
                mentions.append(
                    Mention(word.start, word.end, "pronoun", "nom", Referent(gender="1"), word.text)
                )  # formal "Sie"
            elif lower in lexicon.PRONOUNS_MALE | lexicon.PRONOUNS_FEMALE and word.text.rstrip(".") in (
                lower,
                lower.capitalize(),
            ):
                case = "nom" if lower in {"er", "sie"} else self._case_before(i)
                case = "obl" if case == "nom" and lower not in {"er", "sie"} else case  # ihm, ihn, ihr
                mentions.append(
                    Mention(
                        word.start,
                        word.end,
                        "pronoun",
                        case,
                        Referent(gender="f" if lower in lexicon.PRONOUNS_FEMALE else "m"),
                        word.text,
                    )
                )
            elif lower in lexicon.POSSESSIVES_MALE:
                mentions.append(Mention(word.start, word.end, "possessive", "gen", Referent(gender="m"), word.text))
            elif lower in lexicon.PRONOUNS_SPEAKER and word.text.rstrip(".") in (lower, lower.capitalize()):
                mentions.append(Mention(word.start, word.end, "pronoun", "nom", Referent(gender="1"), word.text))
            elif _looks_organisation(word) and not self._precedes_name(i):
                adjectives, first = self._adjectives_before(i)
                while (
                    first > 0
                    and _CAPITAL_ADJECTIVE.match(items[first - 1].text)
                    and items[first - 1].lower not in FUNCTION_WORDS
                ):
                    first -= 1  # "das Auswärtige Amt", "die Deutsche Bahn"
                if (
                    first > 0
                    and items[first - 1].lower in lexicon.ARTICLES
                    and items[first].lower not in lexicon.ARTICLES
                ):
                    first -= 1
                determiner = items[first].lower if items[first].lower in lexicon.ARTICLES else ""
                start = items[first].start
                text = self.words.text[start : word.end]
                referent = Referent(
                    label="ORG", gender=_gender_of_determiner(determiner), kind="organisation", text=text
                )
                mentions.append(
                    Mention(start, word.end, "organisation", self._np_case(first, determiner), referent, text)
                )
            elif _looks_role(word) and not self._precedes_name(i):
                adjectives, first = self._adjectives_before(i)
                determiner = items[first].lower if items[first].lower in lexicon.ARTICLES else ""
                key = role_key(adjectives, word.text)
                start = items[first].start
                if determiner in lexicon.INDEFINITE_DETERMINERS or not determiner:
                    text = self.words.text[start : word.end]
                    plural = determiner in lexicon.PLURAL_DETERMINERS or (
                        not determiner and word.lower != role_noun_base(word.lower)
                    )
                    referent = Referent(
                        gender=_gender_of_role(word.text), kind="group" if plural else "role", text=text
                    )
                    mentions.append(
                        Mention(start, word.end, "indefinite", self._np_case(first, determiner), referent, text)
                    )
                elif determiner and (named := self._unrecognised_name_after(i)) is not None:
                    name_start, name_end = named
                    name = " ".join(w.text for w in items[name_start:name_end])
                    referent = Referent(name_key(name), name, gender=_gender_of_role(word.text))
                    case = self._np_case(first, determiner)
                    mentions.append(
                        Mention(items[name_start].start, items[name_end - 1].end, "name", case, referent, name)
                    )
                    i = name_end
                    continue
                elif determiner:
                    text = self.words.text[start : word.end]
                    nominalised = _AGE_NOUN.match(word.text) or word.lower.endswith(
                        "e"
                    )  # "die Abgeordnete", "der 24-Jährige"
                    gender = (
                        (_gender_of_determiner(determiner) or _gender_of_role(word.text))
                        if nominalised
                        else _gender_of_role(word.text)
                    )
                    referent = self._resolve_role(key, roles) or Referent(
                        role=key, gender=gender, kind="role", text=text
                    )
                    mentions.append(
                        Mention(
                            start,
                            word.end,
                            "role",
                            self._np_case(first, determiner),
                            referent,
                            self.words.text[start : word.end],
                        )
                    )
            i += 1
        return mentions

    def role_taken_for_name(self, entity: Entity, index: int) -> bool:
        """A one-word entity that is a role noun of the lexicon: a person's role the pipeline took
        for a name ("Rathauschefin"), or for an organisation or a group when a singular article
        makes it one person ("der Republikaner", "dem Demokraten"; "die Republikaner" stays the party)."""
        word = self.words.items[index]
        if " " in entity.text or entity.end != word.end or not _looks_role(word):
            return False
        if entity.label == "PER":
            return not word.lower.endswith(("mann", "frau"))
        before = self.words.items[index - 1].lower if index > 0 else ""
        return entity.label in {"ORG", "MISC"} and before in SINGULAR_MASCULINE_ARTICLES

    def _names_someone(self, index: int) -> bool:
        """Whether a surname the pipeline missed stands as a name here ("sagte Klein", "Klein
        lobte", "so Sommer"), not as the common word it also is ("im Sommer", "der kleine Keller")."""
        if index == 0:
            return True
        before = self.words.items[index - 1]
        if before.lower in lexicon.ARTICLES or before.lower in lexicon.PREPOSITIONS - lexicon.SOURCE_PREPOSITIONS:
            return False
        return not (_ADJECTIVE.match(before.text) and before.lower not in cue_forms())

    def _unrecognised_name_after(self, role_index: int) -> tuple[int, int] | None:
        """Word indices of a name the pipeline missed right after a role noun: "der demokratische
        Abgeordnete Gregory Meeks", "der frühere Botschafter in Moskau John Herbst". Two or three
        capitalised words, none of them an entity, a role or a function word, ending the clause."""
        items = self.words.items
        i = role_index + 1
        if i + 1 < len(items) and items[i].lower in {"in", "aus", "bei", "von"} and items[i + 1].capitalized:
            i += 2
        run = i
        while run < len(items) and run - i < 3 and _name_word(items[run]) and not self._covered(items[run]):
            run += 1
        if run - i < 2:
            return None
        if run < len(items) and (items[run].capitalized and items[run].is_word):
            return None
        return i, run

    def _covered(self, word: Word) -> bool:
        """Whether an entity span holds the word (entities are sorted and do not overlap)."""
        index = bisect_right(self._entity_starts, word.start) - 1
        return index >= 0 and word.start < self.entities[index].end

    def _resolve_role(self, key: str, roles: dict[str, Referent]) -> Referent | None:
        """A role noun the article tied to one person; a bare head ("der Präsident") only when unique."""
        if key in roles:
            return roles[key]
        head = key.split(" ")[-1]
        if " " in key:
            return None
        matches = {(r.key, r.name) for role, r in roles.items() if role.split(" ")[-1] == head}
        if len(matches) == 1:
            return next(r for role, r in roles.items() if role.split(" ")[-1] == head)
        return None

    def _precedes_name(self, i: int) -> bool:
        items = self.words.items
        return (
            i + 1 < len(items)
            and items[i + 1].start in self._entity_at
            and self._entity_at[items[i + 1].start].label == "PER"
        )

    def _np_case(self, first: int, determiner: str) -> str:
        """Case of a noun phrase opening at word `first` (its determiner, if any): "der Polizei"
        after a noun is a genitive ("ein Sprecher der Polizei"), "dem"/"den" oblique, "unserer
        Zeitung" oblique."""
        possessive = self.words.items[first].lower
        if possessive in lexicon.POSSESSIVE_DETERMINERS:
            return (
                "obl"
                if possessive.endswith(("er", "em", "en", "es")) and possessive not in {"unser", "euer"}
                else "nom"
            )
        if determiner in lexicon.OBLIQUE_ARTICLES:
            return "gen" if determiner in {"des", "eines"} else self._case_before(first, determiner)
        return self._case_before(first + 1 if determiner else first)

    def _case_before(self, i: int, determiner: str = "", end: int | None = None) -> str:
        """Case from the words before a mention: a preposition or dative article makes it oblique."""
        items = self.words.items
        j = i - 1
        if determiner and determiner in lexicon.OBLIQUE_ARTICLES:
            return "gen" if determiner in {"des", "eines"} else "obl"
        while (
            j >= 0
            and items[j].lower not in FUNCTION_WORDS
            and (
                _ADJECTIVE.match(items[j].text)
                or _looks_role(items[j])
                or (
                    j == i - 1
                    and items[j].capitalized
                    and items[j].is_word
                    and j > 0
                    and items[j - 1].lower in lexicon.ARTICLES
                )
            )
        ):
            j -= 1  # adjectives and a noun in apposition: "vor der Norwegerin Ingrid Solberg-Hauge"
        if j >= 0 and items[j].lower in lexicon.ARTICLES:
            if (
                items[j].lower in {"des", "eines", "der"}
                and j > 1
                and items[j - 1].lower in cue_lexicon.SOURCE_NOUNS
                and items[j - 2].lower in {"nach", "laut", "aus"}
            ):
                return "src"  # "nach Angaben der Polizei", "aus Sicht des Ministeriums"
            if items[j].lower in {"des", "eines"}:
                return "gen"
            if (
                items[j].lower == "der"
                and j > 0
                and items[j - 1].capitalized
                and items[j - 1].is_word
                and items[j - 1].lower not in FUNCTION_WORDS
            ):
                return "gen"  # "Direktor der Transatlantic Security Initiative"
            if items[j].lower in lexicon.OBLIQUE_ARTICLES:
                return "src" if j > 0 and items[j - 1].lower in lexicon.SOURCE_PREPOSITIONS else "obl"
            j -= 1
        if j >= 0 and items[j].lower in lexicon.SOURCE_PREPOSITIONS:
            return "src"
        if (
            j >= 0
            and items[j].text in _NAME_PARTICLES
            and (j == 0 or items[j - 1].text in {".", "!", "?", ":"} or items[j - 1].is_quote)
            and items[j].end + 1 == items[i].start
        ):
            return "nom"  # "Von Hohenberg forderte": a name particle opening the sentence
        if j >= 0 and items[j].lower in lexicon.PREPOSITIONS:
            if (
                items[j].lower == "von"
                and j > 1
                and items[j - 1].lower in cue_lexicon.SOURCE_NOUNS
                and items[j - 2].lower in {"nach", "laut", "aus"}
            ):
                return "src"
            return "obl"
        k = self.words.index_at(end if end is not None else items[i].end)
        if k < len(items) and items[k].lower == "zufolge":
            return "src"
        return "nom"

    # ---- resolution ---------------------------------------------------------------------
    def resolve(self, mentions: list[Mention]) -> list[Mention]:
        """Give each pronoun and possessive the referent it most likely stands for: the nearest
        fitting antecedent by gender, a person first, else an organisation or an unnamed role."""
        by_sentence: list[list[int]] = [[] for _ in self.sentences] or [[]]
        starts = [sentence.start for sentence in self.sentences]
        for index, mention in enumerate(mentions):
            by_sentence[max(0, bisect_right(starts, mention.start) - 1)].append(index)
        out: list[Mention] = list(mentions)
        self.anaphors = []
        topics: list[Referent | None] = []  # per sentence: its first nominative person
        earlier: list[list[Referent]] = []  # per sentence: antecedent candidates, best first
        subjects: list[list[Referent]] = []  # per sentence: its nominative candidates
        for indices in by_sentence:
            topic: Referent | None = None
            nominative: list[Referent] = []
            other: list[Referent] = []
            for index in indices:
                mention = out[index]
                if (
                    mention.kind == "role"
                    and mention.case == "nom"
                    and not mention.referent.known
                    and mention.referent.role
                ):
                    self._vote_anaphor(mention, topics)
                if mention.kind in {"pronoun", "possessive"}:
                    referent = self._antecedent(mention, nominative + other, earlier)
                    mention = Mention(mention.start, mention.end, mention.kind, mention.case, referent, mention.text)
                    out[index] = mention
                elif _anaphoric(mention):
                    found = self._definite_antecedent(mention, nominative, subjects)
                    if found is not None:
                        mention = Mention(mention.start, mention.end, mention.kind, mention.case, found, mention.text)
                        out[index] = mention
                referent = mention.referent
                if not _can_be_antecedent(mention):
                    continue
                if mention.case == "nom" and referent.label == "PER" and topic is None and mention.kind != "possessive":
                    topic = referent
                if mention.case == "nom" and mention.kind not in {"possessive", "pronoun"}:
                    nominative.append(referent)
                elif mention.kind == "name" and mention.case != "gen":
                    other.append(referent)
            topics.append(topic)
            earlier.append(nominative + other)
            subjects.append(self._topic_group(out, indices))
        return out

    def _topic_group(self, mentions: list[Mention], indices: list[int]) -> list[Referent]:
        """The sentence's topic — its first subject, with any coordinated to it ("Anna Roth und
        Maria Lang") — which a definite noun in the next sentences takes up."""
        group: list[Mention] = []
        for index in indices:
            mention = mentions[index]
            if mention.case != "nom" or mention.kind in {"possessive", "pronoun"} or not _can_be_antecedent(mention):
                continue
            if group and self.words.text[group[-1].end : mention.start].strip() not in {"und", ",", "sowie", "oder"}:
                break
            group.append(mention)
        return [m.referent for m in group]

    def _vote_anaphor(self, mention: Mention, topics: list[Referent | None]) -> None:
        """A definite role noun right after a sentence about a person may mean them ("Trump … Der
        Republikaner …"). Only bare roles vote: a qualified one ("der russische Präsident") is how
        a text brings in a second person, so it is learned from appositions alone."""
        if " " in (mention.referent.role or " "):
            return
        for back in range(1, ANAPHOR_LOOKBACK_SENTENCES + 1):
            if back > len(topics):
                return
            candidate = topics[-back]
            if candidate is not None:
                if candidate.known and _compatible(candidate, mention.referent.gender):
                    self.anaphors.append(
                        RoleLink(
                            mention.referent.role or "",
                            candidate.key or "",
                            candidate.name or "",
                            mention.start,
                            mention.end,
                            "anaphor",
                        )
                    )
                return

    def _definite_antecedent(
        self, mention: Mention, here: list[Referent], earlier: list[list[Referent]]
    ) -> Referent | None:
        """The named person (for a role) or organisation (for an institution noun) nearest before
        a definite noun, in its sentence or the DEFINITE_LOOKBACK_SENTENCES before it."""
        label = "ORG" if mention.kind == "organisation" else "PER"
        gender = mention.referent.gender
        role = mention.referent.role
        qualified = len(mention.text.split(" ")) > 2  # "der französische Präsident", not "der CDU-Politiker"
        if label == "PER" and (
            role is None or qualified or len({link.key for link in self.roles if link.role == role}) > 1
        ):
            return None  # "der französische Präsident" brings in someone new; a role two people hold is no clue
        windows = [here] + [earlier[-back] for back in range(1, min(DEFINITE_LOOKBACK_SENTENCES, len(earlier)) + 1)]
        for window in windows:
            present = [c for c in window if c.label == label and c.kind != "group"]
            if not present:
                continue
            fitting = {
                c.key: c
                for c in present
                if c.known
                and (label != "PER" or _compatible(c, gender, lenient=True))
                and (label != "ORG" or _org_fits(mention, c))
            }
            # the nearest sentence with a subject decides: one fitting name, else no guess
            # ("Der französische Präsident wartete. … sagte der französische Präsident": someone new)
            return next(iter(fitting.values())) if len(fitting) == 1 else None
        return None

    def _antecedent(self, pronoun: Mention, here: list[Referent], earlier: list[list[Referent]]) -> Referent:
        """The nearest fitting antecedent: this sentence before the pronoun, then up to
        PRONOUN_LOOKBACK_SENTENCES before it; a referent of known, matching gender first, then
        (for "sie") one whose gender the text does not tell."""
        want = pronoun.referent.gender
        if want == "1":
            return pronoun.referent  # ich, wir: the speaker, never resolved in narration
        windows = [here] + [earlier[-back] for back in range(1, min(PRONOUN_LOOKBACK_SENTENCES, len(earlier)) + 1)]
        for lenient, labels in ((False, {"PER", "ORG"}), (True, {"PER"}), (True, {"ORG"})):
            for window in windows:
                for candidate in window:
                    if candidate.label in labels and _compatible(candidate, want, lenient=lenient):
                        return candidate
        return Referent(gender=want)


def _org_fits(mention: Mention, candidate: Referent) -> bool:
    """ "das Polizeipräsidium" takes up "Polizeipräsidium Niederbayern", "die Gewerkschaft" any
    organisation that opened the sentence before (checked by the caller)."""
    head = mention.text.split(" ")[-1].lower()
    name = (candidate.name or "").lower()
    specific = next((h for h in ("präsidium", "ministerium", "gericht", "amt", "bank") if head.endswith(h)), None)
    return specific is None or specific in name  # "die Notenbank" → "Bundesbank", not "Deutsche Bahn"


def _anaphoric(mention: Mention) -> bool:
    """A definite role or institution noun that takes up someone named before it ("Vorstandschef
    Henrik Vollmer … sagte der Manager", "Die IG BCE … Die Gewerkschaft nannte")."""
    if mention.referent.known or mention.kind not in {"role", "organisation"}:
        return False
    words = mention.text.split(" ")
    if mention.kind == "organisation":  # also as a document's owner: "in einem Schreiben des Verbands"
        head = words[-1].lower().removesuffix("s").removesuffix("e")
        return (
            mention.case in {"nom", "gen"}
            and words[0].lower() in {"der", "die", "das", "des"}
            and head.endswith(lexicon.ANAPHORIC_ORGANISATION_HEADS)
        )
    return mention.case == "nom" and words[0].lower() in {"der", "die", "das"}


def _can_be_antecedent(mention: Mention) -> bool:
    """People, organisations and unnamed roles can be taken up by a pronoun; places cannot."""
    referent = mention.referent
    if mention.kind == "pronoun" and not referent.known and referent.text is None:
        return False
    if referent.gender == "1":
        return False
    return referent.label in {"PER", "ORG"}


def _compatible(referent: Referent, gender: str, *, lenient: bool = False) -> bool:
    """Whether "er" (m) or "sie" (f) can stand for the referent. People of unknown gender take
    "er" at once and "sie" only leniently; organisations need their article's gender ("die
    Regierung" → sie, "der Konzern" → er), named ones ("Siemens") take "sie" leniently."""
    if referent.label == "PER" and referent.kind != "group":
        if gender == "f":
            return referent.gender == "f" or (lenient and referent.gender == "")
        return referent.gender not in {"f", "n"}
    if referent.label == "ORG":
        if referent.gender:
            return referent.gender == gender
        return lenient and gender == "f"
    return False


def _is_genitive(entity: Entity) -> bool:
    """The span is a genitive form of its canonical name ("Putins", "Wladimir Putins")."""
    text = entity.text.strip()
    last = entity.name.split(" ")[-1]
    return (text.endswith("s") and text[:-1].endswith(last)) or text.endswith(("'", "’"))


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
