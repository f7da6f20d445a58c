"""`reader_name_spans`: where a name begins and ends (role nouns, particles, quotation marks,
English words cut off), and which spans are no names (common nouns, compounds, sentence-initial
lower-case words); currencies are MISC."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...text.marks import (
    QUOTES_NOT_APOSTROPHES,
)
from ...text.names import FOREIGN_CHAIN_STARTS, HYPHENATED_ARTICLES, LONE_PARTICLES, NAME_PARTICLES
from .spans import genitive_base, is_sentence_initial
from .word_lists import ListComponent, WordLists

_ARABIC_ARTICLE = re.compile(rf"^(?:{'|'.join(HYPHENATED_ARTICLES)})-[A-ZÄÖÜ]")
# quotation marks (the apostrophe is left out: "Merz'" is a genitive)
QUOTE_MARKS = frozenset(QUOTES_NOT_APOSTROPHES)
# heads of nouns that name what kind of organisation follows ("Chiphersteller Infineon")
ORGANISATION_TYPE_HEADS = (
    "konzern",
    "hersteller",
    "unternehmen",
    "firma",
    "zulieferer",
    "anbieter",
    "händler",
    "dienstleister",
    "versorger",
    "autobauer",
    "riese",
    "betreiber",
    "plattform",
    "netzwerk",
    "sender",
    "discounter",
    "startup",
    "start-up",
    "versicherer",
    "verlag",
    "marke",
)
_INFLECTED_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


# nouns before a place that say what kind of place it is ("Landkreis Deggendorf")
PLACE_KIND_HEADS = ("kreis", "stadt", "gemeinde", "bezirk", "provinz", "region", "kanton")


def _after_title_or_particle(doc: Doc, ent: Span, first_names: set[str]) -> int:
    """Where a person's name begins after an abbreviated title ("Dr. Malte Jürgensen") or after a
    noun and a preposition before a first name ("Tore von Yannick Hessler")."""
    start = ent.start
    while ent.end - start > 2 and doc[start].text.endswith(".") and 3 <= len(doc[start].text) <= 5:
        start += 1  # "Dr.", "Prof."; one-letter initials stay ("J. R. Ewing")
    for k in range(start + 1, ent.end - 1):
        if doc[k].text in ("von", "vom", "mit", "für") and doc[k + 1].text in first_names:
            return k + 1
    return start


class NameEvidence:
    """What the word lists say about one word: listed as a name, a common noun, a
    compound ending in a common noun, a word German writes in lower case."""

    def __init__(self, lists: WordLists, stop_words: frozenset[str], role_heads: tuple[str, ...]) -> None:
        self.lists = lists
        self.keep = lists.names.get("KEEP", set())
        self.keep_person = lists.names.get("KEEP_PER", set())
        self.not_names = lists.names.get("NOT_NAME", set())
        self.currencies = lists.names.get("CURRENCY", set())
        self.english = lists.names.get("EN_FUNCTION", set())
        self.stop_words = stop_words
        self.role_heads = role_heads

    def listed(self, text: str, label: str = "") -> bool:
        base = genitive_base(text)
        for names in (self.keep, self.keep_person if label == "PER" else ()):
            if text in names or (base is not None and base in names):
                return True
        return False

    def is_common(self, word: str) -> bool:
        base = genitive_base(word)
        return self.lists.is_common(word) or (base is not None and self.lists.is_common(base))

    def head(self, word: str) -> str | None:
        """The last part of a compound that is a known common noun ("Bauzeichnungen" ->
        "zeichnungen", "Nato-Partner" -> "partner"), None for no such split."""
        low = word.lower()
        if "-" in low:
            last = low.rsplit("-", 1)[1]
            if len(last) >= 3 and self.lists.is_common(last) and last not in self.stop_words:
                return last
        for k in range(3, len(low) - 3):
            part = low[k:]
            if part.isalpha() and self.lists.is_common(part) and part not in self.stop_words:
                return part
        return None

    def lowercase_score(self, word: str) -> int | None:
        """10·log10 of how much more often German writes the word in lower case."""
        return self.lists.score("lower", word)

    def head_share(self, head: str) -> int | None:
        """Percent of training tokens with this compound head that are names."""
        return self.lists.score("heads", head)

    def is_role(self, word: str) -> bool:
        low = word.lower()
        return low.endswith(self.role_heads) and (self.is_common(word) or self.head(word) is not None)


def _quote_free(doc: Doc, ent: Span) -> Span | None:
    """An entity never holds a quotation mark: the first piece between marks that
    begins with a capital letter."""
    if not any(ch in QUOTE_MARKS for tok in ent for ch in tok.text):
        return ent
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or any(ch in QUOTE_MARKS for ch in doc[i].text):
            if i > start and doc[start].text[:1].isupper():
                return Span(doc, start, i, label=ent.label_)
            start = i + 1
    return None


def _english_free(doc: Doc, ent: Span, english: set[str], sentence_initial) -> Span | None:
    """Lowercase English function words end a name ("Putin is a" -> "Putin"); an
    English one capitalised at a sentence start does not begin one ("We")."""
    start, end = ent.start, ent.end
    while start < end and doc[start].text.lower() in english and (doc[start].text.islower() or sentence_initial(start)):
        start += 1
    for i in range(start + 1, end):
        if doc[i].text in english and doc[i].text.islower():
            end = i
            break
    if start >= end:
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


class NameSpanRules:
    """The settings and steps of ``reader_name_spans`` (see :func:`name_spans`)."""

    def __init__(
        self,
        evidence: NameEvidence,
        *,
        labels,
        cut_quotes=True,
        cut_english=True,
        cut_leading=True,
        extend_particles=True,
        drop_nouns=True,
        drop_compounds=True,
        drop_not_names=True,
        currencies_as_misc=True,
        min_lower_score: int = 0,
        min_head_share: int = 50,
    ) -> None:
        self.ev = evidence
        self.currencies_as_misc = currencies_as_misc
        self.labels = frozenset(labels)
        self.cut_quotes = cut_quotes
        self.cut_english = cut_english
        self.cut_leading = cut_leading
        self.extend_particles = extend_particles
        self.drop_nouns = drop_nouns
        self.drop_compounds = drop_compounds
        self.drop_not_names = drop_not_names
        self.min_lower_score = min_lower_score
        self.min_head_share = min_head_share

    # -- boundaries --------------------------------------------------------

    def _lowercase_word_at(self, doc: Doc, i: int) -> bool:
        """A capitalised word that German writes in lower case, here at a sentence start."""
        text = doc[i].text
        if not is_sentence_initial(doc, i):
            return False
        if text.lower() in self.ev.stop_words:
            return True
        score = self.ev.lowercase_score(text)
        return score is not None and score >= self.min_lower_score

    def _leading_cut(self, doc: Doc, ent: Span) -> Span:
        """Cut role nouns, common nouns and sentence-initial lower-case words off the front."""
        ev = self.ev
        start, label = ent.start, ent.label_
        if label == "PER":
            start = _after_title_or_particle(doc, ent, ev.lists.first_names)
        elif label == "LOC" and len(ent) > 1 and doc[start + 1].text[:1].isupper():
            low = doc[start].text.lower()
            if low.endswith(PLACE_KIND_HEADS) and ev.is_common(doc[start].text):
                start += 1  # "Landkreis Deggendorf", "die Stadt Passau": the place is the name
        while ent.end - start > 1:
            tok = doc[start]
            text = tok.text
            if ev.listed(doc[start : ent.end].text, label):
                break
            if text.lower() in NAME_PARTICLES and label == "PER":
                break
            if self._lowercase_word_at(doc, start) and (
                label == "PER"
                or not text.lower().endswith(_INFLECTED_ADJECTIVE_ENDINGS)
                or text.lower() in ev.stop_words
            ):
                start += 1
                continue
            if label == "PER":
                if text in ev.lists.first_names or ev.listed(text, "PER"):
                    break
                if not text[:1].isupper() or ev.is_common(text) or ev.head(text) is not None:
                    start += 1
                    continue
                break
            low = text.lower()
            if low.endswith(ORGANISATION_TYPE_HEADS) and (ev.is_common(text) or ev.head(text)):
                start += 1
                continue
            if ev.is_role(text):
                start += 1
                label = "PER"  # "Außenminister Lawrow": the rest is the person
                continue
            break
        if start == ent.start and label == ent.label_:
            return ent
        return Span(doc, start, ent.end, label=label)

    def _trailing_cut(self, doc: Doc, ent: Span) -> Span:
        """A name does not end in a lower-case function word ("Landgericht der")."""
        end = ent.end
        while (
            end - ent.start > 1
            and doc[end - 1].text.islower()
            and (doc[end - 1].text in self.ev.stop_words or doc[end - 1].text in NAME_PARTICLES)
        ):
            end -= 1
        return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)

    def _particle_name(self, doc: Doc, ent: Span, owner: list[int]) -> Span:
        """ "Ursula" + "von der Leyen" -> one PER span; "von der" + "Leyen" too."""
        n = len(doc)
        end = ent.end
        j = end
        while j < n and j - end < 3 and doc[j].text in NAME_PARTICLES:
            j += 1
        foreign = end < j and doc[end].text in FOREIGN_CHAIN_STARTS
        if end < j < n and self._surname_like(doc, j, owner, ent, foreign=foreign):
            end = j + 1
            while end < n and owner[end] == owner[j] and owner[j] >= 0:
                end += 1
        elif j == end and j < n and _ARABIC_ARTICLE.match(doc[j].text) and owner[j] < 0:
            end = j + 1  # "Abdel Fattah" + "al-Sisi"
        if (
            end < n
            and len(doc[end - 1].text) == 1
            and doc[end - 1].text.isupper()
            and doc[end].text == "."
            and not doc[end - 1].whitespace_
        ):
            end += 1  # "Thomas K." : a name does not end in a bare initial
        start = ent.start
        i = start
        while i > 0 and start - i < 3 and doc[i - 1].text.lower() in NAME_PARTICLES and owner[i - 1] < 0:
            i -= 1
        chain = [doc[k].text.lower() for k in range(i, start)]
        if chain and doc[start].text not in self.ev.lists.first_names:  # particles come before a surname
            before = doc[i - 1] if i > 0 else None
            after_name = before is not None and (
                before.text in self.ev.lists.first_names or (owner[i - 1] >= 0 and doc[i - 1].ent_type_ == "PER")
            )
            opens = (len(chain) >= 2 and chain[0] in ("von", "van", "de")) or chain[0] in LONE_PARTICLES
            if chain[0] == "von" and doc[i].text == "Von" and is_sentence_initial(doc, i) and len(chain) >= 2:
                opens = True
            if after_name and doc[i].text.islower() and chain[0] not in ("der", "den"):
                start = i - 1
                while start > 0 and owner[start - 1] >= 0 and owner[start - 1] == owner[i - 1]:
                    start -= 1
            elif opens and (doc[i].text.islower() or is_sentence_initial(doc, i)):
                start = i
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label="PER")

    def _surname_like(self, doc: Doc, j: int, owner: list[int], ent: Span, *, foreign: bool = False) -> bool:
        tok = doc[j]
        if not (tok.text[:1].isupper() and tok.text.replace("-", "").isalpha()):
            return False
        ev = self.ev
        if owner[j] >= 0 and doc[j].ent_type_ != "PER":
            # "Maximilian zu Ortenburg", "Konstantin von Rheden": after a first name alone, a German
            # noble particle names a place as the surname, whatever label the place had
            first_name_only = all(t.text in ev.lists.first_names for t in ent)
            noble = doc[ent.end].text in ("von", "zu") and j == ent.end + 1
            one_word = j + 1 == len(doc) or owner[j + 1] != owner[j]
            return first_name_only and noble and one_word and doc[j].ent_type_ == "LOC"
        if tok.text.lower() in ev.stop_words:
            return False
        return foreign or (not ev.is_common(tok.text) and ev.head(tok.text) is None)

    # -- which spans are names ----------------------------------------------

    def _opens_english_quote(self, doc: Doc, ent: Span) -> bool:
        """The word right after a quotation mark, followed by lower-case English function words."""
        if ent.start == 0 or doc[ent.start - 1].text not in QUOTE_MARKS:
            return False
        after = [t.text for t in doc[ent.end : ent.end + 3]]
        return any(w.islower() and w in self.ev.english for w in after)

    def keeps(self, doc: Doc, ent: Span) -> bool:
        ev = self.ev
        text = ent.text
        if len(ent) == 1 and text.endswith(".") and len(text) <= 6:
            return False  # an abbreviation alone ("Chr.", "Abs.") is no name
        words = [t.text for t in ent if t.is_alpha]
        first = ent[0].text
        if ent.label_ != "PER" and first.islower() and first in ev.stop_words and first not in NAME_PARTICLES:
            return False  # a clause, not a name ("seine Gesundheitsdaten preisgegeben sieht, …")
        if ent.label_ == "MISC" and len(ent) == 1 and self._opens_english_quote(doc, ent) and not ev.listed(text):
            return False  # the first word of an English quote ("„Anyone with a browser …“")
        if ent.label_ in ("PER", "MISC") and words and all(w.islower() for w in words):
            return False  # words of an English quote ("come", "tenth of a degree"); names are capitalised
        if len(ent) > 1 or ent.label_ not in self.labels:
            return True
        if ev.listed(text, ent.label_):
            return True
        if self.drop_not_names and (text in ev.not_names or text.lower() in ev.stop_words):
            return False
        if len(text) > 1 and text.isupper():
            return True  # an acronym
        if self.cut_leading and self._lowercase_word_at(doc, ent.start):
            return False
        if ent.label_ == "LOC" and _direction_and_place(text, ev):
            return True
        if self.drop_nouns and ev.is_common(text):
            return False
        if self.drop_compounds and text[:1].isupper():
            head = ev.head(text)
            if head is not None:
                share = ev.head_share(head)
                return share is not None and share >= self.min_head_share
        return True

    def __call__(self, doc: Doc) -> list[Span]:
        ents = list(doc.ents)
        out = []
        ent: Span | None
        for ent in ents:
            if self.cut_quotes:
                ent = _quote_free(doc, ent)
            if ent is not None and self.cut_english:
                ent = _english_free(doc, ent, self.ev.english, lambda i: is_sentence_initial(doc, i))
            if ent is not None and self.cut_leading:
                ent = self._trailing_cut(doc, self._leading_cut(doc, ent))
            if ent is not None:
                out.append(ent)
        if self.extend_particles:
            owner = [-1] * len(doc)
            for k, ent in enumerate(out):
                for i in range(ent.start, ent.end):
                    owner[i] = k
            out = [self._particle_name(doc, e, owner) if e.label_ == "PER" else e for e in out]
            out = filter_spans(out)
        out = [e for e in out if self.keeps(doc, e)]
        if self.drop_nouns:
            out = [trim_person_nouns(doc, e, self.ev) for e in out]
        if self.currencies_as_misc and self.ev.currencies:
            out = self._currencies(doc, out)
        return out

    def _currencies(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Currency names ("Euro", "US-Dollar", "Schweizer Franken") are MISC wherever they
        stand, whatever the NER made of them, as in GermEval 2014."""
        names = self.ev.currencies
        found = []
        i, n = 0, len(doc)
        while i < n:
            if doc[i].text[:1].isupper():
                for width in (3, 2, 1):
                    if i + width <= n and doc[i : i + width].text in names:
                        found.append(Span(doc, i, i + width, label="MISC"))
                        i += width - 1
                        break
            i += 1
        # a longer name holding the currency word stays as it is ("Euro 2024", "Euro-Gruppe")
        found = [c for c in found if not any(e.start <= c.start and c.end <= e.end and len(e) > len(c) for e in ents)]
        if not found:
            return ents
        taken = {k for span in found for k in range(span.start, span.end)}
        return sorted(found + [e for e in ents if not taken.intersection(range(e.start, e.end))], key=lambda e: e.start)


_DIRECTIONS = re.compile(r"(?:Nord|Süd|Ost|West)(?:ost|west)?")


def _direction_and_place(word: str, ev: NameEvidence) -> bool:
    """ "Ostschweiz", "Süditalien", "Nordsyrien": a compass direction before a listed place is a
    place, though a dictionary may list the compound as a noun."""
    match = _DIRECTIONS.match(word)
    rest = word[match.end() :] if match else ""
    return len(rest) > 2 and ev.listed(rest[0].upper() + rest[1:], "LOC")


def _first_name(word: str, first_names) -> bool:
    """A first name, also a hyphenated one ("Jan-Hendrik", "Anna-Lena")."""
    return word in first_names or ("-" in word and all(part in first_names for part in word.split("-")))


def trim_person_nouns(doc: Doc, ent: Span, ev: NameEvidence) -> Span:
    """Trailing common nouns are not part of a person's name ("Selenskyjs Büro" ->
    "Selenskyjs"), unless right after a first name or a particle ("van Aaken", "de Boer": the
    word after a particle is the surname, whatever else it means)."""
    if ent.label_ != "PER" or len(ent) < 2:
        return ent
    end = ent.end
    while (
        end - ent.start > 1
        and not ev.listed(doc[end - 1].text, "PER")
        and ev.lists.is_common(doc[end - 1].text)
        and not ev.listed(doc[end - 2].text, "PER")
        and not _first_name(doc[end - 2].text, ev.lists.first_names)
        and doc[end - 2].text not in NAME_PARTICLES
    ):
        end -= 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


@Language.factory(
    "reader_name_spans",
    default_config={
        "labels": ["PER", "LOC", "ORG", "MISC"],
        "cut_quotes": True,
        "cut_english": True,
        "cut_leading": True,
        "extend_particles": True,
        "drop_nouns": True,
        "drop_compounds": True,
        "drop_not_names": True,
        "currencies_as_misc": True,
        "min_lower_score": 0,
        "min_head_share": 50,
    },
)
def make_name_spans(
    nlp: Language,
    name: str,
    labels: list[str],
    cut_quotes: bool,
    cut_english: bool,
    cut_leading: bool,
    extend_particles: bool,
    drop_nouns: bool,
    drop_compounds: bool,
    drop_not_names: bool,
    currencies_as_misc: bool,
    min_lower_score: int,
    min_head_share: int,
):
    return NameSpans(
        nlp,
        dict(
            labels=labels,
            cut_quotes=cut_quotes,
            cut_english=cut_english,
            cut_leading=cut_leading,
            extend_particles=extend_particles,
            drop_nouns=drop_nouns,
            drop_compounds=drop_compounds,
            drop_not_names=drop_not_names,
            currencies_as_misc=currencies_as_misc,
            min_lower_score=min_lower_score,
            min_head_share=min_head_share,
        ),
    )


class NameSpans(ListComponent):
    """Fixes the NER's span boundaries and drops spans that are no names; the word
    lists say what a name, a common noun and a lower-case word are."""

    def __init__(self, nlp: Language, settings: dict) -> None:
        super().__init__()
        self.settings = settings
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self._rules: NameSpanRules | None = None

    def _ready(self) -> NameSpanRules:
        if self._rules is None:
            from reader.analysis.lexicon import ROLE_SUFFIXES

            evidence = NameEvidence(self.lists, self.stop_words, ROLE_SUFFIXES)
            self._rules = NameSpanRules(evidence, **self.settings)
        return self._rules

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        super().initialize(get_examples, nlp=nlp, data_path=data_path)
        self._rules = None

    def from_disk(self, path, exclude=()):
        super().from_disk(path, exclude)
        self._rules = None
        return self

    def __call__(self, doc: Doc) -> Doc:
        if doc.ents:
            kept = self._ready()(doc)
            if kept != list(doc.ents):
                doc.set_ents(kept, default="outside")
        return doc
