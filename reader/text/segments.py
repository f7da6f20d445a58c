"""Paragraphs, sentences and words of a text, as (start, end) offsets into it.

A paragraph is a line: an article's body joins its paragraphs by a blank line, and nothing in
reader ever lets a sentence or a quotation cross a line break. A sentence ends at final
punctuation (with the closing quotes or bracket after it) that is followed by the end of its
paragraph or by whitespace and what can open a sentence (a capital, a digit, an opening quote or
bracket) — not after an abbreviation or an ordinal number ("z. B.", "Dr. Weber", "am 15. August").
This is the rule for text alone; the spaCy pipeline's sentence component (nlp/components/
sentences.py) finds sentences from tokens, and the analysis uses the pipeline's when it has any.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from .marks import CLOSING_AFTER_SENTENCE, OPENING_SENTENCE, SENTENCE_FINAL

Span = tuple[int, int]

# Abbreviations after which a period does not end a sentence (German news usage).
ABBREVIATIONS = frozenset({
    "z", "b", "dr", "prof", "nr", "st", "bzw", "ca", "vgl", "usw", "etc", "inkl", "evtl", "ggf",
    "sog", "u", "a", "d", "h", "o", "s", "mio", "mrd", "jh", "jhd", "str", "abs", "art", "bspw",
    "hrsg", "min", "max", "tel", "gen", "lt", "mr", "mrs", "ms", "jr", "sr", "vs",
})  # fmt: skip

_PARAGRAPH = re.compile(r"[^\n]+")
_FINAL = re.escape(SENTENCE_FINAL)
_SENTENCE_END = re.compile(
    rf"[{_FINAL}]+[{re.escape(CLOSING_AFTER_SENTENCE)}]*(?=\s+[{re.escape(OPENING_SENTENCE)}A-ZÄÖÜ0-9]|\s*$)"
)
_LAST_WORD = re.compile(r"(\w+)$")
_ENDS_SENTENCE = re.compile(rf"[{_FINAL}][{re.escape(CLOSING_AFTER_SENTENCE)}]*\s*$")
_WORD = re.compile(r"\w+(?:[-’'.]\w+)*|[^\w\s]")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The paragraphs (non-empty lines) of text[start:end], as matches over the whole text."""
    return _PARAGRAPH.finditer(text, start, len(text) if end is None else end)


def paragraph_spans(text: str) -> list[Span]:
    return [match.span() for match in paragraphs(text)]


def sentence_breaks(text: str, start: int, end: int) -> Iterator[Span]:
    """(end of a sentence, start of the next) for each sentence break inside one paragraph
    text[start:end]; whitespace between two sentences belongs to neither."""
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group().startswith(".") and _after_abbreviation(text, start, match.start()):
            continue
        following = match.end()
        while following < end and text[following].isspace():
            following += 1
        if following < end:
            yield match.end(), following


def _after_abbreviation(text: str, start: int, period: int) -> bool:
    """Whether the period at `period` closes an abbreviation or an ordinal number."""
    word = _LAST_WORD.search(text, start, period)
    return word is not None and (word.group(1).lower() in ABBREVIATIONS or word.group(1).isdigit())


def sentence_spans(text: str) -> list[Span]:
    """Every sentence of the text by the rule above, trimmed of whitespace, in reading order."""
    spans: list[Span] = []
    for paragraph in paragraphs(text):
        start = paragraph.start()
        for end, following in sentence_breaks(text, start, paragraph.end()):
            _append_trimmed(text, start, end, spans)
            start = following
        _append_trimmed(text, start, paragraph.end(), spans)
    return spans


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (all of it when it holds one)."""
    end = next(sentence_breaks(text, 0, len(text)), (len(text), 0))[0]
    return text[:end].strip()


def ends_sentence(line: str) -> bool:
    """Whether a line ends with final punctuation (and the closing marks after it)."""
    return _ENDS_SENTENCE.search(line) is not None


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def word_spans(text: str) -> list[Span]:
    """Words (with inner hyphens, apostrophes and periods: "US-Präsident", "z.B.") and single
    punctuation marks."""
    return [match.span() for match in _WORD.finditer(text)]


def next_start(spans: Sequence[Span], offset: int) -> int | None:
    """Start of the first span that begins after offset."""
    index = bisect.bisect_right(spans, (offset, float("inf")))
    return spans[index][0] if index < len(spans) else None


def next_end(spans: Sequence[Span], offset: int) -> int | None:
    """End of the first span that ends after offset: vim's `e`, as an exclusive offset (the
    character after the word), so that `v` then `e` selects the word and no more."""
    index = bisect.bisect_right([end for _, end in spans], offset)
    return spans[index][1] if index < len(spans) else None


def previous_start(spans: Sequence[Span], offset: int) -> int | None:
    """Start of the span before the one holding offset (or the current one's start if inside it)."""
    index = bisect.bisect_left(spans, (offset, -1)) - 1
    return spans[index][0] if index >= 0 else None
