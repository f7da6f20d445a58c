"""A quotation without a cue of its own that carries on the previous speaker's: the next sentence, „Und weiter: …“, a translation in parentheses."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...text.quotations import QuoteSpan
from .. import cue_lexicon, lexicon
from ..indirect import is_subjunctive
from ..mentions import Mention
from ..results import SPEECH, Quote
from ..words import Word
from .attributions import Attribution, Cue
from .clauses import _CLAUSE_BOUNDARIES
from .cue_words import in_question_clause, is_cue_word, speaks_for
from .reported import ReportedSpeech

_TRANSLATION_GAP = re.compile(r"^\s*(?:,\s*)?(?:\(|also|auf (?:Deutsch|Englisch)|übersetzt|zu Deutsch|sprich)\s*:?\s*$")
_CONTINUATION_OPENER = re.compile(r"^\s*(?:und\s+)?(?:weiter|außerdem|zudem|ferner|dann)\s*:\s*$", re.IGNORECASE)
CONTINUATION_MAX_SENTENCES = 2
STATEMENT_LOOKBACK_SENTENCES = 3  # a reported statement's own sentence and two carrying it on
TOPIC_LOOKBACK_SENTENCES = 3  # sentences before a first-person quotation searched for whom they are about
_QUOTE_WORDS = re.compile(r"\w+")


class Continuations(ReportedSpeech):
    """The continuation rules: interrupted quotations, continuations and translations."""

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
        if previous is None or (
            quotes[previous].cue is None and quotes[previous].speaker is None and quotes[previous].speaker_role is None
        ):
            return None
        before = self.spans[previous]
        gap = self.text[before.outer_end : span.outer_start]
        if gap.count("\n\n") > 1:
            return None
        cue_start = quotes[previous].cue_start
        first = bisect_right(self._sentence_starts, before.close_at) - 1
        gap_words = self.words.between(before.outer_end, span.outer_start)
        for position, word in enumerate(gap_words):
            if (
                word.start == cue_start
                or not is_cue_word(word)
                or cue_lexicon.is_evidence_form(
                    word.lower
                )  # "Seine Mannschaft habe Moral bewiesen": no one else speaks
                or _joined_to_cue(gap_words, position, cue_start)
                or speaks_for(gap_words, position)  # "Mittelfristig spreche vieles für …": evidence, no one else speaks
                or in_question_clause(gap_words, position)  # "Was die Nachbarn dazu sagen, sei ihm …"
            ):
                continue
            if not self._cue_of(word, quotes[previous].speaker_key) and not self._generic_cue(word):
                return None  # someone else's cue stands between them ("man" is no one else)
            first = bisect_right(self._sentence_starts, word.start) - 1  # the speaker goes on in reported speech
        current = bisect_right(self._sentence_starts, span.open_at) - 1
        starts = self._sentence_starts
        if current + 1 < len(starts) and not self.text[span.open_at + 1 : starts[current + 1]].strip():
            current += 1  # the sentence splitter left the opening mark on the sentence before
        opener = self.text[self.sentences[current].start : span.open_at]
        if _CONTINUATION_OPENER.match(opener) and current - first <= CONTINUATION_MAX_SENTENCES:
            return previous
        if current - first > CONTINUATION_MAX_SENTENCES:
            return None
        between = self.sentences[first + 1 : current]
        for sentence in between:
            words = self.words.between(sentence.start, sentence.end)
            if any(
                is_cue_word(w)
                and not cue_lexicon.is_evidence_form(w.lower)
                and not speaks_for(words, k)
                and not in_question_clause(words, k)
                for k, w in enumerate(words)
            ):
                return None
            if len(between) > 1 and not any(w.lower in lexicon.SUBJUNCTIVE for w in words):
                return None
        sentence = self.sentences[current]
        opens_sentence = not self.text[sentence.start : span.open_at].strip()
        if opens_sentence or self._reported(span) or current == first:
            return previous
        return None

    # ---- a speaker the context gives ----------------------------------------------------
    def _context_source(self, span: QuoteSpan) -> Mention | None:
        """A quotation standing alone with no cue, carrying on no quotation: the source of the
        statement reported just before it in its paragraph, else, when it speaks in the first
        person, the one person the paragraph is about (GUIDELINES: a quote that continues an
        earlier statement gets the same speaker)."""
        current = self._lone_quote_sentence(span)
        if current is None:
            return None
        paragraph_start = self.text.rfind("\n", 0, span.outer_start) + 1
        mention = self._statement_before(span, current, paragraph_start) or self._topic_person(
            span, current, paragraph_start
        )
        if mention is None:
            return None
        return self.described(Attribution(Cue(0, 0, "", "context"), mention, False)).mention

    def _statement_before(self, span: QuoteSpan, current: int, paragraph_start: int) -> Mention | None:
        """ "Das Totholz biete Lebensraum, teilte der Verband mit. „…“": the statement goes on in
        the quotation, also past sentences carrying it on in the subjunctive ("…, sagte X. Für zwei
        Kirchen gebe es Interessenten. „…“"). A sentence of narration, a quotation or a person named
        in between ends the statement."""
        for index in range(current - 1, max(-1, current - 1 - STATEMENT_LOOKBACK_SENTENCES), -1):
            sentence = self.sentences[index]
            start, end = max(sentence.start, paragraph_start), min(sentence.end, span.outer_start)
            if end <= start:
                return None  # the paragraph opens here
            words = self.words.between(start, end)
            if any(w.is_quote for w in words):
                return None  # a quotation in between: whether it goes on is the continuation's question
            source = self._statement_source(words, start, end)
            if source is not None:
                return source
            if not any(is_subjunctive(words, k) for k in range(len(words))) or any(
                m.kind in {"name", "role"} and m.referent.label == "PER" for m in self._mentions_in(start, end)
            ):
                return None
        return None

    def _topic_person(self, span: QuoteSpan, current: int, paragraph_start: int) -> Mention | None:
        """ "Der 38-Jährige wohnt gegenüber. … Barfuß rannte er auf die Straße. … „Ich habe
        gerufen …“": a first-person quotation after sentences about one person is that person's —
        the last subject of the TOPIC_LOOKBACK_SENTENCES before it in its paragraph, when every
        person they mention is the same one."""
        quoted = self.text[span.start : span.end]
        if not any(word.lower() in lexicon.FIRST_PERSON_WORDS for word in _QUOTE_WORDS.findall(quoted)):
            return None
        start = max(self.sentences[max(0, current - TOPIC_LOOKBACK_SENTENCES)].start, paragraph_start)
        people = [
            m
            for m in self._mentions_in(start, span.outer_start)
            if m.referent.label == "PER" and m.referent.gender != "1" and m.text.lower() not in lexicon.PRONOUNS_SPEAKER
        ]
        subjects = [m for m in people if m.case == "nom" and m.kind in {"name", "role", "pronoun"}]
        if (
            not subjects
            or not subjects[-1].referent.known
            or {m.referent.key for m in people} != {subjects[-1].referent.key}
        ):
            return None  # no one, two people, or someone the text leaves unnamed
        return subjects[-1]

    def _cue_of(self, verb: Word, speaker_key: str | None) -> bool:
        """Whether the cue verb's source is the known speaker `speaker_key` ("„…“, sagt Raffl. Er
        verweist auf …, die investiert hätten. „…“": his statement goes on past his own cue)."""
        if speaker_key is None:
            return False
        sentence = self.sentences[bisect_right(self._sentence_starts, verb.start) - 1]
        region = self.words.between(sentence.start, sentence.end)
        position = next((k for k, w in enumerate(region) if w.start == verb.start), None)
        if position is None:
            return False
        mention = self.verb_source(region, position, sentence.start).mention
        # a name, role or pronoun the mentions resolved, not a noun phrase guessed as the subject
        return (
            mention is not None and mention.kind in {"name", "role", "pronoun"} and mention.referent.key == speaker_key
        )

    def _generic_cue(self, verb: Word) -> bool:
        """A cue verb in reported speech whose subject is "man" ("Man habe den Kreis um eine
        Prüfung gebeten"): no one else's statement, the speaker's account of what was done."""
        sentence = self.sentences[bisect_right(self._sentence_starts, verb.start) - 1]
        region = self.words.between(sentence.start, sentence.end)
        position = next((k for k, w in enumerate(region) if w.start == verb.start), None)
        if position is None or not any(is_subjunctive(region, k) for k in range(len(region))):
            return False
        mention = self.verb_source(region, position, sentence.start).mention
        return mention is not None and mention.text.lower() == "man"


def _joined_to_cue(words: list[Word], position: int, cue_start: int | None) -> bool:
    """A verb joined by "und" to the previous quotation's cue in its clause ("sagt er und lacht"):
    the same speaker's, no other cue."""
    if cue_start is None or words[position].start < cue_start or position == 0:
        return False
    clause = [w for w in words[:position] if w.start >= cue_start]
    return words[position - 1].lower == "und" and not any(w.text in _CLAUSE_BOUNDARIES or w.is_quote for w in clause)
