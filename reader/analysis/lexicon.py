"""German word lists the attribution rules rely on: verbs of speaking, case hints, role heads.

Kept small and explicit so a reader can see (and extend) exactly what counts as a cue.
"""

from __future__ import annotations


def _weak(stem: str, participle: str, e: str = "") -> set[str]:
    """Forms of a regular verb: present, past, subjunctive I, infinitive and participle."""
    return {stem + e + "t", stem + "en", stem + e + "te", stem + e + "ten", stem + "e", participle}


# Verbs of speaking or writing: every finite form and the participle ("hat … gesagt").
SPEECH_VERBS: dict[str, set[str]] = {
    "sagen": _weak("sag", "gesagt"),
    "erklären": _weak("erklär", "erklärt"),
    "betonen": _weak("beton", "betont"),
    "warnen": _weak("warn", "gewarnt"),
    "mahnen": _weak("mahn", "gemahnt"),
    "kommentieren": _weak("kommentier", "kommentiert"),
    "analysieren": _weak("analysier", "analysiert"),
    "kritisieren": _weak("kritisier", "kritisiert"),
    "bilanzieren": _weak("bilanzier", "bilanziert"),
    "resümieren": _weak("resümier", "resümiert"),
    "konstatieren": _weak("konstatier", "konstatiert"),
    "bezeichnen": _weak("bezeichn", "bezeichnet", "e"),
    "meinen": _weak("mein", "gemeint"),
    "behaupten": _weak("behaupt", "behauptet", "e"),
    "antworten": _weak("antwort", "geantwortet", "e"),
    "berichten": _weak("bericht", "berichtet", "e"),
    "erzählen": _weak("erzähl", "erzählt"),
    "fordern": _weak("forder", "gefordert") | {"fordert", "forderte", "forderten", "fordere"},
    "drohen": _weak("droh", "gedroht"),
    "loben": _weak("lob", "gelobt"),
    "fragen": _weak("frag", "gefragt"),
    "twittern": _weak("twitter", "getwittert") | {"twittert", "twitterte"},
    "posten": _weak("post", "gepostet", "e"),
    "bekräftigen": _weak("bekräftig", "bekräftigt"),
    "bestätigen": _weak("bestätig", "bestätigt"),
    "versichern": _weak("versicher", "versichert") | {"versichert", "versicherte"},
    "beteuern": _weak("beteuer", "beteuert") | {"beteuert", "beteuerte"},
    "erläutern": _weak("erläuter", "erläutert") | {"erläutert", "erläuterte"},
    "ergänzen": _weak("ergänz", "ergänzt"),
    "wiederholen": _weak("wiederhol", "wiederholt"),
    "verkünden": _weak("verkünd", "verkündet", "e"),
    "äußern": _weak("äußer", "geäußert") | {"äußert", "äußerte"},
    "frotzeln": {"frotzelt", "frotzelte", "frotzelten", "gefrotzelt"},
    "spotten": _weak("spott", "gespottet", "e"),
    "schimpfen": _weak("schimpf", "geschimpft"),
    "urteilen": _weak("urteil", "geurteilt"),
    "sprechen": {"spricht", "sprechen", "sprach", "sprachen", "gesprochen", "spreche"},
    "schreiben": {"schreibt", "schreiben", "schrieb", "schrieben", "geschrieben", "schreibe"},
    "versprechen": {"verspricht", "versprechen", "versprach", "versprachen", "versprochen", "verspreche"},
    "rufen": {"ruft", "rufen", "rief", "riefen", "gerufen"},
    "unterstreichen": {"unterstreicht", "unterstrich", "unterstrichen", "unterstreiche"},
    # separable verbs: the finite form counts only with its particle in the clause
    "ankündigen": {"kündigt", "kündigte", "kündigten", "angekündigt", "ankündigte", "ankündigt"},
    "hinzufügen": {"fügt", "fügte", "fügten", "hinzugefügt", "hinzufügte"},
    "zusammenfassen": {"fasst", "fasste", "fassten", "zusammengefasst", "zusammenfasst", "zusammenfasste"},
    "einräumen": {"räumt", "räumte", "räumten", "eingeräumt", "einräumte"},
    "mitteilen": {"teilt", "teilte", "teilten", "mitgeteilt", "mitteilte"},
}
PARTICLES: dict[str, str] = {
    "ankündigen": "an",
    "hinzufügen": "hinzu",
    "zusammenfassen": "zusammen",
    "einräumen": "ein",
    "mitteilen": "mit",
}
SPEECH_FORMS: dict[str, str] = {form: lemma for lemma, forms in SPEECH_VERBS.items() for form in forms}

# Nouns that name an utterance ("seine Drohung mit …", "ihre Forderung nach …").
SPEECH_NOUNS = frozenset({
    "drohung", "forderung", "warnung", "versprechen", "aussage", "äußerung", "ankündigung",
    "worten", "satz", "zitat", "appell", "urteil", "kritik", "einschätzung", "stellungnahme",
    "standardfloskel", "floskel", "botschaft", "antwort",
})

# Subjunctive I (and a few II) forms that mark reported speech.
SUBJUNCTIVE = frozenset({
    "sei", "seien", "habe", "müsse", "müssten", "werde", "könne", "solle", "wolle", "dürfe",
    "gebe", "komme", "gehe", "stehe", "liege", "bleibe", "wisse", "brauche", "hätte", "hätten",
    "wären", "gelte", "halte", "trage", "sollten", "mache",
})

# Words before a quotation that say it is a name, label or mere mention, not speech.
TERM_MARKERS = frozenset({
    "sogenannte", "sogenannten", "sogenannter", "sogenanntes", "so", "genannte", "genannten",
    "slogan", "motto", "wort", "worte", "begriff", "titel", "name", "namen", "schriftzug",
    "hashtag", "label", "etikett", "stichwort", "losung", "parole", "spitzname", "formel",
    "als",
})

PREPOSITIONS = frozenset({
    "an", "auf", "aus", "bei", "beim", "durch", "für", "gegen", "gegenüber", "hinter", "in", "im",
    "ins", "mit", "nach", "neben", "ohne", "seit", "über", "um", "unter", "von", "vom", "vor",
    "wegen", "zu", "zum", "zur", "zwischen", "trotz", "am", "ans", "aufs", "bis",
    "dank", "samt", "außer", "gen", "entgegen",
})
OBLIQUE_ARTICLES = frozenset({"dem", "den", "einem", "einen", "des", "eines", "einer", "ihm", "ihn"})
NOMINATIVE_ARTICLES = frozenset({"der", "die", "ein", "eine"})
ARTICLES = OBLIQUE_ARTICLES | NOMINATIVE_ARTICLES | {"das"}
SOURCE_PREPOSITIONS = frozenset({"laut", "zufolge"})

# Heads of nouns that name a person by role; a learned apposition ties one to a person.
ROLE_SUFFIXES = (
    "präsident", "präsidentin", "chef", "chefin", "kanzler", "kanzlerin", "minister", "ministerin",
    "sprecher", "sprecherin", "botschafter", "botschafterin", "experte", "expertin", "analyst",
    "analystin", "reporter", "reporterin", "moderator", "moderatorin", "abgeordnete", "abgeordneter",
    "republikaner", "republikanerin", "demokrat", "demokratin", "diplomat", "diplomatin",
    "machthaber", "berater", "beraterin", "journalist", "journalistin", "korrespondent",
    "korrespondentin", "politiker", "politikerin", "senator", "senatorin", "gouverneur",
    "gouverneurin", "general", "ökonom", "ökonomin", "gastgeber", "gastgeberin", "direktor",
    "direktorin", "fellow", "premier", "premierministerin", "autokrat", "diktator", "staatsmann",
    "oppositionsführer", "oppositionsführerin", "vorsitzende", "vorsitzender", "macher",
    "macherin", "stifter", "stifterin", "gast", "entertainer", "dealmaker", "herrscher",
    "mann", "frau", "ex-präsident", "sekretär", "sekretärin", "kommissar", "kommissarin",
)
# Adjectives that do not change which role is meant ("der ehemalige US-Botschafter").
ROLE_NOISE_ADJECTIVES = frozenset({
    "ehemalig", "früher", "damalig", "amtierend", "neu", "alt", "heutig", "langjährig",
    "derzeitig", "jetzig", "bisherig", "selbsterklärt", "stellvertretend",
})
NATIONALITY_SYNONYMS = {"amerikanisch": "us", "us-amerikanisch": "us"}

PRONOUNS_MALE = frozenset({"er", "ihm", "ihn"})
PRONOUNS_FEMALE = frozenset({"sie", "ihr"})
POSSESSIVES_MALE = frozenset({"sein", "seine", "seinem", "seinen", "seiner", "seines"})

# Indefinite speakers: the text says someone spoke but not who ("eine Reporterin", "Experten").
INDEFINITE_DETERMINERS = frozenset({"ein", "eine", "einer", "mehrere", "viele", "manche", "einige"})
