"""Word-wrapping a body text into display lines given as (start, end) offsets, never copies.

Pure and fast: the reading view wraps a 50,000-word article on every open and resize. A
paragraph whose every character takes one cell (Latin, Greek, Cyrillic and their punctuation:
nearly every news text) is wrapped a line at a time with str.rfind, where a column is an offset
(a tenth of the time of walking it word by word); any other paragraph word by word, asking rich
for each word's cells.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

from rich.cells import cell_len

_TOKEN = re.compile(r"[^ \n]+ *| +")
# where to look for characters of one cell: Latin to Cyrillic, general punctuation, currency signs
_NARROW_RANGES = ((0x20, 0x52F), (0x2000, 0x206F), (0x20A0, 0x20CF))


def _not_narrow_pattern() -> re.Pattern[str]:
    """A character that does not take exactly one cell, as rich measures them: combining marks and
    zero-width characters take none, wide ones two. One regex search tells a whole text is narrow
    (a tenth of the time of a set's issuperset)."""
    narrow = [code for low, high in _NARROW_RANGES for code in range(low, high + 1) if cell_len(chr(code)) == 1]
    runs: list[list[int]] = []
    for code in narrow:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[^" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in runs) + "]")


# Made on import (a few ms), not on the first wrap: the app imports the reading view in idle time,
# a second after the library shows, so the first article opened does not wait for it.
_NOT_NARROW = _not_narrow_pattern()


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
    all_narrow = _NOT_NARROW.search(text, start, length) is None
    while position <= length:
        newline = text.find("\n", position, length)
        line_end = length if newline < 0 else newline
        if position == line_end:
            lines.append(position, position)
        elif all_narrow or _NOT_NARROW.search(text, position, line_end) is None:
            _wrap_narrow(text, position, line_end, width, lines)
        else:
            _wrap_measured(text, position, line_end, width, lines)
        if newline < 0:
            break
        position = newline + 1
    return lines


def _wrap_narrow(text: str, start: int, end: int, width: int, lines: WrappedLines) -> None:
    """The same lines as `_wrap_measured` where every character takes one cell: a line holds every
    word that ends within `width` of its start, so each line is found by looking at the character
    just past the width (a space: the line ends before the next word; a letter: before its word,
    or, a word wider than the line, after `width` of its letters)."""
    starts, ends = lines.starts.append, lines.ends.append  # bound once: a call per line is most of the cost
    line_start = start
    while True:
        limit = line_start + width
        if limit >= end:
            break
        if text[limit] == " ":
            following = limit
            while following < end and text[following] == " ":
                following += 1
            if following == end:
                break
            starts(line_start)
            ends(following)
            line_start = following
            continue
        word_start = text.rfind(" ", line_start, limit) + 1
        line_end = word_start if word_start > line_start else limit
        starts(line_start)
        ends(line_end)
        line_start = line_end
    starts(line_start)
    ends(end)


def _wrap_measured(text: str, start: int, end: int, width: int, lines: WrappedLines) -> None:
    """Word by word, each word measured in cells (wide and zero-width characters)."""
    line_start = start
    column = 0
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        word = token.rstrip(" ")
        word_width = cell_len(word) if word else 0
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
