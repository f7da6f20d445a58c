"""The label a name's last word proves, by the CoNLL line of the held-out news sets
(../shared/eval/GUIDELINES.md): competitions, events, prizes and laws are MISC ("Champions
League", "DFB-Pokal", "Olympischen Winterspielen", "Friedensnobelpreis", "European Chips Act"),
institutes and universities ORG ("Pew Research Center", "Technische Universität Dresden"), parks
and squares LOC ("Signal Iduna Park"). GermEval 2014 tags events ORG; the news sets do not."""

from __future__ import annotations

from spacy.tokens import Doc, Span

HEAD_LABELS: dict[str, tuple[str, ...]] = {
    "MISC": (
        "liga",
        "league",
        "pokal",
        "cup",
        "winterspiele",
        "winterspielen",
        "sommerspiele",
        "sommerspielen",
        "meisterschaft",
        "meisterschaften",
        "festival",
        "preis",
        "preises",
        "award",
        "awards",
        "act",
        "gesetz",
        "gesetzes",
        "abkommen",
        "abkommens",
        "weltkrieg",
        "weltkriegs",
        "weltkrieges",
    ),
    "ORG": (
        "center",
        "centre",
        "institute",
        "institut",
        "instituts",
        "universität",
        "university",
        "hochschule",
        "council",
        "stiftung",
        "foundation",
    ),
    "LOC": ("park", "platz", "straße", "allee"),
}
# a prize named by its statue ("Goldene Bär", "Silbernen Bären")
_STATUES = ("bär", "bären", "löwe", "löwen", "palme")
_PRIZE_ADJECTIVES = ("golden", "silbern", "goldene", "silberne")


# words that make any name holding them an institution ("Technische Universität Dresden")
INSTITUTION_WORDS = frozenset({"Universität", "Hochschule", "Institut", "Institute", "University"})


def head_label(ent: Span) -> str | None:
    """The label the entity's last word proves, None when it proves none."""
    if len(ent) > 1 and any(t.text in INSTITUTION_WORDS for t in ent):
        return "ORG"
    last = ent[-1].text
    if not last[:1].isupper() or len(last) < 3:
        return None
    low = last.lower().rsplit("-", 1)[-1]
    if len(ent) > 1 and low in _STATUES and ent[-2].text.lower().startswith(_PRIZE_ADJECTIVES):
        return "MISC"
    for label, heads in HEAD_LABELS.items():
        if low.endswith(heads):
            return label
    return None


def labels_by_head(doc: Doc, ents: list[Span]) -> list[Span]:
    """Entities relabelled by what their last word proves (a person's name is left alone)."""
    out = []
    for ent in ents:
        label = head_label(ent) if ent.label_ != "PER" else None
        out.append(Span(doc, ent.start, ent.end, label=label) if label and label != ent.label_ else ent)
    return out
