"""Canonical names: "Wladimir Putin", "Putin", "Putins" and "Wladimir Putins" are one key.

Within an article a surname alone maps to the one full name ending in it; a genitive form maps
to its base when the base is attested. `LibraryNames` does the same across articles, for a
surname or genitive whose full form only another article gives.

Hyphenated compounds ("Trump-Lager", "Trump-Putin-Gipfel") are left as the pipeline marked
them: such a span names a camp or an event, not the person, so it keeps its own key.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.marks import DASHES, QUOTES_NOT_APOSTROPHES

_INITIAL = re.compile(r"^\w\.$")
_FINAL_INITIAL = re.compile(r"\s[A-ZÄÖÜ]\.$")  # "Ingeborg K.": the period is the initial's, not the sentence's
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = QUOTES_NOT_APOSTROPHES + "()[],.;:!?" + DASHES  # an apostrophe may end a genitive ("Merz'")
_WORD = re.compile(r"[\w-]+")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*$")
PERSON = "PER"
PLACE = "LOC"
_ALIASES = Path(__file__).with_name("place_aliases.json")
# oblique adjective endings ("des Internationalen", "dem Weißen"); -er/-es/-e stay as written:
# "Internationaler", "Weißes", and the undeclined place adjectives ("Frankfurter")
_OBLIQUE_ENDINGS = ("en", "em")


@lru_cache(maxsize=1)
def place_aliases() -> dict[str, str]:
    """CLDR's English (and ISO alpha-3) names of places -> their German name ("Moscow" ->
    "Moskau", "USA" -> "Vereinigte Staaten"); written by the pipeline build from babel."""
    try:
        return json.loads(_ALIASES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def clean_name(text: str) -> str:
    """The span text with whitespace collapsed and stray edge punctuation removed."""
    text = _SPACE.sub(" ", text).strip()
    cleaned = text.strip(_EDGE_PUNCT).strip()
    end = text.find(cleaned) + len(cleaned)
    if _FINAL_INITIAL.search(text[: end + 1]):
        cleaned += "."  # an initial keeps its period: GUIDELINES' fullest name is "Ingeborg K.", as written
    return cleaned


def name_key(name: str) -> str:
    """The comparable form of a name: case-folded, middle initials dropped ("Anna K. Roth"), a final
    initial without its period."""
    cleaned = clean_name(name)
    if _FINAL_INITIAL.search(cleaned):
        cleaned = cleaned[:-1]  # "Ingeborg K." and "Ingeborg K" are one key, however a span ends
    words = cleaned.replace("’", "'").split(" ")
    kept = [w for i, w in enumerate(words) if not (_INITIAL.match(w) and 0 < i < len(words) - 1)]
    return " ".join(kept).casefold()


def genitive_bases(name: str) -> list[str]:
    """Forms the name could be the genitive of: "Putins" → "Putin", "Klaus'" → "Klaus"."""
    if name.endswith(("'", "’")):
        return [name[:-1]]
    bases = []
    if len(name) > 3 and name.endswith("s") and not name.endswith("ss"):
        bases.append(name[:-1])
    if len(name) > 4 and name.endswith("es"):
        bases.append(name[:-2])
    return bases


def surname(name: str) -> str:
    return clean_name(name).split(" ")[-1]


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A recognised span before canonicalisation."""

    start: int
    end: int
    label: str
    text: str


# what an adjective's stem looks like ("Bayer-isch", "Städt-isch", "Kommun-al", "Vereinigt",
# "Dritt", "Deutsch", "Weiß"): "Volkswagen Sachsen GmbH" and "Eisbären Berlin" hold nouns in -en
_ADJECTIVE_STEM = re.compile(
    r"(?:sch|lich|ig|al|iv|ell|t)$"
    r"|^(?:Weiß|Rot|Schwarz|Grün|Blau|Gelb|Frei|Neu|Alt|Groß|Klein|Hoh|Nah|Fern|Wild|Ober|Unter|Nieder|Heilig)$"
)
# articles before a masculine or neuter genitive, whose head noun then ends in -s/-es ("des Verbands")
_GENITIVE_ARTICLE = re.compile(r"(?:^|\s)(?:des|eines|dieses)\s$", re.IGNORECASE)


def _adjective_stem(word: str, endings: tuple[str, ...]) -> str | None:
    """'Kommunalen' -> 'Kommunal': a capitalised adjective with one of the endings."""
    if not word[:1].isupper() or not word[1:].islower():
        return None
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and _ADJECTIVE_STEM.search(word[: -len(ending)]):
            return word[: -len(ending)]
    return None


def _head_length(words: list[str]) -> int:
    """How many words the name's head phrase has: those before its first lower-case word ("der",
    "für", "und"). The words after are the head's complement, in the case it governs ("Verband
    der Deutschen Süßwarenindustrie"), and are never de-inflected."""
    return next((i for i, word in enumerate(words) if i and word[:1].islower()), len(words))


def _head_noun_base(noun: str, attested: set[str], genitive: bool) -> str | None:
    """The head noun without its genitive -s/-es: where the bare word is attested, or where the
    name follows "des"/"eines" (so it is a genitive): "-es" after a consonant ("Bundestages",
    "Hauses"), else "-s" ("Instituts", "Bodensees"); a noun in -us has none ("des Tourismus")."""
    for base in genitive_bases(noun):
        if base in attested:
            return base
    if not genitive or not noun[:1].isupper() or not noun.endswith("s") or noun.endswith(("ss", "us")) or len(noun) < 4:
        return None
    if noun.endswith("es") and noun[-3] not in "aeiouäöüy":
        return noun[:-2]
    return noun[:-1]


def base_form(name: str, attested: set[str], genitive: bool = False) -> tuple[str, int]:
    """A multi-word name in the nominative, and how many of its words were not (negative).

    Only the head phrase (the words before a "der", "für", "von" …) is de-inflected: oblique
    adjectives before a capitalised word take the weak nominative ending -e, which fits every
    gender ("des Europäischen Gerichtshofs" -> "Europäische Gerichtshof"); the
    head noun, its last word, loses a genitive -s/-es where the bare word is attested or the
    name is a genitive (`genitive`: it follows "des" in the text)."""
    words = name.split(" ")
    head = _head_length(words)
    score = 0
    out = list(words)
    for i in range(head - 1):
        stem = _adjective_stem(words[i], _OBLIQUE_ENDINGS) if words[i + 1][:1].isupper() else None
        if stem is not None:
            out[i] = stem + "e"
            score -= 1
    base = _head_noun_base(out[head - 1], attested, genitive)
    if base is not None:
        out[head - 1] = base
        score -= 1
    return " ".join(out), score


def _group_key(name: str, attested: set[str], genitive: bool = False) -> str:
    """The name with every adjective ending and a genitive -s off its head phrase: the same for
    all its cases."""
    words = name.split(" ")
    head = _head_length(words)
    out = list(words)
    for i in range(head - 1):
        if words[i + 1][:1].isupper() and (stem := _adjective_stem(words[i], ("en", "em", "er", "es", "e"))):
            out[i] = stem
    base = _head_noun_base(out[head - 1], attested, genitive)
    if base is not None:
        out[head - 1] = base
    return " ".join(out).casefold()


def declined_forms(
    texts: Iterable[str], labels: dict[str, Counter[str]], attested: set[str], genitives: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Multi-word names other than people, grouped by their base form, each mapped to the
    variant the article writes most nominatively ("Europäischer Gerichtshof" over
    "Europäischen Gerichtshofs"), else to the base form itself. `genitives`: the names
    the text writes after "des"/"eines"."""
    groups: dict[str, Counter[str]] = {}
    scores: dict[str, int] = {}
    bases: dict[str, str] = {}
    for text in texts:
        if " " not in text or labels[text].most_common(1)[0][0] == PERSON:
            continue
        bases[text], scores[text] = base_form(text, attested, text in genitives)
        groups.setdefault(_group_key(text, attested, text in genitives), Counter())[text] += labels[text].total()
    out: dict[str, str] = {}
    for variants in groups.values():
        best = max(variants, key=lambda v: (scores[v], variants[v], len(v), v))
        display = best if scores[best] == 0 else bases[best]
        for variant in variants:
            out[variant] = display
    return out


def canonical_names(
    spans: Iterable[NameSpan], text: str = "", short_forms: dict[str, str] | None = None
) -> dict[str, str]:
    """Map each span text of one article to its canonical display name.

    A genitive maps to an attested base ("Putins" → "Putin" when "Putin" or a full name ending
    in "Putin" occurs); a single-word person name maps to the only full name ending in it.
    Ambiguous surnames (two full names share one) stay as they are. Other multi-word names go
    to their base form (:func:`declined_forms`); a place named in English or by its ISO code
    goes to its German CLDR name ("Switzerland" → "Schweiz"); a short form is the name `short_forms`
    gives it (see short_forms.py: "KVN" → "Kassenärztliche Vereinigung Niedersachsen").
    """
    spans = list(spans)
    canonical = _person_and_genitive_names(spans)
    labels: dict[str, Counter[str]] = {}
    for span in spans:
        labels.setdefault(clean_name(span.text), Counter())[span.label] += 1
    attested = set(_WORD.findall(text)) | {w for t in canonical for w in t.split(" ")}
    genitives = frozenset(
        clean_name(span.text) for span in spans if _GENITIVE_ARTICLE.search(text, max(0, span.start - 8), span.start)
    )
    declined = declined_forms(canonical, labels, attested, genitives)
    aliases = place_aliases()
    for name, value in canonical.items():
        value = declined.get(name, value)
        if labels[name].most_common(1)[0][0] == PLACE:
            value = aliases.get(value.casefold(), value)
        canonical[name] = value
    for acronym, full in (short_forms or {}).items():
        if acronym in canonical and full in canonical:
            canonical[acronym] = canonical[full]
    return canonical


def _person_and_genitive_names(spans: list[NameSpan]) -> dict[str, str]:
    texts = Counter(clean_name(span.text) for span in spans)
    labels: dict[str, Counter[str]] = {}
    for span in spans:
        labels.setdefault(clean_name(span.text), Counter())[span.label] += 1
    attested = set(texts)
    full_person_names = {t for t in texts if " " in t and labels[t].most_common(1)[0][0] == PERSON}
    attested |= {surname(t) for t in full_person_names}

    def base_of(text: str) -> str:
        if text in attested and not any(b in attested for b in genitive_bases(text)):
            return text
        for base in genitive_bases(text):
            if base in attested:
                return base
        return text

    bases = {text: base_of(text) for text in texts}
    full_by_key: dict[str, Counter[str]] = {}
    for text, count in texts.items():
        base = bases[text]
        if " " in base and base in full_person_names | {b for b in bases.values() if " " in b}:
            full_by_key.setdefault(name_key(base), Counter())[base] += count
    # only a person's full name lends its last word a referent: "Leipzig" is not "Universität Leipzig"
    person_keys = {name_key(t) for t in full_person_names}
    by_surname: dict[str, set[str]] = {}
    for key in full_by_key:
        if key in person_keys:
            by_surname.setdefault(key.split(" ")[-1], set()).add(key)

    canonical: dict[str, str] = {}
    for text in texts:
        base = bases[text]
        key = name_key(base)
        if key in full_by_key:
            canonical[text] = display_form(full_by_key[key])
            continue
        # a surname of a person the article names in full is that person, whatever its label
        owners = by_surname.get(key, set()) if " " not in base else set()
        if len(owners) == 1:
            canonical[text] = display_form(full_by_key[next(iter(owners))])
        else:
            canonical[text] = base
    return canonical


def display_form(variants: Counter[str]) -> str:
    """The most frequent spelling; on a tie the longest (it carries the most information)."""
    return max(variants.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]


class LibraryNames:
    """Canonical names across articles: per-article keys → one library key per referent."""

    def __init__(self, names: Iterable[tuple[str, str, str]]) -> None:
        """`names`: (key, display name, label) of every entity of every article."""
        display: dict[str, Counter[str]] = {}
        label_votes: dict[str, Counter[str]] = {}
        for key, name, label in names:
            display.setdefault(key, Counter())[name] += 1
            label_votes.setdefault(key, Counter())[label] += 1
        self._display = display
        self._labels = label_votes
        full_keys = {k for k in display if " " in k and label_votes[k][PERSON] > 0}  # any article calls it a person
        by_surname: dict[str, set[str]] = {}
        for key in full_keys:
            by_surname.setdefault(key.split(" ")[-1], set()).add(key)
        self._map: dict[str, str] = {}
        for key in display:
            self._map[key] = self._resolve(key, by_surname)

    def _resolve(self, key: str, by_surname: dict[str, set[str]]) -> str:
        if " " in key:
            return key
        candidates = [key] + [name_key(base) for base in genitive_bases(key)]
        for candidate in candidates:
            owners = by_surname.get(candidate, set())
            if len(owners) == 1 and self._labels[key].most_common(1)[0][0] == PERSON:
                return next(iter(owners))
        for candidate in candidates[1:]:
            if candidate in self._display:
                return candidate
        return key

    def key(self, key: str) -> str:
        """The library key for an article's key (unknown keys map to themselves)."""
        return self._map.get(key, key)

    def label(self, key: str) -> str:
        """The label most spans of the referent carry, over every key that maps to it."""
        votes: Counter[str] = Counter()
        for local, library in self._map.items():
            if library == key:
                votes.update(self._labels[local])
        return votes.most_common(1)[0][0] if votes else ""

    def name(self, key: str, default: str | None = None) -> str:
        """Display name for a library key: the most used spelling among the keys mapped to it
        (`default`, else the key itself, for a key no entity has)."""
        variants: Counter[str] = Counter()
        for local, library in self._map.items():
            if library == key and local == key:
                variants.update(self._display[local])
        return display_form(variants) if variants else (default or key)
