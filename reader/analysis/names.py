"""Canonical names: "Wladimir Putin", "Putin", "Putins" and "Wladimir Putins" are one key.

Within an article a surname alone maps to the one full name ending in it; a genitive form maps
to its base when the base is attested. `LibraryNames` does the same across articles, for a
surname or genitive whose full form only another article gives.

Hyphenated compounds ("Trump-Lager", "Trump-Putin-Gipfel") are left as the pipeline marked
them: such a span names a camp or an event, not the person, so it keeps its own key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_INITIAL = re.compile(r"^\w\.$")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = "„“”\"»«‚‘’'()[],.;:!?–—-"
PERSON = "PER"


def clean_name(text: str) -> str:
    """The span text with whitespace collapsed and stray edge punctuation removed."""
    text = _SPACE.sub(" ", text).strip()
    text = text.strip(_EDGE_PUNCT.replace("'", "").replace("’", "")).strip()
    return text


def name_key(name: str) -> str:
    """The comparable form of a name: case-folded, middle initials dropped ("John E. Herbst")."""
    words = clean_name(name).replace("’", "'").split(" ")
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


def canonical_names(spans: Iterable[NameSpan]) -> dict[str, str]:
    """Map each span text of one article to its canonical display name.

    A genitive maps to an attested base ("Putins" → "Putin" when "Putin" or a full name ending
    in "Putin" occurs); a single-word person name maps to the only full name ending in it.
    Ambiguous surnames (two full names share one) stay as they are.
    """
    spans = list(spans)
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
    by_surname: dict[str, set[str]] = {}
    for key in full_by_key:
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
