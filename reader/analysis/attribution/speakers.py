"""Who a cue points to: the mention before or after it, in an apposition, a source phrase or a document."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from .. import cue_lexicon, lexicon
from ..mentions import FUNCTION_WORDS, Mention, Referent, is_role_noun
from ..mentions.institutions import of_kind
from ..mentions.word_rules import looks_organisation, looks_role
from ..words import Word
from .attributions import Attribution
from .clauses import _CLAUSE_BOUNDARIES, _HARD_BOUNDARIES, title_period
from .cue_words import is_cue_word
from .state import AttributionState, _inside

_NP_DETERMINERS = frozenset({"der", "die", "das", "ein", "eine"})
# what opens a genitive complement: "eine Sprecherin des Ministeriums", "ein Schreiben mehrerer Zulieferer"
_GENITIVE_OPENERS = ("des", "der", "eines", "einer", "mehrerer", "zahlreicher", "einiger", "vieler", "beider", "aller")
# a second genitive only where the article cannot be a dative ("… des öffentlichen Verkehrs", not
# "ein Sprecher des Amts der Zeitung")
_CHAINED_GENITIVES = ("des", "eines")
_AGE_WORDS = frozenset({"Jahre", "Monate"})
_RELATIVE_PRONOUNS = lexicon.RELATIVE_PRONOUNS
# words that open a clause of its own, not an apposition, after "Name, …"
_APPOSITION_BLOCKERS = frozenset(
    {
        "als",
        "wenn",
        "weil",
        "dass",
        "ob",
        "obwohl",
        "nachdem",
        "während",
        "wie",
        "wo",
        "was",
        "wer",
        "und",
        "aber",
        "doch",
        "sondern",
        "denn",
    }
)
_AGE_NOUN = re.compile(r"^\d+-[A-ZÄÖÜ]")  # "48-Jährige"
_NAME_SHAPE = re.compile(r"[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?|[A-Z]\.")  # "Oleh", "Keller-Sutter"
_ADJECTIVE_SHAPE = re.compile(r"^(?:\d+-)?[a-zäöüß][\wäöüß-]*(?:e|en|er|es|em)$")  # "früherer", "49-jähriger"
_ABSTRACT_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "nis", "tum", "ismus")
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
    | lexicon.CLAUSE_WORDS
    | frozenset(
        {
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
_DATELINE_CLOSE = re.compile(r"\)\s*[-–—]")  # "(dpa) - " after a dateline's place
# document nouns that head compounds: the lexicon's longer ones, and "blatt" ("Flugblatt", "Merkblatt")
_DOCUMENT_HEADS = (*(noun for noun in cue_lexicon.DOCUMENT_NOUNS if len(noun) >= 6), "blatt")
# a study by its other names: "eine Untersuchung des Instituts … heißt es in der Studie"
_STUDY_NOUNS = ("studie", "untersuchung", "analyse", "erhebung", "auswertung")
_DEFINITE_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "diesem", "dieser"})
DOCUMENT_KIND_MIN = 4  # letters of a document noun that can name a kind ("post" and longer)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")  # "Kantonalen", "Bayerische": a capitalised adjective
_ADVERB_ENDINGS = ("lich", "ig", "isch", "weise", "mals", "erweise", "fristig", "wärts")
_APPOSITION_PREPOSITIONS = frozenset({"in", "im", "aus", "bei", "beim", "von", "vom", "für", "am"})
# "für X ist klar", "für X steht fest": the frame's verb and the predicates it takes
_FRAME_PREDICATES = {
    **dict.fromkeys(("ist", "war", "sei", "wäre", "scheint"), ("klar", "sicher", "ausgemacht", "eindeutig")),
    **dict.fromkeys(("steht", "stand", "stehe", "stünde"), ("fest",)),
}
_FRAME_VERBS = frozenset(_FRAME_PREDICATES)
APPOSITION_REACH = 4  # words of a place phrase between a role and the comma before its name
UNNAMED_LOOKBACK_SENTENCES = 3  # sentences before a definite role searched for the unnamed one it takes up
ISSUER_OPENING_WORDS = 3  # words before the organisation that opens the sentence before a document
NAME_BEFORE_PLACE_MAX_WORDS = 2  # untagged words of an organisation's name before its place: "Gegenwind Hunsrück"
ISSUER_LOOKBACK_SENTENCES = 3  # sentences before an unowned document searched for the organisation it is of
DOCUMENT_REACH = 14  # words before "heißt es" searched for "in einem Schreiben (des …)"
DOCUMENT_COMPOUND_MIN = 3  # letters before a document noun that make a compound ("Medien|mitteilung")
_NAME_OPENINGS = _HARD_BOUNDARIES | {"-", "–", "—"}  # what may come before a clause-opening name ("(dpa) - ")
UNTAGGED_NAME_MIN_WORDS = 2  # words of a name the pipeline missed: "Taras Melnyk" …
UNTAGGED_NAME_MAX_WORDS = 3  # … "Maria Elena Duarte"
DARIN_REACH = 12  # characters between "heißt es" and a "darin" that points back to a document


class SpeakerFinding(AttributionState):
    """The speaker rules: which mention a cue names."""

    # ---- speakers -----------------------------------------------------------------------
    def in_vocative(self, offset: int) -> bool:
        """Whether the offset lies in an address ("meine Damen und Herren")."""
        return _inside(self._vocatives, offset)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), in reading order."""
        return self._mentions_in(start, end)

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
        for offset, word in enumerate(region[position + 1 :], start=position + 1):
            if (word.text in _CLAUSE_BOUNDARIES and not title_period(region, offset)) or word.is_quote:
                end = word.start
                break
        candidates = [
            m for m in self._mentions_in(region[position].end, end) if m.case == "nom" and m.kind != "possessive"
        ]
        if not candidates:
            return self._noun_phrase_named(region[position].end, end) if fallback else None
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

    def _noun_phrase_named(self, start: int, end: int) -> Mention | None:
        """The noun phrase in [start, end) a source is worded as, or the name its apposition gives
        ("sagte der Baukirchmeister des Kirchenkreises, Jens Oberdiek": a noun the lexicon does not
        know as a role, named after the comma)."""
        phrase = self._noun_phrase_at(start, end)
        if phrase is None:
            return None
        return self._apposition_name(phrase, []) or phrase

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
        end = self._attribute_end(mention.end, _GENITIVE_OPENERS)
        while end != mention.end and (chained := self._attribute_end(end, _CHAINED_GENITIVES)) != end:
            end = chained  # "die Konferenz der kantonalen Direktoren des öffentlichen Verkehrs"
        if end == mention.end and self._remit_after(end):
            end = self._coordinated_end(self._attribute_end(end, ("für",)))  # "das Amt für Umwelt und Verkehr"
        if mention.kind != "organisation":
            origin = self._attribute_end(end, ("aus", "von"))
            if origin != end and self._article_after_preposition(end):
                while (chained := self._attribute_end(origin, _CHAINED_GENITIVES)) != origin:
                    origin = chained  # "ein Landrat aus dem Süden des Landes", not "aus Kiel des Jahres"
            end = origin
        elif end == mention.end:
            end = self._place_name_after(end)
            if end == mention.end:
                end = self._name_with_place_after(end)
            if end == mention.end:
                end = self._name_after_opening_subject(mention)
        return end

    def _article_after_preposition(self, end: int) -> bool:
        """Whether the preposition right after `end` is followed by an article ("aus dem Süden")."""
        items = self.words.items
        index = self.words.index_at(end)
        return index + 1 < len(items) and items[index + 1].lower in lexicon.ARTICLES

    def _name_after_opening_subject(self, mention: Mention) -> int:
        """ "Die Reederei Nordlicht fährt …": an organisation noun that opens its sentence is its
        subject, and in a main clause the verb comes right after the subject, so one or two
        untagged name-shaped words between the noun and a lower-case word are its name ("hat die
        Kammer Mitglieder verloren": no subject opening the sentence, no name)."""
        sentence = self.sentences[bisect_right(self._sentence_starts, mention.start) - 1]
        if self.words.between(sentence.start, mention.start):
            return mention.end
        items = self.words.items
        index = self.words.index_at(mention.end)
        run = items[index : index + NAME_BEFORE_PLACE_MAX_WORDS + 1]
        end = mention.end
        for word in run:
            if word.is_word and not word.capitalized:
                return end
            if word.start != end + 1 or not _name_shaped(word) or self._mention_at(word) is not None:
                return mention.end
            end = word.end
        return mention.end

    def _name_with_place_after(self, end: int) -> int:
        """ "die Bürgerinitiative Gegenwind Hunsrück": an organisation noun's own name, one or two
        name-shaped words the pipeline did not tag and a place's name right after them, is part
        of the organisation's words."""
        items = self.words.items
        index = self.words.index_at(end)
        for count in range(1, NAME_BEFORE_PLACE_MAX_WORDS + 1):
            run = items[index : index + count]
            if len(run) < count or run[0].start != end + 1:
                return end
            if not all(_name_shaped(w) for w in run) or any(self._mention_at(w) is not None for w in run):
                return end
            if any(run[k].start != run[k - 1].end + 1 for k in range(1, count)):
                return end
            place_end = self._place_name_after(run[-1].end)
            if place_end != run[-1].end:
                return place_end
        return end

    def _place_name_after(self, end: int) -> int:
        """ "der Bauernverband Mecklenburg-Vorpommern", "die Evangelische Kirche von Westfalen": a
        place's name right after an organisation noun, with no preposition or with "von", is part
        of the organisation's name."""
        items = self.words.items
        index = self.words.index_at(end)
        if index + 1 < len(items) and items[index].lower == "von" and items[index].start == end + 1:
            after_von = self._place_name_after(items[index].end)
            return after_von if after_von != items[index].end else end
        if index >= len(items) or items[index].start != end + 1:
            return end
        place = self._mention_at(items[index])
        if place is not None and place.kind == "name" and place.referent.label == "LOC" and place.start == end + 1:
            return place.end
        return end

    def _remit_after(self, end: int) -> bool:
        """ "für" and a bare noun right after an office or institution: what it is for ("die
        Beauftragte für Integration"), part of its name; "für die Zeitung" is to whom."""
        items = self.words.items
        index = self.words.index_at(end)
        return (
            index + 1 < len(items)
            and items[index].lower == "für"
            and items[index].start <= end + 1
            and items[index + 1].capitalized
            and items[index + 1].is_word
            and items[index + 1].lower not in _FUNCTION_CAPITALS
        )

    def _coordinated_end(self, end: int) -> int:
        """Where a noun phrase ending at `end` ends with the nouns joined to it ("… und Verkehr")."""
        items = self.words.items
        index = self.words.index_at(end)
        while (
            index + 1 < len(items)
            and items[index].lower in {"und", ","}
            and items[index].start <= end + 1
            and items[index + 1].capitalized
            and items[index + 1].is_word
            and items[index + 1].lower not in _FUNCTION_CAPITALS
            and self._mention_at(items[index + 1]) is None
        ):
            end = items[index + 1].end
            index += 2
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
            if (
                j + 3 < len(items)
                and items[j + 1].text == "-"
                and items[j + 1].start == items[j].end
                and items[j + 2].lower in {"und", "oder"}
                and items[j + 3].capitalized
            ):
                j += 3  # "der Struktur- und Genehmigungsdirektion": one noun, its first part shortened
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
        words = [w for w in self.words.between(start, end) if not _inside(self._vocatives, w.start)]
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
                if noun in lexicon.INANIMATE_NOUNS:
                    return None  # "Die Tiere hielten …": a thing or an animal is no source
                if (
                    head + 2 < len(words)
                    and words[head + 1].lower in {"und", "oder"}
                    and words[head + 2].capitalized
                    and words[head + 2].is_word
                    and noun.endswith("innen")
                ):
                    head += 2  # "Pflegerinnen und Pfleger": one group, both words
                kind = (
                    "document"
                    if noun in cue_lexicon.DOCUMENT_NOUNS
                    else "group"
                    if words[position].lower == "die"
                    and noun.endswith(("en", "er", "s"))  # plurals: "die Bewohner", "die Fans"
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

    def _thing_before(self, verb: Word, frame_start: int) -> bool:
        """ "Die Tiere hielten die Grasnarbe kurz, „…“": the verb's clause opens with a thing or an
        animal as its subject, so no noun after the verb (its object) is the source either."""
        words = self.words.between(frame_start, verb.start)
        opening = next((k + 1 for k in range(len(words) - 1, -1, -1) if words[k].text in _CLAUSE_BOUNDARIES), 0)
        clause = words[opening:]
        if len(clause) < 2 or clause[0].lower not in _NP_DETERMINERS:
            return False
        head = next((w for w in clause[1:] if w.capitalized or not w.is_word), None)
        return head is not None and head.lower in lexicon.INANIMATE_NOUNS

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
                and m.referent.kind
                != "group"  # "Die Zuschauer feierten sie": a crowd, not whom "die 22-Jährige" takes up
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

    def document_source(self, cue: Word, frame_start: int) -> Mention | None:
        """Who "heißt es" quotes (the indirect finder's reported clauses after it, too)."""
        return self._document_source(cue, frame_start)

    def _document_source(self, cue: Word, frame_start: int) -> Mention | None:
        """Who "heißt es" quotes: "in einem Schreiben (des Ministeriums)" → the owner, else the
        document; "aus Regierungskreisen", "beim Statistischen Bundesamt", "aus dem Büro des …" →
        that phrase; a bare "heißt es" names no one."""
        index = self.words.index_at(cue.start)
        items = self.words.items
        window = [
            w for w in items[max(0, index - DOCUMENT_REACH) : index + 12] if w.start >= frame_start and not w.is_quote
        ]
        here = next((w for w in window if w.lower == "darin" and abs(w.start - cue.start) < DARIN_REACH), None)
        if here is not None:
            return self._document_before(cue)
        for position in _after_cue_first(window, cue):
            word = window[position]
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
            if _document_noun(head.lower) or head.lower in cue_lexicon.SOURCE_NOUNS:
                owner = [
                    m for m in self._mentions_in(head.end, head.end + 80) if m.case == "gen" and m.start <= head.end + 8
                ]
                if owner:
                    return owner[0]
                issuer = self._document_issuer(window[position + 1 : k], head)
                if issuer is not None:
                    return issuer
                if word.lower in {"im", "vom", "beim"} or window[position + 1].lower in _DEFINITE_ARTICLES:
                    earlier = self._earlier_document_owner(head)
                    if earlier is not None:
                        return earlier  # "heißt es in der Studie": the study named before, of the Institut
                owned = self._attribute_end(head.end, _GENITIVE_OPENERS) > head.end  # "mehrerer Zulieferer"
                nearby = None if owned else self._nearby_issuer(head)
                if nearby is not None:
                    return nearby
            elif named and named[0].kind == "name":
                if named[0].referent.label == "LOC" and window[position + 1].lower not in lexicon.ARTICLES:
                    return None  # "hieß es aus Berlin": from somewhere there; "aus dem Kreml": the institution
                return named[0]
            start = window[position + 1].start
            head_end = head.end
            noun = self._mention_at(window[k + 1]) if k + 1 < len(window) else None
            if (
                noun is not None
                and noun.kind == "organisation"
                and noun.start == head.end + 1
                and head.lower.endswith(_ADJECTIVE_ENDINGS)
            ):
                # "beim Kantonalen Gewerbeverband Zürich": the noun after its adjective, and its place
                head_end, named = self._place_name_after(noun.end), [noun]
            text = self.text[start:head_end]
            kind = (
                "document"
                if _document_noun(head.lower) or head.lower in cue_lexicon.SOURCE_NOUNS
                else "group"
                if head.lower.endswith("kreisen")
                else "organisation"
                if named
                else "role"
            )
            mention = Mention(start, head_end, "indefinite", "obl", Referent(kind=kind, text=text), text)
            end = self._written_end(mention)
            text = self.text[start:end]
            return Mention(start, end, "indefinite", "obl", Referent(kind=kind, text=text), text)
        return None

    def _document_before(self, cue: Word) -> Mention | None:
        """Who "heißt es darin" quotes: the last document the sentence before names — its owner
        ("aus einem Bericht des BAV"), else that sentence's subject when it is a person or an
        organisation ("Fraport hatte … in einem Schreiben … beziffert"), else the document."""
        current = bisect_right(self._sentence_starts, cue.start) - 1
        if current < 1:
            return None
        previous = self.sentences[current - 1]
        words = self.words.between(previous.start, cue.start)
        words = words[: next((k for k, w in enumerate(words) if w.is_quote), len(words))]
        documents = [
            k
            for k, w in enumerate(words)
            if w.capitalized and _document_noun(w.lower) and not self.in_vocative(w.start)
        ]
        if not documents:
            return None
        head = words[documents[-1]]
        following = words[documents[-1] + 1 :]
        if following and following[0].lower in _GENITIVE_OPENERS:
            owner = next((m for m in self._mentions_in(head.end, head.end + 80) if m.kind != "possessive"), None)
            if owner is not None and owner.case == "gen" and owner.start <= head.end + 8:
                return owner  # "des BAV", "des Verbands"
            start = following[0].start
            probe = Mention(start, following[0].end, "indefinite", "gen", Referent(kind="organisation"), "")
            end = self._attribute_end(head.end, _GENITIVE_OPENERS)
            end = self._written_end(replace(probe, end=end)) if end > head.end else end
            if end > head.end:
                text = self.text[start:end]  # "eines Ingenieurbüros aus Lüneburg"
                return Mention(start, end, "indefinite", "gen", Referent(kind="organisation", text=text), text)
        subject = next((m for m in self._mentions_in(previous.start, head.start) if m.case == "nom"), None)
        if (
            subject is not None
            and subject.kind in {"name", "organisation"}
            and subject.referent.label in {"PER", "ORG"}
            and subject.referent.gender != "1"
        ):
            return subject
        determiner = words[documents[-1] - 1] if documents[-1] > 0 else head
        start = determiner.start if determiner.lower in lexicon.ARTICLES else head.start
        text = self.text[start : head.end]
        return Mention(start, head.end, "indefinite", "obl", Referent(kind="document", text=text), text)

    def _earlier_document_owner(self, head: Word) -> Mention | None:
        """Whose a definite bare document is ("heißt es in der Studie"): the genitive owner of the
        last document of the same kind named before it ("Eine Studie des Instituts für X …",
        "eine Untersuchung des Amts"), when that one has an owner; else no one."""
        kind = _document_kind(head.lower)
        if kind is None:
            return None
        earlier = self.words.between(0, head.start)
        for index in range(len(earlier) - 2, -1, -1):
            word = earlier[index]
            if not (word.capitalized and word.is_word) or _document_kind(word.lower) != kind:
                continue
            if earlier[index + 1].lower not in _GENITIVE_OPENERS:
                break  # the last such document is no one's by its words
            owner = next((m for m in self._mentions_in(word.end, word.end + 80) if m.kind != "possessive"), None)
            if owner is not None and owner.case == "gen" and owner.start <= word.end + 8:
                return owner
            break
        return self._first_research_body(head) if kind == "studie" else None

    def _first_research_body(self, head: Word) -> Mention | None:
        """Whose "die Studie" is when the text named no owned study before it: the research body
        it named first ("Ein Team des Elbe-Instituts für Gewässerforschung hat … In der Studie
        heißt es"), the one a science story is about — not the outside expert's university named
        later; no one when it names none."""
        for mention in self._mentions_in(0, head.start):
            name = mention.referent.name or ""
            if (
                mention.kind in {"name", "organisation"}
                and mention.referent.label == "ORG"
                and mention.referent.known
                and name.lower() not in lexicon.RESEARCH_BODY_HEADS  # a bare "Institut" names no one
                and _research_body(name)
            ):
                return mention
        return None

    def _document_issuer(self, determiner: list[Word], head: Word) -> Mention | None:
        """Whose document an unowned one is: "in seinem Bericht" → whom the possessive means;
        "in einer Erklärung" right after a sentence whose subject is an organisation
        ("Die Kammer X lehnte ab. In einer Erklärung heißt es …") → that organisation, also for
        a possessive ("Der Bundesrechnungshof hatte … kritisiert. In seinem Bericht …"), which may
        mean a person named before it; a document only one kind of body issues ("die
        Anklageschrift") only when the organisation is of that kind."""
        possessive = next((self._mention_at(w) for w in determiner if w.lower in lexicon.POSSESSIVE_DETERMINERS), None)
        if possessive is not None and possessive.kind == "possessive":
            referent = possessive.referent
            if referent.label == "ORG" and (referent.known or referent.text):
                return possessive
        current = bisect_right(self._sentence_starts, head.start) - 1  # the document's sentence
        if current < 1:
            return None
        previous = self.sentences[current - 1]
        opening = self._mentions_in(previous.start, previous.end)[:1]  # the sentence's topic opens it
        if not opening or len(self.words.between(previous.start, opening[0].start)) > ISSUER_OPENING_WORDS:
            return None
        subject = opening[0]
        if (
            subject.case == "nom"
            and subject.referent.label == "ORG"
            and subject.kind in {"name", "organisation"}
            and _may_issue(head.lower, subject)
        ):
            return subject
        return None  # "in seinem Bericht" after a person: theirs, but "sein" may mean either: no guess

    def _nearby_issuer(self, head: Word) -> Mention | None:
        """Whose an unowned document is when the sentence right before does not open with its
        issuer: "Auf ihrer Tagung forderte die Verkehrsministerkonferenz … Andernfalls drohe …
        In dem Beschluss heißt es" → the organisation the sentences before are about, the last
        one they name as a subject or source, or by name (no genitive: "nach den Vorgaben der
        EU"; no medium), in the ISSUER_LOOKBACK_SENTENCES before it; for a document only one kind
        of body issues (lexicon.DOCUMENT_ISSUERS), the last of that kind. None when none is near."""
        current = bisect_right(self._sentence_starts, head.start) - 1
        if current < 1:
            return None
        start = self.sentences[max(0, current - ISSUER_LOOKBACK_SENTENCES)].start
        earlier = self._mentions_in(start, self.sentences[current].start)
        for position in range(len(earlier) - 1, -1, -1):
            mention = earlier[position]
            referent = mention.referent
            if referent.label != "ORG" or mention.kind not in {"name", "organisation"}:
                continue
            written = referent.name or mention.text
            if mention.kind == "name":
                before = earlier[position - 1] if position else None
                apposition = before is not None and before.end + 1 == mention.start  # "Der Reiseveranstalter TUI"
                if mention.case not in {"nom", "src", "app"} and not apposition:
                    continue
                if self.text[max(0, mention.start - 1) : mention.start] == "(" and _DATELINE_CLOSE.match(
                    self.text, mention.end
                ):
                    continue  # a dateline's agency: "Berlin (dpa) -"
                if _document_noun(written.split(" ")[0].lower()):
                    continue  # "Vergleichsstudie Pisa": a document the pipeline took for a name
                if apposition and before is not None and before.text.lower().endswith(_MEDIA_HEADS):
                    continue  # "der Nachrichtenagentur Reuters": whom it was said to
            elif mention.case not in {"nom", "src"} or not (referent.known or referent.text):
                continue
            if written.lower().endswith(_MEDIA_HEADS) or not _may_issue(head.lower, mention):
                continue
            return mention
        return self._only_issuer(head)

    def _only_issuer(self, head: Word) -> Mention | None:
        """For a document only one kind of body issues ("In dem Urteil heißt es" ← a court), the
        one body of that kind the article names before it, however far back; None for any other
        document, or when it names two."""
        if not any(head.lower.endswith(kind) for kind in lexicon.DOCUMENT_ISSUERS):
            return None
        issuers = {
            m.referent.key or m.text: m
            for m in self._mentions_in(0, head.start)
            if m.referent.label == "ORG" and m.referent.known and m.kind == "name" and _may_issue(head.lower, m)
        }
        return next(iter(issuers.values())) if len(issuers) == 1 else None

    def described(self, attribution: Attribution) -> Attribution:
        """The attribution's mention with all its words (genitive complement) as its text, and
        as a group when its verb is plural ("Händler sprachen von …")."""
        attribution = self._ihr_possessive(attribution)
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
            if mention.kind == "role" and end == mention.end and first in {"der", "die"}:
                earlier = self._unnamed_antecedent(mention)
                if earlier is not None:
                    referent = replace(referent, text=earlier)  # "Eine Sprecherin des Amts … die Sprecherin"
            elif (
                mention.kind == "organisation"
                and mention.case in {"nom", "gen", "src"}
                and end == mention.end
                and first in {"der", "die", "das", "des", "dem"}
            ):
                # an owner or source ("einer Stellungnahme der Kammer") by its kind only: "der
                # Verwaltung" says as much as the "Stadtverwaltung" before it
                earlier = self._unnamed_organisation(mention, by_kind_only=mention.case != "nom")
                if earlier is None or len(earlier.split(" ")) == 2:  # "die Reederei": the one named in full before
                    earlier = self._named_in_full(earlier or mention.text, mention.start) or earlier
                if earlier is not None:
                    referent = replace(referent, text=earlier)  # "Der Verband der X warnte. … erklärte der Verband"
        elif mention.kind in {"pronoun", "possessive"} and not referent.known and referent.text:
            written = self._antecedent_written(mention)
            if written is not None and written != referent.text:
                referent = replace(referent, text=written)  # "Ein Sprecher des Amts verwies … sagte er"
        if end == mention.end and referent is mention.referent:
            return attribution
        return Attribution(
            attribution.cue,
            Mention(mention.start, end, mention.kind, mention.case, referent, text),
            attribution.adjacent,
        )

    def _ihr_possessive(self, attribution: Attribution) -> Attribution:
        """ "sagte ihr Vater", "Ihr Anwalt erklärte": an "ihr" right before an unnamed role (its
        adjectives included) is the role's possessive determiner — a dative "ihr" would leave the
        subject without an article — and one of the speaker's words; whose the role is stays open."""
        mention = attribution.mention
        if mention is None or mention.kind not in {"role", "indefinite"} or mention.referent.known:
            return attribution
        before = self.words.before(mention.start, 1)
        if not before or before[0].lower != "ihr" or before[0].end + 1 < mention.start:
            return attribution
        if mention.text.split(" ")[0].lower() in lexicon.ARTICLES:
            return attribution
        start = before[0].start
        text = self.text[start : mention.end]
        referent = replace(mention.referent, text=text) if mention.referent.text == mention.text else mention.referent
        return Attribution(
            attribution.cue,
            Mention(start, mention.end, mention.kind, mention.case, referent, text),
            attribution.adjacent,
        )

    def _unnamed_antecedent(self, role: Mention) -> str | None:
        """The unnamed source a definite role takes up, as written: "Eine Sprecherin des Amts
        sagte … „…“, sagte die Sprecherin" → "Eine Sprecherin des Amts" (the nearest indefinite
        mention of the same noun in this sentence or the UNNAMED_LOOKBACK_SENTENCES before it; for
        an age, "der 49-Jährige", the nearest unnamed subject of its gender: "ein Schichtleiter")."""
        head = role.text.split(" ")[-1].lower()
        by_age = bool(_AGE_NOUN.match(role.text.split(" ")[-1]))  # "der 49-Jährige": any unnamed person before
        current = bisect_right(self._sentence_starts, role.start) - 1
        start = self.sentences[max(0, current - UNNAMED_LOOKBACK_SENTENCES)].start
        for earlier in reversed(self._mentions_in(start, role.start)):
            words = earlier.text.split(" ")
            if (
                earlier.kind == "indefinite"
                and earlier.referent.kind == "role"
                and words[0].lower() in {"ein", "eine"}
                and (
                    words[-1].lower() == head
                    # "durch eine Mitarbeiterin der Stadt … sagte die 44-Jährige": brought in as a
                    # subject or after a preposition, not as someone's genitive
                    or (by_age and earlier.case in {"nom", "obl"} and earlier.referent.gender == role.referent.gender)
                )
            ):
                return self.text[earlier.start : self._written_end(earlier)]
        return None

    def _unnamed_organisation(self, noun: Mention, *, by_kind_only: bool = False) -> str | None:
        """The unnamed organisation a definite organisation noun takes up, as written: "Der Verband
        der Chemischen Industrie warnte. „…“, erklärte der Verband" → "Der Verband der Chemischen
        Industrie"; "Dem Landesbauernverband …" for "der Verband" (a compound ending in the noun);
        "Der Kreisseniorenbeirat" for "das Gremium" (a body of the noun's kind, lexicon.INSTITUTION_KINDS).
        The nearest such mention in this sentence or the UNNAMED_LOOKBACK_SENTENCES before it."""
        head = _noun_stem(noun.text.split(" ")[-1])
        current = bisect_right(self._sentence_starts, noun.start) - 1
        start = self.sentences[max(0, current - UNNAMED_LOOKBACK_SENTENCES)].start
        for earlier in reversed(self._mentions_in(start, noun.start)):
            if earlier.kind != "organisation" or earlier.referent.known:
                continue
            earlier_head = _noun_stem(earlier.text.split(" ")[-1])
            same_head = not by_kind_only and earlier_head.endswith(head)
            association = head == "verband" and earlier_head.endswith(lexicon.ASSOCIATION_HEADS)
            if same_head or association or of_kind(head, earlier.text):
                end = self._written_end(earlier)
                return self.text[earlier.start : end] if end > earlier.end or earlier.text != noun.text else None
        return None

    def _named_in_full(self, written: str, before: int) -> str | None:
        """The one unnamed organisation of the noun's own noun or kind the article wrote before
        with its name or place ("Die Reederei Nordlicht", "an der Universitätsmedizin Rostock"):
        what a bare "die Reederei", "das Unternehmen" or "der Klinik" further on means, as written.
        Two such bodies: no guess."""
        noun = written.split(" ")[-1]
        found: dict[str, str] = {}
        for earlier in self._mentions_in(0, before):
            if earlier.kind != "organisation" or earlier.referent.known:
                continue
            if not _same_noun(earlier.text.split(" ")[-1], noun) and not of_kind(noun, earlier.text):
                continue
            end = self._written_end(earlier)
            if end > earlier.end:
                words = self.text[earlier.start : end].split(" ")
                full = " ".join(words[1:] if words[0].lower() in lexicon.ARTICLES else words)
                found.setdefault(full, self.text[earlier.start : end])
        return next(iter(found.values())) if len(found) == 1 else None

    def _antecedent_written(self, pronoun: Mention) -> str | None:
        """All the words of the unnamed source a pronoun stands for: "Ein Sprecher des Ministeriums",
        where the mention finder kept "Ein Sprecher" (the nearest earlier mention so written)."""
        written = pronoun.referent.text
        for earlier in reversed(self._mentions_in(0, pronoun.start)):
            if earlier.kind in {"indefinite", "role", "organisation"} and earlier.text == written:
                return self.text[earlier.start : self._written_end(earlier)]
        return None

    def _speaker_before(self, verb: Word, frame_start: int, *, fallback: bool = False) -> Mention | None:
        """The nearest nominative subject before the verb in its sentence (Trump sagte …), else
        a noun phrase opening the clause ("Der 61-jährige Landwirt sagte, …")."""
        start = frame_start
        for word in reversed(self.words.between(frame_start, verb.start)):
            if word.text in _HARD_BOUNDARIES:
                start = word.end
                break
        # the verb's own clause first: "Bevor ich … einsteige, möchte ich … sagen" is the second "ich"
        own = start
        for word in reversed(self.words.between(start, verb.start)):
            if word.text in _CLAUSE_BOUNDARIES or word.is_quote:
                own = word.end
                break
        candidates = self._outermost(
            [m for m in self._mentions_in(own, verb.start) if m.case == "nom" and m.kind != "possessive"]
        )
        if candidates:
            start = own
        else:
            embedded = self._relative_clauses(start, verb.start)
            candidates = self._outermost(
                [
                    m
                    for m in self._mentions_in(start, verb.start)
                    if m.case == "nom" and m.kind != "possessive" and not _inside(embedded, m.start)
                ]
            )  # "Eine Mutter, deren Sohn die Schule besucht, sagte": not the relative clause's subject
        if start != own and candidates and (named := self._name_before_apposition(start, verb.start)) is not None:
            return named
        auxiliary = next(
            (w for w in self.words.between(start, verb.start) if w.lower in lexicon.AUXILIARIES and w.text.islower()),
            None,
        )
        if auxiliary is not None and any(m.end <= auxiliary.start for m in candidates):
            return [m for m in candidates if m.end <= auxiliary.start][
                -1
            ]  # "Ich möchte Sie bitten, …": the subject before the auxiliary
        if candidates and (named := self._untagged_apposition(candidates[-1], verb.start)) is not None:
            return named
        if candidates or not fallback:
            return candidates[-1] if candidates else None
        sources = [m for m in self._mentions_in(start, verb.start) if m.case == "src"]
        if sources:  # "Der Polizei zufolge zeigt der Fund, „…“": no subject that speaks, the source does
            return sources[-1]
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

    def _name_before_apposition(self, start: int, end: int) -> Mention | None:
        """ "Jonas Brenner, früher Richter und heute Direktor des Instituts, schrieb": a person
        named right before an apposition between commas that ends at the verb is its subject, not a
        role inside the apposition; not a relative clause or one with a cue of its own."""
        words = self.words.between(start, end)
        if len(words) < 4 or words[-1].text != ",":
            return None
        opening = next((k for k in range(len(words) - 2, 0, -1) if words[k].text in _CLAUSE_BOUNDARIES), None)
        if opening is None or words[opening].text != ",":
            return None
        segment = words[opening + 1 : -1]
        if not segment or segment[0].lower in _RELATIVE_PRONOUNS or segment[0].lower in _APPOSITION_BLOCKERS:
            return None
        if any(w.is_quote or is_cue_word(w) for w in segment):
            return None
        name = self._mention_at(words[opening - 1])
        if name is None or name.kind in {"role", "indefinite"}:
            return self._untagged_name(words[:opening], segment)  # "Peter Hartmann": "-mann" read as a role
        if name.kind != "name" or name.referent.label != "PER" or name.end > words[opening].start:
            return None
        return name

    def _untagged_apposition(self, role: Mention, end: int) -> Mention | None:
        """ "Ein Sprecher der Feuerwehr, Nikos Andrianakis, sagte": the name between commas after an
        unnamed role (its genitive complement included), right before the verb, is the speaker —
        also where the pipeline tagged it as no person or not at all (two or three name-shaped
        words, no organisation, place or other mention among them)."""
        if role.kind not in {"role", "indefinite"} or role.referent.known:
            return None
        words = self.words.between(self._written_end(role), end)
        name = words[1:-1]
        if (
            len(words) < UNTAGGED_NAME_MIN_WORDS + 2
            or words[0].text != ","
            or words[-1].text != ","
            or not UNTAGGED_NAME_MIN_WORDS <= len(name) <= UNTAGGED_NAME_MAX_WORDS
            or not all(_name_shaped(w) for w in name)
            or looks_role(name[0])
            or self._mentions_in(name[0].start, name[-1].end)
        ):
            return None
        text = self.text[name[0].start : name[-1].end]
        return Mention(name[0].start, name[-1].end, "indefinite", "nom", Referent(kind="person", text=text), text)

    def _untagged_name(self, before: list[Word], apposition: list[Word]) -> Mention | None:
        """ "Taras Melnyk, früherer Botschafter der Ukraine, warnt": a person's name the pipeline
        missed — two or three name-shaped words (no function word, no role, organisation or common
        noun) that open the clause right before an apposition naming a role — is the subject."""
        run = before[-UNTAGGED_NAME_MAX_WORDS:]
        while run and not run[0].capitalized:
            run = run[1:]
        for first in range(len(run) - UNTAGGED_NAME_MIN_WORDS + 1):
            name = run[first:]
            opening = len(before) - len(name)
            if opening > 0 and not (before[opening - 1].text in _NAME_OPENINGS or before[opening - 1].is_quote):
                continue  # the name must open its clause: "Wir sprachen mit Jonas Brenner, …" is no subject
            if all(_name_shaped(w) for w in name) and not any(
                m.kind not in {"role", "indefinite"} or m.referent.known
                for m in self._mentions_in(name[0].start, name[-1].end)
            ):
                break
        else:
            return None
        if not _opens_with_role(apposition) or looks_role(name[0]):
            return None  # "Klare Worte, ohne Umschweife, …": no role, no person before it
        text = self.text[name[0].start : name[-1].end]
        return Mention(name[0].start, name[-1].end, "indefinite", "nom", Referent(kind="person", text=text), text)

    def fuer_holder(self, clause: list[Word]) -> Mention | None:
        """ "Für ihn ist klar: „…“", "Für die Ministerin steht fest, dass …", "Klar ist für Anna
        Roth: …": whose view the frame "für X ist klar / steht fest" gives is X — a person (a name
        after a role: "für den Experten Max Roth"), an organisation or a pronoun (resolved as any);
        not the speaker's own "für mich" (left to the reported-speech rules) nor a thing ("für die Reform")."""
        frame = next((k for k, w in enumerate(clause) if w.lower in _FRAME_VERBS), None)
        if frame is None or not any(w.lower in _FRAME_PREDICATES.get(clause[frame].lower, ()) for w in clause):
            return None
        for position, word in enumerate(clause[:-1]):
            if word.lower != "für":
                continue
            phrase_end = next(
                (w.start for w in clause[position + 1 :] if w.lower in _FRAME_VERBS or w.text in _CLAUSE_BOUNDARIES),
                clause[-1].end,
            )
            found = [m for m in self._mentions_in(clause[position + 1].start, phrase_end) if m.kind != "possessive"]
            if not found or found[0].start != clause[position + 1].start or found[0].referent.gender == "1":
                return None
            if found[0].referent.label not in {"PER", "ORG"} and found[0].kind != "pronoun":
                return None
            named = next((m for m in found[1:] if m.kind == "name" and m.referent.label == "PER"), None)
            return named if named is not None and found[0].kind in {"role", "indefinite"} else found[0]
        return None

    def _outermost(self, candidates: list[Mention]) -> list[Mention]:
        """The candidates without those that are words of an earlier one ("Eine Sprecherin der
        Struktur- und Genehmigungsdirektion Nord": the organisation is her genitive, not a
        subject); a person's name always stays ("die Sprecherin der Grünen Anna Roth")."""
        kept: list[Mention] = []
        for mention in candidates:
            person = mention.kind == "name" and mention.referent.label == "PER"
            if kept and not person and mention.start < self._written_end(kept[-1]):
                continue
            kept.append(mention)
        return kept

    def _relative_clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """The relative clauses set off by commas in [start, end): ", deren Sohn … besucht,"."""
        words = self.words.between(start, end)
        clauses: list[tuple[int, int]] = []
        for position, word in enumerate(words[:-1]):
            if word.text != "," or words[position + 1].lower not in _RELATIVE_PRONOUNS:
                continue
            closing = next((w for w in words[position + 2 :] if w.text in _CLAUSE_BOUNDARIES), None)
            if closing is not None:
                clauses.append((words[position + 1].start, closing.start))
        return clauses

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


def _after_cue_first(window: list[Word], cue: Word) -> list[int]:
    """The positions of the window to search for "in …": those right after "heißt es" first ("…,
    „…“, heißt es in einer Stellungnahme der Kammer" is the Kammer's, not "im Hafen" before the
    quotation), up to the end of that clause; then the words before it, in reading order ("In dem
    Schreiben heißt es, die Stadt habe in der Krise …" is the Schreiben's)."""
    after: list[int] = []
    for k, word in enumerate(window):
        if word.start <= cue.start:
            continue
        if word.text in _CLAUSE_BOUNDARIES or (not after and word.lower != "es"):
            break  # only "heißt es …": "ist von einem „…“ die Rede" names its source before
        after.append(k)
    return after + [k for k, w in enumerate(window) if w.start <= cue.start]


def _may_issue(document: str, organisation: Mention) -> bool:
    """Whether the organisation (by its name or written noun) can issue the document: any can
    issue a statement, only a prosecutor an indictment ("Anklageschrift" ← "Staatsanwaltschaft
    Osnabrück"), only a company a business report ("die Molkerei", "Milchhof X eG")."""
    kinds = [kind for kind in lexicon.DOCUMENT_ISSUERS if document.endswith(kind)]
    if not kinds:
        return True
    heads = lexicon.DOCUMENT_ISSUERS[max(kinds, key=len)]
    company = "unternehmen" in heads  # a company's document: a legal form tells the company too
    words = f"{organisation.referent.name or ''} {organisation.text}".split(" ")
    return any((company and word in lexicon.LEGAL_FORMS) or word.lower().endswith(heads) for word in words if word)


def _research_body(name: str) -> bool:
    """A name of an institute, university or research centre ("Max-Planck-Institut für …",
    "Universität Hohenheim", "Helmholtz-Zentrum"), by its words."""
    return any(
        word.lower().endswith(lexicon.RESEARCH_BODY_HEADS) for part in name.split(" ") for word in part.split("-")
    )


def _document_kind(noun: str) -> str | None:
    """What kind of document a noun names, for taking up an earlier one: the shortest document
    noun it ends in ("Pressemitteilung" is a "mitteilung"); a study by any of its names
    ("Untersuchung", "Analyse", "Erhebung" are a "studie")."""
    if noun.endswith(_STUDY_NOUNS):
        return "studie"
    heads = [head for head in cue_lexicon.DOCUMENT_NOUNS if noun.endswith(head) and len(head) >= DOCUMENT_KIND_MIN]
    return min(heads, key=len) if heads and _document_noun(noun) else None


def _name_shaped(word: Word) -> bool:
    """A word that can be part of a person's name: capitalised, no function word, no organisation
    or abstract noun by its ending ("Regierung", "Verband"); a surname may end like a role ("Hartmann")."""
    return (
        word.is_word
        and bool(_NAME_SHAPE.fullmatch(word.text))
        and word.lower not in _FUNCTION_CAPITALS
        and word.lower not in FUNCTION_WORDS
        and not looks_organisation(word)
        and not word.lower.endswith(_ABSTRACT_ENDINGS)
    )


def _opens_with_role(apposition: list[Word]) -> bool:
    """ "früherer Botschafter der Ukraine", "Sprecherin der Hafenbehörde", "49-jähriger Landwirt":
    an apposition that opens with a role noun, after adjectives or adverbs only (no article)."""
    for word in apposition:
        if word.capitalized or _AGE_NOUN.match(word.text):
            return looks_role(word)
        if word.lower in lexicon.ARTICLES or word.lower in FUNCTION_WORDS or not _ADJECTIVE_SHAPE.match(word.text):
            return False  # "so die Forscherin": no apposition, a source phrase
    return False


def _document_noun(noun: str) -> bool:
    """A document noun of the lexicon, or a compound ending in one ("Medienmitteilung",
    "Waldzustandsbericht", "Positionspapier", "Flugblatt"): German builds its documents by
    compounding; a short head ("Post", "Memo") only stands alone."""
    if noun in cue_lexicon.DOCUMENT_NOUNS:
        return True
    return any(noun.endswith(head) and len(noun) >= len(head) + DOCUMENT_COMPOUND_MIN for head in _DOCUMENT_HEADS)


def _noun_stem(noun: str) -> str:
    """A noun without its case ending, lower case: "Verbands" → "verband", "Verbandes" → "verband"."""
    lower = noun.lower()
    for ending in ("es", "s"):
        if lower.endswith(ending) and len(lower) > len(ending) + 3:
            return lower[: -len(ending)]
    return lower


def _same_noun(first: str, second: str) -> bool:
    """Two forms of one noun, either with a genitive ending: "Kirchenkreis" and "Kirchenkreises",
    "Reederei" and "Reederei" (whose stems alone may differ: "Kirchenkrei")."""
    a, b = first.lower(), second.lower()
    return a == b or _noun_stem(a) == _noun_stem(b) or a == _noun_stem(b) or _noun_stem(a) == b


def _plural_form(verb: str) -> bool:
    """A finite verb of the third person plural ("sprachen", "sagten", "warnen")."""
    return verb.lower().endswith("en") and not verb.lower().startswith("ge")


def _looks_common_noun(word: str) -> bool:
    """A role or organisation noun of the lexicon, or a word with a typical noun ending."""
    lower = word.lower()
    return (
        is_role_noun(lower)
        or lower.endswith(lexicon.ORGANISATION_HEADS)
        or lower.endswith(("ung", "heit", "keit", "schaft", "ion", "tät", "nis", "tum", "ismus", "ler", "ner", "ter"))
    )
