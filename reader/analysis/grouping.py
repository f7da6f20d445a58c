"""The same quotation across outlets: group renderings of one utterance from different articles.

Outlets quote the same words with other marks, another translation, only a part of them, or
in other words. Two quotations from different articles are linked when their normalised texts
are close (most content words of the shorter one occur in the other, so a partial quote joins
the full one) or one paraphrases the other with the same speaker; speakers known on both sides
must agree, and a negation on one side only keeps them apart. Groups are the
connected parts of that graph; a group's id is a hash of its members, so it is stable for the
same members.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .results import SPEECH, Quote

OVERLAP_THRESHOLD = 0.8  # share of the shorter quotation's content words found in the other
PARAPHRASE_SHARE = 0.75  # a paraphrase: this share of all the shorter one's words is in the other …
PARAPHRASE_MIN_WORDS = 4  # … which has at least this many words …
PARAPHRASE_WORD_SIMILARITY = 75.0  # … matched loosely ("hinwollen" / "wollen")
PARAPHRASE_SLACK = 2  # the longer one's first len(shorter) + this many words are what is compared
WORD_SIMILARITY = 82.0  # two words match despite inflection ("produktives" / "produktive")
MIN_SHARED_WORDS = 2
BLOCKING_PREFIX = 4
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset(
    """
aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bin bis
bist da dabei damit dann das dass dein deine dem den denn der des die dies diese diesem diesen
dieser dieses doch dort du durch ein eine einem einen einer eines er es etwas euch euer für
gegen hat hatte hatten habe haben hier ich ihr ihre ihm ihn im in ins ist ja jede jeder jetzt
kann kein keine können man mein meine mit muss nach nicht noch nun nur ob oder ohne sehr sein
seine sich sie sind so soll über um und uns unser unter viel vom von vor war waren was weil
wenn wer wie wir wird wo zu zum zur
""".split()
)
_NEGATIONS = frozenset(
    {
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "nichts",
        "niemand",
        "nirgends",
    }
)
# words that hedge or stress an utterance without changing what it says ("ich glaube, …", "wohl")
_HEDGES = frozenset(
    """
glaube glauben denke finde meine sage sagen wohl vielleicht ganz deutlich wirklich sehr schon
eben halt ja eigentlich natürlich klar sicher
""".split()
)


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One quotation of one article: the article and the quotation's index in its analysis."""

    article_id: str
    index: int
    quote: Quote


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.casefold()) if word not in _STOPWORDS]


def _negation_differs(a: str, b: str) -> bool:
    """One is negated and the other not, within the stretch they share (the shorter one and as
    many words of the longer one, and a few more)."""
    left, right = _WORD.findall(a.casefold()), _WORD.findall(b.casefold())
    if len(left) > len(right):
        left, right = right, left
    window = right[: len(left) + PARAPHRASE_SLACK]
    return any(w in _NEGATIONS for w in left) != any(w in _NEGATIONS for w in window)


def paraphrase(a: Quote, b: Quote) -> bool:
    """Two renderings of one utterance in other words, by the same known speaker: most words of
    the shorter one are in the longer one, and neither has a content word the other lacks in
    the stretch they share ("Wir sind noch nicht dort, wo wir hinwollen" / "Wir sind noch
    nicht da"; not "… nicht fertig"). False groupings are worse than missed ones."""
    if not (a.speaker_key and a.speaker_key == b.speaker_key) or a.kind != SPEECH or b.kind != SPEECH:
        return False
    left, right = _WORD.findall(a.text.casefold()), _WORD.findall(b.text.casefold())
    if len(left) > len(right):
        left, right = right, left
    if len(left) < PARAPHRASE_MIN_WORDS:
        return False
    window = right[: len(left) + PARAPHRASE_SLACK]

    def found(word: str, others: list[str]) -> bool:
        return any(fuzz.ratio(word, other) >= PARAPHRASE_WORD_SIMILARITY for other in others)

    if sum(found(word, right) for word in left) < PARAPHRASE_SHARE * len(left):
        return False

    def content(words: list[str]) -> list[str]:
        return [w for w in words if w not in _STOPWORDS and w not in _HEDGES]

    return all(found(w, right) for w in content(left)) and all(found(w, left) for w in content(window))


def utterance_similarity(a: Quote, b: Quote) -> float:
    """0–1: the share of the shorter quotation's content words the other one has (fuzzily, so
    inflection and spelling differ freely); 1 for a paraphrase by the same speaker; 0 when known
    speakers differ or only one of them is negated. Terms match only when their words are the
    same."""
    if a.speaker_key and b.speaker_key and a.speaker_key != b.speaker_key:
        return 0.0
    if a.kind != SPEECH or b.kind != SPEECH:
        return 1.0 if normalise(a.text) == normalise(b.text) and normalise(a.text) else 0.0
    if _negation_differs(a.text, b.text):
        return 0.0  # "Das ist verhandelbar" / "Das ist nicht verhandelbar"
    if paraphrase(a, b):
        return 1.0
    left, right = content_words(a.text), content_words(b.text)
    if len(left) > len(right):
        left, right = right, left
    if not left:
        return 0.0
    shared = sum(1 for word in left if any(fuzz.ratio(word, other) >= WORD_SIMILARITY for other in right))
    if shared < min(MIN_SHARED_WORDS, len(left)) or (
        len(left) == 1 and not (a.speaker_key and a.speaker_key == b.speaker_key and left == right)
    ):
        return 0.0
    return shared / len(left)


def same_utterance(a: Quote, b: Quote) -> bool:
    return utterance_similarity(a, b) >= OVERLAP_THRESHOLD


def group_quotes(refs: Sequence[QuoteRef]) -> dict[str, tuple[QuoteRef, ...]]:
    """Group id → members (two or more, from at least two articles), in reading order."""
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in candidate_pairs(refs):
        a, b = refs[i], refs[j]
        if a.article_id != b.article_id and same_utterance(a.quote, b.quote):
            parent[find(i)] = find(j)
    members: dict[int, list[QuoteRef]] = {}
    for i, ref in enumerate(refs):
        members.setdefault(find(i), []).append(ref)
    groups: dict[str, tuple[QuoteRef, ...]] = {}
    for group in members.values():
        if len({ref.article_id for ref in group}) < 2:
            continue
        ordered = tuple(sorted(group, key=lambda r: (r.article_id, r.quote.start)))
        groups[group_id(ordered)] = ordered
    return groups


def candidate_pairs(refs: Sequence[QuoteRef]) -> set[tuple[int, int]]:
    """Pairs (i < j) from different articles sharing a content word stem (its first letters),
    or a speaker and the two opening words: all others cannot be the same utterance of two
    outlets (a paraphrase sharing no content word opens alike), so a large library, or one long
    article full of quotations, is not compared pair by pair."""
    by_stem: dict[str, dict[str, list[int]]] = {}
    for index, ref in enumerate(refs):
        words = content_words(ref.quote.text) if ref.quote.kind == SPEECH else [normalise(ref.quote.text)]
        keys = {word[:BLOCKING_PREFIX] for word in words if word}
        opening = _WORD.findall(ref.quote.text.casefold())[:2]
        if ref.quote.kind == SPEECH and ref.quote.speaker_key and len(opening) == 2:
            keys.add(f"{ref.quote.speaker_key}\t{' '.join(opening)}")  # paraphrases opening alike
        for stem in keys:
            by_stem.setdefault(stem, {}).setdefault(ref.article_id, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for by_article in by_stem.values():
        articles = list(by_article.values())
        for position, left in enumerate(articles):
            for right in articles[position + 1 :]:
                pairs.update((min(i, j), max(i, j)) for i in left for j in right)
    return pairs


def group_id(members: Sequence[QuoteRef]) -> str:
    """Stable for the same members: the articles and the normalised quoted words, not offsets."""
    identity = "\n".join(sorted(f"{ref.article_id}\t{normalise(ref.quote.text)}" for ref in members))
    return "g" + hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12]
