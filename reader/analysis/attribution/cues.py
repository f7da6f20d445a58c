"""The cue of a quotation: a verb of speaking after or before it, a colon, a source phrase, an utterance noun."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ...text.quotations import QuoteSpan
from .. import cue_lexicon, lexicon
from ..mentions import Mention, Referent
from ..mentions.word_rules import looks_role
from ..words import Word
from .attributions import Attribution, Cue
from .clauses import _CLAUSE_BOUNDARIES, _HARD_BOUNDARIES, _after_sentence_break, _until_boundary
from .cue_words import _CUE_FORMS, cue_category, is_cue_word
from .speakers import SpeakerFinding

_SUBJECT_RELATIVES = frozenset({"der", "die", "welcher", "welche"})  # "…, der gesagt hat, dass …"
_HEISST_FORMS = frozenset({"heißt", "hieß", "heisst", "hiess"})  # Swiss spelling without ß
_INDEFINITE_SUBJECTS = frozenset({"manche", "jemand", "einige", "viele", "andere", "jeder", "niemand"})
_QUOTING_FORMS = frozenset({"zitiert", "zitierte", "zitierten", "zitieren"})
_PASSIVE_AUXILIARIES = frozenset({"wird", "wurde", "wurden", "werden", "worden"})
_RAN_AUXILIARIES = frozenset({"ist", "war", "sei", "wäre"})  # "ist von … die Rede"
PLURAL_VERB_REACH = 60  # characters after a bare plural noun searched for its verb
GROUP_LOOKBACK_SENTENCES = 2  # sentences before a plural "sie" searched for the group it takes up
POSSESSIVE_HEADING_MAX_WORDS = 4  # "Sein nüchternes Fazit:" — a possessive, adjectives, a noun
SOURCE_PHRASE_WORDS = 10  # words of the noun phrase a source word governs ("Dem Analysten X von der Bank")
_ATTRIBUTION_AFTER = re.compile(r"[ \t]*(?:,|[a-zäöü])")


class CueFinding(SpeakerFinding):
    """The cue rules: which cue attributes a quotation, and to whom (through the speaker rules)."""

    # ---- cues ---------------------------------------------------------------------------
    def _attribute(self, span: QuoteSpan) -> Attribution | None:
        sentence_start, sentence_end = self._frame(span)
        right = _until_boundary(self.words.between(span.outer_end, sentence_end))
        left = self.words.between(sentence_start, span.outer_start)
        left = _after_sentence_break(left)
        # 1. right after the quotation: „…“, sagte Trump / „…“, so Trump / „…“, hat er gesagt — not a
        # verb joined by "und" to the clause the quotation stands in ("sprach von „…“ und kündigte … an")
        joined = bool(right) and right[0].lower in {"und", "oder", "sowie"} and bool(left)
        found = None if joined else self._verb_in(right, sentence_start, adjacent_only=True)
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
        # 3a. "In dem Papier ist von einem „…“ die Rede": a cue like "heißt es", its source found the same way
        found = self._die_rede(left, right, frame_start=sentence_start)
        if found is not None:
            return found
        # 3b. a sentence of its own, then "So sieht es X." / "So formuliert es X." / "Mit diesen Worten …"
        if not right:
            found = self._so_sentence_after(sentence_end)
            if found is not None:
                return found
        # 4. laut X / X zufolge / nach Angaben von X
        for mention in self._mentions_in(sentence_start, sentence_end):
            if mention.case == "src" and not (span.outer_start <= mention.start < span.outer_end):
                return Attribution(self._source_cue(mention), mention, False)
        found = self._governed_source(_until_boundary(list(reversed(left)))[::-1] + right)
        if found is not None:
            return found
        # 5. an utterance noun owned by someone: seine Drohung mit „…“
        return self._speech_noun(left)

    def _governed_source(self, clause: list[Word]) -> Attribution | None:
        """A source word in the quotation's clause whose noun phrase the mention finder left
        oblique or did not find ("laut einem Bahnsprecher", "Dem Analysten X von der Bank zufolge",
        "nach Angaben seines Anwalts", "Dem Ökologen zufolge"): that phrase is the source, and a
        short quotation with a source is speech (GUIDELINES)."""
        for position, word in enumerate(clause):
            if word.is_quote:
                continue
            if word.lower == "laut" or (
                word.lower == "angaben" and position > 0 and clause[position - 1].lower == "nach"
            ):
                phrase = clause[position + 1 : position + 1 + SOURCE_PHRASE_WORDS]
                if phrase and phrase[0].lower == "von":
                    phrase = phrase[1:]
                phrase = list(itertools.takewhile(lambda w: w.is_word, phrase))
            elif word.lower == "zufolge" and position > 0:
                before = clause[:position]
                opener = next((k for k, w in enumerate(before) if w.lower in lexicon.ARTICLES), None)
                phrase = before[opener:] if opener is not None else before[-1:]
                if sum(w.is_word for w in phrase) > SOURCE_PHRASE_WORDS or any(w.is_quote for w in phrase):
                    continue
            else:
                continue
            mention = self._phrase_source(phrase)
            if mention is not None:
                return Attribution(Cue(word.start, word.end, word.text, "source"), mention, False)
        return None

    def _phrase_source(self, phrase: list[Word]) -> Mention | None:
        """The person or organisation a source word's noun phrase names: a mention in it, else
        the phrase as the text words it, an article and its noun ("einem Bahnsprecher")."""
        if not phrase:
            return None
        mentions = [
            m
            for m in self._mentions_in(phrase[0].start, phrase[-1].end)
            if m.referent.label in {"PER", "ORG"} and m.kind != "possessive"
        ]
        if mentions:
            return mentions[0]
        head = next((k for k, w in enumerate(phrase) if w.capitalized and w.lower not in lexicon.ARTICLES), None)
        if head is None or phrase[head].lower in lexicon.INANIMATE_NOUNS or phrase[0].lower not in lexicon.ARTICLES:
            return None
        text = self.text[phrase[0].start : phrase[head].end]
        referent = Referent(kind="role", text=text)
        if phrase[0].lower in {"dem", "der"} and phrase[head].lower.endswith(("en", "er", "in")):
            # "Dem Ökologen zufolge": a definite role noun takes up the person the sentences before are about
            referent = (
                self._recent_person(phrase[0].start, "f" if phrase[head].lower.endswith("in") else "m") or referent
            )
        return Mention(phrase[0].start, phrase[head].end, "indefinite", "src", referent, text)

    def _die_rede(self, left: list[Word], right: list[Word], *, frame_start: int) -> Attribution | None:
        """ "ist (war, sei) von „…“ die Rede": the idiom speaks of the quotation; who speaks is the
        document or place phrase before it ("In einem Positionspapier des Verbands"), as for "heißt es"
        (GePaDe annotates "war … die Rede" as a cue)."""
        if len(right) < 2 or right[0].lower != "die" or right[1].lower != "rede" or not left:
            return None
        if left[-1].lower not in {"von", "vom"} and not (len(left) > 1 and left[-2].lower in {"von", "vom"}):
            return None  # "von einem „…“" or "vom „…“": the quotation is the idiom's object
        auxiliary = next((w for w in reversed(left) if w.lower in _RAN_AUXILIARIES), None)
        if auxiliary is None:
            return None
        cue = Cue(right[0].start, right[1].end, f"{auxiliary.text} … die Rede", "verb")
        return Attribution(cue, self._document_source(auxiliary, frame_start), False)

    def _so_sentence_after(self, sentence_end: int) -> Attribution | None:
        """ "„…“ So sieht es die Ökonomin X." / "So formuliert es X" / "Das sagt X" / "Sie sagt
        das": the next sentence opens with "so", a finite verb and "es" (or with "das" and a verb of
        saying, or with its speaker, the verb and "das", or with "Mit diesen Worten" and a verb), and
        names whose words the quotation was."""
        # bisect_left: the senter may open the next sentence at the closing mark ("… vorgeben.» Mit …")
        index = bisect_left(self._sentence_starts, sentence_end)
        if index >= len(self.sentences) or "\n" in self.text[sentence_end : self.sentences[index].start]:
            return None
        following = self.sentences[index]
        region = _until_boundary(self.words.between(following.start, following.end))
        if (found := self._with_these_words(region)) is not None:
            return found
        if len(region) >= 3 and region[0].text in {"Das", "Dies"} and self.is_speech_verb(region, 1):
            # "„…“ Das sagt Malte Ottersberg vom Fahrgastverband."
            mention = self._speaker_after(region, 1)
            if mention is None or mention.kind == "possessive" or mention.referent.gender == "1":
                return None
            return Attribution(Cue(region[1].start, region[1].end, region[1].text, "verb"), mention, True)
        if len(region) >= 3 and region[2].lower in {"das", "dies"} and self.is_speech_verb(region, 1):
            # "„…“ Sie sagt das ohne Vorwurf.": the verb's object "das" is the quotation, its subject the speaker
            mention = self._mention_at(region[0])
            if (
                mention is not None
                and mention.case == "nom"
                and mention.kind in {"name", "pronoun", "role"}
                and mention.referent.gender != "1"
                and mention.end <= region[0].end
            ):
                return Attribution(Cue(region[1].start, region[1].end, region[1].text, "verb"), mention, True)
        if len(region) < 4 or region[0].text != "So" or region[2].lower != "es" or not region[1].text.islower():
            return None
        mention = self._speaker_after(region, 2)
        if mention is None or (mention.kind == "pronoun" and mention.referent.gender == "1"):
            return None
        return Attribution(
            Cue(region[0].start, region[1].end, f"{region[0].text} {region[1].text}", "so"), mention, True
        )

    def _with_these_words(self, region: list[Word]) -> Attribution | None:
        """ "„…“ Mit diesen Worten schloss Abplanalp die Versammlung": whoever the verb's subject
        is spoke the words. "„…“ Diese Sorge äußerte ein Landrat": a demonstrative and a noun take
        up the quotation as the object of a verb of saying, whose subject spoke it."""
        if (
            len(region) >= 5
            and [w.lower for w in region[:3]] == ["mit", "diesen", "worten"]
            and region[3].text.islower()
        ):
            verb_at, cue_start, cue_end = 3, region[0], region[2]
        elif (
            len(region) >= 4
            and region[0].lower in _DEMONSTRATIVES
            and region[1].capitalized
            and region[1].is_word
            and self._mention_at(region[1]) is None
            and region[2].lower in _UTTERING_FORMS
        ):
            verb_at, cue_start, cue_end = 2, region[2], region[2]
        else:
            return None
        mention = self._speaker_after(region, verb_at)
        if mention is None or mention.kind == "possessive" or mention.referent.gender == "1":
            return None
        cue = Cue(cue_start.start, cue_end.end, self.text[cue_start.start : cue_end.end], "verb")
        return Attribution(cue, mention, True)

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
        # (or open the next sentence with the closing mark: "…?", »…«, fragte er" split before "»")
        nxt = bisect_right(self._sentence_starts, min(span.outer_end, span.close_at) - 1)
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
            if adjacent_only and (
                position > 3
                or any(w.text in _HARD_BOUNDARIES for w in region[:position])
                or self._own_subject_before(region, position)
            ):
                return None
            if word.lower == "so" and position <= 1 and (position == 0 or region[0].text in {",", "("}):
                mention = self._speaker_after(region, position) or self._so_noun_taken_up(region, position)
                if mention is not None:
                    return Attribution(Cue(word.start, word.end, word.text, "so"), mention, True)
                continue
            if word.lower in _HEISST_FORMS and position + 1 < len(region) and region[position + 1].lower == "es":
                cue = Cue(word.start, region[position + 1].end, f"{word.text} es", "verb")
                return Attribution(cue, self._document_source(word, frame_start), position <= 3)
            if self.is_speech_verb(region, position):
                return replace(self.verb_source(region, position, frame_start), adjacent=position <= 3)
        return None

    def _so_noun_taken_up(self, region: list[Word], position: int) -> Mention | None:
        """ "„…“, so der Coach": a definite noun the lexicon does not know as a role, after "so",
        is the one person of fitting gender who was the subject just before — of the sentences
        before this one, since this one's own subject is what the quotation is about ("Reiter habe
        sich „…“ verdient, so der Coach" after "Auch Bundestrainer Uwe Brandl war zufrieden")."""
        phrase = self._speaker_after(region, position, fallback=True)
        if phrase is None or phrase.text.split(" ")[0].lower() not in {"der", "die"} or " " in phrase.text[4:]:
            return None
        if phrase.text.startswith(("die", "Die")) and phrase.text.endswith("en"):
            return None  # "so die Experten": several
        current = bisect_right(self._sentence_starts, region[position].start) - 1
        gender = "m" if phrase.text.startswith(("der", "Der")) else "f"
        person = self._recent_person(self.sentences[current].start, gender)
        if person is None:
            return None
        return Mention(phrase.start, phrase.end, "indefinite", "nom", person, phrase.text)

    def _own_subject_before(self, region: list[Word], position: int) -> bool:
        """„…“, die AfD forderte Neuwahlen: after the comma a clause of its own opens with its
        subject, so its verb is not the quotation's inverted cue („…“, sagte X / „…“, hat X gesagt /
        „…“, wie X sagte)."""
        opener = next((w for w in region[:position] if w.is_word), None)
        if opener is None or opener.lower in {"wie", "so", "als"} or opener.lower in lexicon.AUXILIARIES:
            return False
        mention = self._mention_at(opener)
        return opener.lower in lexicon.ARTICLES or (mention is not None and mention.case == "nom")

    def verb_source(self, region: list[Word], position: int, frame_start: int) -> Attribution:
        """The cue verb at `position` of `region` and its source: a mention right after it,
        before it, else a noun phrase before or after it."""
        word = region[position]
        quoted = self._quoted_object(region, position)
        if quoted is not None:
            return Attribution(Cue(word.start, word.end, word.text, "verb"), quoted, False)
        mention = (
            self._pronoun_subject(region, position)
            or self._prefield_subject(region, position)
            or self._speaker_after(region, position)
            or self._speaker_before(word, frame_start)
            or self._speaker_before(word, frame_start, fallback=True)
            or (None if self._thing_before(word, frame_start) else self._speaker_after(region, position, fallback=True))
        )
        if (
            mention is not None
            and mention.kind == "pronoun"
            and mention.text.lower() == "sie"
            and word.lower.endswith("en")
            and not self._beside_singular_auxiliary(mention)
        ):
            # "sagten sie": plural — the group named just before, else unresolved ("Die Nachbarn …
            # »…«, sagen sie im Dorf")
            group = self._group_before(mention.start)
            referent = Referent(kind="group", text=group or mention.text)
            kind = "pronoun" if group else "indefinite"  # a pronoun shows its antecedent as written
            mention = Mention(mention.start, mention.end, kind, mention.case, referent, mention.text)
        return Attribution(Cue(word.start, word.end, word.text, "verb"), mention, False)

    def _beside_singular_auxiliary(self, pronoun: Mention) -> bool:
        """ "ihren Namen möchte sie nicht … lesen", "sie will … erzählen": a "sie" beside a singular
        modal or auxiliary is one woman, whatever the infinitive cue in -en at the clause's end."""
        before = self.words.before(pronoun.start, 1)
        after = self.words.between(pronoun.end, pronoun.end + 40)[:1]
        return any(
            w.lower in lexicon.AUXILIARIES and not w.lower.endswith("en") and w.lower != "sind" for w in before + after
        )

    def _group_before(self, offset: int) -> str | None:
        """The group a plural "sie" takes up, as written: the nearest group subject in its sentence
        or the GROUP_LOOKBACK_SENTENCES before it."""
        current = bisect_right(self._sentence_starts, offset) - 1
        start = self.sentences[max(0, current - GROUP_LOOKBACK_SENTENCES)].start
        for earlier in reversed(self._mentions_in(start, offset)):
            if earlier.kind == "indefinite" and earlier.referent.kind == "group" and earlier.case == "nom":
                return self.text[earlier.start : self._written_end(earlier)]
        return self._plural_phrase_before(start, offset)

    def _plural_phrase_before(self, start: int, offset: int) -> str | None:
        """ "Viele private Forstbetriebe klagen …", "Anwohner der Straße hatten gewarnt": the nearest
        plural subject the mention finder has no group for — a plural determiner with its
        adjectives and noun, or a bare noun right before a plural finite verb — in [start, offset)."""
        words = self.words.between(start, offset)
        for k in range(len(words) - 2, -1, -1):
            word = words[k]
            before = words[k - 1].lower if k > 0 else ""
            if before in lexicon.PREPOSITIONS or before in lexicon.ARTICLES:
                continue
            if word.lower in lexicon.PLURAL_DETERMINERS:
                head = k + 1
                while head < len(words) and words[head].is_word and not words[head].capitalized:
                    head += 1  # "private", "kleinere"
                if (
                    head < len(words)
                    and words[head].capitalized
                    and words[head].is_word
                    and words[head].lower not in lexicon.INANIMATE_NOUNS
                ):
                    return self.text[word.start : words[head].end]
            elif (
                word.capitalized
                and word.is_word
                and (k == 0 or words[k - 1].text in _HARD_BOUNDARIES or words[k - 1].is_quote)
                and (mention := self._mention_at(word)) is not None
                and mention.kind == "indefinite"
                and mention.referent.kind == "role"
                and mention.text == word.text
                and self._plural_verb_after(mention)
            ):
                return self.text[mention.start : self._written_end(mention)]
        return None

    def _plural_verb_after(self, mention: Mention) -> bool:
        """The first lower-case word after a subject and its attribute (articles and capitalised
        words: "der Straße Am Mühlenteich") is a finite verb of the plural ("hatten", "klagen"), so
        the bare noun is a plural ("Anwohner … hatten")."""
        following = self.words.between(mention.end, mention.end + PLURAL_VERB_REACH)
        verb = next(
            (w for w in following if not (w.capitalized or w.lower in lexicon.ARTICLES)),
            None,
        )
        if verb is None or not verb.is_word or not verb.text.islower():
            return False
        return (verb.lower in lexicon.AUXILIARIES and verb.lower.endswith(("en", "nd"))) or (
            is_cue_word(verb) and verb.lower.endswith("en") and not verb.lower.startswith("ge")
        )

    def _quoted_object(self, region: list[Word], position: int) -> Mention | None:
        """ "Die Agentur zitierte einen Sprecher des Ministeriums (mit den Worten): „…“": whom
        an active "zitieren" quotes is its object, not its subject; in the passive ("X wird
        zitiert") the subject is quoted and the usual rules find it."""
        if region[position].lower not in _QUOTING_FORMS:
            return None
        clause = [w for w in region if not w.is_quote]
        if any(w.lower in _PASSIVE_AUXILIARIES for w in clause):
            return None
        end = next((w.start for w in region[position + 1 :] if w.text in _CLAUSE_BOUNDARIES), region[-1].end)
        for mention in self._mentions_in(region[position].end, end):
            before = self.words.before(mention.start, 1)
            if before and before[0].lower in lexicon.PREPOSITIONS:
                continue  # "mit den Worten", "in Teheran"
            if mention.case == "obl" and mention.kind != "possessive" and mention.referent.label in {"PER", "ORG"}:
                return mention  # the accusative object; a nominative after the verb is its subject
        return None

    def _pronoun_subject(self, region: list[Word], position: int) -> Mention | None:
        """A clause whose subject is a relative or demonstrative pronoun: "…, einen Vorsitzenden,
        der gesagt hat: …", "Die sagen sich: …", "Manche stellen fest, dass …". The pronoun is the
        mention; it stands for the noun (or name) right before the comma where there is one."""
        k = position
        while k > 0 and region[k - 1].text not in _CLAUSE_BOUNDARIES and not region[k - 1].is_quote:
            k -= 1
        if k == position:
            return None
        opener = region[k]
        relative = k > 0 and region[k - 1].text == "," and opener.lower in _SUBJECT_RELATIVES
        demonstrative = (
            (k == 0 or region[k - 1].text in _HARD_BOUNDARIES)
            and (opener.lower in _INDEFINITE_SUBJECTS or (opener.lower in _SUBJECT_RELATIVES and opener.capitalized))
            # the verb (or its auxiliary) right after it: "Die sagen", "Manche haben erklärt", not a
            # determiner ("Die neue Regierung sagte", "Andere Fahrgäste sprachen")
            and (k + 1 == position or region[k + 1].lower in lexicon.AUXILIARIES)
        )
        if not (relative or demonstrative):
            return None
        between = self._mentions_in(opener.end, region[position].start)
        if any(m.case == "nom" and m.kind != "possessive" for m in between):
            return None  # "…, die er gesagt hat": another subject
        if relative and any(w.is_word and w.capitalized for w in region[k + 1 : position]):
            return None  # a noun of its own in the clause: the pronoun is no subject for sure
        referent = Referent(kind="group" if opener.lower in _INDEFINITE_SUBJECTS else "", text=None)
        if relative:
            before = self._mentions_in(region[k - 1].start - 80, region[k - 1].start)
            if before and not self.words.between(before[-1].end, region[k - 1].start):
                referent = before[-1].referent  # "Jan Müller, der betonte, dass …"
        return Mention(opener.start, opener.end, "pronoun", "nom", referent, opener.text)

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
        if not word.text[:1].islower() and not _verb_first(region, position):
            return False
        if word.lower in _CUE_FORMS:
            return True
        if _particle_written_apart(region, position):
            return True
        options = cue_lexicon.DETACHED_FORMS.get(word.lower)
        if not options:
            return False
        particles = {particle for _, particle in options}
        rest = region[position + 1 :]
        offset = 0
        while offset < len(rest):
            later = rest[offset]
            if later.text == "," and (closing := _apposition_close(rest, offset)) is not None:
                offset = closing + 1  # "hielt Anna Roth, Kantonsrätin der FDP, entgegen"
                continue
            if later.text in _CLAUSE_BOUNDARIES or later.is_quote:
                return False
            if later.lower in particles:
                after = rest[offset + 1] if offset + 1 < len(rest) else None
                if after is None or after.text in _CLAUSE_BOUNDARIES or after.is_quote:
                    return True
            offset += 1
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
        main = _main_clause(clause)
        found = None
        if len(main) < len(clause):
            found = self._verb_in(main, frame_start, nearest_last=True)  # "X fürchten, dass …: „…“"
            if found is not None and found.mention is None:
                found = None
        found = found or self._verb_in(clause, frame_start, nearest_last=True)
        if found is not None and found.mention is not None:
            if cue_category(found.cue.text) != cue_lexicon.THINK:
                return Attribution(found.cue, found.mention, True)
            return Attribution(Cue(colon.start, colon.end, ":", "colon"), found.mention, True)  # sieht …:
        mention = (
            self.fuer_holder(clause)
            or self._topic(clause)
            or self._possessive_heading(clause)
            or self._person_noun_subject(clause)
        )
        if mention is None:
            return None
        return Attribution(Cue(colon.start, colon.end, ":", "colon"), mention, True)

    def _person_noun_subject(self, clause: list[Word]) -> Mention | None:
        """ "Die Tierökologin hat schon jetzt einen einfachen Rat: „…“": a clause opened by a
        definite person noun the mention finder does not know, its verb and a noun before the colon,
        names the person the sentences before are about as the speaker."""
        words = [w for w in clause if w.is_word]
        if len(words) < 4 or words[0].lower not in {"der", "die"} or not words[-1].capitalized:
            return None
        person_noun = looks_role(words[1]) or (words[0].lower == "die" and words[1].lower.endswith("in"))
        if not words[1].capitalized or not person_noun or words[2].capitalized:
            return None  # "Die Tierökologin hat …": the article, the person noun, the verb
        mention = self._noun_phrase_at(words[0].start, words[1].end)
        if mention is None or not mention.referent.known:
            return None
        return mention

    def _possessive_heading(self, clause: list[Word]) -> Mention | None:
        """ "Ihr Fazit: „…“", "Seine knappe Antwort: „…“": a clause that is only a possessive and
        its noun names whose words follow; the possessive is the mention."""
        words = [w for w in clause if w.is_word]
        possessive = words[0].lower in lexicon.POSSESSIVE_DETERMINERS or words[0].lower == "ihr"  # before a noun
        if not (2 <= len(words) <= POSSESSIVE_HEADING_MAX_WORDS and possessive):
            return None
        if not (words[-1].capitalized and all(w.text.islower() for w in words[1:-1])):
            return None
        owner = self._mention_at(words[0])
        if owner is None or owner.kind not in {"pronoun", "possessive"} or owner.referent.gender == "1":
            return None
        return owner

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


# "Diese Sorge äußerte …": the determiners that take up what was just quoted.
_DEMONSTRATIVES = frozenset({"diese", "dieser", "dieses", "diesen", "solche", "solch"})
# … and the verbs whose subject uttered what is so taken up: "Diesem Satz widersprach X" says X did not.
_UTTERING_FORMS = frozenset(
    {
        *("äußert", "äußerte", "äußerten", "äußern"),
        *("sagt", "sagte", "sagten", "sagen"),
        *("formuliert", "formulierte", "formulierten"),
        *("schreibt", "schrieb", "schrieben"),
        *("spricht", "sprach", "sprachen"),
    }
)
_SUBORDINATORS = frozenset({"dass", "ob", "weil", "wie", "wenn", "als", "obwohl", "damit", "was", "wo"})
_RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "den", "dem", "deren", "dessen"})
_CLAUSE_PRONOUNS = frozenset({"man", "er", "sie", "es", "wir", "ich", "ihr"})  # a relative clause's subject


def _main_clause(clause: list[Word]) -> list[Word]:
    """The words before the first subordinate clause ("…, dass …", "…, wie sie auch Bayern
    vorgeschlagen hat"): whose words follow the colon is told there, not in the clause it embeds."""
    for position, word in enumerate(clause[:-1]):
        if word.text == "," and clause[position + 1].lower in _SUBORDINATORS and position > 0:
            return clause[:position]
        if word.text == "," and position > 0 and _opens_relative_clause(clause, position + 1):
            return clause[:position]  # "Dann sagt er einen Satz, den man hier oft hört: „…“"
    return clause


def _opens_relative_clause(clause: list[Word], position: int) -> bool:
    """ "…einen Satz, den man hier oft hört": after a noun and a comma, a relative pronoun followed
    by a pronoun or a preposition opens a relative clause (", der Plan sei …" is an article and its noun)."""
    return (
        position + 1 < len(clause)
        and clause[position - 2].capitalized
        and clause[position].lower in _RELATIVE_PRONOUNS
        and (clause[position + 1].lower in _CLAUSE_PRONOUNS or clause[position + 1].lower in lexicon.PREPOSITIONS)
    )


def _verb_first(region: list[Word], position: int) -> bool:
    """ "Wissen Sie, welche …", "Sagen Sie doch den Familien, dass …": a capitalised verb opening
    a question or a request, its subject the pronoun right after it."""
    return (
        (position == 0 or region[position - 1].text in _HARD_BOUNDARIES or region[position - 1].text == "-")
        and position + 1 < len(region)
        and region[position + 1].text in {"Sie", "wir"}
    )


APPOSITION_REACH = 8  # words between the commas around an apposition after a name


def _apposition_close(words: list[Word], comma: int) -> int | None:
    """The comma that closes an apposition opened at `comma` ("X, Kantonsrätin der FDP, …"):
    nouns and the small words between them only, no verb; None when the words are no apposition."""
    for k in range(comma + 1, min(len(words), comma + 2 + APPOSITION_REACH)):
        word = words[k]
        if word.text == ",":
            return k if k > comma + 1 else None
        if word.is_quote or (word.is_word and not word.capitalized and word.lower not in _APPOSITION_SMALL_WORDS):
            return None
        if not word.is_word and word.text != "-":
            return None
    return None


_APPOSITION_SMALL_WORDS = lexicon.ARTICLES | lexicon.PREPOSITIONS | lexicon.APPOSITION_SMALL_WORDS


def _particle_written_apart(region: list[Word], position: int) -> bool:
    """ "hat bekannt gegeben", "will deutlich machen", "ohne klar zu stellen": a separable verb
    whose particle stands before it as a word of its own ("zu" alone is the infinitive's marker)."""
    if position == 0:
        return False
    particle = region[position - 1]
    verb = region[position].lower
    if particle.lower == "zu":  # "ohne deutlich zu machen, wie …"
        before = region[position - 2] if position > 1 else None
        return before is not None and before.text.islower() and before.lower + "zu" + verb in cue_lexicon.ATTACHED_FORMS
    return particle.text.islower() and particle.lower + verb in cue_lexicon.ATTACHED_FORMS
