"""What one word of the narration can be: a function word, a role noun (its base and key), an
organisation, part of a name; and the gender a determiner, a role noun or a first name tells."""

from __future__ import annotations

import re
from functools import lru_cache

from ...text.names import ARABIC_PARTICLES, CHAIN_PARTICLES
from .. import lexicon
from ..words import Word

_ADJECTIVE = re.compile(r"^(?:\d+-)?[a-zäöüß][\wäöüß-]*(?:e|en|er|es|em)$")
_CAPITAL_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:ige|ische|ene|ale|are|e)$")
FUNCTION_WORDS = (
    lexicon.ARTICLES
    | lexicon.PREPOSITIONS
    | lexicon.CLAUSE_WORDS
    | lexicon.INTERROGATIVES
    | {
        "statt",
        "anstatt",
        "während",
        "laut",
        "selbst",
        "sogar",
        "etwa",
    }
)


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
    return lower.endswith(lexicon.ROLE_SUFFIXES) or (
        len(lower) >= lexicon.AGENT_MIN_CHARS
        and lower.endswith(lexicon.AGENT_SUFFIXES)
        and not lower.endswith(lexicon.AGENT_NOT_PEOPLE)
    )


_NAME_PARTICLES = frozenset(
    particle.capitalize() for particle in CHAIN_PARTICLES | ARABIC_PARTICLES
)  # "Von Hohenberg sagte"
_AGE_NOUN = re.compile(r"^\d+-[A-ZÄÖÜ]")  # "die 27-Jährige", "der 24-Jährige": a person by age
# academic titles between a role and a name ("Mitautorin Prof. Dr. Anna Roth"): part of neither
ACADEMIC_TITLES = frozenset({"dr", "prof", "med", "phil", "rer", "nat", "jur", "ing", "dipl", "habil"})


def after_titles(words: list[Word], index: int) -> int:
    """The index of the first word at or after `index` that is no academic title or its period."""
    while index < len(words) and (
        words[index].lower in ACADEMIC_TITLES
        or (words[index].text == "." and index > 0 and words[index - 1].lower in ACADEMIC_TITLES)
    ):
        index += 1
    return index


def before_titles(words: list[Word], index: int) -> int:
    """The index of the last word at or before `index` that is no academic title or its period."""
    while index >= 0 and (
        words[index].lower in ACADEMIC_TITLES
        or (words[index].text == "." and index > 0 and words[index - 1].lower in ACADEMIC_TITLES)
    ):
        index -= 1
    return index


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
    if last in lexicon.ORGANISATION_WORDS:
        return True
    if last.removesuffix("en").endswith(lexicon.NOT_INSTITUTIONS):
        return False
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
    if base.endswith(("innen", *lexicon.FEMININE_ROLE_HEADS, *lexicon.FEMININE_AGENT_SUFFIXES)):
        return "f"  # "Obfrau", "Kauffrau", "Großmutter", "Ornithologin"
    feminine = base.endswith("in") and (
        is_role_noun(base[:-2]) or any(s.endswith("in") and base.endswith(s) for s in lexicon.ROLE_SUFFIXES)
    )
    return "f" if feminine else "m"


def _role_gender(noun: str, determiner: str) -> str:
    """The gender a role noun gives the person it names. A nominalised adjective ("Abgeordnete",
    "Vorsitzende", "27-Jährige") shows it only in its article ("die Abgeordnete"); without one
    ("CSU-Europaabgeordnete Katharina …") it tells nothing, and the first name decides."""
    lower = noun.lower()
    if lower.endswith("en") and not lower.endswith("innen") and determiner in _OBLIQUE_GENDER:
        return _OBLIQUE_GENDER[determiner]  # "mit der Abgeordneten X", "der 44-Jährigen X": hers
    if _AGE_NOUN.match(noun) or lower.endswith("e"):
        return _NOMINATIVE_GENDER.get(determiner, "")
    return _gender_of_role(noun)


_NOMINATIVE_GENDER = {"der": "m", "ein": "m", "die": "f", "eine": "f"}
# a role noun in -en is in the dative, accusative or genitive (or a plural): "der" before it is a
# woman's singular ("mit der Landtagsabgeordneten"), "dem", "den", "des" a man's, "die" a plural's
_OBLIQUE_GENDER = {
    **{"der": "f", "einer": "f", "die": ""},
    **{"dem": "m", "den": "m", "des": "m", "einem": "m", "einen": "m", "eines": "m"},
}


def given_name_gender(name: str | None) -> str:
    """ "f" or "m" for a given name the lexicon lists as an exception to the -a rule, else ""."""
    parts = (name or "").split(" ")
    if len(parts) < 2:  # a surname alone ("Berg", "Ruth") says nothing of a given name
        return ""
    first = parts[0].lower()
    if first in lexicon.FEMININE_GIVEN_NAMES:
        return "f"
    return "m" if first in lexicon.MASCULINE_GIVEN_NAMES_IN_A else ""


def likely_feminine(name: str | None) -> bool:
    """A first name in -a is more often a woman's, but not always ("Luka", "Nikola", "Mustafa"),
    and many women's names end otherwise ("Sabine", "Ingrid", "Selin"): the lexicon's lists of
    frequent exceptions first. A preference among people the text gives no gender, never a gender."""
    listed = given_name_gender(name)
    if listed:
        return listed == "f"
    first = (name or "").split(" ")[0]
    return first.endswith("a") and len(first) > 2


def looks_role(word: Word) -> bool:
    """A capitalised role noun by its head ("Botschafter", "Sprecherin", "48-Jährige")."""
    return _looks_role(word)


def looks_organisation(word: Word) -> bool:
    """A capitalised institution noun by its head ("Regierung", "Verband", "Landgericht")."""
    return _looks_organisation(word)
