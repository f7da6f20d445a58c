"""Reported speech carried on: a quotation in reported speech whose source an earlier sentence named."""

from __future__ import annotations

from bisect import bisect_right

from ...text.quotations import QuoteSpan
from .. import cue_lexicon, lexicon
from ..mentions import Mention
from ..words import Word
from .attributions import Attribution
from .cue_words import in_question_clause, speaks_for
from .kind import QuoteKinds

REPORTED_LOOKBACK_SENTENCES = 2  # sentences before a reported statement searched for its cue


class ReportedSpeech(QuoteKinds):
    """The rules for reported speech carried on from an earlier sentence."""

    # ---- reported speech carried on -----------------------------------------------------
    def _needs_reported_source(self, span: QuoteSpan, attribution: Attribution) -> bool:
        """A cue that names no one ("…“, hieß es") or only "man" inside a clause that is itself
        reported ("…, über alles Weitere werde man reden"): the statement goes on from a cue before."""
        mention = attribution.mention
        if mention is None:
            return attribution.cue.kind == "verb"
        return mention.kind == "pronoun" and mention.text.lower() == "man" and self._reported(span)

    def _reported_source(self, span: QuoteSpan) -> Mention | None:
        """The source of the nearest cue before a quotation in reported speech: earlier in its
        sentence ("…, wollte er nicht sagen; es handle sich aber „um …“"), else in one of the
        REPORTED_LOOKBACK_SENTENCES before it in its paragraph ("Das Ministerium verwies auf …. Man
        arbeite „mit Hochdruck“ daran"); a source phrase counts as a cue ("Laut X …"). A first-person
        or "man" source does not count."""
        current = bisect_right(self._sentence_starts, span.outer_start) - 1
        paragraph_start = self.text.rfind("\n", 0, span.outer_start) + 1
        for index in range(current, max(-1, current - REPORTED_LOOKBACK_SENTENCES - 1), -1):
            sentence = self.sentences[index]
            if sentence.end <= paragraph_start:
                return None
            end = span.outer_start if index == current else sentence.end
            words = self.words.between(max(sentence.start, paragraph_start), end)
            source = self._statement_source(words, max(sentence.start, paragraph_start), end)
            if source is not None:
                return source
            if index != current and any(w.is_quote for w in self.words.between(sentence.start, sentence.end)):
                return None  # a quotation of its own in between: its speaker is handled by continuation
        return None

    def _statement_source(self, words: list[Word], start: int, end: int) -> Mention | None:
        """Who states something in the narration `words` of [start, end): the source of its last
        cue verb ("…, teilte der Verband mit"), else of its last source phrase ("Laut
        Landeskriminalamt wurden … angezeigt"). A first-person, possessive or "man" source does not count."""
        for position in range(len(words) - 1, -1, -1):
            if (
                words[position].is_quote
                or not self.is_speech_verb(words, position)
                or cue_lexicon.is_evidence_form(words[position].lower)  # "habe Moral bewiesen": no one speaks
                or speaks_for(words, position)  # "Dafür spricht, dass …"
                or in_question_clause(words, position)  # "Was die Nachbarn dazu sagen, sei ihm nicht egal"
                or (position > 0 and words[position - 1].lower == "zu")  # "Er verlangte, ihr mehr zu erlauben": content
            ):
                continue
            mention = self.verb_source(words, position, words[0].start).mention
            if (
                mention is not None
                and mention.referent.gender != "1"
                and mention.kind != "possessive"
                and mention.text.lower() != "man"  # "Man habe den Kreis gebeten": the statement is still someone's
                # "…, der nicht namentlich genannt werden will": a relative clause's pronoun states nothing
                and mention.text not in lexicon.RELATIVE_PRONOUNS
            ):
                return mention
        sources = [m for m in self._mentions_in(start, end) if m.case == "src"]
        return sources[-1] if sources else None
