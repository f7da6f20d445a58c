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
# institutions that are an organisation when their place follows ("Feuerwehr Hamburg", "Oper
# Leipzig", "Kreisverwaltung Rhein-Hunsrück"); the office heads above are handled as before
PLACED_HEADS = (
    "feuerwehr",
    "kripo",
    "verwaltung",
    "oper",
    "theater",
    "kammer",
    "verband",
    "archiv",
    "forschungsstelle",
    "werke",
    "stadtwerke",
    "museum",
    "bibliothek",
    "klinikum",
    "universität",
    "hochschule",
)


# an administration in the genitive before its place's name ("des Kantons Bern", "der Stadt Köln")
ADMINISTRATION_GENITIVES = frozenset(
    {"kantons", "kreises", "landkreises", "landes", "bezirks", "bezirkes", "stadt", "gemeinde", "region", "freistaats"}
)


def _genitive_place(word: str) -> bool:
    """ "Hamburgs", "Niedersachsens": a place in the genitive is whose the institution is, no name."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "os"))


def _qualifiers_start(doc: Doc, head: int, owner: list[int], stop_words: frozenset[str]) -> int:
    """Where the qualifying words before an institution's head begin: capitalised adjectives
    ("Freiwillige Feuerwehr", "Kantonaler Gewerbeverband") and a truncated compound with "und"
    ("Industrie- und Handelskammer")."""
    k = head
    while k > 0 and owner[k - 1] < 0:
        previous = doc[k - 1].text
        if previous.lower() == "und" and k > 1 and doc[k - 2].text.endswith("-") and doc[k - 2].text[:1].isupper():
            k -= 2
        elif (
            previous[:1].isupper()
            and previous.lower() not in stop_words
            and previous.lower().endswith(("e", "en", "er", "es"))
            and previous.isalpha()
            and not is_sentence_initial(doc, k - 1)
        ):
            k -= 1
        else:
            break
    return k


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
# bare heads whose name may be two fields they serve ("Verband Bildung und Erziehung")
_FIELD_NAMED_HEADS = frozenset({"Verband", "Bund"})


def _field_named(doc: Doc, head: int, start: int, end: int, owner: list[int]) -> tuple[int, int]:
    """ "Verband Bildung und Erziehung": a bare association head, one word and "und" and one more
    capitalised word is one name, the head with its two fields; else the name after the head."""
    if (
        doc[head].text not in _FIELD_NAMED_HEADS
        or end - start != 1
        or end + 1 >= len(doc)
        or doc[end].lower_ != "und"
        or owner[end + 1] >= 0
        or not (doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha)
        or (end + 2 < len(doc) and doc[end + 2].text[:1].isupper())
    ):
        return start, end
    return head, end + 2


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
        # "Tiefbauamt des Kantons Bern", "Jugendamt der Stadt Köln": an office of the administration of a place
        if rules.offices and owner[i] < 0 and _head(word, OFFICE_HEADS + PLACED_HEADS) and i + 3 < n:
            place_owner = owner[i + 3]
            if (
                doc[i + 1].lower_ in _GENITIVE_ARTICLES
                and doc[i + 2].lower_ in ADMINISTRATION_GENITIVES
                and owner[i + 2] < 0
                and place_owner >= 0
                and ents[place_owner].start == i + 3
                and ents[place_owner].label_ == "LOC"
            ):
                drop.add(place_owner)
                new.append(Span(doc, i, ents[place_owner].end, label="ORG"))
                continue
        # "Feuerwehr Hamburg", "Oper Leipzig", "Freiwillige Feuerwehr Dechsendorf", "Industrie- und
        # Handelskammer Flensburg": an institution and its place, the words that qualify it before
        if rules.offices and _head(word, PLACED_HEADS) and owner[i] < 0 and nxt >= 0 and ents[nxt].start == i + 1:
            place = ents[nxt]
            if place.label_ == "LOC" and not _genitive_place(doc[place.end - 1].text):
                drop.add(nxt)
                new.append(Span(doc, _qualifiers_start(doc, i, owner, stop_words), place.end, label="ORG"))
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
                start, end = _field_named(doc, i, j, end, owner)
                if ent.label_ != "ORG" or end > ent.end or start < j:
                    drop.add(nxt)
                    new.append(Span(doc, start, end, label="ORG"))
            elif nxt < 0 and _name_word(doc, j, is_common, stop_words) and not _common_compound(doc[j].text, is_common):
                end = j + 1
                while end < n and end - j < 3 and owner[end] < 0 and _name_word(doc, end, is_common, stop_words):
                    end += 1
                start, end = _field_named(doc, i, j, end, owner)
                new.append(Span(doc, start, end, label="ORG"))
    if rules.kinds:
        out = [_after_kind_noun(doc, e) for e in out]
        out, shares = _share_holders(doc, out, drop, is_common, stop_words)
        new += shares
    kept = [e for k, e in enumerate(out) if k not in drop]
    spans = sorted(filter_spans(new + kept), key=lambda e: e.start)
    if rules.kinds:
        spans = sorted(filter_spans(_with_full_names(doc, spans)), key=lambda e: e.start)
    return spans


# heads of associations' names that a genitive completes ("Deutsche Berufsverband der HNO-Ärzte")
ASSOCIATION_HEADS = ("verband", "vereinigung", "bund")
_GENITIVE_ARTICLES = frozenset({"der", "des"})
_COORDINATORS = frozenset({"und", "sowie"})
LIST_REACH = 12  # tokens after an organisation's name searched for the rest of its list of fields


def _capitalised(doc: Doc, i: int) -> bool:
    """A capitalised word (hyphenated ones too: "Hals-Nasen-Ohrenärzte")."""
    if i >= len(doc):
        return False
    text = doc[i].text
    return text[:1].isupper() and (doc[i].is_alpha or "-" in text)


def _with_full_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Organisations' names the NER cut short, completed by the shapes German official names take:
    a list of fields after "für" ("Bundesamt für Ausrüstung, Informationstechnik und Nutzung der
    Bundeswehr", "Ministerium für Wissenschaft und Forschung, Kunst und Kultur"), and the
    genitive that says whose association it is ("Deutsche Berufsverband der Hals-Nasen-Ohrenärzte",
    "Hauptverband der Deutschen Bauindustrie")."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for ent in ents:
        end = ent.end
        if ent.label_ == "ORG":
            end = max(_fields_end(doc, ent, taken), _genitive_end(doc, ent.end - 1, taken))
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label="ORG"))
    for i, token in enumerate(doc):  # "Hauptverband der Deutschen Bauindustrie", tagged nowhere
        if i in taken or not token.text[:1].isupper() or not token.text.lower().endswith(ASSOCIATION_HEADS):
            continue
        end = _genitive_end(doc, i, taken, adjective=True)
        if end > i + 1:
            out.append(Span(doc, i, end, label="ORG"))
    return out


def _fields_end(doc: Doc, ent: Span, taken: set[int]) -> int:
    """Where a name with "für" ends when ", Field … und Field" (and a genitive) follow it."""
    if not any(t.lower_ == "für" for t in ent[1:]):
        return ent.end
    j, coordinated = ent.end, False
    while j + 1 < len(doc) and j - ent.end < LIST_REACH and not coordinated:
        if doc[j].text == "," and _capitalised(doc, j + 1) and j + 1 not in taken:
            j += 2
        elif doc[j].lower_ in _COORDINATORS and _capitalised(doc, j + 1) and j + 1 not in taken:
            j, coordinated = j + 2, True
        else:
            break
    if not coordinated or not any(doc[k].text == "," for k in range(ent.end, j)):
        return ent.end  # "für Seenforschung und Feuerwehr": two bodies, not a list of fields
    if j + 1 < len(doc) and doc[j].lower_ in _GENITIVE_ARTICLES and _capitalised(doc, j + 1):
        j += 2  # "… und Nutzung der Bundeswehr"
    return j


def _genitive_end(doc: Doc, head: int, taken: set[int], *, adjective: bool = False) -> int:
    """Where an association's name ends whose head (at `head`) a genitive follows: "der" or "des",
    perhaps a capitalised adjective, a capitalised noun (with `adjective`, the adjective is needed:
    "der Deutschen Bauindustrie", not "der Region")."""
    word = doc[head].text.lower()
    if not word.endswith(ASSOCIATION_HEADS) or head + 2 >= len(doc) or doc[head + 1].lower_ not in _GENITIVE_ARTICLES:
        return head + 1
    j = head + 2
    has_adjective = _capitalised(doc, j) and doc[j].lower_.endswith(("en", "er")) and _capitalised(doc, j + 1)
    if has_adjective:
        j += 1
    elif adjective:
        return head + 1
    if not _capitalised(doc, j) or j in taken or (j + 1 < len(doc) and _capitalised(doc, j + 1)):
        return head + 1  # no noun, a name of its own, or more capitalised words than a genitive has
    return j + 1


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
