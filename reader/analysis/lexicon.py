"""German word lists the attribution rules rely on: verbs of speaking, case hints, role heads.

Kept small and explicit so a reader can see (and extend) exactly what counts as a cue.
"""

from __future__ import annotations


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

# Finite auxiliaries and modals: before them stands the subject of a clause-final cue ("Ich
# möchte Sie bitten", "Die Polizei hat mitgeteilt").
AUXILIARIES = frozenset({
    "habe", "hat", "haben", "hatte", "hatten", "bin", "ist", "sind", "war", "waren", "wird", "werden",
    "wurde", "wurden", "will", "wollen", "wollte", "wollten", "möchte", "möchten", "muss", "müssen",
    "musste", "mussten", "kann", "können", "konnte", "konnten", "soll", "sollen", "sollte",
    "sollten", "darf", "dürfen", "durfte", "durften", "würde", "würden",
})
# Compound nouns ending so before a quotation make it a name or label ("Kampfnamen", "Wahlslogan").
TERM_NOUN_ENDINGS = ("namen", "name", "titel", "slogan", "motto", "begriff", "schlagwort", "parole", "losung", "etikett", "label", "hashtag", "schriftzug")
# "Auf den Plakaten stand „…“": verbs of standing written and the surfaces slogans are written on.
WRITING_VERBS = frozenset({"stand", "standen", "steht", "stehen", "prangte", "prangten", "prangt", "lautete", "lauteten"})
WRITING_SURFACES = ("plakat", "plakaten", "plakate", "transparent", "transparenten", "transparente", "schild", "schildern", "schilder", "banner", "bannern", "spruchband", "spruchbändern", "aufkleber", "wand", "mauer", "fahne", "fahnen", "shirt", "shirts", "kappe", "kappen", "kulisse", "rückwand")
# Nouns that say a quotation is the title of a work ("„…“, der zweite Spielfilm der Regisseurin").
WORK_NOUNS = ("film", "spielfilm", "dokumentarfilm", "buch", "roman", "song", "lied", "album", "serie", "podcast", "stück", "theaterstück", "oper", "sendung", "show", "studie", "bericht", "ausstellung", "gedicht", "titel", "programm", "kampagne", "initiative", "projekt")
# Verbs that give a name ("die Soldaten nennen sie „Baba Jaga“").
NAMING_VERBS = frozenset({"nennen", "nennt", "nannte", "nannten", "genannt", "taufte", "tauften", "getauft", "tauft"})

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
    # further person nouns of news attribution ("die Oberstaatsanwältin", "ein Feuerwehrsprecher")
    "anwalt", "anwältin", "anwälte", "richterin", "bundesrichter", "verfassungsrichter", "admiral",
    "admiralin", "befehlshaber", "befehlshaberin", "kommandeur", "kommandeurin", "polizist",
    "polizistin", "beamter", "beamtin", "beamte", "zeugin", "augenzeuge", "augenzeugin",
    "landwirt", "landwirtin", "arzt", "ärztin", "ärzte", "lehrer", "lehrerin", "händler",
    "händlerin", "wissenschaftler", "wissenschaftlerin", "forscher", "forscherin", "bürgermeister",
    "bürgermeisterin", "landrat", "landrätin", "leiter", "leiterin", "mitarbeiter", "mitarbeiterin",
    "vertreter", "vertreterin", "kommentator", "kommentatorin", "kritiker", "kritikerin",
    "beobachter", "beobachterin", "insider", "kenner", "kennerin", "autor", "autorin", "historiker",
    "historikerin", "soziologe", "soziologin", "politologe", "politologin", "ermittler",
    "ermittlerin", "staatsanwalt", "staatsanwältin", "verteidiger", "verteidigerin", "aktivist",
    "aktivistin", "demonstrant", "demonstrantin", "anwohner", "anwohnerin", "bewohner",
    "bewohnerin", "nachbar", "nachbarin", "angehörige", "angehöriger", "vorstand", "vorständin",
    "gewerkschafter", "gewerkschafterin", "unternehmer", "unternehmerin", "manager", "managerin",
    "funktionär", "funktionärin", "offizier", "offizierin", "soldat", "soldatin", "kollege",
    "kollegin", "chefredakteur", "chefredakteurin", "redakteur", "redakteurin", "publizist",
    "publizistin", "schriftsteller", "schriftstellerin", "regisseur", "regisseurin", "trainer",
    "trainerin", "spieler", "spielerin", "bürgerin", "mitbürger", "wähler", "wählerin",
    "teilnehmer", "teilnehmerin", "organisator", "organisatorin", "veranstalter", "veranstalterin",
    "betreiber", "betreiberin", "eigentümer", "eigentümerin", "kläger", "klägerin", "opfer",
    "überlebende", "überlebender", "helfer", "helferin", "retter", "retterin", "mediziner",
    "medizinerin", "virologe", "virologin", "epidemiologe", "epidemiologin", "psychologe",
    "psychologin", "jurist", "juristin", "ingenieur", "ingenieurin", "pilot", "pilotin",
    "sprecherinnen", "experten", "expertinnen", "ökonomen", "analysten", "diplomaten",
    "vorsitzenden", "abgeordneten", "regierungschef", "regierungschefin", "staatschef",
    "staatschefin", "amtskollege", "amtskollegin", "stellvertreter", "stellvertreterin",
    "jährige", "jähriger",
)
# Institution nouns that, with a definite article, take up an organisation named just before
# ("Die IG BCE … Die Gewerkschaft"); "die Polizei", "die Regierung" are actors of their own.
ANAPHORIC_ORGANISATION_HEADS = (
    "gewerkschaft", "organisation", "verband", "konzern", "unternehmen", "partei", "behörde",
    "notenbank", "zentralbank", "bank", "firma", "club", "klub", "verein", "institut", "stiftung",
    "agentur", "sender", "ministerium", "gericht", "kommission", "präsidium", "hersteller",
    "chiphersteller", "autobauer", "versicherer", "händler", "fraktion", "koalition",
)
# Heads of common nouns that name an organisation or institution ("die Gewerkschaft", "das
# Auswärtige Amt", "das Bundesverfassungsgericht"): the last part of a compound decides.
ORGANISATION_HEADS = (
    "regierung", "ministerium", "polizei", "gewerkschaft", "gericht", "amt", "behörde", "partei",
    "konzern", "unternehmen", "verband", "kommission", "staatsanwaltschaft", "feuerwehr", "armee",
    "militär", "bundeswehr", "agentur", "sender", "zeitung", "verwaltung", "senat", "parlament",
    "bundestag", "landtag", "stadtrat", "gemeinderat", "bank", "firma", "verein", "institut",
    "stiftung", "organisation", "koalition", "opposition", "fraktion", "präsidium",
    "rathaus", "kanzleramt", "ministerien", "behörden", "konzerne", "unternehmen", "gewerkschaften",
    "kirche", "bistum", "klinik", "krankenhaus", "universität", "hochschule", "schule", "club",
    "klub", "parteiführung", "staatsführung", "militärführung", "direktion", "staatsmedien", "medien", "weltbank", "zentralbank",
    "notenbank", "bundesbank", "bundesanwaltschaft", "kreml", "botschaft", "generalstab",
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
POSSESSIVE_DETERMINERS = frozenset(
    stem + ending for stem in ("unser", "ihr", "sein", "mein", "dein", "euer") for ending in ("", "e", "er", "em", "en", "es")
) - {"ihr"}
# Pronouns that name the speaker directly and never resolve in news narration (a column's "ich").
PRONOUNS_SPEAKER = frozenset({"ich", "wir", "man"})

# Indefinite speakers: the text says someone spoke but not who ("eine Reporterin", "Experten").
INDEFINITE_DETERMINERS = frozenset({"ein", "eine", "einer", "mehrere", "viele", "manche", "einige", "zahlreiche", "andere"})
PLURAL_DETERMINERS = frozenset({"mehrere", "viele", "manche", "einige", "zahlreiche", "andere", "alle", "beide"})
