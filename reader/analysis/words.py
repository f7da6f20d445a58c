"""Words with offsets over the narration: the text outside quotations, where cues and speakers are.

Quoted text is blanked (same length, so offsets still index the body) before any rule looks for
verbs or names: a name inside a quotation is never its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

BLANK = "\x00"
_WORD = re.compile(r"\w+(?:[-’']\w+)*\.?|[,;:.!?()–—-]|\x00+")


class Word:
    """A word or punctuation mark with its offsets; what the rules ask of it is computed once
    (every rule asks for `lower` many times: the analysis speed depends on it)."""

    __slots__ = ("capitalized", "end", "is_quote", "is_word", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.rstrip(".").lower()
        first = text[:1]
        self.is_word = first.isalnum()
        self.is_quote = first == BLANK
        self.capitalized = first.isupper()

    def __repr__(self) -> str:
        return f"Word({self.start}, {self.end}, {self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Word) and (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each (start, end) span replaced by BLANK characters of the same length."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = BLANK * (end - start)
    return "".join(chars)


class Words:
    """The words of a (blanked) text, searchable by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[Word] = []
        for match in _WORD.finditer(text):
            token = match.group()
            if token.endswith(".") and len(token) > 1 and not _keeps_period(token):
                self.items.append(Word(match.start(), match.end() - 1, token[:-1]))
                self.items.append(Word(match.end() - 1, match.end(), "."))
            else:
                self.items.append(Word(match.start(), match.end(), token))
        self._starts = [word.start for word in self.items]

    def index_at(self, offset: int) -> int:
        """Index of the first word starting at or after `offset`."""
        return bisect_left(self._starts, offset)

    def between(self, start: int, end: int) -> list[Word]:
        return self.items[bisect_left(self._starts, start) : bisect_right(self._starts, end - 1)]

    def before(self, offset: int, limit: int) -> list[Word]:
        """Up to `limit` words ending at or before `offset`, nearest last."""
        index = bisect_left(self._starts, offset)
        return self.items[max(0, index - limit) : index]


def _keeps_period(token: str) -> bool:
    """Initials and ordinals keep their period ("Anna K. Roth", "3. Oktober")."""
    core = token[:-1]
    return len(core) == 1 or core.isdigit()
