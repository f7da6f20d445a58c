"""`reader_doc_consistency`: a name labelled once is labelled everywhere in the document (also its
genitive), with the label the text proves; a lone surname after the full name is the person."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...text.names import NAME_PARTICLES
from .name_spans import ORGANISATION_TYPE_HEADS
from .spans import genitive_base
from .word_lists import ListComponent


def trim_trailing_nouns(doc: Doc, ents: list[Span], is_common) -> list[Span]:
    """ "Putins Hände", "Trumps Limousine", "Alaska Hände" → the name alone, when the document
    names it alone elsewhere: a two-word entity ending in a common noun whose first word (or its
    genitive base) is a one-word entity of its own in this document, or a person's surname. "Deutsche Bank" or
    "Vereinigten Staaten" stay whole: their first word is never an entity by itself."""
    alone = {ent.text for ent in ents if len(ent) == 1}
    alone |= {
        ent[-1].text for ent in ents if ent.label_ == "PER" and len(ent) > 1
    }  # "Selenskyj" of "Wolodymyr Selenskyj"
    alone |= {base for base in (genitive_base(text) for text in alone) if base}
    out = []
    for ent in ents:
        if len(ent) == 2 and is_common(ent[1].text) and ent[1].text[:1].isupper():
            first = ent[0].text
            base = genitive_base(first)
            if first in alone or (base is not None and base in alone):
                ent = Span(doc, ent.start, ent.start + 1, label=ent.label_)
        out.append(ent)
    return out


# the noun before a name that says what kind of name it is ("der Konzern Infineon",
# "die Partei Volt", "die Stadt Hanau"); person roles come from reader.analysis.lexicon
ORGANISATION_NOUN_HEADS = (
    *ORGANISATION_TYPE_HEADS,
    "partei",
    "verein",
    "verband",
    "gewerkschaft",
    "organisation",
    "stiftung",
    "bank",
    "institut",
    "behörde",
    "agentur",
    "zeitung",
    "magazin",
    "club",
    "klub",
    "gruppe",
    "bündnis",
)
PLACE_NOUN_HEADS = (
    "stadt",
    "gemeinde",
    "dorf",
    "ort",
    "kreis",
    "landkreis",
    "region",
    "provinz",
    "bundesland",
    "hauptstadt",
    "metropole",
    "insel",
    "fluss",
    "staat",
    "kanton",
    "bezirk",
    "stadtteil",
)


def evidence_labels(
    doc: Doc,
    ents: list[Span],
    *,
    listed: dict[str, str],
    org_suffixes: frozenset[str],
    role_heads: tuple[str, ...],
    is_common,
) -> dict[str, str]:
    """Labels the text itself proves, stronger than any vote: a name of the word lists
    ("known lists"), a legal form after the name ("Infineon AG"), or a kind-of noun right
    before it ("der Konzern Infineon", "die Stadt Hanau", "Ministerin Warken")."""
    found: dict[str, Counter] = defaultdict(Counter)
    for ent in ents:
        text = ent.text
        base = genitive_base(text)
        for name in (text, base):
            if name and name in listed:
                found[text][listed[name]] += 1
        if ent.end < len(doc) and doc[ent.end].text in org_suffixes:
            found[text]["ORG"] += 1
        if ent.start > 0:
            before = doc[ent.start - 1]
            low = before.text.lower()
            if before.text[:1].isupper() and is_common(before.text):
                if low.endswith(ORGANISATION_NOUN_HEADS):
                    found[text]["ORG"] += 1
                elif low.endswith(PLACE_NOUN_HEADS):
                    found[text]["LOC"] += 1
                elif low.endswith(role_heads) and len(ent) <= 3 and not (len(text) > 1 and text.isupper()):
                    found[text]["PER"] += 1  # a role before a person; an acronym is no person ("Reiseveranstalter TUI")
    for ent in _after_place_words(doc, ents, listed):
        found[ent.text]["LOC"] += 1
    return {text: counter.most_common(1)[0][0] for text, counter in found.items()}


# words after which a bare name is a place: "in Nikiti", "nahe Siwersk", "oberhalb von Fordo"
_PLACE_PREPOSITIONS = frozenset({"in", "In", "nahe", "unweit"})
_PLACE_DIRECTIONS = frozenset(
    "nördlich südlich östlich westlich nordöstlich nordwestlich südöstlich südwestlich oberhalb unterhalb".split()
)
_PLACE_ARTICLES = frozenset({"im", "ins", "aus dem", "in dem", "nach dem", "vom"})


def _place_opener(doc: Doc, i: int) -> bool:
    """Token i-1 (and before) opens a place: "in X", "nahe X", "nördlich von X", "im
    ukrainischen X", "aus dem russischen X"."""
    if i == 0:
        return False
    before = doc[i - 1].text
    if before in _PLACE_PREPOSITIONS:
        return True
    if before == "von" and i >= 2 and doc[i - 2].text in _PLACE_DIRECTIONS:
        return True
    if i >= 2 and before.islower() and before.endswith("en") and len(before) > 4:  # an inflected adjective
        two = doc[i - 2].text
        three = f"{doc[i - 3].text} {two}" if i >= 3 else ""
        return two in _PLACE_ARTICLES or three in _PLACE_ARTICLES
    return False


def _after_place_words(doc: Doc, ents: list[Span], listed: dict[str, str]) -> list[Span]:
    """One-word names the NER took for a person or an organisation where only a place fits: after
    a place preposition, with no noun after them ("in Merkels Kabinett" is the person), and the
    names coordinated with such a one ("in Fordo, Natans und Isfahan"). A listed name keeps its
    list's label."""
    found: list[Span] = []
    by_start = {ent.start: ent for ent in ents}
    for ent in ents:
        if len(ent) != 1 or not _place_opener(doc, ent.start):
            continue
        chain = [ent]
        k = ent.end
        while k + 1 < len(doc) and doc[k].text in (",", "und", "oder") and k + 1 in by_start:
            nxt = by_start[k + 1]
            if len(nxt) != 1:
                break
            chain.append(nxt)
            k = nxt.end
        after = doc[k] if k < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.is_alpha:
            continue  # "in Merkels Kabinett", "in Trump Tower": not a bare place
        found += [e for e in chain if e.label_ in ("PER", "ORG") and e.text not in listed]
    if not found:
        return found
    # a place is named as one wherever it stands: a name also written elsewhere in the document
    # without a place word before it ("Vertrauen in Trump" among ten other "Trump"), or the
    # surname of a full name, is not proven a place
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PER" and len(ent) > 1}
    names = {e.text for e in found}
    starts = {e.start for e in found}
    placed: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for i, token in enumerate(doc):
        if token.text in names:
            written[token.text] += 1
            placed[token.text] += i in starts or _place_opener(doc, i)
    return [e for e in found if e.text not in surnames and 2 * placed[e.text] >= written[e.text]]


def particle_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Ursula von der Leyen" ... "von der Leyen": where the particles of a full name in this
    document stand before its surname again, particles and surname are that person, in any case
    ("Von der Leyen sagte", "steht Zu Reventlow") and whatever the NER made of the words (a lone
    "Hohenberg" LOC, "der Berg" MISC), unless a longer entity holds them."""
    chains: dict[str, tuple[str, ...]] = {}
    for ent in ents:
        if ent.label_ == "PER" and len(ent) > 2:
            k = ent.end - 1
            while k - 1 > ent.start and doc[k - 1].text.lower() in NAME_PARTICLES:
                k -= 1
            if k < ent.end - 1:
                chains[ent[-1].text] = tuple(t.text.lower() for t in doc[k : ent.end - 1])
    if not chains:
        return ents
    owner = [-1] * len(doc)
    for k, ent in enumerate(ents):
        for i in range(ent.start, ent.end):
            owner[i] = k
    found: list[Span] = []
    replaced: set[int] = set()
    for i, token in enumerate(doc):
        chain = chains.get(token.text)
        if not chain or i < len(chain):
            continue
        start = i - len(chain)
        if tuple(t.text.lower() for t in doc[start:i]) != chain:
            continue
        inside = {owner[k] for k in range(start, i + 1) if owner[k] >= 0}
        if any(ents[k].start < start or ents[k].end > i + 1 for k in inside):
            continue  # the full name itself, or a longer name holding these words
        if inside == {owner[i]} and ents[owner[i]].start == start and ents[owner[i]].label_ == "PER":
            continue
        replaced |= inside
        found.append(Span(doc, start, i + 1, label="PER"))
    if not found:
        return ents
    return sorted([e for k, e in enumerate(ents) if k not in replaced] + found, key=lambda e: e.start)


# words before a noun that make the next capitalised word the noun, not a name
_NOUN_OPENERS = frozenset(
    "der die das dem den des ein eine einer einem einen eines kein keine keinen keinem keiner "
    "im am zum zur vom beim ins ans aufs dieser diese dieses diesem diesen jeder jede jedes "
    "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere".split()
)


def _noun_context(doc: Doc, i: int, finite_verbs: frozenset[str] = frozenset()) -> bool:
    """An article, a determiner or an inflected adjective stands before token i."""
    if i == 0:
        return False
    before = doc[i - 1].text
    low = before.lower()
    if low in _NOUN_OPENERS:
        return True
    inflected = before.islower() and len(before) > 3 and low.endswith(("e", "en", "em", "er", "es"))
    return inflected and not _finite_verb_before(doc, i, finite_verbs)


def _finite_verb_before(doc: Doc, i: int, finite_verbs: frozenset[str]) -> bool:
    """Whether the word before token i, which ends like an inflected adjective, is the finite verb
    of a verb-second clause: an auxiliary or modal ("Im Ziel konnte Brenner es kaum fassen"), or
    a verb right after the clause's first part — a noun ("Im Ziel wartete Brenner"), a comma or
    a closing quotation mark ("„…“, sagte Brenner") —, where no adjective of a noun phrase stands."""
    if doc[i - 1].text.lower() in finite_verbs:
        return True
    if i < 2 or doc[i - 1].is_sent_start:
        return False
    first = doc[i - 2].text
    if first in {",", "“", "”", '"', "«", "»"}:
        return True
    return first[:1].isupper() and first.lower() not in _NOUN_OPENERS and not doc[i - 2].is_sent_start


def consistency_spans(
    doc: Doc,
    *,
    is_common=lambda w: False,
    stop_words: frozenset[str] = frozenset(),
    relabel: bool = True,
    min_chars: int = 2,
    min_votes: int = 1,
    listed: dict[str, str] | None = None,
    org_suffixes: frozenset[str] = frozenset(),
    role_heads: tuple[str, ...] = (),
    common_surnames: bool = True,
    finite_verbs: frozenset[str] = frozenset(),
) -> list[Span]:
    """Return the doc's entities made consistent across the document.

    * every labelled name (and its genitive / base form) is labelled at its other
      unlabelled occurrences, with its majority label, when it has ``min_votes``
      votes (a two-word name counts two) or the text proves its label;
    * a label the text proves (:func:`evidence_labels`) beats any majority;
    * the last word of a multi-word PER name ("Trump" of "Donald Trump") is PER
      where it stands alone later, with the name's particles ("von der Leyen");
    * with ``relabel``, an occurrence labelled differently from the name's
      majority takes the majority label.
    """
    ents = trim_trailing_nouns(doc, list(doc.ents), is_common)
    votes: dict[str, Counter] = defaultdict(Counter)
    for ent in ents:
        text = ent.text
        votes[text][ent.label_] += 2 if len(ent) > 1 else 1
    proven = evidence_labels(
        doc, ents, listed=listed or {}, org_suffixes=org_suffixes, role_heads=role_heads, is_common=is_common
    )
    surname_of: dict[str, str] = {}
    for ent in ents:
        if ent.label_ == "PER" and len(ent) > 1:
            last = ent[-1].text
            if last[:1].isupper() and len(last) >= min_chars and last not in proven:
                surname_of[last] = "PER"
    known: dict[str, str] = {}
    for text, counter in votes.items():
        if text in proven:
            known[text] = proven[text]
        elif sum(counter.values()) >= min_votes:
            known[text] = counter.most_common(1)[0][0]
    for last, label in surname_of.items():
        # a surname seen inside a full PER name is PER where it stands alone
        known[last] = label
    # add genitives / bases
    extra: dict[str, str] = {}
    for text, label in known.items():
        if " " in text:
            continue
        extra.setdefault(text + "s", label)
        base = genitive_base(text)
        if base is not None:
            extra.setdefault(base, label)
    for text, label in extra.items():
        known.setdefault(text, label)
    # names usable for propagation: capitalised, not stop words, single-token ones
    # must not be common nouns ("Bank", "Essen")
    usable = {}
    # surnames that are common nouns too ("Brenner", "Tausch"): the person only where no article or
    # adjective stands before the word ("so Brenner", not "der Brenner", "einen neuen Brenner")
    noun_surnames: set[str] = set()
    for text, label in known.items():
        if len(text) < min_chars or not text[:1].isupper():
            continue
        if " " not in text and (text.lower() in stop_words or is_common(text)):
            if not (common_surnames and text in surname_of and text.lower() not in stop_words):
                continue
            noun_surnames.add(text)
        usable[text] = label
    if relabel:

        def relabelled(e: Span) -> Span:
            if e.text in proven:
                proven_label = proven[e.text]
                return e if proven_label == e.label_ else Span(doc, e.start, e.end, label=proven_label)
            target = usable.get(e.text)
            if target is None or target == e.label_:
                return e
            if len(e) == 1 and e.text in surname_of:
                return Span(doc, e.start, e.end, label="PER")
            if e.text in votes and votes[e.text][target] > votes[e.text][e.label_]:
                return Span(doc, e.start, e.end, label=target)
            return e

        ents = [relabelled(e) for e in ents]
    if not usable:
        return particle_surnames(doc, ents)
    max_len = max(t.count(" ") + 1 for t in usable)
    taken = [False] * len(doc)
    for e in ents:
        for i in range(e.start, e.end):
            taken[i] = True
    new = []
    words = [token.text for token in doc]
    n = len(doc)
    i = 0
    while i < n:
        if taken[i] or not words[i][:1].isupper():
            i += 1
            continue
        hit = None
        for length in range(min(max_len, n - i), 0, -1):
            if any(taken[i : i + length]):
                continue
            text = " ".join(words[i : i + length])
            if text in usable and not (text in noun_surnames and _noun_context(doc, i, finite_verbs)):
                hit = (length, usable[text])
                break
        if hit:
            length, label = hit
            new.append(Span(doc, i, i + length, label=label))
            for k in range(i, i + length):
                taken[k] = True
            i += length
        else:
            i += 1
    return particle_surnames(doc, filter_spans(ents + new))


@Language.factory(
    "reader_doc_consistency",
    default_config={
        "relabel": True,
        "min_chars": 2,
        "min_votes": 1,
        "use_evidence": True,
        "org_suffixes": [],
        "common_surnames": True,
    },
)
def make_doc_consistency(
    nlp: Language,
    name: str,
    relabel: bool,
    min_chars: int,
    min_votes: int,
    use_evidence: bool,
    org_suffixes: list[str],
    common_surnames: bool,
):
    return DocConsistency(
        nlp,
        relabel=relabel,
        min_chars=min_chars,
        min_votes=min_votes,
        use_evidence=use_evidence,
        org_suffixes=org_suffixes,
        common_surnames=common_surnames,
    )


class DocConsistency(ListComponent):
    def __init__(
        self,
        nlp: Language,
        *,
        relabel: bool = True,
        min_chars: int = 2,
        min_votes: int = 1,
        use_evidence: bool = True,
        org_suffixes: Iterable[str] = (),
        common_surnames: bool = True,
    ) -> None:
        super().__init__()
        self.common_surnames = common_surnames
        self.relabel = relabel
        self.min_chars = min_chars
        self.min_votes = min_votes
        self.use_evidence = use_evidence
        self.org_suffixes = frozenset(org_suffixes)
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self._listed: dict[str, str] | None = None

    def listed(self) -> dict[str, str]:
        """The word lists' names with their label (a name on two lists is on neither)."""
        if self._listed is None:
            labels: dict[str, set[str]] = defaultdict(set)
            for label, names in self.lists.names.items():
                for name in names:
                    labels[name].add(label)
            self._listed = {name: next(iter(ls)) for name, ls in labels.items() if len(ls) == 1}
        return self._listed

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        super().initialize(get_examples, nlp=nlp, data_path=data_path)
        self._listed = None

    def from_disk(self, path, exclude=()):
        super().from_disk(path, exclude)
        self._listed = None
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        from reader.analysis.lexicon import AUXILIARIES, ROLE_SUFFIXES

        evidence = self.use_evidence
        doc.ents = consistency_spans(
            doc,
            is_common=self.lists.is_common,
            stop_words=self.stop_words,
            relabel=self.relabel,
            min_chars=self.min_chars,
            min_votes=self.min_votes,
            listed=self.listed() if evidence else None,
            org_suffixes=self.org_suffixes if evidence else frozenset(),
            role_heads=ROLE_SUFFIXES if evidence else (),
            common_surnames=self.common_surnames,
            finite_verbs=AUXILIARIES,
        )
        return doc
