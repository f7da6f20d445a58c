"""Boilerplate: paragraphs that are no article text — related-article teasers, "more on this"
lists, podcast and newsletter promos, donation appeals, republishing notes, agency footers.

Found by general rules of position, shape and phrasing, never by strings of known articles:
- shape and position: the run of short headline-like lines (no sentence end, no cue) that ends
  an article, or follows a short line ending in a colon (a list heading);
- promo phrasing: an imperative addressed to the reader ("Hören Sie …", "Abonnieren Sie …",
  "Jetzt … unterstützen") or a pitch for the outlet's podcast, newsletter or subscription;
- rights notes: republishing, copyright and agency-footer lines; programme and series notes;
  a byline among the first paragraphs.
A paragraph with reported speech in it (a quotation with a cue) is article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import segments

_WORD = re.compile(r"\w+")
HEADLINE_MAX_WORDS = 14  # a teaser line is a headline: short, without a sentence end
TRAILING_MIN_LINES = 2  # a lone short last line may be a sign-off; two or more are a list
_IMPERATIVE_PROMO = re.compile(
    r"(?:^|[.!?:]\s+)\W*(?:jetzt\s+)?(?:hören|lesen|abonnieren|unterstützen|folgen|melden|registrieren|testen|"
    r"entdecken|sichern|spenden|bestellen|laden|besuchen|klicken|schauen|abonniere|hör|lies)\b[^.!?]*\b(?:sie|uns|du|dich|euch)\b",
    re.IGNORECASE,
)
_PITCH = re.compile(
    r"\b(?:unser(?:e[mnrs]?)?|den|im|zum)\s+(?:\w+-)?(?:podcast|newsletter|abo|abonnement|app|live-?blog|"
    r"liveticker|dossier|themenseite|spendenaufruf)\w*\b",
    re.IGNORECASE,
)
_SUPPORT = re.compile(
    r"\b(?:unterstützen|spenden|abonnieren|abonniert|freiwillig\w* beitrag|jetzt \w+ werden)\b", re.IGNORECASE
)
_APPEAL = re.compile(
    r"\b(?:ihre|deine|eure) (?:unterstützung|spende)\b|\bjetzt (?:unterstützen|spenden|abonnieren|testen)\b",
    re.IGNORECASE,
)
_SERIES = re.compile(
    r"\bteil (?:unserer|der|einer) (?:serie|reihe)\b|\balle (?:folgen|teile|beiträge) (?:der serie |finden sie|lesen sie)",
    re.IGNORECASE,
)
_PROGRAMME = re.compile(
    r"\bdieses thema\b[^.]*\b(?:programm|fernsehen|radio|berichtet)\b|\b(?:im fernsehen|im radio|in der sendung)\b[^.]*\d{1,2}[.:]\d{2}\s*uhr",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:von|text:|interview:)\s+[A-ZÄÖÜ][\w.-]+(?:\s+(?:und\s+)?[A-ZÄÖÜ][\w.-]+){0,5}\s*$", re.IGNORECASE
)
BYLINE_PARAGRAPHS = 3  # a byline stands among the first paragraphs


def is_byline(line: str) -> bool:
    """A line that is only an author's credit ("Von Nora Beckmann", "Text: …")."""
    return bool(_BYLINE.match(line.strip()))


_RIGHTS = re.compile(
    r"(?:©|\(c\)\s*\d{4}|alle rechte vorbehalten|nachdruck|weiterverbreitung|weiterverwendung|"
    r"erschien(?:en)? zuerst|zuerst erschienen|erstveröffentlichung|mit freundlicher genehmigung|"
    r"dieser (?:text|artikel|beitrag) (?:ist|wurde|erschien)\b[^.]*(?:veröffentlicht|erschienen|übernommen))",
    re.IGNORECASE,
)
_AGENCY_ID = re.compile(r"^\W*(?:dpa|afp|reuters|kna|epd|apa|sda)(?:[-:/ ]\w+)*[:/ -]\d{4,}", re.IGNORECASE)
_LIST_HEADING = re.compile(r":\s*$")


def _headline_like(line: str) -> bool:
    words = _WORD.findall(line)
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not segments.ends_sentence(line)


def _promo(line: str) -> bool:
    words = len(_WORD.findall(line))
    if _RIGHTS.search(line) or (_AGENCY_ID.search(line) and words <= 12):
        return True
    if _IMPERATIVE_PROMO.search(line) and (_PITCH.search(line) or _SUPPORT.search(line) or words <= 30):
        return True
    if _APPEAL.search(line) or _SERIES.search(line) or _PROGRAMME.search(line):
        return True
    return bool(_PITCH.search(line) and _SUPPORT.search(line))


def boilerplate_spans(text: str, reported: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of every boilerplate paragraph of `text`; `reported` are the spans of
    quotations with a cue, which keep their paragraph in the article."""
    paragraphs = [(m.start(), m.end()) for m in segments.paragraphs(text) if m.group().strip()]
    spoken = list(reported)

    def has_speech(span: tuple[int, int]) -> bool:
        return any(span[0] <= start < span[1] for start, _ in spoken)

    flagged: set[int] = set()
    # teaser lists closing the article: short headline-like lines at the end
    run = len(paragraphs)
    while (
        run > 0
        and _headline_like(text[paragraphs[run - 1][0] : paragraphs[run - 1][1]])
        and not has_speech(paragraphs[run - 1])
    ):
        run -= 1
    if len(paragraphs) - run >= TRAILING_MIN_LINES and run > 0:
        flagged.update(range(run, len(paragraphs)))
        if run > 0 and _LIST_HEADING.search(text[paragraphs[run - 1][0] : paragraphs[run - 1][1]]):
            flagged.add(run - 1)
    # a list heading ("…:") followed by headline-like lines, anywhere
    for index, (start, end) in enumerate(paragraphs[:-1]):
        line = text[start:end]
        if _LIST_HEADING.search(line) and len(_WORD.findall(line)) <= 6:
            following = index + 1
            while following < len(paragraphs) and _headline_like(
                text[paragraphs[following][0] : paragraphs[following][1]]
            ):
                following += 1
            if following - index > 1:
                flagged.update(range(index, following))
    for index, (start, end) in enumerate(paragraphs):
        line = text[start:end]
        if (_promo(line) or (index < BYLINE_PARAGRAPHS and is_byline(line))) and not has_speech((start, end)):
            flagged.add(index)
    return [paragraphs[index] for index in sorted(flagged)]


def covered_by(spans: Iterable[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)
