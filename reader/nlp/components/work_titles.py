"""Titles of works in quotation marks after the noun that says what they are: MISC, whatever the
NER made of their words ("im Podcast „Wirtschaft im Osten“", "die Ausstellung »Wem gehört die
Erinnerung?«", "des Tarifs „WL Vital Protect“", "unter dem Titel „Heat-related mortality in
Germany“", "Ausläufer des Tiefs „Hannelore“"). GUIDELINES.md counts works, products and named
events as MISC; the quotation marks around the title stay outside the span."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# the last part of a noun that names a kind of work, programme, product line or weather system
WORK_HEADS = (
    "podcast",
    "podcasts",
    "ausstellung",
    "film",
    "films",
    "serie",
    "sendung",
    "buch",
    "buchs",
    "buches",
    "roman",
    "romans",
    "album",
    "albums",
    "song",
    "songs",
    "lied",
    "liedes",
    "titel",
    "titels",
    "programm",
    "programms",
    "tarif",
    "tarifs",
    "kampagne",
    "hörspiel",
    "theaterstück",
    "kolumne",
    "newsletter",
    "tief",
    "tiefs",
    "hoch",
    "hochs",
)
# opening mark -> closing mark
_PAIRS = {"„": "“", "»": "«", "«": "»", '"': '"', "“": "”", "‚": "‘"}
MAX_TITLE_TOKENS = 8


def _title_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """(start, end) of the title inside the marks that open at token i, if it reads like one."""
    close = _PAIRS.get(doc[i].text)
    if close is None:
        return None
    for k in range(i + 1, min(len(doc), i + 2 + MAX_TITLE_TOKENS)):
        text = doc[k].text
        if text == close:
            first = doc[i + 1].text if k > i + 1 else ""
            if not first[:1].isupper() and not first[:1].isdigit():
                return None  # a quoted word or phrase ("das sogenannte „weiter so“"), no title
            return i + 1, k
        if text in _PAIRS or text in ("\n", ".", ";"):
            return None
    return None


def work_title_spans(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with each titled work as one MISC span; entities inside its title give way.
    After "Titel" one word is a sports title, not a work ("den Titel „Weltmeister“")."""
    titles: list[Span] = []
    for i in range(1, len(doc) - 2):
        noun = doc[i - 1].text
        if not noun[:1].isupper() or not noun.lower().endswith(WORK_HEADS):
            continue
        found = _title_after(doc, i)
        if found is not None and not (found[1] - found[0] == 1 and noun.lower().startswith("titel")):
            titles.append(Span(doc, found[0], found[1], label="MISC"))
    if not titles:
        return ents
    covered = {k for title in titles for k in range(title.start, title.end)}
    kept = [e for e in ents if not covered.intersection(range(e.start, e.end))]
    return sorted(filter_spans(kept + titles), key=lambda e: e.start)
