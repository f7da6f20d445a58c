"""Metadata inferred from an article's plain text when front matter does not give it.

The rules are generic, never per file: a short first line without final punctuation is a
headline; a leading `date YYYY-MM-DD` marker is a date (and not body text); otherwise the title
falls back to the first sentence, shortened.
"""

from __future__ import annotations

import re

HEADLINE_MAX_CHARS = 120
HEADLINE_MAX_WORDS = 16
TITLE_MAX_CHARS = 90
FINAL_PUNCTUATION = ".!?:;…,"
CLOSING_QUOTES = "\"'“”«»‘’"

_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
# Abbreviations after which a period does not end a sentence (German news usage).
_ABBREVIATIONS = {
    "z",
    "b",
    "dr",
    "prof",
    "nr",
    "st",
    "bzw",
    "ca",
    "vgl",
    "usw",
    "etc",
    "inkl",
    "evtl",
    "ggf",
    "sog",
    "u",
    "a",
    "d",
    "h",
    "o",
    "s",
    "mio",
    "mrd",
    "jh",
    "jhd",
    "str",
    "abs",
    "art",
    "bspw",
    "hrsg",
    "min",
    "max",
    "tel",
    "gen",
    "lt",
    "mr",
    "mrs",
    "ms",
    "jr",
    "sr",
    "vs",
}
_SENTENCE_END = re.compile(r"[.!?…]+[\"'“”»«’]*(?=\s+[\"'„“»«‚A-ZÄÖÜ0-9(]|\s*$)")


def is_headline(line: str) -> bool:
    """A headline is short and does not end like a sentence."""
    line = line.strip()
    if not line or len(line) > HEADLINE_MAX_CHARS or len(line.split()) > HEADLINE_MAX_WORDS:
        return False
    return line.rstrip(CLOSING_QUOTES)[-1:] not in FINAL_PUNCTUATION


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, by punctuation, skipping abbreviations and ordinals."""
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()]
        word = re.search(r"(\w+)$", before)
        if match.group().startswith(".") and word:
            token = word.group(1)
            if token.lower() in _ABBREVIATIONS or token.isdigit():
                continue
        return text[: match.end()].strip()
    return text.strip()


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """Cut at a word boundary and mark the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:–- ") + "…"


def strip_date_marker(line: str) -> tuple[str, str]:
    """Return (date, rest of line) when the line opens with a `date YYYY-MM-DD` marker."""
    match = _DATE_MARKER.match(line)
    if match is None:
        return "", line
    return match.group(1), line[match.end() :]


def infer_title(paragraphs: list[str]) -> str:
    if not paragraphs:
        return ""
    return shorten(first_sentence(paragraphs[0]))
