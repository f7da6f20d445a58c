"""Quotations: speech or term, and who said it, by the usual German attribution patterns.

For each quotation the rules look, in this order, for a verb of speaking right after it
(„…“, sagte Trump / so Trump), a colon before it (Trump sagte: „…“ / CNN analysierte: „…“ /
Daniel Fried … fällt ein Urteil: „…“), a verb of speaking elsewhere in its sentence (Putin sprach
von den „…“), a source phrase (laut ihm, X zufolge, nach Angaben von X) and an utterance noun
with a possessive (seine Drohung mit „…“). A quotation with none of these continues the
previous speaker's statement when it follows it closely (next sentence, „Und weiter: …“, a
translation in parentheses), else its speaker stays unknown: precision over recall.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from . import lexicon
from .marks import QuoteSpan
from .mentions import UNKNOWN, Mention
from .records import SPEECH, TERM, Quote, Sentence
from .words import Word, Words

_HARD_BOUNDARIES = frozenset({".", "!", "?", ";", ":"})
_CLAUSE_BOUNDARIES = _HARD_BOUNDARIES | {",", "(", ")", "–", "—"}
_TRANSLATION_GAP = re.compile(r"^\s*(?:,\s*)?(?:\(|also|auf (?:Deutsch|Englisch)|übersetzt|zu Deutsch|sprich)\s*:?\s*$")
_CONTINUATION_OPENER = re.compile(r"^\s*(?:und\s+)?(?:weiter|außerdem|zudem|ferner|dann)\s*:\s*$", re.IGNORECASE)
_WORDS_IN_QUOTE = re.compile(r"\w+")
_ATTRIBUTION_AFTER = re.compile(r"[ \t]*(?:,|[a-zäöü])")
_APPOSITION_PREPOSITIONS = frozenset({"in", "im", "aus", "bei", "beim", "von", "vom", "für", "am"})
SPEECH_MIN_WORDS = 4
CONTINUATION_MAX_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    kind: str  # verb, so, colon, source, noun


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue
    mention: Mention | None  # None: the text says someone spoke but not who (heißt es)
    adjacent: bool  # the cue touches the quotation („…“, sagte … / …: „…“)


class Attributor:
    """Classify and attribute the quotations of one article."""

    def __init__(
        self,
        text: str,
        words: Words,
        sentences: list[Sentence],
        spans: list[QuoteSpan],
        mentions: list[Mention],
    ) -> None:
        self.text = text
        self.words = words
        self.sentences = sentences or [Sentence(0, len(text))]
        self._sentence_starts = [s.start for s in self.sentences]
        self.spans = spans
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]

    # ---- public -------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        attributions: list[Attribution | None] = []
        for index, span in enumerate(self.spans):
            previous = self._previous_outer(index)
            translation_of = previous if previous is not None and self._is_translation(self.spans[previous], span) else None
            attribution = self._attribute(span) if span.depth == 0 else None
            if translation_of is not None:
                source = quotes[translation_of]
                quotes.append(_quote(span, self.text, source.kind, speaker_from=source, via="translation", continues=translation_of))
                attributions.append(attributions[translation_of])
                continue
            kind = self._kind(span, attribution)
            if kind == TERM or span.depth > 0:
                quotes.append(_quote(span, self.text, kind))
                attributions.append(None)
                continue
            if attribution is not None:
                continues = self._interrupted(index, attribution, attributions)
                quotes.append(_attributed(span, self.text, attribution, continues))
            elif (source := self._continued(index, span, quotes)) is not None:
                quotes.append(_quote(span, self.text, SPEECH, speaker_from=quotes[source], via="continuation", continues=source))
            else:
                quotes.append(_quote(span, self.text, SPEECH))
            attributions.append(attribution)
        return quotes

    # ---- cues ---------------------------------------------------------------------------
    def _attribute(self, span: QuoteSpan) -> Attribution | None:
        sentence_start, sentence_end = self._frame(span)
        right = _until_boundary(self.words.between(span.outer_end, sentence_end))
        left = self.words.between(sentence_start, span.outer_start)
        left = _after_sentence_break(left)
        # 1. right after the quotation: „…“, sagte Trump / „…“, so Trump / „…“, hat er gesagt
        found = self._verb_in(right, sentence_start, adjacent_only=True)
        if found is not None:
            return found
        # 2. a colon right before it: Trump sagte: „…“ / CNN analysierte: „…“
        if left and left[-1].text == ":":
            found = self._colon(left, sentence_start)
            if found is not None:
                return found
        # 3. a verb of speaking in the sentence around it
        found = self._verb_in(left, sentence_start, nearest_last=True) or self._verb_in(right, sentence_start)
        if found is not None:
            return found
        # 4. laut X / X zufolge / nach Angaben von X
        for mention in self._mentions_in(sentence_start, sentence_end):
            if mention.case == "src" and not (span.outer_start <= mention.start < span.outer_end):
                return Attribution(self._source_cue(mention), mention, False)
        # 5. an utterance noun owned by someone: seine Drohung mit „…“
        return self._speech_noun(left)

    def _source_cue(self, mention: Mention) -> Cue:
        """The word that makes a mention a source: laut, zufolge, (nach) Angaben."""
        after = self.words.between(mention.end, mention.end + 12)[:1]
        for word in [*after, *reversed(self.words.before(mention.start, 4))]:
            if word.lower in lexicon.SOURCE_PREPOSITIONS or word.lower == "angaben":
                return Cue(word.start, word.end, word.text, "source")
        return Cue(mention.start, mention.end, mention.text, "source")

    def _frame(self, span: QuoteSpan) -> tuple[int, int]:
        first = self.sentences[max(0, bisect_right(self._sentence_starts, span.open_at) - 1)]
        last = self.sentences[max(0, bisect_right(self._sentence_starts, max(span.open_at, span.close_at - 1)) - 1)]
        end = last.end
        # „…“, sagte er: a senter may end the sentence at the closing mark; the cue belongs to it
        nxt = bisect_right(self._sentence_starts, span.outer_end - 1)
        if nxt < len(self.sentences) and _ATTRIBUTION_AFTER.match(self.text, span.outer_end) and self.sentences[nxt].start <= span.outer_end + 2:
            end = max(end, self.sentences[nxt].end)
        return min(first.start, span.open_at), end

    def _verb_in(self, region: list[Word], frame_start: int, *, adjacent_only: bool = False, nearest_last: bool = False) -> Attribution | None:
        order = range(len(region) - 1, -1, -1) if nearest_last else range(len(region))
        for position in order:
            word = region[position]
            if adjacent_only and (position > 3 or any(w.text in _HARD_BOUNDARIES for w in region[:position])):
                return None
            if word.lower == "so" and position <= 1 and (position == 0 or region[0].text in {",", "("}):
                mention = self._speaker_after(region, position)
                if mention is not None:
                    return Attribution(Cue(word.start, word.end, word.text, "so"), mention, True)
                continue
            if word.lower in {"heißt", "hieß"} and position + 1 < len(region) and region[position + 1].lower == "es":
                return Attribution(Cue(word.start, region[position + 1].end, f"{word.text} es", "verb"), None, position <= 3)
            if self._is_speech_verb(region, position):
                mention = self._speaker_after(region, position) or self._speaker_before(word, frame_start)
                if mention is not None and mention.kind == "pronoun" and mention.text.lower() == "sie" and word.lower.endswith("en"):
                    mention = Mention(mention.start, mention.end, "indefinite", mention.case, UNKNOWN, mention.text)  # sie sagten: plural
                adjacent = position <= 3
                return Attribution(Cue(word.start, word.end, word.text, "verb"), mention, adjacent)
        return None

    def _is_speech_verb(self, region: list[Word], position: int) -> bool:
        word = region[position]
        lemma = lexicon.SPEECH_FORMS.get(word.lower)
        if lemma is None or not word.text[:1].islower():
            return False
        particle = lexicon.PARTICLES.get(lemma)
        if particle is None or word.lower.startswith(particle):
            return True
        for later in region[position + 1 :]:
            if later.text in _CLAUSE_BOUNDARIES or later.is_quote:
                return False
            if later.lower == particle:
                return True
        return False

    def _colon(self, left: list[Word], frame_start: int) -> Attribution | None:
        colon = left[-1]
        clause = left[:-1]
        found = self._verb_in(clause, frame_start, nearest_last=True)
        if found is not None and found.mention is not None:
            return Attribution(found.cue, found.mention, True)
        mention = self._topic(clause)
        if mention is None:
            return None
        return Attribution(Cue(colon.start, colon.end, ":", "colon"), mention, True)

    def _speech_noun(self, left: list[Word]) -> Attribution | None:
        tail = left[-4:]
        for position in range(len(tail) - 1, -1, -1):
            if tail[position].lower in lexicon.SPEECH_NOUNS and position > 0:
                owner = self._mention_at(tail[position - 1])
                if owner is not None and owner.kind == "possessive":
                    return Attribution(Cue(tail[position].start, tail[position].end, tail[position].text, "noun"), owner, False)
        return None

    # ---- speakers -----------------------------------------------------------------------
    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        return self.mentions[bisect_left(self._mention_starts, start) : bisect_left(self._mention_starts, end)]

    def _mention_at(self, word: Word) -> Mention | None:
        index = bisect_right(self._mention_starts, word.start) - 1
        if index >= 0 and word.start < self.mentions[index].end:
            return self.mentions[index]
        return None

    def _speaker_after(self, region: list[Word], position: int) -> Mention | None:
        """The subject right after the verb (verb-second order: „…“, sagte der 79-jährige Trump)."""
        end = region[-1].end if region else 0
        for word in region[position + 1 :]:
            if word.text in _CLAUSE_BOUNDARIES or word.is_quote:
                end = word.start
                break
        candidates = [m for m in self._mentions_in(region[position].end, end) if m.case == "nom" and m.kind != "possessive"]
        if not candidates:
            return None
        if candidates[0].kind == "pronoun" and self.words.index_at(candidates[0].start) == self.words.index_at(region[position].end):
            return candidates[0]
        first = candidates[0]
        if first.kind in {"role", "indefinite"} and len(candidates) > 1 and candidates[1].kind == "name":
            between = self.words.between(first.end, candidates[1].start)
            if not between or (len(between) <= 3 and between[0].lower in _APPOSITION_PREPOSITIONS and all(w.capitalized for w in between[1:])):
                return candidates[1]  # "der frühere Botschafter in Moskau John Herbst": the name, not the role
        return first

    def _speaker_before(self, verb: Word, frame_start: int) -> Mention | None:
        """The nearest nominative subject before the verb in its sentence (Trump sagte …)."""
        start = frame_start
        for word in reversed(self.words.between(frame_start, verb.start)):
            if word.text in _HARD_BOUNDARIES:
                start = word.end
                break
        candidates = [m for m in self._mentions_in(start, verb.start) if m.case == "nom" and m.kind != "possessive"]
        return candidates[-1] if candidates else None

    def _topic(self, clause: list[Word]) -> Mention | None:
        """The first nominative person or organisation of a clause (Daniel Fried … fällt ein Urteil:)."""
        if not clause:
            return None
        mentions = [m for m in self._mentions_in(clause[0].start, clause[-1].end) if m.kind != "possessive"]
        for mention in mentions:
            if mention.case == "nom":
                return mention
        for mention in mentions:  # "Für den Experten X ist klar: …"
            if mention.kind == "name" and mention.case == "obl" and mention.referent.label == "PER":
                before = self.words.before(mention.start, 3)
                if any(w.lower == "für" for w in before):
                    return mention
        return None

    # ---- kind ---------------------------------------------------------------------------
    def _kind(self, span: QuoteSpan, attribution: Attribution | None) -> str:
        """Speech or term, from the evidence around the quotation and its own shape."""
        inner = self.text[span.start : span.end]
        words = len(_WORDS_IN_QUOTE.findall(inner))
        frame_start, _ = self._frame(span)
        before = [w for w in self.words.before(span.outer_start, 3) if not w.is_quote and w.start >= frame_start]
        after = self.text[span.outer_end : span.outer_end + 1]
        speech_verb = attribution is not None and attribution.cue.kind in {"verb", "so", "colon", "source"}
        if after == "-" or after.isalpha():
            return TERM  # "Make America Great Again"-Lager
        marker = before[-1].lower if before else ""
        if marker in lexicon.TERM_MARKERS and marker != "so" and (marker != "als" or not speech_verb):
            return TERM
        if len(before) >= 2 and before[-2].lower in {"sogenannte", "sogenannten", "sogenannter", "sogenanntes"}:
            return TERM
        if before and before[-1].is_word and before[-1].capitalized and attribution is None and not self._reported(span) and self._names_apposition(before[-1]):
            return TERM  # Präsidentenlimousine „The Beast“, Slogan „Pursuing Peace“
        if attribution is not None and attribution.adjacent:
            return SPEECH
        if words >= SPEECH_MIN_WORDS:
            return SPEECH
        if attribution is not None or self._reported(span):
            return SPEECH
        return TERM

    def _names_apposition(self, word: Word) -> bool:
        """A common noun right before a quotation names it ("Präsidentenlimousine „The Beast“")."""
        mention = self._mention_at(word)
        return mention is None and word.lower not in lexicon.ARTICLES

    def _reported(self, span: QuoteSpan) -> bool:
        """The sentence around the quotation is reported speech (subjunctive outside the quote)."""
        start, end = self._frame(span)
        return any(w.lower in lexicon.SUBJUNCTIVE for w in self.words.between(start, end))

    # ---- continuation -------------------------------------------------------------------
    def _previous_outer(self, index: int) -> int | None:
        for previous in range(index - 1, -1, -1):
            if self.spans[previous].depth == 0:
                return previous
        return None

    def _is_translation(self, first: QuoteSpan, second: QuoteSpan) -> bool:
        gap = self.text[first.outer_end : second.outer_start]
        return "\n" not in gap and bool(_TRANSLATION_GAP.match(gap))

    def _interrupted(self, index: int, attribution: Attribution, attributions: list[Attribution | None]) -> int | None:
        """„…“, sagte er, „…“: the second part shares the first part's cue."""
        for previous in range(index - 1, -1, -1):
            other = attributions[previous]
            if other is not None:
                return previous if other.cue == attribution.cue else None
        return None

    def _continued(self, index: int, span: QuoteSpan, quotes: list[Quote]) -> int | None:
        """The previous speech quotation this one carries on, or None."""
        previous = next(
            (p for p in range(index - 1, -1, -1) if quotes[p].kind == SPEECH and self.spans[p].depth == 0),
            None,
        )
        if previous is None or (quotes[previous].cue is None and quotes[previous].speaker is None and quotes[previous].speaker_role is None):
            return None
        before = self.spans[previous]
        gap = self.text[before.outer_end : span.outer_start]
        if gap.count("\n\n") > 1:
            return None
        cue_start = quotes[previous].cue_start
        for word in self.words.between(before.outer_end, span.outer_start):
            if word.start != cue_start and lexicon.SPEECH_FORMS.get(word.lower) and word.text[:1].islower():
                return None  # someone else's cue stands between them
        first = bisect_right(self._sentence_starts, before.close_at) - 1
        current = bisect_right(self._sentence_starts, span.open_at) - 1
        opener = self.text[self.sentences[current].start : span.open_at]
        if _CONTINUATION_OPENER.match(opener) and current - first <= CONTINUATION_MAX_SENTENCES:
            return previous
        if current - first > CONTINUATION_MAX_SENTENCES:
            return None
        between = self.sentences[first + 1 : current]
        for sentence in between:
            words = self.words.between(sentence.start, sentence.end)
            if any(lexicon.SPEECH_FORMS.get(w.lower) for w in words):
                return None
            if len(between) > 1 and not any(w.lower in lexicon.SUBJUNCTIVE for w in words):
                return None
        sentence = self.sentences[current]
        opens_sentence = not self.text[sentence.start : span.open_at].strip()
        if opens_sentence or self._reported(span) or current == first:
            return previous
        return None


def _until_boundary(region: list[Word]) -> list[Word]:
    """The words after a quotation up to the next quotation or the end of its sentence."""
    for position, word in enumerate(region):
        if word.is_quote or word.text in {".", "!", "?", ";", ":"}:
            return region[:position]
    return region


def _after_sentence_break(region: list[Word]) -> list[Word]:
    """The words after the last sentence break (a colon is no break: "sagte er: X müsse „…“")."""
    cut = 0
    for position, word in enumerate(region):
        if word.text in {".", "!", "?", ";"}:
            cut = position + 1
    return region[cut:]


def _quote(
    span: QuoteSpan,
    text: str,
    kind: str,
    *,
    speaker_from: Quote | None = None,
    via: str = "",
    continues: int | None = None,
) -> Quote:
    base = Quote(
        start=span.start,
        end=span.end,
        text=text[span.start : span.end],
        kind=kind,
        open_mark=span.open_mark,
        close_mark=span.close_mark,
        depth=span.depth,
        continues=continues,
    )
    if speaker_from is None:
        return base
    return _with_speaker(
        base,
        speaker_from.speaker,
        speaker_from.speaker_key,
        speaker_from.speaker_start,
        speaker_from.speaker_end,
        via,
        speaker_from.speaker_role,
    )


def _with_speaker(
    quote: Quote,
    speaker: str | None,
    key: str | None,
    start: int | None,
    end: int | None,
    via: str,
    role: str | None,
) -> Quote:
    return replace(quote, speaker=speaker, speaker_key=key, speaker_start=start, speaker_end=end, speaker_via=via, speaker_role=role)


def _attributed(span: QuoteSpan, text: str, attribution: Attribution, continues: int | None) -> Quote:
    quote = replace(
        _quote(span, text, SPEECH, continues=continues),
        cue=attribution.cue.text,
        cue_start=attribution.cue.start,
        cue_end=attribution.cue.end,
    )
    mention = attribution.mention
    if mention is None:
        return quote
    referent = mention.referent
    via = {"name": "name", "role": "role", "pronoun": "pronoun", "possessive": "pronoun"}.get(mention.kind, "")
    if not referent.known and referent.role is None:
        return _with_speaker(quote, None, None, mention.start, mention.end, via or mention.kind, None)
    return _with_speaker(quote, referent.name, referent.key, mention.start, mention.end, via, referent.role)
