"""`reader_person_names`: a known first name and capitalised words after it are a person
("Angela Merkel", "Frank-Walter Steinmeier")."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .spans import set_ents, taken_mask
from .word_lists import ListComponent, WordLists


def person_name_matches(doc: Doc, lists: WordLists, *, max_surnames: int = 2) -> list[Span]:
    """'Angela Merkel', 'Frank-Walter Steinmeier', 'Olaf Scholz' -> PER: a known
    first name followed by capitalised words that are not common nouns or stop
    words; an existing entity starting at the surname is absorbed."""
    taken = taken_mask(doc)
    out = []
    n = len(doc)
    i = 0
    while i < n - 1:
        tok = doc[i]
        if taken[i] or tok.text not in lists.first_names:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j - i <= max_surnames
            and doc[j].text[:1].isupper()
            and not doc[j].is_punct
            and not lists.is_common(doc[j].text)
            and not taken[j]
        ):
            j += 1
        if j > i + 1:
            out.append(Span(doc, i, j, label="PER"))
            i = j
        else:
            i += 1
    return out


@Language.factory("reader_person_names")
def make_person_names(nlp: Language, name: str):
    return PersonNames()


class PersonNames(ListComponent):
    labels = ("PER",)

    def __call__(self, doc: Doc) -> Doc:
        # a first name right before a PER/other entity: extend that entity
        ents = list(doc.ents)
        changed = False
        for k, ent in enumerate(ents):
            if ent.label_ == "PER" and ent.start > 0:
                prev = doc[ent.start - 1]
                if prev.text in self.lists.first_names and prev.ent_iob_ == "O":
                    ents[k] = Span(doc, ent.start - 1, ent.end, label="PER")
                    changed = True
        if changed:
            doc.ents = filter_spans(ents)
        set_ents(doc, person_name_matches(doc, self.lists))
        return doc
