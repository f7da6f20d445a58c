"""Words with offsets over the narration: the text outside quotations, where cues and speakers are.

Quoted text is blanked (same length, so offsets still index the body) before any rule looks for
verbs or names: a name inside a quotation is never its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

BLANK = "\x00"
_WORD = re.compile(r"\w+(?:[-’']\w+)*\.?|[,;:.!?()–—-]|\x00+")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.rstrip(".").lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_quote(self) -> bool:
        return self.text[:1] == BLANK

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


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
    """Initials and ordinals keep their period ("John E. Herbst", "15. August")."""
    core = token[:-1]
    return len(core) == 1 or core.isdigit()
