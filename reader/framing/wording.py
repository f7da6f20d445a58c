"""Which words changed between two renderings of one quotation (the quote-group view)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

EQUAL = "equal"
CHANGED = "changed"  # in this rendering, not in the reference
_TOKEN = re.compile(r"\w+(?:[-’']\w+)*|[^\w\s]+|\s+")


def word_changes(reference: str, rendering: str) -> list[tuple[str, str]]:
    """The rendering cut into (EQUAL | CHANGED, piece): words compared case-insensitively, what the
    reference lacks or has otherwise is CHANGED; spaces and punctuation stay with their neighbours."""
    ref = [t for t in _TOKEN.findall(reference) if not t.isspace()]
    tokens = _TOKEN.findall(rendering)
    words = [(i, t) for i, t in enumerate(tokens) if not t.isspace()]
    matcher = SequenceMatcher(None, [t.lower() for t in ref], [t.lower() for _, t in words], autojunk=False)
    same: set[int] = set()
    for block in matcher.get_matching_blocks():
        same.update(words[k][0] for k in range(block.b, block.b + block.size))
    out: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        kind = EQUAL if token.isspace() or i in same or not any(c.isalnum() for c in token) else CHANGED
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + token)
        else:
            out.append((kind, token))
    return out


def changed_words(reference: str, rendering: str) -> list[str]:
    return [piece.strip() for kind, piece in word_changes(reference, rendering) if kind == CHANGED and piece.strip()]
