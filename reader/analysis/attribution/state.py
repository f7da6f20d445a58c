"""What every layer of the Attributor reads: the text, its words and sentences, the quotation spans, the mentions."""

from __future__ import annotations

from bisect import bisect_right

from ...text.quotations import QuoteSpan
from ..mentions import Mention
from ..results import Sentence
from ..words import Words


class AttributionState:
    """The article as the attribution rules see it; set once, read by every layer."""

    def __init__(
        self,
        text: str,
        words: Words,
        sentences: list[Sentence],
        spans: list[QuoteSpan],
        mentions: list[Mention],
    ) -> None:
        self.text = text
        self.words = words
        self.sentences = sentences or [Sentence(0, len(text))]
        self._sentence_starts = [s.start for s in self.sentences]
        self.spans = spans
        self._vocatives = _vocative_spans(words)
        self.mentions = sorted((m for m in mentions if not _inside(self._vocatives, m.start)), key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]


_VOCATIVE_OPENERS = frozenset(
    {"meine", "liebe", "lieber", "liebes", "werte", "werter", "verehrte", "verehrter", "sehr", "geehrte", "geehrter"}
)
VOCATIVE_MAX_WORDS = 8


def _vocative_spans(words: Words) -> list[tuple[int, int]]:
    """Addresses set off by commas ("…, meine Damen und Herren, …", "werte Kollegen,", "Liebe
    Kolleginnen und Kollegen:"): whom a speaker turns to, never who speaks."""
    items = words.items
    spans: list[tuple[int, int]] = []
    for index, word in enumerate(items):
        if word.lower not in _VOCATIVE_OPENERS or (
            index > 0 and items[index - 1].text not in {",", ".", "!", "?", "-", "–"}
        ):
            continue
        for end in range(index + 1, min(len(items), index + VOCATIVE_MAX_WORDS + 1)):
            if items[end].text in {",", ":", "!"}:
                if any(w.capitalized and w.is_word for w in items[index + 1 : end]):
                    spans.append((word.start, items[end - 1].end))
                break
            if not items[end].is_word or items[end].is_quote:
                break
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
