"""A quotation in a heading ("19:00 Uhr – Bürgermeisterin: „Wir bleiben“"): news headings repeat,
often shortened, a statement the text below quotes in full with its source; the heading's
quotation takes that speaker."""

from __future__ import annotations

import re
from dataclasses import replace

from ..results import SPEECH, Quote

_WORD = re.compile(r"\w+")
HEADING_MAX_WORDS = 16  # a line longer than this is a paragraph, not a heading
HEADING_MIN_QUOTE_WORDS = 2  # one word in a heading is a term („Katastrophe“), not an echo


def in_heading(text: str, start: int, end: int) -> bool:
    """The quotation [start, end) stands in a line of its own that reads as a heading: short and
    without a sentence's final stop after the quotation."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    after = text[end:line_end].strip(" \"“”»«‘’'")
    return len(_WORD.findall(line)) <= HEADING_MAX_WORDS and not after.endswith((".", "!", "?", ":"))


def with_heading_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """Each heading quotation without a speaker takes the speaker of the first later quotation
    that holds all its words (in any order: a heading shortens). A heading that names its source
    by a bare noun ("Feuerwehr: „…“") takes it too when that quotation's source is the same noun,
    resolved ("teilte die Feuerwehr mit" → Feuerwehr Bremen)."""
    out = list(quotes)
    for index, quote in enumerate(out):
        bare = _bare_noun(quote)
        guessed = quote.speaker_via == "context"  # a neighbouring sentence's person: the echo below says more
        if not guessed and (quote.speaker is not None or (quote.speaker_text is not None and bare is None)):
            continue
        if quote.depth > 0 or quote.boilerplate:
            continue
        words = {w.lower() for w in _WORD.findall(quote.text)}
        if len(words) < HEADING_MIN_QUOTE_WORDS or not in_heading(text, quote.start, quote.end):
            continue
        for later_index in range(index + 1, len(out)):
            later = out[later_index]
            if later.kind != SPEECH or not (later.speaker or later.speaker_text):
                continue
            if bare is not None and not (
                later.speaker and (quote.speaker_kind == "role" or (later.speaker_text or "").split(" ")[-1] == bare)
            ):
                continue  # "Feuerwehr: „…“" is the resolved Feuerwehr below; "Berater: „…“" a resolved person
            if words <= {w.lower() for w in _WORD.findall(later.text)}:
                out[index] = replace(
                    quote,
                    kind=SPEECH,
                    speaker=later.speaker,
                    speaker_key=later.speaker_key,
                    speaker_start=later.speaker_start,
                    speaker_end=later.speaker_end,
                    speaker_via="heading",
                    speaker_role=later.speaker_role,
                    speaker_text=later.speaker_text,
                    speaker_kind=later.speaker_kind,
                )
                break
    return out


def _bare_noun(quote: Quote) -> str | None:
    """The source a heading gives as one capitalised noun without an article ("Feuerwehr",
    "Berater"), unresolved: an institution the entry below names in full, a person it names."""
    worded = quote.speaker_text or ""
    bare = worded[:1].isupper() and " " not in worded and quote.speaker_kind in {"organisation", "role"}
    return worded if quote.speaker is None and bare else None
