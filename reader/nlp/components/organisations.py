"""Organisations the text itself proves, by the conventions of the held-out news sets
(../shared/eval/GUIDELINES.md and the news dev set's notes): an office named by its place
("Landgericht Köln", "Polizeipräsidium Niederbayern"), a ministry or a federal body
("Verkehrsministeriums", "Bundespolizei"), a name after a noun that says it is an organisation
("der Finanzdienstleister Euroclear", "Baustoffkonzern Heidelberg Materials", "Plattform X"),
and the US parties named by their plural ("die Demokraten", "den Republikanern")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .spans import is_sentence_initial

# offices that are an organisation when their place follows ("Staatsanwaltschaft Köln"); alone
# they are generic nouns ("die Polizei", "das Landgericht in Bochum")
OFFICE_HEADS = (
    "gericht",
    "gerichts",
    "gerichtshof",
    "gerichtshofs",
    "staatsanwaltschaft",
    "polizei",
    "präsidium",
    "präsidiums",
    "direktion",
    "inspektion",
    "regierung",
    "ministerium",
    "ministeriums",
    "amt",
    "amts",
    "amtes",
)
# one word, an organisation wherever it stands: every ministry, and "Bundes-" bodies
MINISTRY_HEADS = ("ministerium", "ministeriums")
FEDERAL_HEADS = (
    "regierung",
    "polizei",
    "wehr",
    "tag",
    "tages",
    "tags",
    "rat",
    "rates",
    "rats",
    "bank",
    "gericht",
    "gerichts",
    "gerichtshof",
    "gerichtshofs",
    "amt",
    "amts",
    "amtes",
    "agentur",
    "anstalt",
    "kanzleramt",
)
# bodies of states and alliances that exist once, so their common-noun name is a name: an
# organisation wherever it stands (GUIDELINES.md: "Kreml", "Auswärtigen Ausschuss",
# "US-Repräsentantenhauses"); "Kongress", "Senat", "Landtag" are left out: many exist
_MASCULINE_BODIES = (
    "Vermittlungsausschuss",
    "Haushaltsausschuss",
    "Bundesrechnungshof",
    "Nationalrat",
    "Ständerat",
    "Sicherheitsrat",
    "UN-Sicherheitsrat",
    "Uno-Sicherheitsrat",
    "Kreml",
    "Europarat",
    "US-Kongress",
    "US-Senat",
)
_NEUTER_BODIES = ("Europaparlament", "EU-Parlament", "Repräsentantenhaus", "US-Repräsentantenhaus", "Pentagon", "Unterhaus", "Oberhaus")  # fmt: skip
_FEMININE_BODIES = ("Kultusministerkonferenz", "Innenministerkonferenz", "Ministerpräsidentenkonferenz", "EU-Kommission", "Bundesversammlung", "Staatsduma", "Duma", "UN-Generalversammlung")  # fmt: skip
_GENITIVES = tuple(word + ending for word in (*_MASCULINE_BODIES, *_NEUTER_BODIES) for ending in ("s", "es"))
STATE_BODIES = frozenset((*_FEMININE_BODIES, *_MASCULINE_BODIES, *_NEUTER_BODIES, *_GENITIVES))
# nouns that say the name after them is an organisation ("der Konzern X", "Branchenverband Y")
KIND_HEADS = (
    "konzern",
    "unternehmen",
    "hersteller",
    "firma",
    "zulieferer",
    "anbieter",
    "dienstleister",
    "versorger",
    "autobauer",
    "betreiber",
    "plattform",
    "sender",
    "discounter",
    "startup",
    "start-up",
    "versicherer",
    "veranstalter",
    "verlag",
    "verband",
    "verbands",
    "staatenbund",
    "gewerkschaft",
    "partei",
    "institut",
    "instituts",
    "netzwerk",
    "dienst",
    "sicherheitsdienst",
    "fachjournal",
    "behörde",
    "zeitung",
    "magazin",
)
# the US parties, named by their plural ("die Demokraten"); the singular is a role
PARTY_PLURALS = frozenset({"Demokraten", "Republikaner", "Republikanern"})
PLURAL_ARTICLES = frozenset({"die", "den", "der"})


@dataclass(frozen=True)
class OrganisationRules:
    """Which steps run (each measured on and off on dev: model card)."""

    offices: bool = True
    bodies: bool = True
    kinds: bool = True
    parties: bool = True


def _head(word: str, heads: tuple[str, ...]) -> bool:
    return word[:1].isupper() and word.lower().endswith(heads)


def _name_word(doc: Doc, i: int, is_common: Callable[[str], bool], stop_words: frozenset[str]) -> bool:
    """A capitalised word that can be (part of) a name: no common noun, no stop word."""
    text = doc[i].text
    if not text[:1].isupper() or text.lower() in stop_words:
        return False
    return (len(text) > 1 and text.isupper()) or not is_common(text)


def _common_compound(word: str, is_common: Callable[[str], bool]) -> bool:
    """A compound whose last part is a common noun ("Gesprächsbereitschaft"); acronyms are none."""
    if word.isupper():
        return False
    low = word.lower()
    return any(is_common(low[k:]) for k in range(3, len(low) - 3))


def organisation_spans(
    doc: Doc,
    ents: list[Span],
    *,
    is_common: Callable[[str], bool],
    stop_words: frozenset[str],
    rules: OrganisationRules = OrganisationRules(),
) -> list[Span]:
    """The entities with the organisations the text proves added, relabelled or re-cut."""
    n = len(doc)
    owner = [-1] * n
    for k, ent in enumerate(ents):
        for i in range(ent.start, ent.end):
            owner[i] = k
    out = list(ents)
    drop: set[int] = set()
    new: list[Span] = []

    def free(i: int) -> bool:
        return owner[i] < 0 and not any(s.start <= i < s.end for s in new)

    for i in range(n):
        word = doc[i].text
        if not word[:1].isupper():
            continue
        nxt = owner[i + 1] if i + 1 < n else -1
        # "Landgericht Köln", "Polizeipräsidiums Mittelfranken": an office and its place
        if rules.offices and _head(word, OFFICE_HEADS) and nxt >= 0 and ents[nxt].start == i + 1:
            place = ents[nxt]
            if place.label_ == "LOC" and (owner[i] < 0 or (owner[i] == nxt)):
                drop.add(nxt)
                new.append(Span(doc, i, place.end, label="ORG"))
                continue
        # "Verkehrsministeriums", "Bundespolizei": a ministry or a federal body; "Vermittlungsausschuss",
        # "Kreml": a body that exists once; not the title of a member ("Bundesrat Ignazio Cassis")
        if rules.bodies and (("-" not in word and len(word) > 8) or word in STATE_BODIES):
            low = word.lower()
            ministry = low.endswith(MINISTRY_HEADS) and not low.startswith(MINISTRY_HEADS)  # "seines Ministeriums"
            federal = (low.startswith("bundes") or "bundesamt" in low) and low.endswith(FEDERAL_HEADS)
            named_by_words = i + 1 < n and doc[i + 1].text in ("für", "der", "des")
            body = ministry or federal or word in STATE_BODIES
            if body and nxt >= 0 and ents[nxt].start == i + 1 and ents[nxt].label_ == "PER":
                k = owner[i]
                if k >= 0 and len(ents[k]) == 1 and ents[k].label_ == "ORG":
                    drop.add(k)  # a list made it the body
                continue
            if body and not named_by_words:
                k = owner[i]
                if k < 0 and free(i):
                    new.append(Span(doc, i, i + 1, label="ORG"))
                elif k >= 0 and len(ents[k]) == 1 and ents[k].label_ != "ORG":
                    drop.add(k)
                    new.append(Span(doc, i, i + 1, label="ORG"))
                continue
        # "die Demokraten", "den Republikanern" (not "der Republikaner Dale Whitaker")
        if rules.parties and word in PARTY_PLURALS and i > 0 and doc[i - 1].text.lower() in PLURAL_ARTICLES:
            person_follows = nxt >= 0 and ents[nxt].label_ == "PER"
            if not person_follows and owner[i] < 0 and free(i):
                new.append(Span(doc, i, i + 1, label="ORG"))
            continue
        # "der Finanzdienstleister Euroclear", "Baustoffkonzern Heidelberg Materials"
        if rules.kinds and _head(word, KIND_HEADS) and i + 1 < n:
            if owner[i] >= 0 or is_sentence_initial(doc, i + 1):
                continue
            j = i + 1
            if nxt >= 0 and ents[nxt].start == j:
                ent = ents[nxt]
                end = ent.end
                while end < n and end - j < 4 and owner[end] < 0 and _name_word(doc, end, is_common, stop_words):
                    end += 1
                if ent.label_ != "ORG" or end > ent.end:
                    drop.add(nxt)
                    new.append(Span(doc, j, end, label="ORG"))
            elif nxt < 0 and _name_word(doc, j, is_common, stop_words) and not _common_compound(doc[j].text, is_common):
                end = j + 1
                while end < n and end - j < 3 and owner[end] < 0 and _name_word(doc, end, is_common, stop_words):
                    end += 1
                new.append(Span(doc, j, end, label="ORG"))
    if rules.kinds:
        out = [_after_kind_noun(doc, e) for e in out]
        out, shares = _share_holders(doc, out, drop, is_common, stop_words)
        new += shares
    kept = [e for k, e in enumerate(out) if k not in drop]
    return sorted(filter_spans(new + kept), key=lambda e: e.start)


_SHARE_NOUNS = frozenset({"Aktie", "Aktien", "Papiere", "Anleihen"})


def _share_holders(
    doc: Doc, ents: list[Span], drop: set[int], is_common: Callable[[str], bool], stop_words: frozenset[str]
) -> tuple[list[Span], list[Span]]:
    """ "Die Aktien von Rheinmetall und Hensoldt": what issues shares is a company, whatever label
    the NER gave it; the names coordinated after "Aktien von" are organisations."""
    starts = {e.start: k for k, e in enumerate(ents)}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out, new = list(ents), []
    for i in range(len(doc) - 2):
        if doc[i].text not in _SHARE_NOUNS or doc[i + 1].text != "von":
            continue
        j = i + 2
        while j < len(doc):
            k = starts.get(j)
            if k is not None:
                if ents[k].label_ != "ORG" and k not in drop:
                    out[k] = Span(doc, ents[k].start, ents[k].end, label="ORG")
                j = ents[k].end
            elif j not in taken and _name_word(doc, j, is_common, stop_words):
                new.append(Span(doc, j, j + 1, label="ORG"))
                j += 1
            else:
                break
            if j + 1 < len(doc) and doc[j].text in (",", "und", "sowie"):
                j += 1
            else:
                break
    return out, new


def _after_kind_noun(doc: Doc, ent: Span) -> Span:
    """ "Stuttgarter Konzern Bosch", "Bauernverband Landvolk Niedersachsen": an organisation
    span that holds a kind noun before the name is the name after it (a compound kind noun, or one
    that never opens a name, such as "Konzern"; "Verband der Automobilindustrie" stays)."""
    if ent.label_ != "ORG" or len(ent) < 2:
        return ent
    for k in range(ent.end - 2, ent.start - 1, -1):
        word = doc[k].text
        if not _head(word, KIND_HEADS):
            continue
        low = word.lower().split("-")[-1]
        bare = low in KIND_HEADS
        opens_names = bare and low not in ("konzern", "unternehmen", "hersteller", "plattform", "dienstleister")
        if not opens_names and doc[k + 1].text[:1].isupper():
            return Span(doc, k + 1, ent.end, label="ORG")
        return ent
    return ent
