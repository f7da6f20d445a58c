"""Word, sentence and paragraph spans of a body text: what a cursor moves by.

Pure functions over the text. Sentence spans here are a fast punctuation-based fallback; the
analysis replaces them with the pipeline's sentences once it has run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .library.infer import _ABBREVIATIONS

Span = tuple[int, int]

_WORD = re.compile(r"\w+(?:[-’'.]\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'“”»«’)]*(?=\s)|\n\n")


def word_spans(text: str) -> list[Span]:
    return [m.span() for m in _WORD.finditer(text)]


def paragraph_spans(text: str) -> list[Span]:
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        spans.append(match.span())
    return spans


def sentence_spans(text: str) -> list[Span]:
    """Sentences by punctuation, not splitting after abbreviations or ordinal numbers."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("."):
            word = re.search(r"(\w+)$", text[max(0, match.start() - 20) : match.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or word.group(1).isdigit()):
                continue
        end = match.end() if match.group() != "\n\n" else match.start()
        _append_trimmed(text, start, end, spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def next_start(spans: Sequence[Span], offset: int) -> int | None:
    """Start of the first span that begins after offset."""
    index = bisect.bisect_right(spans, (offset, float("inf")))
    return spans[index][0] if index < len(spans) else None


def previous_start(spans: Sequence[Span], offset: int) -> int | None:
    """Start of the span before the one holding offset (or the current one's start if inside it)."""
    index = bisect.bisect_left(spans, (offset, -1)) - 1
    return spans[index][0] if index >= 0 else None
