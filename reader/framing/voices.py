"""Whom each outlet lets speak, and how much: quotations and reported speech per speaker.

Counted are speech quotations (outermost, not in teasers) and reported speech; a quotation's
words are direct speech, an indirect clause's words indirect speech. The share of voice is a
speaker's words of both kinds over all attributed words of the article. Speakers without a name
count under the mention as written ("ein Sprecher"); speech nobody is named for counts as
"unknown".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis import SPEECH, LibraryAnalysis, Quote

UNKNOWN = "(unknown)"
_WORD = re.compile(r"\w+(?:[-’']\w+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class SpeakerVoice:
    """One speaker in one article."""

    key: str  # the speaker's key, else the mention as written, else UNKNOWN
    name: str
    quotes: int  # direct quotations
    direct_words: int
    reported: int  # reported (indirect) clauses
    indirect_words: int
    share: float  # of all attributed words in the article, 0…1

    @property
    def words(self) -> int:
        return self.direct_words + self.indirect_words

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "quotes": self.quotes,
            "direct_words": self.direct_words,
            "reported": self.reported,
            "indirect_words": self.indirect_words,
            "words": self.words,
            "share": round(self.share, 4),
        }


@dataclass(frozen=True, slots=True)
class OutletVoices:
    article_id: str
    speakers: tuple[SpeakerVoice, ...]  # most words first

    @property
    def words(self) -> int:
        return sum(s.words for s in self.speakers)

    def speaker(self, key: str) -> SpeakerVoice | None:
        return next((s for s in self.speakers if s.key == key), None)

    def to_json(self) -> dict[str, object]:
        return {"article": self.article_id, "words": self.words, "speakers": [s.to_json() for s in self.speakers]}


def speaker_identity(quote: Quote) -> tuple[str, str]:
    """(key, display name) of whoever the quote is attributed to."""
    if quote.speaker_key and quote.speaker:
        return quote.speaker_key, quote.speaker
    # an unnamed speaker as the text brought them in ("Eine Sprecherin der Stadt", not the "die
    # Sprecherin" that takes her up), else as written; an unresolved "er" or "man" says nothing
    written = quote.speaker or (quote.speaker_text if quote.speaker_kind != "pronoun" else None)
    if written:
        text = " ".join(written.split())
        return "text:" + text.lower(), text
    return UNKNOWN, UNKNOWN


def voices(library_analysis: LibraryAnalysis, article_ids: Iterable[str]) -> list[OutletVoices]:
    out = []
    for article_id in article_ids:
        if article_id not in library_analysis.article_ids:
            continue
        analysis = library_analysis.article(article_id)
        tally: dict[str, list[int]] = {}
        names: dict[str, str] = {}
        for quote in analysis.quotes:
            if quote.kind != SPEECH or quote.depth != 0 or quote.boilerplate:
                continue
            key, name = speaker_identity(quote)
            names.setdefault(key, name)
            row = tally.setdefault(key, [0, 0, 0, 0])
            row[0] += quote.continues is None  # a continuation is the same quotation, interrupted
            row[1] += word_count(quote.text)
        for quote in analysis.indirect:
            key, name = speaker_identity(quote)
            names.setdefault(key, name)
            row = tally.setdefault(key, [0, 0, 0, 0])
            row[2] += 1
            row[3] += word_count(quote.text)
        total = sum(row[1] + row[3] for row in tally.values()) or 1
        speakers = [
            SpeakerVoice(key, names[key], q, dw, r, iw, (dw + iw) / total) for key, (q, dw, r, iw) in tally.items()
        ]
        speakers.sort(key=lambda s: (s.key == UNKNOWN, -s.words, s.name))
        out.append(OutletVoices(article_id, tuple(speakers)))
    return out


def only_one_outlet(outlets: Iterable[OutletVoices]) -> Mapping[str, list[str]]:
    """Article id → names of the speakers no other of the articles quotes (unknown speakers aside)."""
    outlets = list(outlets)
    seen: dict[str, set[str]] = {}
    for outlet in outlets:
        for speaker in outlet.speakers:
            if speaker.key != UNKNOWN:
                seen.setdefault(speaker.key, set()).add(outlet.article_id)
    return {
        outlet.article_id: [s.name for s in outlet.speakers if len(seen.get(s.key, ())) == 1 and s.key != UNKNOWN]
        for outlet in outlets
    }
