"""Re-anchoring: find an annotation's passage again in an article whose text has changed.

Order of attempts, cheapest and surest first:
1. Same article version: the stored position is right (the text is byte-for-byte the same).
2. The exact quote occurs in the new text: take the occurrence whose surrounding text best
   matches the stored prefix/suffix, then the one closest to the old position. An occurrence
   whose context no longer matches is only taken when the quote is long enough to be distinctive.
3. Fuzzy: locate the passage's start by aligning (prefix + first characters of the quote) and its
   end by aligning (last characters of the quote + suffix); accept the span between them when its
   text is similar enough to the stored quote. Alignments use rapidfuzz's bit-parallel
   partial_ratio on short needles (<= 64 characters), searched first near the old position and
   only then across the whole text, so a 50,000-word article costs milliseconds.
Otherwise the annotation is orphaned: kept and listed, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein, Opcode

from .model import Annotation, TextPosition, TextQuote

EDGE_CHARS = 32  # quote characters aligned together with the prefix (start) or suffix (end)
DISTINCTIVE_CHARS = 24  # an exact quote this long is trusted even where its context changed
MIN_CONTEXT = 0.5  # context similarity an exact occurrence needs when the quote is not distinctive
MIN_FUZZY_QUOTE = 0.75  # similarity of the found passage to the stored quote, for a fuzzy match
MIN_FUZZY_EDGE = 60.0  # partial_ratio score an edge alignment needs to be used at all
NEAR_CHARS = 4000  # how far around the old position the fuzzy search looks first
MAX_OCCURRENCES = 1000  # exact occurrences scored (the nearest ones), to bound very short quotes
WINDOW_SLACK = 8  # characters added either side of an aligned window before mapping offsets


class AnchorState(StrEnum):
    ANCHORED = "anchored"
    REANCHORED = "re-anchored"
    ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is in the current text, or why it is not there."""

    state: AnchorState
    start: int | None = None
    end: int | None = None
    score: float = 0.0  # 1.0 for an exact anchor; the match quality for a re-anchored one
    reason: str = ""  # for orphans: why, in words a reader understands


@dataclass(frozen=True, slots=True)
class AnchoredAnnotation:
    """An annotation with where it sits in the article text as it is now."""

    annotation: Annotation
    anchor: Anchor

    @property
    def state(self) -> AnchorState:
        return self.anchor.state

    @property
    def start(self) -> int | None:
        return self.anchor.start

    @property
    def end(self) -> int | None:
        return self.anchor.end


def orphan(reason: str) -> Anchor:
    return Anchor(AnchorState.ORPHANED, reason=reason)


def text_similarity(a: str, b: str) -> float:
    """0..1; two empty strings are identical."""
    if not a and not b:
        return 1.0
    return Indel.normalized_similarity(a, b)


def context_score(body: str, start: int, end: int, quote: TextQuote) -> float:
    """How well the text around body[start:end] matches the stored prefix and suffix (0..1)."""
    before = body[max(0, start - len(quote.prefix)) : start]
    after = body[end : end + len(quote.suffix)]
    return (text_similarity(quote.prefix, before) + text_similarity(quote.suffix, after)) / 2


def locate(body: str, version: str, annotation: Annotation) -> Anchor:
    """The annotation's passage in `body` (whose version is `version`)."""
    position, quote = annotation.position, annotation.quote
    if (
        annotation.article_version == version
        and 0 <= position.start < position.end <= len(body)
        and body[position.start : position.end] == quote.exact
    ):
        return Anchor(AnchorState.ANCHORED, position.start, position.end, 1.0)
    if not quote.exact:
        return orphan("the stored passage is empty")
    found = _exact_match(body, position, quote) or _fuzzy_match(body, position, quote)
    if found is None:
        return orphan("the passage is no longer in the article text")
    start, end, score = found
    return Anchor(AnchorState.REANCHORED, start, end, score)


def _occurrences(body: str, needle: str) -> list[int]:
    found: list[int] = []
    index = body.find(needle)
    while index != -1:
        found.append(index)
        index = body.find(needle, index + 1)
    return found


def _exact_match(body: str, position: TextPosition, quote: TextQuote) -> tuple[int, int, float] | None:
    occurrences = _occurrences(body, quote.exact)
    if not occurrences:
        return None
    if len(occurrences) > MAX_OCCURRENCES:
        occurrences = sorted(occurrences, key=lambda at: abs(at - position.start))[:MAX_OCCURRENCES]
    size = len(quote.exact)
    span = max(len(body), 1)
    best: tuple[float, float, int] | None = None
    for at in occurrences:
        context = context_score(body, at, at + size, quote)
        closeness = 1.0 - abs(at - position.start) / span
        candidate = (context, closeness, at)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    assert best is not None
    context, _, at = best
    distinctive = size >= DISTINCTIVE_CHARS and len(occurrences) == 1
    if context < MIN_CONTEXT and not distinctive:
        return None
    return at, at + size, round(0.8 + 0.2 * context, 4)


def _align(needle: str, body: str, lo: int, hi: int) -> tuple[int, int, float] | None:
    """Best window of body[lo:hi] for needle: (window start, window end, score 0..100)."""
    lo, hi = max(0, lo), min(len(body), hi)
    if hi - lo < 1:
        return None
    result = fuzz.partial_ratio_alignment(needle, body[lo:hi], score_cutoff=MIN_FUZZY_EDGE)
    if result is None:
        return None
    return lo + result.dest_start, lo + result.dest_end, result.score


def _prefer_in_place(
    needle: str, body: str, at: int, found: tuple[int, int, float] | None
) -> tuple[int, int, float] | None:
    """Where several windows align equally well (repetitive text), keep the one at `at`."""
    if found is None or not 0 <= at <= len(body) - len(needle):
        return found
    in_place = fuzz.ratio(needle, body[at : at + len(needle)])
    return (at, at + len(needle), in_place) if in_place >= found[2] else found


def _align_near_then_anywhere(needle: str, body: str, near: int) -> tuple[int, int, float] | None:
    """Closest first: in repetitive text several windows score alike, and the nearest is meant."""
    tight = len(needle) // 2 + WINDOW_SLACK
    found = _prefer_in_place(needle, body, near, _align(needle, body, near - tight, near + tight + len(needle)))
    if found is not None and found[2] >= 90:
        return found
    found = _align(needle, body, near - NEAR_CHARS, near + NEAR_CHARS + len(needle))
    if found is not None and found[2] >= 90:
        return found
    anywhere = _align(needle, body, 0, len(body))
    if anywhere is None:
        return found
    if found is None or anywhere[2] > found[2]:
        return anywhere
    return found


def _map_start(needle: str, window: str, point: int) -> int:
    """The window offset where needle[point:] begins (text inserted just before it stays out)."""
    for op in Levenshtein.opcodes(needle, window):
        if op.tag != "insert" and op.src_start <= point < op.src_end:
            return op.dest_start + _within(op, point)
    return len(window)


def _within(op: Opcode, point: int) -> int:
    """How far into its window block `point` of an aligned needle block lies: equal and replaced
    characters map one to one (a changed letter stays inside the passage), deleted ones to the rim."""
    if op.tag == "delete":
        return 0
    return min(point - op.src_start, op.dest_end - op.dest_start)


def _map_end(needle: str, window: str, point: int) -> int:
    """The window offset where needle[:point] ends (text inserted just after it stays out)."""
    if point == 0:
        return _map_start(needle, window, 0)
    for op in Levenshtein.opcodes(needle, window):
        if op.tag != "insert" and op.src_start < point <= op.src_end:
            return op.dest_start + _within(op, point)
    return len(window)


def _window(body: str, lo: int, hi: int) -> tuple[int, str]:
    """The aligned window widened by a few characters, so an edit at its rim is still covered."""
    lo, hi = max(0, lo - WINDOW_SLACK), min(len(body), hi + WINDOW_SLACK)
    return lo, body[lo:hi]


def _fuzzy_match(body: str, position: TextPosition, quote: TextQuote) -> tuple[int, int, float] | None:
    exact = quote.exact
    edge = min(len(exact), EDGE_CHARS)
    head = quote.prefix + exact[:edge]
    head_found = _align_near_then_anywhere(head, body, position.start - len(quote.prefix))
    if head_found is None:
        return None
    head_lo, text = _window(body, head_found[0], head_found[1])
    start = head_lo + _map_start(head, text, len(quote.prefix))

    tail = exact[-edge:] + quote.suffix
    expected = start + len(exact) - edge  # where the tail begins if the passage kept its length
    tight = len(tail) // 2 + WINDOW_SLACK
    tail_found = _align(tail, body, max(start, expected - tight), expected + tight + len(tail))
    tail_found = _prefer_in_place(tail, body, expected, tail_found)
    if tail_found is None or tail_found[2] < 90:
        reach = start + int(len(exact) * 1.5) + len(tail) + EDGE_CHARS
        tail_found = _align(tail, body, start, reach)
    if tail_found is None:
        return None
    tail_lo, text = _window(body, tail_found[0], tail_found[1])
    end = tail_lo + _map_end(tail, text, edge)
    if end <= start:
        return None
    quote_similarity = text_similarity(exact, body[start:end])
    if quote_similarity < MIN_FUZZY_QUOTE:
        return None
    context = context_score(body, start, end, quote)
    if len(exact) < DISTINCTIVE_CHARS and context < MIN_CONTEXT:
        return None
    return start, end, round(0.8 * quote_similarity + 0.2 * context, 4)
