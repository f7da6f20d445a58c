"""Quotations: speech or term, and who said it, by the usual German attribution patterns.

For each quotation the rules look, in this order, for a verb of speaking right after it
(„…“, sagte Trump / so Trump), a colon before it (Trump sagte: „…“ / CNN analysierte: „…“ /
Daniel Fried … fällt ein Urteil: „…“), a verb of speaking elsewhere in its sentence (Putin sprach
von den „…“), a source phrase (laut ihm, X zufolge, nach Angaben von X) and an utterance noun
with a possessive (seine Drohung mit „…“). A quotation with none of these continues the
previous speaker's statement when it follows it closely (next sentence, „Und weiter: …“, a
translation in parentheses); standing alone, it carries on a statement reported with its cue just
before it in its paragraph, or, in the first person, speaks for the one person the paragraph is
about; else its speaker stays unknown: precision over recall.

One Attributor, in layers, each module adding one job's rules on top of those it uses:
state.py (what every rule reads) ← speakers.py (whom a cue names) ← cues.py (which cue attributes
a quotation) ← kind.py (speech or term) ← continuation.py (carrying on the previous speaker) ←
attributor.py (every quotation of the article). attributions.py is what an attribution is and the
Quote it makes; cue_words.py which words are cues; clauses.py where a clause ends; headings.py
gives a heading's quotation the speaker of the statement below that it shortens.
"""

from .attributions import Attribution, Cue, attributed_quote, speaker_kind, speaker_text
from .attributor import Attributor
from .cue_words import cue_category, is_cue_word

__all__ = [
    "Attribution",
    "Attributor",
    "Cue",
    "attributed_quote",
    "cue_category",
    "is_cue_word",
    "speaker_kind",
    "speaker_text",
]
