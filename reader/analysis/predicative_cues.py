"""Adjectives that report a clause after a copula ("Ich bin überzeugt, dass …", "Mir ist bewusst,
dass …", "Wir sind uns einig: …"), and which argument is their source.

German gives these adjectives their holder in one of two places: the subject ("ich bin sicher",
"wir sind uns einig") or a dative ("mir ist klar", "ist Ihnen bekannt"); a sentence without that
argument ("Es ist klar, dass …") names no source. The adjectives and their source positions are
those GePaDe-SpkAtt train (SpkAtt-2023; CC BY-SA 4.0) annotates as cues with a copula at least
twice, in at least a quarter of their occurrences before a clause (counts in the comments: cue
events, then how often the source was the subject or a dative).
"""

from __future__ import annotations

from .words import Word

SUBJECT = "subject"
DATIVE = "dative"

PREDICATIVE_CUES: dict[str, str] = {
    "überzeugt": SUBJECT,  # 18: ich 13, wir 4
    "einig": SUBJECT,  # 16: wir 10, sie 3
    "dankbar": SUBJECT,  # 12: ich 10, wir 2
    "sicher": SUBJECT,  # 8: ich 3, sie 2, man 1
    "froh": SUBJECT,  # 2: ich 2
    "bekannt": DATIVE,  # 13: Ihnen 7, mir 1, none 3
    "klar": DATIVE,  # 13: none 10 ("Es ist klar, dass …"), "für" 3
    "bewusst": DATIVE,  # 3: uns 1, mir 1
}
COPULAS = frozenset(
    {"bin", "bist", "ist", "sind", "seid", "war", "waren", "warst", "sei", "seien", "wäre", "wären", "sein", "gewesen"}
)
DATIVE_PRONOUNS = frozenset({"mir", "uns", "ihnen", "ihm", "ihr", "dir", "euch"})
# "davon überzeugt", "dafür dankbar", "darüber einig": the adverb that stands for the clause
_PLACEHOLDERS = frozenset({"davon", "dafür", "darüber", "darin", "dessen"})
_CLAUSE_BREAKS = frozenset({",", ":", ";", ".", "!", "?", "(", ")", "–", "—"})


def copula_of(narration: list[Word], position: int) -> int | None:
    """The copula of the adjective at `position` in its clause: before it ("bin … überzeugt", "Ist
    Ihnen … bekannt") or after it ("Klar ist aber auch, dass …", "sicher sein, dass …")."""
    k = position - 1
    while k >= 0 and narration[k].text not in _CLAUSE_BREAKS and not narration[k].is_quote:
        if narration[k].lower in COPULAS:
            return k
        k -= 1
    k = position + 1
    while k < len(narration) and narration[k].text not in _CLAUSE_BREAKS and not narration[k].is_quote:
        if narration[k].lower in COPULAS:
            return k
        k += 1
    return None


def clause_separator(narration: list[Word], position: int) -> int | None:
    """The comma or colon that opens the adjective's clause: right after it, after the adverb that
    stands for the clause ("überzeugt davon, dass …") or after its copula and modal ("sicher sein
    können, dass …", "Klar ist aber auch, dass …")."""
    k = position + 1
    if k < len(narration) and narration[k].lower in _PLACEHOLDERS:
        k += 1
    skipped = 0
    while k < len(narration) and skipped < 3 and narration[k].is_word and narration[k].text.islower():
        k += 1
        skipped += 1
    if k < len(narration) and narration[k].text in {",", ":"}:
        return k
    return None


def dative_holder(narration: list[Word], start: int, end: int) -> int | None:
    """The position of a dative pronoun between `start` and `end` ("Mir ist bewusst", "ist uns klar")."""
    return next((k for k in range(start, end) if narration[k].lower in DATIVE_PRONOUNS), None)
