"""A small real spaCy pipeline for the analysis tests: blank German, sentencizer, entity ruler.

The ruler knows the names used in the test sentences, so the tests exercise the analysis rules,
independent of how accurate the trained model is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from reader.articles import Article

PEOPLE = [
    "Olaf Scholz",
    "Scholz",
    "Scholz'",
    "Friedrich Merz",
    "Merz",
    "Merz'",
    "Annalena Baerbock",
    "Baerbock",
    "Baerbocks",
    "Emmanuel Macron",
    "Macron",
    "Macrons",
    "Boris Pistorius",
    "Pistorius",
    "Karin Keller-Sutter",
    "Keller-Sutter",
    "Jens Weber",
    "Paul Weber",
    "Weber",
    "Maria Lang",
    "Lang",
    "Hans Peter Fischer",
    "Fischer",
    "Fischers",
    "Anna Roth",
    "Roth",
    "Thomas Klein",
    "Klein",
    "Klaus",
    "Lena Berg",
    "Berg",
    "Julia Sommer",
    "Markus Vogt",  # their surnames alone are left unlabelled, as a pipeline often does
    "Petra Lange",
    "Deniz Yilmaz",
    "Yilmaz",
    "Sven Hofmann",
    "Hofmann",
    "Johanna von Falkenau",
    "Falkenau",
    "Samira al-Rashid",
    "Karla Winter",
]
ORGANISATIONS = [
    "ARD",
    "Reuters",
    "Spiegel",
    "Bundesregierung",
    "Kreml",
    "Nato",
    "CNN",
    "Siemens",
    "IG Metall",
    "Statistische Bundesamt",
    "Destatis",
    "Deutsche Richterbund",
    "Deutschen Richterbund",
    "VdM",
    "Nordsee Bahn",
    "Nordsee Bahn AG",
    "Pro Bahn",
    "Westfälische Bahn",
    "Hessische Bauernverband",
    "Brenner Stahl AG",
    "Landgericht Kassel",
    "Amtsgericht Kassel",
    "Polizei Kassel",
    "Polizeipräsidium Nordhessen",
    "Polizeidirektion Osnabrück",
    "Universität Kassel",
    "Bundesrechnungshof",
    "Sächsische Landesamt für Archäologie",
    "Milchhof Talgrund eG",
    "Kraftwerk Nordheim",
    "SGS Essen",
    "SV Werder Bremen",
]
PLACES = [
    "Berlin",
    "Paris",
    "Bern",
    "Moskau",
    "Russland",
    "Russlands",
    "Frankreich",
    "Kiew",
    "Weißen Haus",
    "Sachsen-Anhalt",
]


def build_test_pipeline() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    assert isinstance(ruler, EntityRuler)
    patterns: list[dict[str, str | list[dict[str, Any]]]] = []
    for label, names in (("PER", PEOPLE), ("ORG", ORGANISATIONS), ("LOC", PLACES)):
        for name in names:
            patterns.append({"label": label, "pattern": [{"ORTH": t.text} for t in nlp.make_doc(name)]})
    ruler.add_patterns(patterns)
    return nlp


def make_article(text: str, article_id: str = "test") -> Article:
    body = "\n\n".join(line.strip() for line in text.strip().split("\n") if line.strip())
    return Article(id=article_id, path=Path(f"{article_id}.txt"), body=body)
