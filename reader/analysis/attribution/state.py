"""What every layer of the Attributor reads: the text, its words and sentences, the quotation spans, the mentions."""

from __future__ import annotations

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
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
