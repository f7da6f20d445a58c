"""Word-wrapping a body text into display lines given as (start, end) offsets, never copies.

Pure and fast: the reading view wraps a 50,000-word article on every open and resize. A
paragraph whose every character takes one cell (Latin, Greek, Cyrillic and their punctuation:
nearly every news text) is measured with len() instead of asking rich for each word's cells.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable
from functools import cache

from rich.cells import cell_len

_TOKEN = re.compile(r"[^ \n]+ *| +")
# where to look for characters of one cell: Latin to Cyrillic, general punctuation, currency signs
_NARROW_RANGES = ((0x20, 0x52F), (0x2000, 0x206F), (0x20A0, 0x20CF))


@cache
def _all_narrow() -> Callable[[str], bool]:
    """Whether every character of a text takes exactly one cell, as rich measures them (combining
    marks and zero-width characters, taking none, are not among them; wide ones are outside)."""
    narrow = frozenset(
        character
        for low, high in _NARROW_RANGES
        for character in map(chr, range(low, high + 1))
        if cell_len(character) == 1
    )
    return narrow.issuperset


class WrappedLines:
    """Display lines of a text at one width: parallel arrays of start and end offsets."""

    __slots__ = ("ends", "starts", "width")

    def __init__(self, width: int) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.width = width

    def __len__(self) -> int:
        return len(self.starts)

    def append(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def extend(self, other: WrappedLines) -> None:
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)

    def line_of(self, offset: int) -> int:
        """Index of the display line holding offset (the last line for offsets past the end)."""
        return max(0, bisect_right(self.starts, offset) - 1)


def wrap(text: str, width: int, start: int = 0, end: int | None = None) -> WrappedLines:
    """Greedy word wrap of text[start:end] by terminal cells; words wider than the line are split.

    Offsets are absolute, so a long text can be wrapped in pieces split at line breaks.
    """
    width = max(1, width)
    lines = WrappedLines(width)
    position = start
    length = len(text) if end is None else end
    while position <= length:
        newline = text.find("\n", position, length)
        line_end = length if newline < 0 else newline
        _wrap_line(text, position, line_end, width, lines)
        if newline < 0:
            break
        position = newline + 1
    return lines


def _wrap_line(text: str, start: int, end: int, width: int, lines: WrappedLines) -> None:
    if start == end:
        lines.append(start, start)
        return
    line_start = start
    column = 0
    measure = len if _all_narrow()(text[start:end]) else cell_len
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        word = token.rstrip(" ")
        word_width = measure(word) if word else 0
        if column and column + word_width > width:
            lines.append(line_start, match.start())
            line_start = match.start()
            column = 0
        if word_width > width:
            line_start, column = _split_long_word(
                text, match.start(), match.start() + len(word), width, line_start, lines
            )
            column += len(token) - len(word)
            continue
        column += word_width + (len(token) - len(word))
    lines.append(line_start, end)


def _split_long_word(
    text: str, start: int, end: int, width: int, line_start: int, lines: WrappedLines
) -> tuple[int, int]:
    """Hard-split a word wider than the line; returns the open line's start and its width."""
    column = 0
    for index in range(start, end):
        char_width = cell_len(text[index])
        if column and column + char_width > width:
            lines.append(line_start, index)
            line_start = index
            column = 0
        column += char_width
    return line_start, column
