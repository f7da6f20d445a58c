"""Quotations: pair the opening and closing marks of every German (and English) style.

Pure text work, no spaCy. A quotation crosses a paragraph only when the marks show it, so an
unpaired mark cannot swallow the rest of the article: an opener left open at the end of its
paragraph pairs with a closer that the next paragraph has before any opener of its own („… so
war das.¶Und dann …“, sagte sie); else it becomes a quotation only when it opens the paragraph
(the German convention for a quotation running over several paragraphs: each paragraph opens,
only the last one closes); anywhere else it is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from .marks import CLOSERS, QUOTATION_MARKS
from .segments import paragraphs

_MARKS = frozenset(QUOTATION_MARKS)
_OPEN_BEFORE = set(" \t\n([{/–—-:;,") | _MARKS  # what may stand before an opening mark


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One paired quotation: the text strictly between `open_at` and `close_at`."""

    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark, or the paragraph end when not closed
    open_mark: str
    close_mark: str  # "" when the quotation runs to the paragraph end unclosed
    depth: int  # 0 for an outermost quotation, 1 for a quote inside a quote, …

    @property
    def start(self) -> int:
        return self.open_at + 1

    @property
    def end(self) -> int:
        return self.close_at

    @property
    def closed(self) -> bool:
        return bool(self.close_mark)

    @property
    def outer_start(self) -> int:
        return self.open_at

    @property
    def outer_end(self) -> int:
        return self.close_at + (1 if self.close_mark else 0)


def _can_open(text: str, at: int, start: int, end: int) -> bool:
    """An opener follows a break or punctuation and is followed by the quoted text."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    return (before in _OPEN_BEFORE or before.isdigit()) and not after.isspace()


def _can_close(text: str, at: int, start: int, end: int) -> bool:
    """A closer follows the quoted text and is not followed by a letter or digit."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    return not before.isspace() and not after.isalnum()


def _is_apostrophe(text: str, at: int, start: int, end: int, closes_single: bool) -> bool:
    """’ or ' inside a word (Putin's, geht's), or after a word-final s, x, z (Klaus' Rede)."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    if before.isalpha() and after.isalpha():
        return True
    return before in "sxzß" and not closes_single


def pair_paragraph(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Pair the marks of one paragraph `text[start:end]`, quotations inside quotations included."""
    return _pair(text, start, end)[0]


def _pair(text: str, start: int, end: int) -> tuple[list[QuoteSpan], tuple[int, str] | None]:
    """The paragraph's quotations, and its outermost opener left open at its end (if any)."""
    found: list[QuoteSpan] = []
    stack: list[tuple[int, str]] = []  # (offset, opening mark), innermost last
    for at in range(start, end):
        mark = text[at]
        if mark not in _MARKS:
            continue
        closes = [depth for depth, (_, opener) in enumerate(stack) if mark in CLOSERS[opener]]
        if mark in "'’" and _is_apostrophe(text, at, start, end, bool(closes)):
            continue
        if closes and _can_close(text, at, start, end):
            depth = closes[-1]
            open_at, opener = stack[depth]
            del stack[depth:]  # openers still open inside it have no partner: dropped
            found.append(QuoteSpan(open_at, at, opener, mark, 0))
        elif mark in CLOSERS and _can_open(text, at, start, end) and (mark != "'" or stack):
            stack.append((at, mark))
    left = stack[0] if stack else None
    if left is not None:
        open_at, opener = left
        if not text[start:open_at].strip() and open_at + 1 < end:
            found.append(QuoteSpan(open_at, end, opener, "", 0))
    found.sort(key=lambda span: (span.open_at, -span.close_at))
    return [_with_depth(span, found) for span in found], left


def _closer_ahead(text: str, start: int, end: int, opener: str) -> int | None:
    """Where the paragraph `text[start:end]` closes a quotation the one before left open: its
    first quotation mark, when that one closes `opener` and no opener of its own comes first."""
    for at in range(start, end):
        mark = text[at]
        if mark not in _MARKS or (mark in "'’" and _is_apostrophe(text, at, start, end, False)):
            continue
        if mark in CLOSERS[opener] and _can_close(text, at, start, end):
            return at
        return None
    return None


def _with_depth(span: QuoteSpan, spans: list[QuoteSpan]) -> QuoteSpan:
    """Depth counts the quotations that really enclose this one (dropped openers do not)."""
    depth = sum(1 for other in spans if other.open_at < span.open_at and span.close_at < other.close_at)
    return QuoteSpan(span.open_at, span.close_at, span.open_mark, span.close_mark, depth)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in the text, in reading order, each confined to its paragraph (line)."""
    spans: list[QuoteSpan] = []
    left: tuple[int, str] | None = None  # the previous paragraph's opener left open
    for paragraph in paragraphs(text):
        start, end = paragraph.span()
        if left is not None and (close := _closer_ahead(text, start, end, left[1])) is not None:
            spans = _joined(spans, QuoteSpan(left[0], close, left[1], text[close], 0))
            start = close + 1
        found, left = _pair(text, start, end)
        spans.extend(found)
    return spans


def _joined(spans: list[QuoteSpan], joined: QuoteSpan) -> list[QuoteSpan]:
    """The spans with a quotation over a paragraph break in place of its first paragraph's part
    (the span to that paragraph's end, if it opened the paragraph); those inside it nest."""
    kept = [span for span in spans if not (span.open_at == joined.open_at and not span.closed)]
    kept.append(joined)
    kept.sort(key=lambda span: (span.open_at, -span.close_at))
    inside = [span for span in kept if span.open_at >= joined.open_at]
    return [span for span in kept if span.open_at < joined.open_at] + [_with_depth(s, inside) for s in inside]
