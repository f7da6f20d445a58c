"""The words that introduce reported speech (cues): verbs of saying, writing, thinking and
characterising in all their forms (separable ones with their particle), nouns of utterances and
documents, and the prepositions of source phrases.

Written by hand as lemmas and expanded by German verb morphology; checked against the cues of
GePaDe-SpkAtt (train) by `reader/analysis/derive_cues.py`, which also writes the list of further
cue forms in `data/gepade_cues.tsv` that `cue_forms()` adds (see data/README.md for its licence).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "gepade_cues.tsv"
GEPADE_MIN_CUES = 3  # a derived form counts when GePaDe annotates it as a cue this often …
GEPADE_MIN_SHARE = 0.6  # … and in this share of its occurrences (so "bin" or "stellen" do not)
GEPADE_MIN_CLAUSAL = 2  # … and it introduced a reported clause (dass …, a comma or colon) this often …
GEPADE_MIN_CLAUSAL_SHARE = 0.25  # … in this share of its cues (so "beschäftigt", "beraten" do not)
_NOT_VERBS = frozenset({"laut", "heißt", "hieß", "für", "nach"})  # handled as source words elsewhere

SAY = "say"  # verbs of saying and writing: a cue for quotes and reported clauses
THINK = "think"  # verbs of thinking and believing: reported clauses, a colon, not a bare adjacent quote
CHARACTERISE = "characterise"  # nennen, bezeichnen als, sprechen von: a one-word quote is speech


def _weak_stem(infinitive: str) -> tuple[str, str]:
    """Stem and linking e of a regular verb: "antworten" → ("antwort", "e"), "fordern" → ("forder", "")."""
    if infinitive.endswith(("ern", "eln")):
        return infinitive[:-1], ""
    stem = infinitive[:-2]
    before = stem[-2:-1]
    silent_h = before == "h" and not stem.endswith(("chn", "chm"))  # "wohnen", not "zeichnen"
    needs_e = stem.endswith(("t", "d")) or (stem.endswith(("m", "n")) and before not in "aeiouäöülrmn" and not silent_h)
    return stem, "e" if needs_e else ""


def _present(infinitive: str) -> set[str]:
    """Present and Konjunktiv I of the infinitive's stem in every person ("sage", "sagst", "sagt",
    "sagen", "sagest", "saget"), with the short first person of -ern/-eln verbs ("bedaure",
    "bezweifle") beside the long one."""
    stem, e = _weak_stem(infinitive)
    hissing = stem.endswith(("s", "ß", "z", "x"))  # "du schätzt", not "schätzst"
    forms = {infinitive, stem + "e", stem + e + ("t" if hissing and not e else "st"), stem + e + "t"}
    forms |= {stem + "est", stem + "et"}  # Konjunktiv I: "du sagest", "ihr saget"
    if infinitive.endswith(("ern", "eln")):
        forms.add(stem[:-2] + stem[-1] + "e")
    return forms


def weak(infinitive: str, participle: str | None = None) -> set[str]:
    """Every form of a regular verb: present, Präteritum (which is also its Konjunktiv II),
    Konjunktiv I, infinitive and participle."""
    stem, e = _weak_stem(infinitive)
    prefixed = infinitive.startswith(
        ("be", "er", "ver", "zer", "ent", "emp", "miss", "über", "unter", "wider", "hinter")
    )
    if participle is None:
        participle = stem + e + "t" if prefixed or infinitive.endswith("ieren") else "ge" + stem + e + "t"
    return _present(infinitive) | {stem + e + ending for ending in ("te", "test", "ten", "tet")} | {participle}


_UMLAUTS = (("au", "äu"), ("a", "ä"), ("o", "ö"), ("u", "ü"))


def _subjunctive_ii(past_stem: str) -> str:
    """Konjunktiv II from the past stem by umlaut: "sah" → "sähe", "sprach" → "spräche", "fuhr"
    → "führe"; stems in ie or ei keep their vowel ("riefe", "schriebe")."""
    for vowel, umlaut in _UMLAUTS:
        at = past_stem.rfind(vowel)
        if at >= 0 and past_stem[at - 1 : at + 1] not in {"ie", "ei", "eu", "au"}:
            return past_stem[:at] + umlaut + past_stem[at + len(vowel) :] + "e"
    return past_stem + "e"


def strong(
    infinitive: str, present: str, past: str, participle: str, past_plural: str | None = None, subjunctive_ii: str = ""
) -> set[str]:
    """Every form of an irregular verb from its principal parts (third person present and past,
    participle): the present with its changed vowel ("spricht", "sprichst"), the past in every
    person, Konjunktiv I and II ("spreche", "spräche")."""
    plural = past_plural or past + ("n" if past.endswith("e") else "en")
    stem = plural[:-2] if plural.endswith("en") else plural[:-1]
    second = present[:-1] + "st" if present.endswith("t") and not present.endswith(("st", "ßt")) else present
    past_second = stem + ("est" if stem.endswith(("s", "ß", "z")) else "st")  # "lasest", not "lasst"
    forms = _present(infinitive) | {present, second, past, plural, past_second, stem + "t", participle}
    conditional = subjunctive_ii or _subjunctive_ii(stem)
    return forms | {conditional, conditional + "n", conditional + "st", conditional + "t"}


# lemma → (category, forms). Separable verbs are listed by their finite forms without the particle
# (see PARTICLE_VERBS); their participle and infinitive (with the particle) come from the same table.
VERBS: dict[str, tuple[str, set[str]]] = {
    # saying, writing, announcing
    "sagen": (SAY, weak("sagen")),
    "erklären": (SAY, weak("erklären")),
    "betonen": (SAY, weak("betonen")),
    "warnen": (SAY, weak("warnen")),
    "mahnen": (SAY, weak("mahnen")),
    "ermahnen": (SAY, weak("ermahnen")),
    "kommentieren": (SAY, weak("kommentieren")),
    "analysieren": (SAY, weak("analysieren")),
    "kritisieren": (CHARACTERISE, weak("kritisieren")),
    "bilanzieren": (SAY, weak("bilanzieren")),
    "resümieren": (SAY, weak("resümieren")),
    "konstatieren": (SAY, weak("konstatieren")),
    "behaupten": (SAY, weak("behaupten")),
    "antworten": (SAY, weak("antworten", "geantwortet")),
    "beantworten": (SAY, weak("beantworten")),
    "berichten": (SAY, weak("berichten")),
    "erzählen": (SAY, weak("erzählen")),
    "schildern": (SAY, weak("schildern")),
    "fordern": (SAY, weak("fordern")),
    "verlangen": (SAY, weak("verlangen")),
    "drohen": (CHARACTERISE, weak("drohen")),
    "loben": (CHARACTERISE, weak("loben")),
    "fragen": (SAY, weak("fragen")),
    "twittern": (SAY, weak("twittern")),
    "posten": (SAY, weak("posten")),
    "bekräftigen": (SAY, weak("bekräftigen")),
    "bestätigen": (SAY, weak("bestätigen")),
    "versichern": (SAY, weak("versichern")),
    "beteuern": (SAY, weak("beteuern")),
    "erläutern": (SAY, weak("erläutern")),
    "ergänzen": (SAY, weak("ergänzen")),
    "wiederholen": (CHARACTERISE, weak("wiederholen")),
    "verkünden": (SAY, weak("verkünden")),
    "äußern": (SAY, weak("äußern")),
    "frotzeln": (SAY, weak("frotzeln")),
    "spotten": (CHARACTERISE, weak("spotten")),
    "schimpfen": (CHARACTERISE, weak("schimpfen")),
    "urteilen": (SAY, weak("urteilen")),
    "klagen": (SAY, weak("klagen")),
    "beklagen": (CHARACTERISE, weak("beklagen")),
    "bemängeln": (SAY, weak("bemängeln")),
    "monieren": (SAY, weak("monieren")),
    "argumentieren": (SAY, weak("argumentieren")),
    "erwidern": (SAY, weak("erwidern")),
    "kontern": (SAY, weak("kontern")),
    "zitieren": (SAY, weak("zitieren")),
    "melden": (SAY, weak("melden")),
    "informieren": (SAY, weak("informieren")),
    "appellieren": (SAY, weak("appellieren")),
    "plädieren": (SAY, weak("plädieren")),
    "bemerken": (SAY, weak("bemerken")),
    "präzisieren": (SAY, weak("präzisieren")),
    "rechtfertigen": (SAY, weak("rechtfertigen")),
    "begründen": (SAY, weak("begründen")),
    "verteidigen": (SAY, weak("verteidigen")),
    "dementieren": (SAY, weak("dementieren")),
    "leugnen": (SAY, weak("leugnen")),
    "unterstellen": (SAY, weak("unterstellen")),
    "beschuldigen": (SAY, weak("beschuldigen")),
    "verurteilen": (CHARACTERISE, weak("verurteilen")),
    "begrüßen": (CHARACTERISE, weak("begrüßen")),
    "bedauern": (SAY, weak("bedauern")),
    "danken": (SAY, weak("danken")),
    "gratulieren": (SAY, weak("gratulieren")),
    "jubeln": (CHARACTERISE, weak("jubeln")),
    "feiern": (CHARACTERISE, weak("feiern")),
    "scherzen": (SAY, weak("scherzen")),
    "witzeln": (SAY, weak("witzeln")),
    "lästern": (CHARACTERISE, weak("lästern")),
    "poltern": (SAY, weak("poltern")),
    "wettern": (CHARACTERISE, weak("wettern")),
    "seufzen": (SAY, weak("seufzen")),
    "murmeln": (SAY, weak("murmeln")),
    "flüstern": (SAY, weak("flüstern")),
    "brüllen": (SAY, weak("brüllen")),
    # manner of speaking, as news writes it after a quotation („…“, schwärmte sie / stöhnt er)
    "schwärmen": (SAY, weak("schwärmen")),
    "stöhnen": (SAY, weak("stöhnen")),
    "ächzen": (SAY, weak("ächzen")),
    "lachen": (SAY, weak("lachen")),
    "staunen": (SAY, weak("staunen")),
    "jammern": (SAY, weak("jammern")),
    "fluchen": (SAY, weak("fluchen")),
    "grummeln": (SAY, weak("grummeln")),
    "frohlocken": (SAY, weak("frohlocken")),
    "triumphieren": (SAY, weak("triumphieren")),
    "sticheln": (SAY, weak("sticheln")),
    "nörgeln": (SAY, weak("nörgeln")),
    "raunen": (SAY, weak("raunen")),
    "stammeln": (SAY, weak("stammeln")),
    "knurren": (SAY, weak("knurren")),
    "mäkeln": (SAY, weak("mäkeln")),
    "prahlen": (SAY, weak("prahlen")),
    "ätzen": (SAY, weak("ätzen")),
    "höhnen": (SAY, weak("höhnen")),
    "unken": (SAY, weak("unken")),
    "fauchen": (SAY, weak("fauchen")),
    "zürnen": (SAY, weak("zürnen")),
    "mutmaßen": (SAY, weak("mutmaßen")),
    "spekulieren": (SAY, weak("spekulieren")),
    "prognostizieren": (SAY, weak("prognostizieren")),
    "folgern": (SAY, weak("folgern")),
    "insistieren": (SAY, weak("insistieren")),
    "beharren": (SAY, weak("beharren")),
    "bekunden": (SAY, weak("bekunden")),
    "signalisieren": (SAY, weak("signalisieren")),
    "beschwichtigen": (SAY, weak("beschwichtigen")),
    "titulieren": (CHARACTERISE, weak("titulieren")),
    "bezeichnen": (CHARACTERISE, weak("bezeichnen")),
    "charakterisieren": (CHARACTERISE, weak("charakterisieren")),
    "werten": (CHARACTERISE, weak("werten")),
    "bewerten": (CHARACTERISE, weak("bewerten")),
    "beschimpfen": (CHARACTERISE, weak("beschimpfen")),
    "verspotten": (CHARACTERISE, weak("verspotten")),
    "preisen": (CHARACTERISE, strong("preisen", "preist", "pries", "gepriesen")),
    "sprechen": (CHARACTERISE, strong("sprechen", "spricht", "sprach", "gesprochen")),
    "reden": (CHARACTERISE, weak("reden")),
    "schreiben": (SAY, strong("schreiben", "schreibt", "schrieb", "geschrieben")),
    "versprechen": (CHARACTERISE, strong("versprechen", "verspricht", "versprach", "versprochen")),
    "rufen": (SAY, strong("rufen", "ruft", "rief", "gerufen")),
    "schreien": (SAY, strong("schreien", "schreit", "schrie", "geschrien")),
    "unterstreichen": (SAY, strong("unterstreichen", "unterstreicht", "unterstrich", "unterstrichen")),
    "nennen": (CHARACTERISE, weak("nennen", "genannt") | {"nannte", "nannten", "nanntest", "nanntet", "nennte"}),
    "beschreiben": (CHARACTERISE, strong("beschreiben", "beschreibt", "beschrieb", "beschrieben")),
    "bestreiten": (SAY, strong("bestreiten", "bestreitet", "bestritt", "bestritten")),
    "widersprechen": (SAY, strong("widersprechen", "widerspricht", "widersprach", "widersprochen")),
    "verraten": (SAY, strong("verraten", "verrät", "verriet", "verraten")),
    "empfehlen": (SAY, strong("empfehlen", "empfiehlt", "empfahl", "empfohlen")),
    "raten": (SAY, strong("raten", "rät", "riet", "geraten")),
    "bitten": (SAY, strong("bitten", "bittet", "bat", "gebeten", "baten")),
    "gestehen": (SAY, strong("gestehen", "gesteht", "gestand", "gestanden")),
    "bekennen": (SAY, _present("bekennen") | {"bekannte", "bekannten", "bekanntest"}),
    "entgegnen": (SAY, weak("entgegnen")),
    "verweisen": (SAY, strong("verweisen", "verweist", "verwies", "verwiesen")),
    "beschwören": (SAY, weak("beschwören")),
    "meinen": (THINK, weak("meinen")),
    "glauben": (THINK, weak("glauben")),
    "hoffen": (THINK, weak("hoffen")),
    "fürchten": (THINK, weak("fürchten")),
    "befürchten": (THINK, weak("befürchten")),
    "vermuten": (THINK, weak("vermuten")),
    "bezweifeln": (THINK, weak("bezweifeln")),
    "zweifeln": (THINK, weak("zweifeln")),
    "erwarten": (THINK, weak("erwarten")),
    "rechnen": (THINK, weak("rechnen")),  # "rechnet mit einem Rückgang „im zweistelligen Bereich“"
    "schätzen": (THINK, weak("schätzen")),
    "denken": (THINK, _present("denken") | {"dachte", "dachten", "dachtest", "dächte", "dächten", "gedacht"}),
    "finden": (THINK, strong("finden", "findet", "fand", "gefunden")),
    "wissen": (
        THINK,
        _present("wissen") | {"weiß", "weißt", "wusste", "wussten", "wusstest", "wüsste", "wüssten", "gewusst"},
    ),
    "überzeugen": (THINK, weak("überzeugen")),
    "erwähnen": (SAY, weak("erwähnen")),
    "erinnern": (SAY, weak("erinnern")),
    "formulieren": (SAY, weak("formulieren")),
    "lauten": (SAY, weak("lauten")),
    "zeigen": (THINK, weak("zeigen")),
    "sehen": (THINK, strong("sehen", "sieht", "sah", "gesehen")),
}

_GEBEN = strong("geben", "gibt", "gab", "gegeben")
_WEISEN = strong("weisen", "weist", "wies", "gewiesen")
_HALTEN = strong("halten", "hält", "hielt", "gehalten")
_SPRECHEN = strong("sprechen", "spricht", "sprach", "gesprochen")
_WERFEN = strong("werfen", "wirft", "warf", "geworfen", subjunctive_ii="würfe")
# Separable verbs: lemma → (category, particle, finite forms without the particle, strong participle
# or None). "stellte … fest", "gab … an", "fügte … hinzu", "wies … darauf hin", "fuhr … fort".
PARTICLE_VERBS: dict[str, tuple[str, str, set[str], str | None]] = {
    "ankündigen": (SAY, "an", weak("kündigen"), None),
    "hinzufügen": (SAY, "hinzu", weak("fügen"), None),
    "aufzählen": (SAY, "auf", weak("zählen"), None),
    "zusammenfassen": (SAY, "zusammen", weak("fassen"), None),
    "einräumen": (SAY, "ein", weak("räumen"), None),
    "mitteilen": (SAY, "mit", weak("teilen"), None),
    "feststellen": (SAY, "fest", weak("stellen"), None),
    "klarstellen": (SAY, "klar", weak("stellen"), None),
    "richtigstellen": (SAY, "richtig", weak("stellen"), None),
    "darstellen": (SAY, "dar", weak("stellen"), None),
    "anmerken": (SAY, "an", weak("merken"), None),
    "angeben": (SAY, "an", _GEBEN, "gegeben"),
    "zugeben": (SAY, "zu", _GEBEN, "gegeben"),
    "bekanntgeben": (SAY, "bekannt", _GEBEN, "gegeben"),
    "hinweisen": (SAY, "hin", _WEISEN, "gewiesen"),
    "zurückweisen": (SAY, "zurück", _WEISEN, "gewiesen"),
    "fortfahren": (SAY, "fort", strong("fahren", "fährt", "fuhr", "gefahren"), "gefahren"),
    "hervorheben": (SAY, "hervor", strong("heben", "hebt", "hob", "gehoben"), "gehoben"),
    "festhalten": (SAY, "fest", _HALTEN, "gehalten"),
    "aufrufen": (SAY, "auf", strong("rufen", "ruft", "rief", "gerufen"), "gerufen"),
    "auffordern": (SAY, "auf", weak("fordern"), None),
    "ausführen": (SAY, "aus", weak("führen"), None),
    "aussagen": (SAY, "aus", weak("sagen"), None),
    "zusagen": (SAY, "zu", weak("sagen"), None),
    "voraussagen": (SAY, "voraus", weak("sagen"), None),
    "vorhersagen": (SAY, "vorher", weak("sagen"), None),
    "vorwerfen": (CHARACTERISE, "vor", _WERFEN, "geworfen"),
    "einwerfen": (SAY, "ein", _WERFEN, "geworfen"),
    "anfügen": (SAY, "an", weak("fügen"), None),
    "einschränken": (SAY, "ein", weak("schränken"), None),
    "vorrechnen": (SAY, "vor", weak("rechnen"), None),
    "nachfragen": (SAY, "nach", weak("fragen"), None),
    "einwenden": (SAY, "ein", weak("wenden") | {"wandte", "wandten"}, "gewandt"),
    "entgegenhalten": (SAY, "entgegen", _HALTEN, "gehalten"),
    "zustimmen": (SAY, "zu", weak("stimmen"), None),
    "ablehnen": (SAY, "ab", weak("lehnen"), None),
    "abtun": (CHARACTERISE, "ab", {"tut", "tust", "tat", "taten", "tatest", "täte", "täten", "tue", "tun"}, "getan"),
    "darlegen": (SAY, "dar", weak("legen"), None),
    "nachlegen": (SAY, "nach", weak("legen"), None),
    "klarmachen": (SAY, "klar", weak("machen"), None),
    "deutlichmachen": (SAY, "deutlich", weak("machen"), None),
    "einschätzen": (THINK, "ein", weak("schätzen"), None),
    "ausdrücken": (SAY, "aus", weak("drücken"), None),
    "aussprechen": (SAY, "aus", _SPRECHEN, "gesprochen"),
    "ansprechen": (SAY, "an", _SPRECHEN, "gesprochen"),
    "vorschlagen": (SAY, "vor", strong("schlagen", "schlägt", "schlug", "geschlagen"), "geschlagen"),
}


def _particle_forms() -> tuple[dict[str, list[tuple[str, str]]], dict[str, str]]:
    """Finite forms that need their particle in the clause, and the forms that carry it."""
    detached: dict[str, list[tuple[str, str]]] = {}
    attached: dict[str, str] = {}
    for lemma, (_, particle, finite, participle) in PARTICLE_VERBS.items():
        for form in finite:
            detached.setdefault(form, []).append((lemma, particle))
            attached[particle + form] = lemma  # verb-final: "wie er mitteilte", "dass sie zustimmt"
        stem, e = _weak_stem(lemma[len(particle) :])
        attached[particle + (participle or "ge" + stem + e + "t")] = lemma  # "festgestellt", "angegeben"
        attached[particle + "zu" + lemma[len(particle) :]] = lemma  # "festzustellen", "vorzuwerfen"
        attached[lemma] = lemma
    return detached, attached


DETACHED_FORMS, ATTACHED_FORMS = _particle_forms()

# The words of an utterance or document that carry a source: "nach Angaben von X", "mit den Worten",
# "in einer Mitteilung des Ministeriums", "in einem Schreiben heißt es".
SOURCE_NOUNS = frozenset(
    {
        "angaben",
        "worten",
        "worte",
        "auskunft",
        "darstellung",
        "einschätzung",
        "ansicht",
        "meinung",
        "sicht",
        "überzeugung",
        "aussage",
        "aussagen",
        "äußerung",
        "äußerungen",
        "erklärung",
        "mitteilung",
        "pressemitteilung",
        "stellungnahme",
        "schreiben",
        "brief",
        "bericht",
        "interview",
        "rede",
        "beitrag",
        "post",
        "tweet",
        "botschaft",
        "antwort",
        "ankündigung",
        "warnung",
        "forderung",
        "drohung",
        "versprechen",
        "appell",
        "urteil",
        "kritik",
        "zitat",
        "satz",
        "floskel",
        "standardfloskel",
        "informationen",
        "erkenntnissen",
        "schätzungen",
        "berechnungen",
    }
)
# Nouns that name a document or a message rather than a person (a source of kind "document").
DOCUMENT_NOUNS = frozenset(
    {
        "schreiben",
        "brief",
        "bericht",
        "mitteilung",
        "pressemitteilung",
        "erklärung",
        "stellungnahme",
        "papier",
        "studie",
        "gutachten",
        "urteil",
        "beschluss",
        "dokument",
        "entwurf",
        "gesetzentwurf",
        "antrag",
        "protokoll",
        "bescheid",
        "post",
        "tweet",
        "beitrag",
        "interview",
        "analyse",
        "umfrage",
        "memo",
        "vermerk",
        "anklage",
        "anklageschrift",
        "vertrag",
        "abkommen",
        "resolution",
        "kommuniqué",
        "aufruf",  # "heißt es in einem Aufruf der Polizei"
        "broschüre",
        "vorlage",  # "in der Vorlage für die Synode", "Beschlussvorlage"
        "aussendung",  # Austrian: "in einer Presseaussendung"
    }
)


# Strong and mixed verbs among GePaDe's cue forms that the hand lexicon lacks: their principal parts
# (third person present, past, participle), so that every form of a learned verb is a cue
LEARNED_STRONG: dict[str, tuple[str, str, str]] = {
    "lesen": ("liest", "las", "gelesen"),
    "verstehen": ("versteht", "verstand", "verstanden"),
    "entscheiden": ("entscheidet", "entschied", "entschieden"),
    "beschließen": ("beschließt", "beschloss", "beschlossen"),
    "verbieten": ("verbietet", "verbot", "verboten"),
    "verschweigen": ("verschweigt", "verschwieg", "verschwiegen"),
    "erfahren": ("erfährt", "erfuhr", "erfahren"),
    "vernehmen": ("vernimmt", "vernahm", "vernommen"),
    "erkennen": ("erkennt", "erkannte", "erkannt"),
    "bedenken": ("bedenkt", "bedachte", "bedacht"),
    "nachvollziehen": ("vollzieht nach", "vollzog nach", "nachvollzogen"),
    "stehen": ("steht", "stand", "gestanden"),
    "beweisen": ("beweist", "bewies", "bewiesen"),
}
_STRONG_FORMS = {
    form: lemma for lemma, parts in LEARNED_STRONG.items() if " " not in parts[0] for form in strong(lemma, *parts)
}
_ENDINGS = ("etest", "eten", "etet", "ete", "test", "ten", "tet", "te", "est", "et", "st", "en", "e", "t", "n", "")


def verb_lemma(form: str, infinitives: set[str] | frozenset[str]) -> str | None:
    """The infinitive of a verb form among `infinitives`, by stripping an ending and checking the
    form against the paradigm that gives ("wundert" → "wundern", "gewünscht" → "wünschen"); None
    when none holds it."""
    if form in _STRONG_FORMS:
        return _STRONG_FORMS[form]
    base = form[2:] if form.startswith("ge") and form.endswith("t") else form
    for ending in _ENDINGS:
        stem = base[: len(base) - len(ending)]
        if not base.endswith(ending) or len(stem) < 3:
            continue
        infinitive = stem + ("n" if stem.endswith(("el", "er")) and not stem.endswith("ier") else "en")
        if infinitive in infinitives and form in weak(infinitive):
            return infinitive
    return None


def paradigm(lemma: str) -> set[str]:
    """Every form of a verb: by its principal parts when it is strong, else by the regular endings."""
    parts = LEARNED_STRONG.get(lemma)
    if parts is None:
        return weak(lemma)
    if " " in parts[0]:  # separable: only the forms that carry the particle
        return {lemma, parts[2], lemma[: -len(lemma.removeprefix("nach"))] + "zu" + lemma.removeprefix("nach")}
    return strong(lemma, *parts)


def _passes(cues: int, share: float, clausal: int) -> bool:
    return (
        cues >= GEPADE_MIN_CUES
        and share >= GEPADE_MIN_SHARE
        and clausal >= max(GEPADE_MIN_CLAUSAL, GEPADE_MIN_CLAUSAL_SHARE * cues)
    )


def _gepade_forms() -> dict[str, str]:
    """Cue forms from GePaDe-SpkAtt that the hand lexicon lacks (verbs only, lower case): a form
    that passes the thresholds, and every form of a verb whose forms pass them together
    ("hört" 12 of 13, "höre" 4 of 4, "hören" 12 of 28 make "hören" one, so "hörte" too)."""
    forms: dict[str, str] = {}
    lemmas: dict[str, list[int]] = {}
    try:
        with DATA.open(encoding="utf-8", newline="") as handle:
            rows = [
                row
                for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
                if row["pos"] == "verb" and row["form"] not in _NOT_VERBS and row["form"] not in DETACHED_FORMS
            ]
        infinitives = {row["form"] for row in rows if row["form"].endswith("n")} | set(LEARNED_STRONG)
        for row in rows:
            form = row["form"]
            cues, occurrences, clausal = int(row["cues"]), int(row["occurrences"]), int(row["clausal"])
            if _passes(cues, float(row["share"]), clausal):
                forms[form] = THINK
            lemma = verb_lemma(form, infinitives)
            if lemma is not None:
                total = lemmas.setdefault(lemma, [0, 0, 0])
                total[0], total[1], total[2] = total[0] + cues, total[1] + occurrences, total[2] + clausal
    except (OSError, KeyError, ValueError):
        return {}
    for lemma, (cues, occurrences, clausal) in lemmas.items():
        if _passes(cues, cues / max(1, occurrences), clausal):
            forms.update(dict.fromkeys(paradigm(lemma), THINK))
    return forms


GEPADE_MIN_SOURCELESS = 5  # a verb GePaDe annotates as a cue this often …
GEPADE_SOURCELESS_SHARE = 0.7  # … and without a source in this share of them


@cache
def sourceless_forms() -> frozenset[str]:
    """Forms of the verbs whose cue GePaDe-SpkAtt (train) mostly gives no source: what shows,
    stands written or is read or heard ("Das zeigt, dass …", "Da steht, dass …", "lesen wir in
    der Zeitung, dass …"): the subject is a witness or the evidence, not whose words they are."""
    totals: dict[str, list[int]] = {}
    forms_of: dict[str, set[str]] = {}
    try:
        with DATA.open(encoding="utf-8", newline="") as handle:
            rows = [
                row
                for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
                if row["pos"] == "verb" and row["form"] not in _NOT_VERBS
            ]
    except (OSError, KeyError):
        return frozenset()
    infinitives = {row["form"] for row in rows if row["form"].endswith("n")} | set(LEARNED_STRONG) | set(VERBS)
    for row in rows:
        lemma = verb_lemma(row["form"], infinitives)
        key = lemma or row["form"]
        total = totals.setdefault(key, [0, 0])
        total[0], total[1] = total[0] + int(row["cues"]), total[1] + int(row["source_none"])
        forms_of.setdefault(key, set()).add(row["form"])
    found: set[str] = set()
    for key, (cues, none) in totals.items():
        if cues >= GEPADE_MIN_SOURCELESS and none >= GEPADE_SOURCELESS_SHARE * cues:
            regular = key in infinitives and len(forms_of[key]) > 1  # a verb, not a lone "festzustellen"
            known = VERBS[key][1] if key in VERBS else paradigm(key) if key in LEARNED_STRONG or regular else set()
            found |= forms_of[key] | known
    return frozenset(found)


GEPADE_MIN_NOUN_CLAUSAL = 2  # a noun that introduced a reported clause this often in GePaDe train


@cache
def clause_nouns() -> frozenset[str]:
    """Nouns that GePaDe-SpkAtt annotates as cues of a reported clause right after them ("die
    Frage, ob …", "den Eindruck, dass …", "die Hoffnung, dass …"), lower case: often a cue in all
    its uses, or in those before a clause ("Eindruck" is a cue in 10 of its 24 uses, in all 8
    before a clause)."""
    forms: set[str] = set()
    try:
        with DATA.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
                before, cue_before = int(row["before_clause"]), int(row["cue_before_clause"])
                if row["pos"] == "noun" and (
                    (int(row["clausal"]) >= GEPADE_MIN_NOUN_CLAUSAL and float(row["share"]) >= GEPADE_MIN_SHARE)
                    or (cue_before >= GEPADE_MIN_NOUN_CLAUSAL and cue_before >= GEPADE_MIN_SHARE * before)
                ):
                    forms.add(row["form"])
    except (OSError, KeyError, ValueError):
        return frozenset()
    return frozenset(forms)


# Verbs that present evidence rather than speech when their subject is a thing ("Die Konferenz hat
# gezeigt, dass …", "Die Antwort lautete: …"): GePaDe gives such clauses no source.
EVIDENCE_VERBS = frozenset({"zeigen", "beweisen", "belegen", "verdeutlichen", "lauten", "erkennen", "offenbaren"})


@cache
def cue_forms() -> dict[str, tuple[str, str]]:
    """Every cue form that needs no particle → (lemma, category)."""
    forms: dict[str, tuple[str, str]] = {}
    for form, category in _gepade_forms().items():
        forms[form] = (form, category)
    for form in DETACHED_FORMS:
        forms.pop(form, None)  # "stellte" alone is no cue: it needs its particle …
    for lemma, (category, inflected) in VERBS.items():
        for form in inflected:
            forms[form] = (lemma, category)  # … but "sagte" is one, with or without "aus"/"zu"
    for form, lemma in ATTACHED_FORMS.items():
        forms[form] = (lemma, PARTICLE_VERBS[lemma][0])
    for form in ("bekannt", "gegeben", "gefahren", "geraten", "gehalten", "getan"):
        forms.pop(form, None)  # participles of common verbs that are no cue without their particle
    swiss = {form.replace("ß", "ss"): found for form, found in forms.items() if "ß" in form}
    return swiss | forms  # Swiss orthography writes ss for ß: "begrüsste", "äusserte"


_EVIDENCE_STEMS = ("zeig", "gezeigt", "beweis", "bewies", "beleg", "verdeutlich", "laut", "offenbar", "erkenn")


def is_evidence_form(form: str) -> bool:
    """A form of a verb that presents evidence ("zeigt", "hat gezeigt", "beweist", "lautete"): its
    subject is mostly a thing or a finding, not someone who speaks (GePaDe gives "zeigen" no
    source in 54 of 74 cues)."""
    lowered = form.lower()
    found = cue_forms().get(lowered)
    return (found is not None and found[0] in EVIDENCE_VERBS) or lowered.startswith(_EVIDENCE_STEMS)
