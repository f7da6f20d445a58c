"""Analyse one article: spaCy gives sentences and entity spans; the rules do the rest."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..text.names import ARABIC_PARTICLES, CHAIN_ARTICLES, CHAIN_PARTICLES, LONE_PARTICLES, NAME_PARTICLES
from ..text.quotations import find_quote_spans
from ..text.segments import paragraphs, sentence_spans
from . import lexicon
from .attribution import Attributor
from .boilerplate import boilerplate_spans, covered_by
from .indirect import IndirectFinder
from .mentions import FUNCTION_WORDS, Mention, MentionFinder, is_role_noun, role_key, role_noun_base
from .names import NameSpan, canonical_names, clean_name, name_key
from .pieces import pipeline_spans
from .results import ArticleAnalysis, Entity, Quote, RoleLink, RoleMention, Sentence
from .short_forms import with_short_forms
from .words import BLANK, Words, blank_spans

if TYPE_CHECKING:
    from spacy.language import Language

    from ..articles import Article

_INITIAL_AT_END = re.compile(r"\s[A-ZÄÖÜ]\.?$")
_ENGLISH_POSSESSIVE = re.compile(r"\w['’]s$")
_SLASHED = re.compile(r"[A-ZÄÖÜ][\w-]+(?:/[A-ZÄÖÜ][\w-]+)+")
_SURNAME_AFTER_INITIAL = re.compile(r"\.?\s[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?")
# A surname with a particle after a first name the pipeline took alone: "Clara" + " zu Reventlow",
# "Katharina" + " von Hohenberg", "Khalid" + " al-Mansouri".
_SURNAME = r"[A-ZÄÖÜ][\wäöüßéèáíóúñç]+(?:-[A-ZÄÖÜ][\wäöüß]+)?"
_PARTICLE_SURNAME = re.compile(
    rf" (?:(?:{'|'.join(sorted(CHAIN_PARTICLES))})(?: (?:{'|'.join(sorted(CHAIN_ARTICLES))}))? {_SURNAME}"
    rf"|(?:{'|'.join(sorted(ARABIC_PARTICLES))})[- ][A-ZÄÖÜ][\wäöüß]+)"
)


def analyze_article(article: Article, nlp: Language, pipeline_fingerprint: str) -> ArticleAnalysis:
    """Run the pipeline over the article's body (in pieces if it is long) and derive entities,
    sentences and quotations."""
    entity_spans, pipeline_sentences = pipeline_spans(nlp, article.body)
    if pipeline_sentences is None:
        pipeline_sentences = sentence_spans(article.body)
    return analyze_spans(
        article.id, article.version, pipeline_fingerprint, article.body, entity_spans, pipeline_sentences
    )


def analyze_spans(
    article_id: str,
    version: str,
    fingerprint: str,
    text: str,
    entity_spans: Iterable[tuple[int, int, str]],
    pipeline_sentences: Iterable[tuple[int, int]],
) -> ArticleAnalysis:
    """The rule part of the analysis, from the pipeline's spans (pure: no spaCy in here)."""
    sentences = split_at_paragraphs(text, pipeline_sentences) or split_at_paragraphs(text, sentence_spans(text))
    entities = canonical_entities(text, entity_spans)
    spans = find_quote_spans(text)
    outer = [(span.start, span.end) for span in spans if span.depth == 0]
    words = Words(blank_spans(text, outer))
    narration_entities = [e for e in entities if words.text[e.start] != BLANK]
    finder = MentionFinder(words, narration_entities, sentences)
    appositions = finder.learn_roles()
    mentions = finder.resolve(finder.find(finder.role_table(appositions)))
    roles = appositions + finder.anaphors
    if finder.anaphors:  # a role the article ties to someone only by anaphors: resolve again
        mentions = finder.resolve(finder.find(finder.role_table(roles)))
    # an entity the mentions read as a role noun ("der Republikaner" tagged ORG) is a person's role, not a name
    as_roles = {(m.start, m.end) for m in mentions if m.kind == "role"} | {
        (m.end - len(m.text.split()[-1]), m.end) for m in mentions if m.kind == "role"
    }
    entities = [e for e in entities if e.label == "PER" or (e.start, e.end) not in as_roles]
    attributor = Attributor(text, words, sentences, spans, mentions)
    quotes = attributor.quotes()
    indirect = IndirectFinder(attributor).find()
    reported = [(q.start, q.end) for q in quotes if q.cue and q.cue != ":"] + [(q.start, q.end) for q in indirect]
    boilerplate = boilerplate_spans(text, reported=reported)
    quotes = [replace(q, boilerplate=True) if covered_by(boilerplate, q.start) else q for q in quotes]
    indirect = [q for q in indirect if not covered_by(boilerplate, q.start)]
    return ArticleAnalysis(
        article_id=article_id,
        version=version,
        fingerprint=fingerprint,
        sentences=tuple(sentences),
        entities=tuple(entities),
        quotes=tuple(_clear_unknown(q) for q in quotes),
        roles=tuple(roles),
        indirect=tuple(_clear_unknown(q) for q in indirect),
        boilerplate=tuple(boilerplate),
        role_mentions=tuple(
            m
            for m in role_mentions(text, mentions, appositions, narration_entities)
            if not covered_by(boilerplate, m.start)
        ),
    )


def role_mentions(
    text: str, mentions: list[Mention], appositions: list[RoleLink], entities: list[Entity]
) -> list[RoleMention]:
    """The role nouns of the narration: definite ones standing alone (resolved here, or left for
    the library by their role key) and those beside a name in an apposition (epithets only)."""
    keyed = [
        RoleMention(m.start, m.end, m.text, _role_of(m.text), m.referent.key if m.referent.label == "PER" else None)
        for m in mentions
        if m.kind == "role" and _one_definite(m.text)
    ]
    by_span = {(e.start, e.end): e for e in entities}
    for link in appositions:
        named = next((e for e in entities if link.start <= e.start and e.end <= link.end and e.key == link.key), None)
        if named is None:
            named = by_span.get((link.start, link.end))
        if named is None:
            continue
        if named.start > link.start:  # "Kremlchef Wladimir Putin", "der Sprecher der Partei, Anna Roth"
            start, end = link.start, named.start
        else:  # "Wladimir Putin, der russische Präsident"
            start, end = named.end, link.end
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            keyed.append(RoleMention(start, end, text[start:end], link.role, link.key, apposition=True))
    return sorted(keyed, key=lambda m: (m.start, m.end))


def _one_definite(phrase: str) -> bool:
    """A definite singular role phrase: not "einen Präsidenten" (someone, not the one named
    before), not "die Bewohner" or "den Staatschefs" (several)."""
    words = phrase.split()
    determiner, noun = words[0].lower(), words[-1]
    if determiner.startswith("ein"):
        return False
    if determiner == "den" and (noun.endswith("s") or noun.endswith("ern")):
        return False
    feminine = noun.endswith(("in", "e"))  # "die Kanzlerin", "die Abgeordnete"
    return not (determiner == "die" and not feminine)


def _role_of(phrase: str) -> str:
    """The role key of a role phrase as written: "dem russischen Machthaber" → "russisch machthaber"."""
    words = phrase.split()
    if len(words) > 1 and words[0].lower() in lexicon.ARTICLES | lexicon.POSSESSIVE_DETERMINERS:
        words = words[1:]
    return role_key(words[:-1], words[-1]) if words else ""


def canonical_entities(text: str, entity_spans: Iterable[tuple[int, int, str]]) -> list[Entity]:
    """Entities with canonical names; spans are trimmed of stray quote marks and punctuation.

    All spans of one referent get one label, the majority's (the canonical spelling counts
    double): a pipeline that labels "Selenskyj" LOC once and PER twice means one person.
    """
    entity_spans = list(entity_spans)
    spans: list[NameSpan] = []
    for start, end, label in sorted(_split_at_slashes(text, entity_spans)):
        raw = text[start:end]
        if label != "MISC" and _holds_a_verb(raw):
            continue  # "Universität wird Wiegand": the pipeline ran past a name; the surname alone is still found
        cleaned = clean_name(raw)
        if not cleaned:
            continue
        offset = raw.find(cleaned)
        if offset >= 0:
            start, end = start + offset, start + offset + len(cleaned)
        if label in {"PER", "ORG"}:
            start = _after_role_words(text, start, end, strip_function_words=label == "PER")
        if label == "PER":
            end = _with_initial_period(text, start, end)
        if _ENGLISH_POSSESSIVE.search(text, start, end) and end - start > 4:
            end -= 2  # "China's measures": the English possessive is no part of the name
        if (
            label == "PER"
            and (surname := _SURNAME_AFTER_INITIAL.match(text, end))
            and _INITIAL_AT_END.search(text, start, end)
            and _continues_name(text, surname.group().lstrip(". "), entity_spans)
        ):
            end = surname.end()  # "John E." + "Herbst": a name does not end in a middle initial
        spans.append(NameSpan(start, end, label, text[start:end]))
    spans, short_forms = with_short_forms(text, _with_particle_surnames(text, spans))
    canonical = canonical_names(spans, text, short_forms)
    keyed = [(span, canonical[clean_name(span.text)]) for span in spans]
    labels: dict[str, Counter[str]] = {}
    for span, name in keyed:
        labels.setdefault(name_key(name), Counter())[span.label] += 2 if clean_name(span.text) == name else 1
    return [
        Entity(span.start, span.end, labels[name_key(name)].most_common(1)[0][0], span.text, name_key(name), name)
        for span, name in keyed
    ]


def _holds_a_verb(name: str) -> bool:
    """A lower-case auxiliary inside a span ("Universität wird Wiegand"; the particle "bin" is none):
    no person, place or organisation name has one; a title (MISC, "Wer wird Millionär?") may."""
    return any(word in lexicon.AUXILIARIES and word not in NAME_PARTICLES for word in name.split()[1:-1])


def _continues_name(text: str, word: str, entity_spans: Iterable[tuple[int, int, str]]) -> bool:
    """Whether a capitalised word after "Greta M." is her surname rather than the first word of
    the next sentence, whose period the initial's is too ("sagte Greta M. Dann kam …"). A function
    word, pronoun or common opening adverb (lexicon.SENTENCE_OPENERS) opens a sentence; so does a
    word the article also writes in lower case ("Klar", "klar") unless a person's name elsewhere
    carries it ("Klein" of "Markus Klein")."""
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in lexicon.SENTENCE_OPENERS:
        return False
    if not re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text):
        return True
    return any(label == "PER" and word in text[start:end].split(" ") for start, end, label in entity_spans)


def _with_particle_surnames(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """A one-word person name followed by a particle surname ("Clara" + "zu Reventlow") is the
    whole name, unless the words after it belong to another name (another span)."""
    starts = {span.start for span in spans}
    out = []
    for span in spans:
        if span.label == "PER" and " " not in span.text and (match := _PARTICLE_SURNAME.match(text, span.end)):
            inside = [s for s in starts if span.end < s < match.end()]
            if not inside and "\n" not in match.group():
                span = NameSpan(span.start, match.end(), span.label, text[span.start : match.end()])
        out.append(span)
    return out


def _after_role_words(text: str, start: int, end: int, *, strip_function_words: bool) -> int:
    """Where a name begins inside a span that opens with a role ("US-Präsident Donald Trump") or,
    for a person, with a function word a sentence start capitalised ("Statt Putin")."""
    while True:
        space = text.find(" ", start, end)
        if space < 0:
            return start
        first = text[start:space]
        if (
            strip_function_words
            and first.islower()
            and (first in LONE_PARTICLES or _particle_of_name(text, start, end))
        ):
            return start  # "so van der Meulen", "sagte von Rheden": the particles are the name's
        role = is_role_noun(role_noun_base(first.lower().split("-")[-1]))
        function_word = (
            strip_function_words and first.lower() in FUNCTION_WORDS and not _particle_of_name(text, start, end)
        )
        if first[:1].isupper() and not role and not function_word:
            return start
        start = space + 1


def _split_at_slashes(text: str, entity_spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Kairo/Riad (AFP)": two places joined by a slash are two names."""
    out = []
    for start, end, label in entity_spans:
        if label in ("LOC", "ORG") and _SLASHED.fullmatch(text, start, end):
            for part in re.finditer(r"[^/]+", text[start:end]):
                out.append((start + part.start(), start + part.end(), label))
        else:
            out.append((start, end, label))
    return out


def _particle_of_name(text: str, start: int, end: int) -> bool:
    """ "Von der Leyen", "Zu Reventlow" at a sentence start, "von Rheden" after "sagte": the first
    word is the particle of a name the article writes in full elsewhere ("Ursula von der Leyen"),
    not a preposition ("Von Trump hieß es")."""
    words = text[start:end].split(" ")
    particles = NAME_PARTICLES if words[0].islower() else CHAIN_PARTICLES  # "bin Salman"; "Von der Leyen"
    if words[0].lower() not in particles or len(words) < 2 or not words[-1][:1].isupper():
        return False
    lowered = re.escape(" ".join([words[0].lower(), *words[1:]]))
    return re.search(rf"[A-ZÄÖÜ][\w-]+ {lowered}(?![\w-])", text) is not None


def _with_initial_period(text: str, start: int, end: int) -> int:
    """A person's name that ends in an initial keeps its period ("Thomas K."), also where the
    period ends the sentence; clean_name took it off as edge punctuation."""
    if end < len(text) and text[end] == "." and _INITIAL_AT_END.search(text, start, end) and end - start > 2:
        return end + 1
    return end


def split_at_paragraphs(text: str, sentence_spans: Iterable[tuple[int, int]]) -> list[Sentence]:
    """Sentences trimmed of whitespace and never crossing a paragraph (line) break."""
    sentences: list[Sentence] = []
    for start, end in sentence_spans:
        for line in paragraphs(text, start, end):
            piece_start, piece_end = line.start(), line.end()
            while piece_start < piece_end and text[piece_start].isspace():
                piece_start += 1
            while piece_end > piece_start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_start < piece_end:
                sentences.append(Sentence(piece_start, piece_end))
    sentences.sort(key=lambda s: s.start)
    return sentences


def _clear_unknown(quote: Quote) -> Quote:
    """No speaker, no written mention and no role left to resolve: the mention offsets go too."""
    if quote.speaker is None and quote.speaker_role is None and quote.speaker_text is None:
        return replace(
            quote,
            speaker_start=None,
            speaker_end=None,
            speaker_via="" if quote.speaker_via != "continuation" else quote.speaker_via,
        )
    return quote
