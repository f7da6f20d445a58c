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

from ..text.quotations import QuoteSpan
from . import cue_lexicon, lexicon
from .indirect import is_subjunctive
from .mentions import Mention, Referent
from .results import SPEECH, TERM, Quote, Sentence
from .words import Word, Words

_CUE_FORMS = cue_lexicon.cue_forms()
_PASSIVE_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden", "worden"})
_GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
_NP_DETERMINERS = frozenset({"der", "die", "das", "ein", "eine"})
_AGE_WORDS = frozenset({"Jahre", "Monate"})
_RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "den", "dem", "deren", "dessen", "welche", "welcher", "welches"})
_AGE_NOUN = re.compile(r"^\d+-[A-ZÄÖÜ]")  # "48-Jährige"
_SOURCE_PLACES = frozenset({"in", "im", "aus", "bei", "beim", "von", "vom", "seitens"})  # heißt es …
_MEDIA_HEADS = (
    "zeitung",
    "agentur",
    "sender",
    "magazin",
    "blatt",
    "portal",
    "fernsehen",
    "redaktion",
    "reportern",
    "journalisten",
)
# Capitalised words that open a sentence or clause but are no noun ("Dann sagte …", "Auch").
_FUNCTION_CAPITALS = (
    lexicon.ARTICLES
    | lexicon.PREPOSITIONS
    | frozenset(
        {
            "und",
            "oder",
            "aber",
            "doch",
            "denn",
            "als",
            "wie",
            "wenn",
            "dass",
            "ob",
            "weil",
            "auch",
            "nur",
            "noch",
            "schon",
            "nicht",
            "so",
            "da",
            "dann",
            "nun",
            "jetzt",
            "hier",
            "dort",
            "später",
            "zuvor",
            "danach",
            "dabei",
            "dazu",
            "damit",
            "deshalb",
            "daher",
            "zudem",
            "außerdem",
            "trotzdem",
            "heute",
            "gestern",
            "morgen",
            "bereits",
            "immer",
            "zuletzt",
            "zunächst",
            "erst",
            "vor",
            "es",
            "er",
            "sie",
            "man",
            "wir",
            "ich",
            "das",
            "dies",
            "diese",
            "dieser",
            "dieses",
            "was",
            "wer",
            "während",
            "nachdem",
            "bevor",
            "obwohl",
            "seit",
            "ebenfalls",
            "gleichzeitig",
            "allerdings",
            "jedoch",
            "inzwischen",
            "mittlerweile",
            "vielmehr",
            "stattdessen",
            "zugleich",
            "kurz",
            "laut",
            "manchmal",
            "oft",
            "häufig",
            "leider",
            "natürlich",
            "vielleicht",
            "übrigens",
            "schließlich",
            "letztlich",
            "gerade",
            "also",
            "eigentlich",
            "ebenso",
            "insbesondere",
            "besonders",
            "nämlich",
            "wirklich",
            "genau",
            "sicher",
            "offenbar",
            "egal",
            "bedeutet",
            "hinzu",
            "wen",
            "wem",
        }
    )
)
_ADVERB_ENDINGS = ("lich", "ig", "isch", "weise", "mals", "erweise", "fristig", "wärts")


def cue_category(form: str) -> str:
    """SAY, THINK or CHARACTERISE for a cue verb form (a separable verb's finite form: SAY)."""
    found = _CUE_FORMS.get(form.lower())
    return found[1] if found else cue_lexicon.SAY


def is_cue_word(word: Word) -> bool:
    """A verb form that introduces speech without needing a particle ("sagte", "festgestellt")."""
    return word.lower in _CUE_FORMS and word.text[:1].islower()


_HARD_BOUNDARIES = frozenset({".", "!", "?", ";", ":"})
_CLAUSE_BOUNDARIES = _HARD_BOUNDARIES | {",", "(", ")", "–", "—"}
_TRANSLATION_GAP = re.compile(r"^\s*(?:,\s*)?(?:\(|also|auf (?:Deutsch|Englisch)|übersetzt|zu Deutsch|sprich)\s*:?\s*$")
_CONTINUATION_OPENER = re.compile(r"^\s*(?:und\s+)?(?:weiter|außerdem|zudem|ferner|dann)\s*:\s*$", re.IGNORECASE)
_WORDS_IN_QUOTE = re.compile(r"\w+")
_ATTRIBUTION_AFTER = re.compile(r"[ \t]*(?:,|[a-zäöü])")
_APPOSITION_PREPOSITIONS = frozenset({"in", "im", "aus", "bei", "beim", "von", "vom", "für", "am"})
SPEECH_MIN_WORDS = 4
APPOSITION_REACH = 4  # words of a place phrase between a role and the comma before its name
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
            translation_of = (
                previous if previous is not None and self._is_translation(self.spans[previous], span) else None
            )
            attribution = self._attribute(span) if span.depth == 0 else None
            if translation_of is not None:
                source = quotes[translation_of]
                quotes.append(
                    _quote(
                        span, self.text, source.kind, speaker_from=source, via="translation", continues=translation_of
                    )
                )
                attributions.append(attributions[translation_of])
                continue
            kind = self._kind(span, attribution)
            if kind == TERM or span.depth > 0:
                quotes.append(_quote(span, self.text, kind))
                attributions.append(None)
                continue
            if attribution is not None:
                continues = self._interrupted(index, attribution, attributions)
                quotes.append(_attributed(span, self.text, self.described(attribution), continues))
            elif (prior := self._continued(index, span, quotes)) is not None:
                quotes.append(
                    _quote(span, self.text, SPEECH, speaker_from=quotes[prior], via="continuation", continues=prior)
                )
            elif (context := self._context_speaker(span)) is not None:
                quote = _with_speaker(
                    _quote(span, self.text, SPEECH),
                    context.referent.name,
                    context.referent.key,
                    context.start,
                    context.end,
                    "context",
                    context.referent.role,
                )
                quotes.append(replace(quote, speaker_text=speaker_text(context), speaker_kind=speaker_kind(context)))
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
        if (
            nxt < len(self.sentences)
            and _ATTRIBUTION_AFTER.match(self.text, span.outer_end)
            and self.sentences[nxt].start <= span.outer_end + 2
        ):
            end = max(end, self.sentences[nxt].end)
        return min(first.start, span.open_at), end

    def _verb_in(
        self, region: list[Word], frame_start: int, *, adjacent_only: bool = False, nearest_last: bool = False
    ) -> Attribution | None:
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
                cue = Cue(word.start, region[position + 1].end, f"{word.text} es", "verb")
                return Attribution(cue, self._document_source(word, frame_start), position <= 3)
            if self.is_speech_verb(region, position):
                return replace(self.verb_source(region, position, frame_start), adjacent=position <= 3)
        return None

    def verb_source(self, region: list[Word], position: int, frame_start: int) -> Attribution:
        """The cue verb at `position` of `region` and its source: a mention right after it,
        before it, else a noun phrase before or after it."""
        word = region[position]
        mention = (
            self._prefield_subject(region, position)
            or self._speaker_after(region, position)
            or self._speaker_before(word, frame_start)
            or self._speaker_before(word, frame_start, fallback=True)
            or self._speaker_after(region, position, fallback=True)
        )
        if (
            mention is not None
            and mention.kind == "pronoun"
            and mention.text.lower() == "sie"
            and word.lower.endswith("en")
        ):
            referent = Referent(kind="group", text=mention.text)  # "sagten sie": plural, unresolved
            mention = Mention(mention.start, mention.end, "indefinite", mention.case, referent, mention.text)
        return Attribution(Cue(word.start, word.end, word.text, "verb"), mention, False)

    def _prefield_subject(self, region: list[Word], position: int) -> Mention | None:
        """A clause opening with its subject right before the verb ("Ich bitte Sie, …", "Die
        Polizei teilte mit, …"): that subject, whatever follows the verb."""
        k = position
        while k > 0 and region[k - 1].text not in _CLAUSE_BOUNDARIES and not region[k - 1].is_quote:
            k -= 1
        if k == position:
            return None
        found = [m for m in self._mentions_in(region[k].start, region[position].start) if m.kind != "possessive"]
        if len(found) != 1 or found[0].case != "nom" or found[0].start != region[k].start:
            return None
        end = self._written_end(found[0])
        rest = [w for w in region[k:position] if w.start >= end]
        return found[0] if not rest else None

    def source_phrase(self, region: list[Word], position: int) -> Attribution | None:
        """The source of "laut X", "X zufolge", ", so X" at `position` (None when it names no one)."""
        word = region[position]
        if word.lower == "so":
            mention = self._speaker_after(region, position)
            return Attribution(Cue(word.start, word.end, word.text, "so"), mention, False) if mention else None
        near = self._mentions_in(region[max(0, position - 6)].start, region[min(len(region) - 1, position + 6)].end)
        for mention in near:
            if mention.case == "src":
                return Attribution(self._source_cue(mention), mention, False)
        return None

    def is_speech_verb(self, region: list[Word], position: int) -> bool:
        """A cue verb: a form that needs no particle, or a separable verb's finite form with its
        particle closing the clause ("fügte … hinzu", "gab … an, dass", "stellte Yilmaz fest")."""
        word = region[position]
        if not word.text[:1].islower():
            return False
        if word.lower in _CUE_FORMS:
            return True
        options = cue_lexicon.DETACHED_FORMS.get(word.lower)
        if not options:
            return False
        particles = {particle for _, particle in options}
        rest = region[position + 1 :]
        for offset, later in enumerate(rest):
            if later.text in _CLAUSE_BOUNDARIES or later.is_quote:
                return False
            if later.lower in particles:
                after = rest[offset + 1] if offset + 1 < len(rest) else None
                if after is None or after.text in _CLAUSE_BOUNDARIES or after.is_quote:
                    return True
        # the region may end before the clause does ("fügte er hinzu" right before the quote)
        end = self.words.index_at(word.end)
        for later in self.words.items[end : end + 12]:
            if later.text in _CLAUSE_BOUNDARIES:
                return False
            if later.lower in particles:  # "kündigte eine „schonungslose Analyse“ an"
                following = (
                    self.words.items[self.words.index_at(later.end)]
                    if self.words.index_at(later.end) < len(self.words.items)
                    else None
                )
                return following is None or following.text in _CLAUSE_BOUNDARIES or following.is_quote
        return False

    def _colon(self, left: list[Word], frame_start: int) -> Attribution | None:
        colon = left[-1]
        clause = left[:-1]
        found = self._verb_in(clause, frame_start, nearest_last=True)
        if found is not None and found.mention is not None:
            if cue_category(found.cue.text) != cue_lexicon.THINK:
                return Attribution(found.cue, found.mention, True)
            return Attribution(Cue(colon.start, colon.end, ":", "colon"), found.mention, True)  # sieht …:
        mention = self._topic(clause)
        if mention is None:
            return None
        return Attribution(Cue(colon.start, colon.end, ":", "colon"), mention, True)

    def _speech_noun(self, left: list[Word]) -> Attribution | None:
        tail = left[-4:]
        for position in range(len(tail) - 1, -1, -1):
            if tail[position].lower in cue_lexicon.SOURCE_NOUNS and position > 0:
                owner = self._mention_at(tail[position - 1])
                if owner is not None and owner.kind == "possessive":
                    return Attribution(
                        Cue(tail[position].start, tail[position].end, tail[position].text, "noun"), owner, False
                    )
        return None

    # ---- speakers -----------------------------------------------------------------------
    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        return self.mentions[bisect_left(self._mention_starts, start) : bisect_left(self._mention_starts, end)]

    def _mention_at(self, word: Word) -> Mention | None:
        index = bisect_right(self._mention_starts, word.start) - 1
        if index >= 0 and word.start < self.mentions[index].end:
            return self.mentions[index]
        return None

    def _speaker_after(self, region: list[Word], position: int, *, fallback: bool = False) -> Mention | None:
        """The subject right after the verb (verb-second order: „…“, sagte der 79-jährige Trump)."""
        end = region[-1].end if region else 0
        for word in region[position + 1 :]:
            if word.text in _CLAUSE_BOUNDARIES or word.is_quote:
                end = word.start
                break
        candidates = [
            m for m in self._mentions_in(region[position].end, end) if m.case == "nom" and m.kind != "possessive"
        ]
        if not candidates:
            return self._noun_phrase_at(region[position].end, end) if fallback else None
        if candidates[0].kind == "pronoun" and self.words.index_at(candidates[0].start) == self.words.index_at(
            region[position].end
        ):
            return candidates[0]
        first = candidates[0]
        if (
            first.kind == "name"
            and first.referent.label != "PER"
            and len(candidates) > 1
            and candidates[1].referent.label == "PER"
            and len(self.words.between(first.end, candidates[1].start)) <= 3
        ):
            first = candidates[1]  # "sagte Tuvalus Umweltministerin Tala Fonoti"
            if first.kind != "name" and len(candidates) > 2 and candidates[2].kind == "name":
                first = candidates[2]
        if first.kind in {"role", "indefinite", "organisation"}:
            named = self._apposition_name(first, candidates[1:])
            if named is not None:
                return named
        if first.kind in {"role", "indefinite"} and len(candidates) > 1 and candidates[1].kind == "name":
            between = self.words.between(first.end, candidates[1].start)
            if not between or (
                len(between) <= 3
                and between[0].lower in _APPOSITION_PREPOSITIONS
                and all(w.capitalized for w in between[1:])
            ):
                return candidates[1]  # "der frühere Botschafter in Moskau John Herbst": the name, not the role
        return first

    def _apposition_name(self, role: Mention, later: list[Mention]) -> Mention | None:
        """ "die Befehlshaberin der Marine, Admiralin Petra Lange": the person the role is followed
        by after a comma (its genitive complement skipped), when the name closes the clause."""
        end = self._written_end(role)
        words = self.words.between(end, end + 120)
        comma = next(
            (k for k, w in enumerate(words[: APPOSITION_REACH + 1]) if w.text in _CLAUSE_BOUNDARIES or w.is_quote), None
        )
        if comma is None or words[comma].text != ",":
            return None  # "… der Demokraten im Repräsentantenhaus, Rebecca Thornton": a place phrase may come first
        if any(is_cue_word(w) for w in words[:comma]):
            return None
        for mention in self.mentions[bisect_left(self._mention_starts, words[comma].end) :][:3]:
            if mention.kind == "name" and mention.referent.label == "PER":
                between = self.words.between(words[comma].end, mention.start)
                if len(between) <= 2 and all(w.capitalized for w in between):
                    rest = self.words.between(mention.end, mention.end + 40)
                    closing = next(
                        (k for k, w in enumerate(rest) if w.text in _CLAUSE_BOUNDARIES or w.is_quote), len(rest)
                    )
                    if closing <= 1:  # the name closes the apposition ("Khalid" + "al-Mansouri,")
                        return mention
            break
        return None

    def _written_end(self, mention: Mention) -> int:
        """Where the mention's words end: with its genitive complement ("eine Sprecherin des
        Verkehrsministeriums", "Analysten des US-Thinktanks Institute for the Study of War") and a
        place or origin ("eine Reisende aus Kiel"), not with a dative addressee ("sagte der
        Manager der Zeitung")."""
        if mention.kind not in {"role", "indefinite", "organisation"} and not (
            mention.kind == "name" and mention.referent.label == "ORG"
        ):
            return mention.end
        end = self._attribute_end(mention.end, ("des", "der", "eines", "einer"))
        if mention.kind != "organisation":
            end = self._attribute_end(end, ("aus", "von"))
        return end

    def _attribute_end(self, end: int, openers: tuple[str, ...]) -> int:
        items = self.words.items
        index = self.words.index_at(end)
        if index >= len(items) or items[index].lower not in openers or items[index].start > end + 1:
            return end
        j = index + 1
        if j < len(items) and items[j].lower in lexicon.ARTICLES:
            j += 1
        while (
            j < len(items)
            and items[j].is_word
            and not items[j].capitalized
            and items[j].lower not in lexicon.PREPOSITIONS
            and items[j].lower not in _FUNCTION_CAPITALS
        ):
            j += 1  # adjectives: "der deutschen Marine", "diesem Umfeld"
        last = None
        while (
            j < len(items)
            and items[j].is_word
            and items[j].capitalized
            and items[j].lower not in _FUNCTION_CAPITALS
            and j - index <= 5
        ):
            last = items[j]
            entity = self._mention_at(items[j])
            if entity is not None and entity.kind == "name" and entity.end > last.end:
                j = self.words.index_at(entity.end)  # a name runs on: "Institute for the Study of War"
                last = Word(entity.start, entity.end, entity.text)
                break
            j += 1
        if last is None:
            return end
        if items[index].lower == "der" and last.text.lower().endswith(_MEDIA_HEADS):
            return end  # "sagte der Manager der Zeitung": to whom, not whose
        return last.end

    def _noun_phrase_at(self, start: int, end: int) -> Mention | None:
        """A source the mention finder has no word for, as the text words it: the first noun
        phrase in [start, end) that can be a subject ("der 61-jährige Landwirt", "Händler")."""
        words = [w for w in self.words.between(start, end)]
        for position, word in enumerate(words):
            if word.lower in lexicon.PREPOSITIONS or word.lower in lexicon.OBLIQUE_ARTICLES:
                return None  # "sagte dem Sender", "sagte am Montag": no subject found here
            determiner = word.lower in _NP_DETERMINERS or word.lower in lexicon.INDEFINITE_DETERMINERS
            adverb = word.lower in _FUNCTION_CAPITALS or (position == 0 and word.lower.endswith(_ADVERB_ENDINGS))
            if determiner or (word.capitalized and word.is_word and not adverb):
                head = position if word.capitalized and not determiner else None
                k = position + 1
                while head is None and k < len(words) and words[k].is_word:
                    text = words[k].text
                    if text.isdigit() or (text in _AGE_WORDS and k + 1 < len(words) and not words[k + 1].capitalized):
                        k += 1  # "der 22 Jahre alte Niederländer"
                        continue
                    if words[k].capitalized or _AGE_NOUN.match(text):
                        head = k
                    elif not re.match(r"^(?:\d+-)?[a-zäöüß]", text):
                        break
                    k += 1
                if head is None:
                    return None
                noun = words[head].lower
                kind = (
                    "document"
                    if noun in cue_lexicon.DOCUMENT_NOUNS
                    else "group"
                    if words[position].lower == "die"
                    and noun.endswith(("en", "er"))
                    and self._plural_verb_near(words[position])
                    else "role"
                )
                text = self.text[word.start : words[head].end]
                referent = Referent(
                    kind=kind,
                    text=text,
                    gender="f" if noun.endswith(("in", "ige", "e")) and words[position].lower == "die" else "m",
                )
                if kind == "role" and words[position].lower in {"der", "die"}:
                    referent = self._recent_person(word.start, referent.gender) or referent  # "der 48-Jährige"
                return Mention(word.start, words[head].end, "indefinite", "nom", referent, text)
            if word.is_word and not word.capitalized:
                continue  # adverbs: "sagte gestern ein Sprecher"
            return None
        return None

    def _recent_person(self, offset: int, gender: str) -> Referent | None:
        """The one named person of fitting gender who is the subject of this sentence before
        `offset` or of one of the two sentences before it (a definite noun taking them up)."""
        current = bisect_right(self._sentence_starts, offset) - 1
        for index in range(current, max(-1, current - 4), -1):
            sentence = self.sentences[index]
            present = [
                m
                for m in self._mentions_in(sentence.start, min(sentence.end, offset))
                if m.case == "nom"
                and m.referent.label == "PER"
                and m.kind in {"name", "role", "pronoun", "indefinite"}
                and m.referent.gender != "1"
            ][:1]  # the sentence's topic, its first subject
            if not present:
                continue
            people = {
                m.referent.key: m.referent
                for m in present
                if m.referent.known and (m.referent.gender == gender or not m.referent.gender)
            }
            return next(iter(people.values())) if len(people) == 1 else None
        return None

    def _plural_verb_near(self, word: Word) -> bool:
        index = self.words.index_at(word.start)
        near = self.words.items[max(0, index - 4) : index]
        return any(is_cue_word(w) and w.lower.endswith("en") for w in near)

    def _document_source(self, cue: Word, frame_start: int) -> Mention | None:
        """Who "heißt es" quotes: "in einem Schreiben (des Ministeriums)" → the owner, else the
        document; "aus Regierungskreisen", "beim Statistischen Bundesamt", "aus dem Büro des …" →
        that phrase; a bare "heißt es" names no one."""
        index = self.words.index_at(cue.start)
        items = self.words.items
        window = [w for w in items[max(0, index - 10) : index + 12] if w.start >= frame_start and not w.is_quote]
        for position, word in enumerate(window):
            if word.lower not in _SOURCE_PLACES or position + 1 >= len(window):
                continue
            k = position + 1
            if window[k].lower in lexicon.ARTICLES:
                k += 1
            while k < len(window) and window[k].is_word and not window[k].capitalized:
                k += 1
            if (
                k >= len(window)
                or not (window[k].capitalized and window[k].is_word)
                or window[k].lower in _FUNCTION_CAPITALS
            ):
                continue
            head = window[k]
            named = [
                m
                for m in self._mentions_in(window[position + 1].start, head.end + 1)
                if m.kind in {"name", "organisation"}
            ]
            if head.lower in cue_lexicon.DOCUMENT_NOUNS | cue_lexicon.SOURCE_NOUNS:
                owner = [
                    m for m in self._mentions_in(head.end, head.end + 80) if m.case == "gen" and m.start <= head.end + 8
                ]
                if owner:
                    return owner[0]
            elif named and named[0].kind == "name":
                if named[0].referent.label == "LOC":
                    return None  # "hieß es aus Berlin": from somewhere there, not from the city
                return named[0]
            start = window[position + 1].start
            text = self.text[start : head.end]
            kind = (
                "document"
                if head.lower in cue_lexicon.DOCUMENT_NOUNS | cue_lexicon.SOURCE_NOUNS
                else "group"
                if head.lower.endswith("kreisen")
                else "organisation"
                if named
                else "role"
            )
            mention = Mention(start, head.end, "indefinite", "obl", Referent(kind=kind, text=text), text)
            end = self._written_end(mention)
            text = self.text[start:end]
            return Mention(start, end, "indefinite", "obl", Referent(kind=kind, text=text), text)
        return None

    def described(self, attribution: Attribution) -> Attribution:
        """The attribution's mention with all its words (genitive complement) as its text, and
        as a group when its verb is plural ("Händler sprachen von …")."""
        mention = attribution.mention
        if mention is None:
            return attribution
        end = self._written_end(mention)
        text = self.text[mention.start : end]
        referent = mention.referent
        if not referent.known and referent.text and mention.kind not in {"pronoun", "possessive"}:
            kind = referent.kind
            first = text.split(" ")[0].lower()
            if (
                kind in {"role", "organisation"}
                and attribution.cue.kind == "verb"
                and _plural_form(attribution.cue.text)
                and first not in {"der", "das", "ein", "eine"}
            ):
                kind = "group"
            elif (
                kind == "role"
                and " " not in text
                and mention.kind == "indefinite"
                and not _looks_common_noun(text)
                and attribution.cue.kind == "verb"
                and not _plural_form(attribution.cue.text)
            ):
                kind = "person"  # "stellte Yilmaz fest": a name the pipeline missed
            referent = replace(referent, text=text, kind=kind)
        if end == mention.end and referent is mention.referent:
            return attribution
        return Attribution(
            attribution.cue,
            Mention(mention.start, end, mention.kind, mention.case, referent, text),
            attribution.adjacent,
        )

    def _speaker_before(self, verb: Word, frame_start: int, *, fallback: bool = False) -> Mention | None:
        """The nearest nominative subject before the verb in its sentence (Trump sagte …), else
        a noun phrase opening the clause ("Der 61-jährige Landwirt sagte, …")."""
        start = frame_start
        for word in reversed(self.words.between(frame_start, verb.start)):
            if word.text in _HARD_BOUNDARIES:
                start = word.end
                break
        candidates = [m for m in self._mentions_in(start, verb.start) if m.case == "nom" and m.kind != "possessive"]
        auxiliary = next(
            (w for w in self.words.between(start, verb.start) if w.lower in lexicon.AUXILIARIES and w.text.islower()),
            None,
        )
        if auxiliary is not None and any(m.end <= auxiliary.start for m in candidates):
            return [m for m in candidates if m.end <= auxiliary.start][
                -1
            ]  # "Ich möchte Sie bitten, …": the subject before the auxiliary
        if candidates or not fallback:
            return candidates[-1] if candidates else None
        before = self.words.between(start, verb.start)
        clause_start = start
        for word in reversed(before):
            if word.text in _CLAUSE_BOUNDARIES or word.is_quote:
                clause_start = word.end
                break
        if before and before[-1].text == "," and not self.words.between(clause_start, verb.start):
            # "Eine Kostümbildnerin, die seit Jahren … arbeitet, sprach von …": skip the relative clause
            commas = [k for k, w in enumerate(before[:-1]) if w.text == ","]
            if commas and before[commas[-1] + 1].lower in _RELATIVE_PRONOUNS:
                segment_start = next(
                    (before[k].end for k in range(commas[-1] - 1, -1, -1) if before[k].text in _CLAUSE_BOUNDARIES),
                    start,
                )
                return self._noun_phrase_at(segment_start, before[commas[-1]].start)
        return self._noun_phrase_at(clause_start, verb.start)

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
        if before and before[-1].capitalized and marker.endswith(lexicon.TERM_NOUN_ENDINGS):
            return TERM  # "mit dem Kampfnamen „Grizzly“", "der Wahlslogan „…“"
        if self._written_on_a_surface(span) or self._work_apposition(span):
            return TERM  # placards, banners; „Das Schweigen der Werften“, der zweite Spielfilm …
        if (
            attribution is not None
            and attribution.cue.kind == "verb"
            and attribution.cue.text.lower() in lexicon.NAMING_VERBS
            and _looks_like_a_name(inner)
        ):
            return TERM  # "die Drohnen, die die Soldaten „Baba Jaga“ nennen": a name given
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
        if words >= SPEECH_MIN_WORDS:
            return SPEECH
        if attribution is not None or self._reported(span):
            return SPEECH
        return TERM

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
        return any(is_subjunctive(words, position) for position in range(len(words)))

    def _context_speaker(self, span: QuoteSpan) -> Mention | None:
        """A quotation standing alone as its sentence, with no cue anywhere: the person the text
        is about — for a paragraph that opens with it, the first person of the next sentence
        ("„…“ Die Bürgermeisterin Clara Z. lacht."); else the subject of the sentence before
        ("Landeschefin Annika Brügge gab sich zerknirscht. „…“")."""
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
        if before or after:
            return None  # the quote is part of a sentence with narration of its own
        paragraph_start = self.text.rfind("\n", 0, sentence.start) + 1
        opens_paragraph = not self.text[paragraph_start : sentence.start].strip()
        neighbours = [current + 1, current - 1] if opens_paragraph else [current - 1]
        for index in neighbours:
            if not 0 <= index < len(self.sentences):
                continue
            other = self.sentences[index]
            if "\n" in self.text[min(other.end, sentence.start) : max(other.start, sentence.end)] and index > current:
                continue  # the next sentence is in another paragraph
            words = self.words.between(other.start, other.end)
            cues = [position for position, w in enumerate(words) if is_cue_word(w)]
            if cues:  # a sentence with a cue of its own: the quote is that cue's source's
                source = self.verb_source(words, cues[-1], other.start).mention
                if source is not None and source.referent.label == "PER" and source.kind != "possessive":
                    return self.described(Attribution(Cue(0, 0, "", "context"), source, False)).mention
                continue
            people = [
                m
                for m in self._mentions_in(other.start, other.end)
                if m.case == "nom"
                and m.kind in {"name", "role", "pronoun"}
                and (m.referent.known or m.referent.text)
                and m.referent.label == "PER"
            ]
            if people:
                return people[0]
        return None

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
        for word in self.words.between(before.outer_end, span.outer_start):
            if word.start != cue_start and is_cue_word(word):
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
            if any(is_cue_word(w) for w in words):
                return None
            if len(between) > 1 and not any(w.lower in lexicon.SUBJUNCTIVE for w in words):
                return None
        sentence = self.sentences[current]
        opens_sentence = not self.text[sentence.start : span.open_at].strip()
        if opens_sentence or self._reported(span) or current == first:
            return previous
        return None


def _looks_like_a_name(text: str) -> bool:
    """One to three words, all capitalised ("Baba Jaga", "Gelbe Wand")."""
    words = text.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() for word in words)


def _plural_form(verb: str) -> bool:
    """A finite verb of the third person plural ("sprachen", "sagten", "warnen")."""
    return verb.lower().endswith("en") and not verb.lower().startswith("ge")


def _looks_common_noun(word: str) -> bool:
    """A role or organisation noun of the lexicon, or a word with a typical noun ending."""
    lower = word.lower()
    return (
        lower.endswith(lexicon.ROLE_SUFFIXES)
        or lower.endswith(lexicon.ORGANISATION_HEADS)
        or lower.endswith(("ung", "heit", "keit", "schaft", "ion", "tät", "nis", "tum", "ismus", "ler", "ner", "ter"))
    )


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
    return replace(
        quote,
        speaker=speaker,
        speaker_key=key,
        speaker_start=start,
        speaker_end=end,
        speaker_via=via,
        speaker_role=role,
    )


def _attributed(span: QuoteSpan, text: str, attribution: Attribution, continues: int | None) -> Quote:
    return attributed_quote(_quote(span, text, SPEECH, continues=continues), attribution)


def attributed_quote(quote: Quote, attribution: Attribution) -> Quote:
    """The quote (or reported clause) with the attribution's cue, speaker, mention and kind."""
    quote = replace(
        quote,
        cue=attribution.cue.text,
        cue_start=attribution.cue.start,
        cue_end=attribution.cue.end,
        speaker_kind="unknown",
    )
    mention = attribution.mention
    if mention is None:
        return quote
    referent = mention.referent
    via = SPEAKER_VIA[mention.kind]
    described = replace(quote, speaker_text=speaker_text(mention), speaker_kind=speaker_kind(mention))
    if not referent.known and referent.role is None:
        return _with_speaker(described, None, None, mention.start, mention.end, via, None)
    return _with_speaker(described, referent.name, referent.key, mention.start, mention.end, via, referent.role)


# How a speaker was found, by the kind of mention: a name, a role noun, a pronoun (or possessive),
# or a noun phrase for an unnamed source (organisation noun, group, document, "ein Sprecher").
SPEAKER_VIA = {
    "name": "name",
    "role": "role",
    "pronoun": "pronoun",
    "possessive": "pronoun",
    "indefinite": "phrase",
    "organisation": "phrase",
}


def speaker_text(mention: Mention) -> str:
    """How the text names the speaker: the mention as written; for a pronoun that stands for an
    unnamed role or organisation, that antecedent as written ("der Feuerwehrsprecher")."""
    if mention.kind in {"pronoun", "possessive"} and not mention.referent.known and mention.referent.text:
        return mention.referent.text
    return mention.text


def speaker_kind(mention: Mention) -> str:
    """What the speaker is: person / organisation (named or not) / role / group / document, or
    pronoun when a pronoun found no antecedent."""
    referent = mention.referent
    if referent.known:
        return "person" if referent.label == "PER" else "organisation"
    if referent.kind:
        return referent.kind
    if mention.kind in {"pronoun", "possessive"}:
        return "pronoun"
    if mention.kind == "role" or referent.role:
        return "role"
    return "unknown"
