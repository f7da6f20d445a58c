"""What kind of body a generic institution noun means ("das Gremium", "die Landeskirche") and
whether an organisation's name or written noun is of that kind (lexicon.INSTITUTION_KINDS)."""

from __future__ import annotations

from functools import lru_cache

from .. import lexicon


def _without_case(noun: str) -> str:
    """A lower-case noun without a genitive ending: "Gremiums" → "gremium", "Konzernes" → "konzern"."""
    for ending in ("es", "s"):
        if noun.endswith(ending) and noun.removesuffix(ending).endswith(tuple(lexicon.INSTITUTION_KINDS)):
            return noun.removesuffix(ending)
    return noun


@lru_cache(maxsize=1 << 12)
def institution_kind(noun: str) -> str | None:
    """The kind a generic institution noun names, by the longest kind it ends in: "die
    Landeskirche" is a "kirche", "des Gremiums" a "gremium"; None for a noun of no kind."""
    stem = _without_case(noun.lower())
    kinds = [kind for kind in lexicon.INSTITUTION_KINDS if stem.endswith(kind)]
    return max(kinds, key=len) if kinds else None


def kinds_of(written: str) -> frozenset[str]:
    """The kinds an organisation's name or written noun tells by its words: "Kreisseniorenbeirat"
    is a "gremium", "Evangelische Kirche von Westfalen" a "kirche", "Reederei" an "unternehmen"."""
    words = [part for word in written.lower().split(" ") for part in word.split("-") if part]
    return frozenset(kind for kind, heads in lexicon.INSTITUTION_KINDS.items() if any(w.endswith(heads) for w in words))


def of_kind(noun: str, written: str) -> bool:
    """Whether an organisation so written is of the kind the institution noun names."""
    kind = institution_kind(noun)
    return kind is not None and kind in kinds_of(written)
