"""Quotation marks and punctuation: what they are, once, for every rule that looks at them.

German opens low („ ‚) and closes high (“ ‘), or uses guillemets pointing inward (» «); Swiss and
French guillemets point outward (« »); English quotes open and close high (“ ” ‘ ’); straight
quotes (" ') are either. The right single quote ’ and the straight ' are also apostrophes
(„Putin’s“, „geht's“), which is why some rules leave them out.
"""

from __future__ import annotations

LOW_QUOTES = "„‚"  # German openers
HIGH_QUOTES = "“”‘’"  # German closers, English openers and closers
GUILLEMETS = "»«"  # either way round
SINGLE_GUILLEMETS = "›‹"
STRAIGHT_QUOTES = "\"'"
APOSTROPHES = "’'"
QUOTATION_MARKS = LOW_QUOTES + HIGH_QUOTES + GUILLEMETS + SINGLE_GUILLEMETS + STRAIGHT_QUOTES
# every quotation mark that cannot be an apostrophe: a name or a word never holds one
QUOTES_NOT_APOSTROPHES = "".join(mark for mark in QUOTATION_MARKS if mark not in APOSTROPHES)

# Which closing marks end a quotation opened by each mark (the pairing of analysis/marks.py).
CLOSERS: dict[str, str] = {
    "„": '“”"',  # German „…“ (and the common „…” / „…" slips)
    "“": '”"',  # English “…”
    '"': '"“”',  # straight quotes, paired in order
    "»": "«",  # German »…«
    "«": "»",  # Swiss and French «…»
    "‚": "‘’'",  # German single ‚…‘
    "‘": "’",  # English single ‘…’
    "›": "‹",  # German single ›…‹
    "‹": "›",  # Swiss single ‹…›
    "'": "'",  # straight single quotes, only inside another quotation
}

SENTENCE_FINAL = ".!?…"  # what ends a sentence
OPENING_BRACKETS = "([{"
CLOSING_BRACKETS = ")]}"
DASHES = "–—-"
# marks that may follow a sentence's final punctuation and still belong to it („…“, sagte er.“)
CLOSING_AFTER_SENTENCE = "“”’»«" + STRAIGHT_QUOTES + ")"
# marks that may open the next sentence, before its first letter
OPENING_SENTENCE = "„‚“»«" + STRAIGHT_QUOTES + "("
# German style: „…“ ‚…‘ »…« — where no space goes before a closing mark or after an opening one
GERMAN_OPENING = "„‚»"
GERMAN_CLOSING = "“‘«"
