"""`reader_gazetteer`: names from the word lists where the statistical NER found nothing (never
overwriting it), labels the lists prove ("Brisbane"/PER → LOC), legal forms ("Audi AG" → ORG), the
organisations the text proves (organisations.py) and the label a name's last word proves
(name_heads.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .name_heads import labels_by_head
from .organisations import KIND_HEADS, OrganisationRules, organisation_spans
from .spans import genitive_base, overlaps, set_ents, taken_mask
from .word_lists import ListComponent, WordLists
from .work_titles import work_title_spans


def gazetteer_matches(doc: Doc, lists: WordLists, labels: Iterable[str]) -> list[Span]:
    """Spans of doc whose text is a listed name (or its genitive), longest first,
    that do not overlap an existing entity."""
    taken = taken_mask(doc)
    named = [(label, lists.names[label]) for label in labels if label in lists.names]
    words = [token.text for token in doc]  # one pass over the Doc: token objects are costly
    out = []
    i = 0
    n = len(doc)
    while i < n:
        if taken[i] or not words[i][:1].isupper():
            i += 1
            continue
        found = None
        for length in range(min(lists.max_tokens, n - i), 0, -1):
            if overlaps(taken, i, i + length):
                continue
            text = " ".join(words[i : i + length])
            base = genitive_base(text)
            for label, names in named:
                if text in names or (base is not None and base in names):
                    found = (length, label)
                    break
            if found:
                break
        if found:
            length, label = found
            out.append(Span(doc, i, i + length, label=label))
            for k in range(i, i + length):
                taken[k] = True
            i += length
        else:
            i += 1
    return out


def gazetteer_relabel(doc: Doc, lists: WordLists, labels: Iterable[str], relabel_from: Iterable[str]) -> list[Span]:
    """Entities whose whole text (or its genitive base) is a listed name of one of
    ``labels`` but that carry a label in ``relabel_from`` take the listed label
    ("Brisbane"/PER -> LOC)."""
    relabel_from = set(relabel_from)
    out = []
    for ent in doc.ents:
        new_label = None
        if ent.label_ in relabel_from:
            base = genitive_base(ent.text)
            for label in labels:
                names = lists.names.get(label, ())
                if ent.text in names or (base is not None and base in names):
                    new_label = label
                    break
        out.append(Span(doc, ent.start, ent.end, label=new_label) if new_label and new_label != ent.label_ else ent)
    return out


def org_suffix_spans(doc: Doc, suffixes: frozenset[str], max_words: int = 3) -> list[Span]:
    """'Audi AG', 'Google Inc.', 'Berger Projektentwicklung GmbH' -> ORG: a legal-form
    word after capitalised words; an entity ending right before it, or ending in it, is extended
    over the capitalised words before it ("Erzland Automotive GmbH", "Ziegler & Partner
    Werttransporte GmbH") and over "& Co. KG" after it."""
    ents = list(doc.ents)
    taken = taken_mask(doc)
    owner = [-1] * len(doc)
    for k, e in enumerate(ents):
        for i in range(e.start, e.end):
            owner[i] = k
    changed = False

    def start_before(i: int) -> int:
        """Where the name before token i begins: capitalised free words, "&" between them."""
        start, words = i, 0
        while start > 0 and words < max_words and not taken[start - 1] and not doc[start - 1].is_sent_start:
            word = doc[start - 1].text
            if word == "&" and start >= 2 and doc[start - 2].text[:1].isupper():
                start -= 2  # "Ziegler & Partner": the word before "&" too, whatever the NER made of it
                words += 1
                continue
            if not word[:1].isupper() or word.lower().endswith(KIND_HEADS):
                break
            start -= 1
            words += 1
        return start

    def end_after(i: int) -> int:
        """ "GmbH & Co. KG": a second legal form joined by "& Co." belongs to the name."""
        if i + 3 < len(doc) and doc[i + 1].text == "&" and doc[i + 2].text == "Co." and doc[i + 3].text in suffixes:
            return i + 4
        return i + 1

    for tok in doc:
        if tok.text not in suffixes or tok.i == 0:
            continue
        k = owner[tok.i] if taken[tok.i] else owner[tok.i - 1]
        if k >= 0 and (taken[tok.i] or ents[k].end == tok.i):
            e = ents[k]
            if taken[tok.i] and e.end - 1 != tok.i:
                continue  # a legal form inside a longer name
            if taken[tok.i] and e.label_ != "ORG" and len(e) == 1:
                continue
            for i in range(e.start, e.end):
                taken[i] = False  # the name's own words may be re-read
            start, end = start_before(e.start), max(e.end, end_after(tok.i))
            if any(taken[i] for i in range(tok.i + 1, end)):
                end = tok.i + 1
            new = Span(doc, start, end, label="ORG")
            for i in range(new.start, new.end):
                taken[i] = True
            if (new.start, new.end, new.label_) != (e.start, e.end, e.label_):
                ents[k] = new
                changed = True
            continue
        start = start_before(tok.i)
        if start < tok.i:
            end = end_after(tok.i)
            ents.append(Span(doc, start, end if not any(taken[tok.i + 1 : end]) else tok.i + 1, label="ORG"))
            changed = True
    return filter_spans(ents) if changed else list(doc.ents)


@Language.factory(
    "reader_gazetteer",
    default_config={
        "labels": ["LOC"],
        "relabel_from": [],
        "org_suffixes": [],
        "org_evidence": [],
        "head_labels": False,
        "work_titles": False,
    },
)
def make_gazetteer(
    nlp: Language,
    name: str,
    labels: list[str],
    relabel_from: list[str],
    org_suffixes: list[str],
    org_evidence: list[str],
    head_labels: bool,
    work_titles: bool,
):
    return Gazetteer(
        labels=labels,
        relabel_from=relabel_from,
        org_suffixes=org_suffixes,
        org_evidence=org_evidence,
        head_labels=head_labels,
        work_titles=work_titles,
        stop_words=frozenset(w.lower() for w in nlp.Defaults.stop_words),
    )


class Gazetteer(ListComponent):
    def __init__(
        self,
        *,
        labels: list[str],
        relabel_from: Sequence[str] = (),
        org_suffixes: Sequence[str] = (),
        org_evidence: Sequence[str] = (),
        head_labels: bool = False,
        work_titles: bool = False,
        stop_words: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.labels = list(labels)
        self.relabel_from = list(relabel_from)
        self.org_suffixes = frozenset(org_suffixes)
        # the steps of organisations.organisation_spans that run: offices, bodies, kinds, parties
        steps = set(org_evidence)
        self.org_rules = OrganisationRules(
            **{field: field in steps for field in ("offices", "bodies", "kinds", "parties")}
        )
        self.use_org_evidence = bool(steps)
        self.stop_words = stop_words
        self.head_labels = head_labels
        self.work_titles = work_titles

    def __call__(self, doc: Doc) -> Doc:
        if self.relabel_from and doc.ents:
            doc.ents = gazetteer_relabel(doc, self.lists, self.labels, self.relabel_from)
        if self.org_suffixes:
            doc.ents = org_suffix_spans(doc, self.org_suffixes)
        set_ents(doc, gazetteer_matches(doc, self.lists, self.labels))
        if self.use_org_evidence:
            doc.ents = organisation_spans(
                doc, list(doc.ents), is_common=self.lists.is_common, stop_words=self.stop_words, rules=self.org_rules
            )
        if self.head_labels and doc.ents:
            doc.ents = labels_by_head(doc, list(doc.ents))
        if self.work_titles:
            doc.ents = work_title_spans(doc, list(doc.ents))
        return doc
