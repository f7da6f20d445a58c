"""Speech or term: whether a quotation is something someone said or a word the text quotes."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...text.quotations import QuoteSpan
from .. import lexicon
from ..indirect import is_subjunctive, konjunktiv_main_verb
from ..mentions import Mention
from ..results import SPEECH, TERM
from ..words import Word
from .attributions import Attribution, Cue
from .clauses import _after_sentence_break, _until_boundary
from .cue_words import is_cue_word
from .cues import CueFinding

_HALTEN_FORMS = frozenset({"hält", "halten", "hielt", "hielten", "halte", "hielte", "hältst", "haltet"})
_WORDS_IN_QUOTE = re.compile(r"\w+")
CHANT_REACH = 4  # words beside a quotation searched for a verb of singing or chanting
SPEECH_MIN_WORDS = 4
REPORTED_STEPS = 2  # sentences of reported speech a quotation standing alone may follow back to their source
_INITIALS = re.compile(r"^(?:[a-zäöü]{1,4}|/)$")  # an author's lower-case initials, "tr" or "lwd/mj"
_SENTENCE = re.compile(r"^[A-ZÄÖÜ][^.!?]*\s[^.!?]*[.!?…]$")  # capitalised, two words or more, its own final stop


class QuoteKinds(CueFinding):
    """The kind rules: speech or term, and a speaker from the context."""

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
        if before and before[-1].capitalized and marker.endswith(lexicon.TERM_NOUN_ENDINGS):
            return TERM  # "mit dem Kampfnamen „Grizzly“", "der Wahlslogan „…“"
        if (
            before
            and before[-1].capitalized
            and marker.endswith(lexicon.PUBLICATION_NOUNS + lexicon.WORK_NOUNS)
            and (_looks_like_a_name(inner) or _title_shape(inner))
        ):
            return TERM  # "in der Fachzeitschrift „Archäologisches Korrespondenzblatt“": a title after its noun
        if before and before[-1].capitalized and marker.endswith(lexicon.NAMED_THING_NOUNS) and _title_shape(inner):
            return TERM  # "Die Sorte „Goldtaler“", "Das Sturmtief „Quirin“": the name of what the noun names
        if _outlet_title(inner) and before and (marker in lexicon.ARTICLES or before[-1].capitalized):
            return TERM  # "sagte er der „Rheinischen Post“", "der Zeitung „Kieler Nachrichten“": a title
        if self._written_on_a_surface(span) or self._work_apposition(span):
            return TERM  # placards, banners; „Das Schweigen der Werften“, der zweite Spielfilm …
        if (
            attribution is not None
            and attribution.cue.kind == "verb"
            and attribution.cue.text.lower() in lexicon.NAMING_VERBS
            and _looks_like_a_name(inner)
        ):
            return TERM  # "die Drohnen, die die Soldaten „Baba Jaga“ nennen": a name given
        if self._chanted(span):
            return TERM  # „Auch in Kiel sind wir die Nummer eins!“, sangen die Fans: a chant
        if len(before) >= 2 and before[-2].lower in {"sogenannte", "sogenannten", "sogenannter", "sogenanntes"}:
            return TERM
        if (
            before
            and before[-1].is_word
            and before[-1].capitalized
            and attribution is None
            and not self._reported(span)
            and self._names_apposition(before[-1])
        ):
            return TERM  # Präsidentenlimousine „The Beast“, Slogan „Pursuing Peace“
        if attribution is not None and attribution.adjacent:
            return SPEECH
        if marker == "für" and self._held_for(span):
            return SPEECH  # "Kritiker halten die Reform für „Flickwerk“": a characterisation, as "sprach von"
        if words >= SPEECH_MIN_WORDS or (words >= 2 and _SENTENCE.match(inner)):
            return SPEECH  # long, or a whole sentence of its own: „Er gilt.“
        if attribution is not None or self._reported(span):
            return SPEECH
        return TERM

    def _held_for(self, span: QuoteSpan) -> bool:
        """A form of "halten" in the clause before the quotation ("halten die Reform für „…“")."""
        start, _ = self._frame(span)
        before = _after_sentence_break(self.words.between(start, span.outer_start))
        if any(w.is_quote for w in before):
            return False
        return any(w.lower in _HALTEN_FORMS for w in before)

    def _chanted(self, span: QuoteSpan) -> bool:
        """ "„…“, sangen sie", "skandierten die Demonstranten: „…“": a chant or song, a slogan."""
        start, end = self._frame(span)
        after = _until_boundary(self.words.between(span.outer_end, end))[:CHANT_REACH]
        before = _after_sentence_break(self.words.between(start, span.outer_start))[-CHANT_REACH:]
        if any(w.is_quote for w in before):
            before = []  # another quotation's words stand between
        return any(w.lower in lexicon.CHANT_VERBS for w in after + before)

    def _written_on_a_surface(self, span: QuoteSpan) -> bool:
        """ "Auf den Plakaten stand „…“": words on placards, banners, signs are slogans."""
        start, end = self._frame(span)
        words = self.words.between(start, end)
        return any(w.lower in lexicon.WRITING_VERBS for w in words) and any(
            w.lower.endswith(lexicon.WRITING_SURFACES) for w in words
        )

    def _work_apposition(self, span: QuoteSpan) -> bool:
        """„…“, der zweite Spielfilm der Regisseurin …: a quotation followed by a noun that
        names what it is (a film, a book, a programme) is a title."""
        after = self.words.between(span.outer_end, span.outer_end + 80)[:5]
        if len(after) < 3 or after[0].text != "," or after[1].lower not in lexicon.ARTICLES:
            return False
        for word in after[2:]:
            if word.capitalized:
                return word.lower.endswith(lexicon.WORK_NOUNS)
            if not word.is_word:
                return False
        return False

    def _names_apposition(self, word: Word) -> bool:
        """A common noun right before a quotation names it ("Präsidentenlimousine „The Beast“")."""
        mention = self._mention_at(word)
        return mention is None and word.lower not in lexicon.ARTICLES

    def _reported(self, span: QuoteSpan) -> bool:
        """The sentence around the quotation is reported speech (subjunctive outside the quote)."""
        start, end = self._frame(span)
        words = self.words.between(start, end)
        return any(is_subjunctive(words, position) for position in range(len(words))) or konjunktiv_main_verb(words)

    def _context_speaker(self, span: QuoteSpan) -> Mention | None:
        """A quotation standing alone as its sentence, with no cue anywhere: the person the text
        is about — for a paragraph that opens with it, the first person of the next sentence
        ("„…“ Die Bürgermeisterin Clara Z. lacht."); else the subject of the sentence before
        ("Landeschefin Annika Brügge gab sich zerknirscht. „…“")."""
        current = self._lone_quote_sentence(span)
        if current is None:
            return None
        sentence = self.sentences[current]
        paragraph_start = self.text.rfind("\n", 0, sentence.start) + 1
        opens_paragraph = not self.text[paragraph_start : sentence.start].strip()
        neighbours = [current + 1, current - 1] if opens_paragraph else [current - 1]
        for index in neighbours:  # grows by the sentences a reported one before the quote leads back to
            if not 0 <= index < len(self.sentences):
                continue
            other = self.sentences[index]
            if "\n" in self.text[min(other.end, sentence.start) : max(other.start, sentence.end)] and index > current:
                continue  # the next sentence is in another paragraph
            words = self.words.between(other.start, other.end)
            opening = self._opening_source(words)
            if opening is not None and index < current:
                return opening
            cues = [position for position, w in enumerate(words) if is_cue_word(w)]
            if cues:  # a sentence with a cue of its own: the quote is that cue's source's
                source = self.verb_source(words, cues[-1], other.start).mention
                if source is not None and source.referent.label == "PER" and source.kind != "possessive":
                    return self.described(Attribution(Cue(0, 0, "", "context"), source, False)).mention
                continue
            people = [
                m
                for m in self._mentions_in(other.start, other.end)
                if (m.case == "nom" or (m.case == "src" and m.kind == "name"))  # "Laut Pichler haben …"
                and m.kind in {"name", "role", "pronoun"}
                and (m.referent.known or m.referent.text)
                and m.referent.label == "PER"
            ]
            if people:
                return people[0]
            if self._reported_step_back(index, current, words):
                neighbours.append(index - 1)
        return None

    def _reported_step_back(self, index: int, current: int, words: list[Word]) -> bool:
        """ "…, sagte der Baukirchmeister, Jens Oberdiek. Für zwei Kirchen gebe es Interessenten.
        „…“": a sentence before the quotation in reported speech, naming no one, goes on with the
        account of the sentence before it (in the same paragraph, up to REPORTED_STEPS back)."""
        return (
            index < current
            and current - index <= REPORTED_STEPS
            and index > 0
            and "\n" not in self.text[self.sentences[index - 1].end : self.sentences[current].start]
            and any(is_subjunctive(words, position) for position in range(len(words)))
        )

    def _lone_quote_sentence(self, span: QuoteSpan) -> int | None:
        """The index of the sentence a quotation stands alone as, with no narration of its own
        before or after it; None when it is part of a sentence of narration."""
        current = bisect_right(self._sentence_starts, span.start) - 1
        if current < 0:
            return None
        sentence = self.sentences[current]
        before = _after_sentence_break(self.words.between(min(sentence.start, span.outer_start), span.outer_start))
        if span.outer_start < sentence.start:  # the senter left the opening mark on the sentence before
            before = (
                _after_sentence_break(self.words.between(self.sentences[current - 1].start, span.outer_start))
                if current
                else []
            )
        after = [w for w in self.words.between(span.outer_end, sentence.end) if w.text not in {".", "!", "?"}]
        if after and self._signature(after, sentence.end):
            after = []  # „…“ tr: the author's initials closing the article's last paragraph
        if before or after:
            return None  # the quote is part of a sentence with narration of its own
        return current

    def _opening_source(self, words: list[Word]) -> Mention | None:
        """ "Laut Tobias Kranz wusste die Stadt …": a sentence opened by "laut" and a person's name
        is that person's account, whatever its verb; a quotation standing alone after it is theirs."""
        if len(words) < 2 or words[0].lower != "laut":
            return None
        mention = self._mention_at(words[1])
        if mention is None or mention.case != "src" or mention.kind != "name" or mention.referent.label != "PER":
            return None
        return mention

    def _signature(self, words: list[Word], end: int) -> bool:
        """Words after a closing mark that are only an author's initials ("tr", "lwd/mj") ending
        their paragraph: a local paper's signature, no narration of the quote's sentence."""
        rest = self.text[end : self.text.find("\n", end) if "\n" in self.text[end:] else len(self.text)]
        return not rest.strip() and len(words) <= 3 and all(_INITIALS.match(w.text) for w in words)


def _outlet_title(text: str) -> bool:
    """One to four capitalised words ending in a newspaper's title word ("Süddeutsche Zeitung")."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and all(word[:1].isupper() for word in words)
        and words[-1].lower().endswith(lexicon.OUTLET_TITLE_HEADS)
    )


_TITLE_SMALL_WORDS = lexicon.PREPOSITIONS | lexicon.ARTICLES | {"und", "oder"}


def _title_shape(text: str) -> bool:
    """A name or title of up to six words: capitalised first and last words, the words between
    capitalised or small words ("Winterwandern am Wechsel", "Nebel über dem Moor", "Glück auf,
    Lausitz"), no sentence of its own (no final stop)."""
    words = [word.strip(",") for word in text.split()]
    if not 0 < len(words) <= 6 or text.rstrip()[-1:] in {".", "!", "?", "…", ":"}:
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(word[:1].isupper() or word.lower() in _TITLE_SMALL_WORDS for word in words)


def _looks_like_a_name(text: str) -> bool:
    """One to three words, all capitalised ("Baba Jaga", "Gelbe Wand")."""
    words = text.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() for word in words)
