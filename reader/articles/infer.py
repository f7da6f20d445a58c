"""Metadata inferred from an article's plain text when front matter does not give it.

The rules are generic, never per file: a short first line without final punctuation is a
headline; a leading `date YYYY-MM-DD` marker is a date (and not body text); otherwise the title
falls back to the first sentence, shortened.
"""

from __future__ import annotations

import re

from ..text.marks import GUILLEMETS, HIGH_QUOTES, SENTENCE_FINAL, STRAIGHT_QUOTES
from ..text.segments import first_sentence
from ..text.shortening import cut_at_word

HEADLINE_MAX_CHARS = 120
HEADLINE_MAX_WORDS = 16
TITLE_MAX_CHARS = 90
# a line ending so ends like a sentence (or a clause: a colon, a comma), so it is no headline
FINAL_PUNCTUATION = SENTENCE_FINAL + ":;,"
_CLOSING_QUOTES = STRAIGHT_QUOTES + HIGH_QUOTES + GUILLEMETS

_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")


def is_headline(line: str) -> bool:
    """A headline is short and does not end like a sentence."""
    line = line.strip()
    if not line or len(line) > HEADLINE_MAX_CHARS or len(line.split()) > HEADLINE_MAX_WORDS:
        return False
    return line.rstrip(_CLOSING_QUOTES)[-1:] not in FINAL_PUNCTUATION


def strip_date_marker(line: str) -> tuple[str, str]:
    """Return (date, rest of line) when the line opens with a `date YYYY-MM-DD` marker."""
    match = _DATE_MARKER.match(line)
    if match is None:
        return "", line
    return match.group(1), line[match.end() :]


def infer_title(paragraphs: list[str]) -> str:
    if not paragraphs:
        return ""
    return cut_at_word(first_sentence(paragraphs[0]), TITLE_MAX_CHARS)
