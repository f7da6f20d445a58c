"""Finding a query in an article's text, as a reader's `/` does: literally, smart-case.

A query in lower case matches any case; one with a capital letter matches that case exactly
(vim's smartcase, less's -i). Offsets are the body's own, so hits map onto the reading view's
highlights directly; a 50,000-word article is searched in a few milliseconds (benchmarks/).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .segments import Span


def find_all(text: str, query: str) -> list[Span]:
    """Every non-overlapping occurrence of `query` in `text`, in order; none for an empty query."""
    query = " ".join(query.split()) if query.strip() else ""
    if not query:
        return []
    flags = 0 if any(char.isupper() for char in query) else re.IGNORECASE
    # a space in the query matches any run of whitespace: a line break between two words too
    pattern = r"\s+".join(re.escape(word) for word in query.split(" "))
    return [match.span() for match in re.finditer(pattern, text, flags)]


def next_hit(hits: list[Span], offset: int, step: int) -> tuple[int, bool] | None:
    """The index of the hit after `offset` (step 1) or before it (-1), and whether that wrapped
    round the end of the text; None when there are no hits."""
    if not hits:
        return None
    starts = [start for start, _ in hits]
    if step > 0:
        index = bisect_right(starts, offset)
        return (index, False) if index < len(hits) else (0, True)
    index = bisect_left(starts, offset) - 1
    return (index, False) if index >= 0 else (len(hits) - 1, True)
