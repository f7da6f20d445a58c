"""The mentions of people in the narration: names, role nouns, pronouns, organisations, with their case."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...text.names import CHAIN_PARTICLES
from .. import cue_lexicon, lexicon
from ..cue_lexicon import cue_forms
from ..names import name_key
from ..results import Entity
from ..words import Word
from .referents import Mention, Referent
from .roles import RoleLearning
from .word_rules import (
    _ADJECTIVE,
    _AGE_NOUN,
    _CAPITAL_ADJECTIVE,
    _NAME_PARTICLES,
    FUNCTION_WORDS,
    _gender_of_determiner,
    _gender_of_role,
    _looks_organisation,
    _looks_role,
    _name_word,
    after_titles,
    role_key,
    role_noun_base,
)

# Who can speak: people, organisations and outlets ("CNN analysierte"), and places standing for
# their governments ("Moskau erklärte"). MISC (events, works, slogans) never speaks.
SPEAKER_LABELS = frozenset({"PER", "ORG", "LOC"})
SINGULAR_MASCULINE_ARTICLES = frozenset({"der", "dem", "des"})  # "den" may be a dative plural
_PERSONAL_PRONOUNS = lexicon.PRONOUNS_MALE | lexicon.PRONOUNS_FEMALE
_PRONOUN_FORMS = lexicon.PRONOUNS_MALE | lexicon.PRONOUNS_FEMALE | lexicon.POSSESSIVES_MALE | lexicon.PRONOUNS_SPEAKER
_DEFINITE_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})
_CONTRACTED_PREPOSITIONS = frozenset({"im", "am", "beim", "vom", "zum", "zur", "ins"})  # a preposition and its article
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")  # "ADV", "VKA": an organisation's short name
# before a role noun they make it anyone of the kind ("Jede Erzieherin", "kein Arzt"), not a person of the story
_GENERIC_QUANTIFIERS = frozenset(
    {"jede", "jeder", "jedes", "jedem", "jeden", "kein", "keine", "keiner", "keinem", "keinen"}
)


def _short_form_of(text: str, before: Mention, start: int) -> bool:
    """The name at `start` stands in parentheses right after the mention `before`."""
    return text[before.end : start].strip() == "("


def _coordinated(text: str, before: Mention, start: int) -> bool:
    """The name at `start` is the next item of a list of names after `before` ("A, B und C"),
    which is not the subject when `before` is oblique (the caller asks for one label: "der
    Grünen, Anna Roth" is an apposition)."""
    return (
        before.kind == "name"
        and before.case in {"obl", "gen"}
        and text[before.end : start].strip()
        in {
            ",",
            "und",
            "oder",
            "sowie",
        }
    )


DATELINE_PARAGRAPH_MIN = 80  # characters of a paragraph a dateline opens (a headline "Scholz – …" is shorter)
_DATELINE_AFTER = re.compile(r"(?: \([^()\n]{1,40}\))? [-–—] \S")  # " – Es", " (dpa) - Der"
COMPOUND_MODIFIER_MIN = 3  # letters of a compound role's first part matched to a genitive ("Amt")
COMPOUND_TAIL_MIN = 6  # letters of a role noun that takes up a compound ending in it ("Minister", not "Meister")


class MentionScan(RoleLearning):
    """The mention rules: every mention of someone, in reading order."""

    # ---- mentions -----------------------------------------------------------------------
    def find(self, roles: dict[str, Referent]) -> list[Mention]:
        """Every mention in reading order; role nouns resolved by `roles`, pronouns not yet."""
        items = self.words.items
        mentions: list[Mention] = []
        shared = _shared_surnames(self.entities)
        administrations: set[str] = set()  # "stadt" after "Die Stadt Dortmund": the nouns named with a place
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
                    genitive = _is_genitive(entity) or self._place_of_role(i, entity)
                    first = i - 1 if self._particle_before(i, entity) else i
                    case = "gen" if genitive else self._case_before(first, end=entity.end)
                    if mentions and _short_form_of(self.words.text, mentions[-1], entity.start):
                        case = "app"  # "das Statistische Bundesamt (Destatis)": the same one again
                    elif (
                        case == "nom"
                        and mentions
                        and mentions[-1].referent.label == entity.label
                        and _coordinated(self.words.text, mentions[-1], entity.start)
                    ):
                        case = mentions[-1].case  # "mit Kiel, Lübeck und Husum": the list's case
                    label = "LOC" if self._dateline_place(entity) else entity.label
                    referent = Referent(
                        entity.key,
                        entity.name,
                        label=label,
                        gender=self.gender(entity.key, entity.name) if label == "PER" else "",
                    )
                    if label == "PER" and (bearer := _latest_bearer(shared, entity.text, entity.start)) is not None:
                        referent = Referent(bearer.key, bearer.name, gender=self.gender(bearer.key, bearer.name))
                    mentions.append(Mention(entity.start, entity.end, "name", case, referent, entity.text))
                i = self.words.index_at(entity.end)
                continue
            if (not word.capitalized and word.lower not in _PRONOUN_FORMS and not word.text[:1].isdigit()) or (
                self._covered(word) and not read_as_role
            ):
                i += 1  # most words are lower case and no pronoun: none of the branches below can take them
                continue
            lower = word.lower
            if word.start in self.apposition_words:
                i += 1
                continue
            surname_of = self.surnames.get(word.text) or _latest_bearer(shared, word.text, word.start)
            if surname_of is not None and self._names_someone(i):
                gender = self.gender(surname_of.key, surname_of.name)
                referent = Referent(surname_of.key, surname_of.name, label="PER", gender=gender)
                mentions.append(Mention(word.start, word.end, "name", self._case_before(i), referent, word.text))
            elif (
                (short_for := self.organisation_heads.get(word.text)) is not None
                and i > 0
                and items[i - 1].lower in _DEFINITE_ARTICLES
                and items[i - 1].end + 1 == word.start
            ):
                referent = Referent(short_for.key, short_for.name, label="ORG")
                case = self._np_case(i - 1, items[i - 1].lower)
                if case == "nom" and items[i - 1].lower == "der" and word.text in self.never_masculine_heads:
                    case = "obl"  # "warf der Bahn vor": the Deutsche Bahn is feminine, "der" its dative
                text = self.words.text[items[i - 1].start : word.end]
                mentions.append(Mention(items[i - 1].start, word.end, "name", case, referent, text))  # "die Bahn"
            elif (
                word.text == "Sie"
                and i > 0
                and items[i - 1].text not in {".", "!", "?", ":"}
                and not items[i - 1].is_quote
            ):
                mentions.append(
                    Mention(word.start, word.end, "pronoun", "nom", Referent(gender="1"), word.text)
                )  # formal "Sie"
            elif lower in _PERSONAL_PRONOUNS and word.text.rstrip(".") in (
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
            elif _looks_organisation(word) and not self._precedes_name(i, {"PER", "ORG"}):
                adjectives, first = self._adjectives_before(i)
                while (
                    first > 0
                    and items[first].lower not in lexicon.ARTICLES  # "einer Stellungnahme des Amts": two phrases
                    and _CAPITAL_ADJECTIVE.match(items[first - 1].text)
                    and items[first - 1].lower not in FUNCTION_WORDS
                ):
                    first -= 1  # "das Auswärtige Amt", "die Deutsche Bahn"
                first = _truncated_compound_start(items, first)
                if (
                    first > 0
                    and items[first - 1].lower in lexicon.ARTICLES
                    and items[first].lower not in lexicon.ARTICLES
                ):
                    first -= 1
                determiner = items[first].lower if items[first].lower in lexicon.ARTICLES else ""
                start = items[first].start
                end = word.end
                acronym = items[i + 1] if i + 1 < len(items) else None
                if acronym is not None and _ACRONYM.match(acronym.text) and not self._covered(acronym):
                    end = acronym.end  # "Der Flughafenverband ADV": the short name belongs to it
                    i += 1
                text = self.words.text[start:end]
                referent = Referent(
                    label="ORG", gender=_gender_of_determiner(determiner), kind="organisation", text=text
                )
                mentions.append(
                    Mention(start, end, "organisation", self._np_case(first, determiner, end), referent, text)
                )
            elif (administration := self._administration(i, administrations)) is not None:
                mentions.append(administration)
            elif _looks_role(word) and not self._precedes_name(i):
                adjectives, first = self._adjectives_before(i)
                if first > 0 and items[first - 1].lower in lexicon.PLURAL_DETERMINERS and items[first - 1].capitalized:
                    first -= 1  # "Andere Schäfer in der Region sprachen …": opening the sentence, capitalised
                if first > 0 and items[first - 1].lower in _GENERIC_QUANTIFIERS:
                    i += 1
                    continue  # "Jede Erzieherin verbringe …", "kein Arzt": anyone, no person of the story
                if first == i and first > 0 and items[first - 1].lower == "als":
                    i += 1
                    continue  # "Als Zeuge sagte er …", "als Ärztin": what the subject is, no one else
                determiner = items[first].lower if items[first].lower in lexicon.ARTICLES else ""
                key = role_key(adjectives, word.text)
                start = items[first].start
                # "Die Nachbarn", "die Forscher" (a masculine noun after "die"): a group
                definite_plural = determiner == "die" and (
                    _plural_role(word.lower)
                    or (
                        not _AGE_NOUN.match(word.text)
                        and not word.lower.endswith("e")
                        and _gender_of_role(word.text) == "m"
                    )
                )
                if determiner in lexicon.INDEFINITE_DETERMINERS or not determiner or definite_plural:
                    paired = None if determiner else self._feminine_pair_before(first)
                    if paired is not None:
                        start = items[paired].start  # "Lehrerinnen und Lehrer": the pair is the group
                    text = self.words.text[start : word.end]
                    plural = (
                        determiner in lexicon.PLURAL_DETERMINERS
                        or definite_plural
                        or paired is not None
                        or (
                            not determiner
                            and (word.lower != role_noun_base(word.lower) or word.lower.endswith("innen"))
                        )
                    )
                    end = word.end
                    if plural and (partner := self._coordinated_role(i)) is not None:
                        end = items[partner].end  # "Ärztinnen und Pfleger": one group
                        text = self.words.text[start:end]
                        i = partner
                    referent = Referent(
                        gender=_gender_of_role(word.text), kind="group" if plural else "role", text=text
                    )
                    case = self._np_case(first, determiner, end)
                    mentions.append(Mention(start, end, "indefinite", case, referent, text))
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
                    case = self._np_case(first, determiner, word.end)
                    if case == "nom" and determiner == "der" and not nominalised and gender == "f":
                        case = "obl"  # "wirft der Ministerin vor": "der" before a woman is dative or genitive
                    mentions.append(Mention(start, word.end, "role", case, referent, self.words.text[start : word.end]))
            i += 1
        return self._apposed(mentions)

    def _dateline_place(self, entity: Entity) -> bool:
        """ "Kleinwalde – Es ist kurz nach fünf …", "Lübben (dpa) - Der Kreis …": a one-word name that
        opens a paragraph of the story before a dash is its dateline, a place, whatever the
        pipeline took it for — never a person who speaks or whom a pronoun takes up."""
        text = self.words.text
        line_start = text.rfind("\n", 0, entity.start) + 1
        line_end = text.find("\n", entity.end)
        line_end = len(text) if line_end == -1 else line_end
        return (
            " " not in entity.text
            and not text[line_start : entity.start].strip()
            and line_end - line_start >= DATELINE_PARAGRAPH_MIN
            and _DATELINE_AFTER.match(text, entity.end) is not None
        )

    def _apposed(self, mentions: list[Mention]) -> list[Mention]:
        """An unresolved role noun that opens an apposition to a name is that person: "Sein
        Landesvorsitzender, Armin Keller, forderte …" (the role noun is the subject a pronoun
        after it takes up, and the name its person)."""
        opening = {link.start: link for link in self.roles if link.kind == "apposition"}
        if not opening:
            return mentions
        out = []
        for mention in mentions:
            link = opening.get(mention.start)
            if link is None and mention.kind == "role" and not mention.referent.known:
                link = opening.get(
                    self._after_genitive_comma(mention.end)
                )  # "die Befehlshaberin der Marine, Admiralin X,"
                if link is not None:
                    referent = Referent(link.key, link.name, gender=self.gender(link.key, link.name))
                    mention = Mention(mention.start, mention.end, mention.kind, mention.case, referent, mention.text)
            if (
                link is not None
                and mention.kind in {"indefinite", "role"}
                and not mention.referent.known
                and mention.end < link.end
                and self.words.text[mention.end : mention.end + 2].startswith(",")
            ):
                referent = Referent(link.key, link.name, gender=self.gender(link.key, link.name))
                mention = Mention(mention.start, mention.end, mention.kind, mention.case, referent, mention.text)
            out.append(mention)
        return out

    def _after_genitive_comma(self, end: int) -> int:
        """Where the word after "der estnischen Marine, " starts when a genitive attribute and a
        comma follow a role noun ending at `end` (-1 when they do not)."""
        items = self.words.items
        k = self.words.index_at(end)
        if k >= len(items) or items[k].lower not in {"der", "des"} or items[k].start > end + 1:
            return -1
        k += 1
        while k < len(items) and items[k].is_word and not items[k].capitalized and _ADJECTIVE.match(items[k].text):
            k += 1  # "der estnischen"
        nouns = 0
        while k < len(items) and items[k].is_word and items[k].capitalized and nouns < _GENITIVE_NOUNS:
            k += 1
            nouns += 1
        if not nouns or k + 1 >= len(items) or items[k].text != ",":
            return -1
        return items[k + 1].start

    def _feminine_pair_before(self, index: int) -> int | None:
        """The index of a feminine plural joined before the word at `index` ("Ärztinnen und …")."""
        items = self.words.items
        if index < 2 or items[index - 1].lower not in {"und", "oder"}:
            return None
        before = items[index - 2]
        return index - 2 if before.capitalized and before.lower.endswith("innen") else None

    def _coordinated_role(self, index: int) -> int | None:
        """The index of a second role noun joined to the plural one at `index` ("Lehrerinnen und
        Lehrer", "Ärztinnen oder Pfleger"), which together name one group."""
        items = self.words.items
        if index + 2 >= len(items) or items[index + 1].lower not in {"und", "oder", "sowie"}:
            return None
        partner = items[index + 2]
        if not _looks_role(partner) or self._covered(partner) or _looks_organisation(partner):
            return None
        return index + 2

    def _particle_before(self, index: int, entity: Entity) -> bool:
        """ "sagte von Falkenau" for "Johanna von Falkenau": the lower-case word before a surname is
        its name particle (the article writes it so in the full name), no preposition."""
        if index == 0 or entity.label != "PER":
            return False
        before = self.words.items[index - 1]
        return (
            before.text in CHAIN_PARTICLES
            and before.end + 1 == entity.start
            and f" {before.text} {entity.text}".lower() in f" {entity.name}".lower()
        )

    def _place_of_role(self, index: int, entity: Entity) -> bool:
        """A place's genitive right after a role noun ("die Verhandlungsführerin Tuvalus", "der
        Präsident Frankreichs"): whose role it is, not who speaks."""
        return (
            entity.label == "LOC"
            and entity.text.endswith("s")
            and " " not in entity.text
            and index > 0
            and _looks_role(self.words.items[index - 1])
        )

    def role_taken_for_name(self, entity: Entity, index: int) -> bool:
        """A one-word entity that is a role noun of the lexicon: a person's role the pipeline took
        for a name ("Rathauschefin"), or for an organisation or a group when a singular article
        makes it one person ("der Republikaner", "dem Demokraten"; "die Republikaner" stays the party).
        A surname of a person the article names in full is no role ("Gerhard Richter … sagte Richter")."""
        word = self.words.items[index]
        if " " in entity.text or entity.end != word.end or not _looks_role(word):
            return False
        if entity.label == "PER":
            # the surname of someone named in full is theirs, role noun or not ("Gerhard Richter … Richter")
            return " " not in entity.key and not word.lower.endswith(("mann", "frau"))
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
        return self._compound_role(key) or _compound_bearer(key, roles)

    def _compound_role(self, key: str) -> Referent | None:
        """A compound role noun that says in one word what an apposition said with a genitive:
        "der Amtsleiter" after "der Leiter des Tiefbauamts, Martin Pohl" (its head the role, its
        first part, without the linking -s, the end of the genitive noun). One person only."""
        found: dict[str, Referent] = {}
        for link in self.roles:
            role = link.role
            if link.kind != "apposition" or " " in role or not key.endswith(role):
                continue
            modifier = key[: -len(role)]
            modifier = modifier[:-1] if modifier.endswith("s") and len(modifier) > COMPOUND_MODIFIER_MIN else modifier
            if len(modifier) < COMPOUND_MODIFIER_MIN:
                continue
            words = self.words.text[link.start : link.end].split()
            genitives = [
                words[k + 1].lower().rstrip(",")
                for k, word in enumerate(words[:-1])
                if word.lower() in {"des", "der", "eines", "einer"}
            ]
            if any(
                g.removesuffix("es").endswith(modifier) or g.removesuffix("s").endswith(modifier) for g in genitives
            ):
                found[link.key] = Referent(link.key, link.name, gender=self.gender(link.key, link.name))
        return next(iter(found.values())) if len(found) == 1 else None

    def _precedes_name(self, i: int, labels: frozenset[str] | set[str] = frozenset({"PER"})) -> bool:
        """A name of `labels` right after the word: "Sprecherin Anna Roth", and for an
        organisation noun its own name ("die Gewerkschaft Verdi"), which is the mention."""
        items = self.words.items
        following = after_titles(items, i + 1)  # "Mitautorin Dr. Anna Roth"
        if following < len(items) and following == i + 1 and self._title_noun(items[following]):
            following = after_titles(items, i + 2)  # one title of two nouns: "der Vorsitzende Richter Max Roth"
        return (
            following < len(items)
            and items[following].start in self._entity_at
            and self._entity_at[items[following].start].label in labels
        )

    def _title_noun(self, word: Word) -> bool:
        """A capitalised common noun that no name covers, second in a title before a name."""
        return (
            word.is_word and word.capitalized and word.lower not in FUNCTION_WORDS and word.start not in self._entity_at
        )

    def _administration(self, i: int, named: set[str]) -> Mention | None:
        """ "Die Stadt Dortmund hat … begonnen", and "teilte das Land mit" after "Das Land Tirol":
        a town's, a state's or a district's noun with a definite article right before its place's
        name is its administration, an organisation (lexicon.ADMINISTRATION_NOUNS); the bare noun
        takes it up after that. Not after a preposition: "in der Stadt Dortmund" is the place."""
        items = self.words.items
        word = items[i]
        if word.lower not in lexicon.ADMINISTRATION_NOUNS or i == 0:
            return None
        determiner = items[i - 1]
        if determiner.lower not in _DEFINITE_ARTICLES or determiner.end + 1 != word.start:
            return None
        case = self._np_case(i - 1, determiner.lower, word.end)
        if case == "obl":
            return None
        place = self._entity_at.get(items[i + 1].start) if i + 1 < len(items) else None
        if place is not None and place.label == "LOC" and place.start == word.end + 1:
            named.add(word.lower)
        elif word.lower not in named:
            return None
        text = self.words.text[determiner.start : word.end]
        referent = Referent(label="ORG", gender=_gender_of_determiner(determiner.lower), kind="organisation", text=text)
        return Mention(determiner.start, word.end, "organisation", case, referent, text)

    def _np_case(self, first: int, determiner: str, end: int | None = None) -> str:
        """Case of a noun phrase opening at word `first` (its determiner, if any) and ending at
        `end`: "der Polizei" after a noun is a genitive ("ein Sprecher der Polizei"), "dem"/"den"
        oblique, "unserer Zeitung" oblique — and a source before the postposition "zufolge"
        ("den Autoren zufolge", "dem Verband zufolge")."""
        possessive = self.words.items[first].lower
        if possessive in lexicon.POSSESSIVE_DETERMINERS:
            return (
                "obl"
                if possessive.endswith(("er", "em", "en", "es")) and possessive not in {"unser", "euer"}
                else "nom"
            )
        if determiner in lexicon.OBLIQUE_ARTICLES:
            items = self.words.items
            if (
                determiner in {"des", "eines", "der", "einer"}
                and first > 1
                and items[first - 1].lower in cue_lexicon.SOURCE_NOUNS
                and items[first - 2].lower in {"nach", "laut", "aus"}
            ):
                return "src"  # "nach Angaben eines Sprechers"
            if determiner in {"des", "eines"}:
                return "gen"
            if end is not None and self._zufolge_after(first, end):
                return "src"
            return self._case_before(first, determiner)
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
                    and (items[j - 1].lower in lexicon.ARTICLES or items[j - 1].lower in _CONTRACTED_PREPOSITIONS)
                )
            )
        ):
            j -= 1  # adjectives and a noun in apposition: "vor der Norwegerin Ingrid Solberg-Hauge", "im Sender X"
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
                source = (j > 0 and items[j - 1].lower in lexicon.SOURCE_PREPOSITIONS) or self._zufolge_after(i, end)
                return "src" if source else "obl"  # "laut dem Verband", "dem Verband zufolge"
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
        return "src" if self._zufolge_after(i, end) else "nom"

    def _zufolge_after(self, i: int, end: int | None) -> bool:
        """The mention at word `i` (ending at `end`) is followed by "zufolge": the source of a report."""
        items = self.words.items
        k = self.words.index_at(end if end is not None else items[i].end)
        if k < len(items) and items[k].lower in _ATTRIBUTE_OPENERS:
            # "Dem Mitautor X von der Universität Y zufolge": an attribute of its own words between
            j = k + 1
            while j < len(items) and j - k <= _ATTRIBUTE_REACH and items[j].lower != "zufolge":
                word = items[j]
                if not word.is_word or not (
                    word.capitalized or word.lower in lexicon.ARTICLES or _ADJECTIVE.match(word.text)
                ):
                    return False
                j += 1
            return j < len(items) and j > k + 1 and items[j].lower == "zufolge" and items[j - 1].capitalized
        return k < len(items) and items[k].lower == "zufolge"


_ATTRIBUTE_OPENERS = frozenset({"von", "vom", "aus", "der", "des"})  # where a noun phrase's attribute opens
_ATTRIBUTE_REACH = 6
_GENITIVE_NOUNS = 3  # capitalised words of a genitive attribute ("der Freiwilligen Feuerwehr Kassel")  # words of such an attribute between a source and its "zufolge"


def _compound_bearer(key: str, roles: dict[str, Referent]) -> Referent | None:
    """ "Die Ministerin" after "Kultusministerin Anna Roth": a bare role noun of the lexicon, long
    enough to be a role on its own (not "Meister" of "Bürgermeister"), takes up the one person
    whose role is a compound ending in it. Two such people: no guess."""
    if len(key) < COMPOUND_TAIL_MIN or key not in lexicon.ROLE_SUFFIXES:
        return None
    bearers = {
        (r.key, r.name): r for role, r in roles.items() if (head := role.split(" ")[-1]) != key and head.endswith(key)
    }
    return next(iter(bearers.values())) if len(bearers) == 1 else None


def _shared_surnames(entities: list[Entity]) -> dict[str, list[Entity]]:
    """The surnames two or more people of the article share ("Birgit Hollmann", "Jürgen Hollmann"),
    each with the full names that bear it, in reading order (`entities` is)."""
    bearers: dict[str, list[Entity]] = {}
    for entity in entities:
        words = entity.text.split()
        if entity.label == "PER" and len(words) > 1 and words[-1][:1].isupper():
            bearers.setdefault(words[-1], []).append(entity)
    return {surname: found for surname, found in bearers.items() if len({e.key for e in found}) > 1}


def _latest_bearer(shared: dict[str, list[Entity]], surname: str, start: int) -> Entity | None:
    """Whom a surname two people share stands for ("Hollmann schreibt …"): the one the text named
    in full last before it, whom the story is then about; None before either is named."""
    before = [e for e in shared.get(surname, ()) if e.end <= start]
    return before[-1] if before else None


def _plural_role(lower: str) -> bool:
    """A role noun's plural form ("nachbarn", "abgeordneten", "ärztinnen"), not a singular one."""
    return lower.endswith("innen") or (lower.endswith("n") and role_noun_base(lower) != lower)


def _is_genitive(entity: Entity) -> bool:
    """The span is a genitive form of its canonical name ("Putins", "Wladimir Putins")."""
    text = entity.text.strip()
    last = entity.name.split(" ")[-1]
    return (text.endswith("s") and text[:-1].endswith(last)) or text.endswith(("'", "’"))


def _truncated_compound_start(items: list[Word], first: int) -> int:
    """Where a noun joined to a truncated compound begins: "die Industrie- und Handelskammer" is
    one body, its first part ("Industrie-", the hyphen standing for "-kammer") included."""
    if (
        first >= 3
        and items[first - 1].lower in {"und", "oder"}
        and items[first - 2].text == "-"
        and items[first - 2].start == items[first - 3].end
        and items[first - 3].capitalized
        and items[first - 3].is_word
    ):
        return first - 3
    return first
