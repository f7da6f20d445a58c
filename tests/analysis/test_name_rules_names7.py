"""Names a reader sees: gender guesses from first names and the role nouns of kinship and court,
each on sentences written for this test (spans given by hand, as a pipeline would give them)."""

from __future__ import annotations

import re

import pytest

from reader.analysis import ArticleAnalysis, analyze_spans
from reader.text.segments import sentence_spans


def _analyse(text: str, people: list[str]) -> ArticleAnalysis:
    spans = sorted(
        (m.start(), m.end(), "PER")
        for name in people
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    )
    return analyze_spans("g", "v", "f", text, spans, sentence_spans(text))


@pytest.mark.parametrize("first", ["Luka", "Nikola", "Mustafa", "Jona", "Andrea"])
def test_a_first_name_in_a_does_not_keep_er_from_its_man(first: str) -> None:
    text = f"{first} Brandt kam spät zum Termin. „Das ist ein Skandal“, sagte er."
    assert [q.speaker for q in _analyse(text, [f"{first} Brandt"]).quotes] == [f"{first} Brandt"]


def test_a_first_name_in_a_still_orders_the_candidates_for_sie_and_er() -> None:
    text = "Andrea Weber traf Paul Kern in Kiel. „Wir reden weiter“, sagte sie. „Gern“, sagte er."
    analysis = _analyse(text, ["Andrea Weber", "Paul Kern"])
    assert [q.speaker for q in analysis.quotes] == ["Andrea Weber", "Paul Kern"]


def test_what_the_text_says_of_a_gender_decides_over_the_first_name() -> None:
    text = "Andrea Rossi, der italienische Trainer, traf Lena Kern. „Wir haben verloren“, sagte er."
    assert [q.speaker for q in _analyse(text, ["Andrea Rossi", "Lena Kern"]).quotes] == ["Andrea Rossi"]


def test_die_before_a_plural_noun_takes_up_no_one_person() -> None:
    text = "Paul Brandt traf zweimal. „Schieber, Schieber!“, riefen die mitgereisten Fans."
    assert [q.speaker for q in _analyse(text, ["Paul Brandt"]).quotes] == [None]


def test_herr_tells_a_gender_as_frau_does() -> None:
    text = "Lena Kern und Herr Andrea Sommer kamen. „Es reicht“, sagte er."
    assert [q.speaker for q in _analyse(text, ["Lena Kern", "Andrea Sommer"]).quotes] == ["Andrea Sommer"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("„Er war immer ein guter Junge“, sagte sein Bruder.", "sein Bruder"),
        ("„Wir vermissen ihn“, sagte die Schwester.", "die Schwester"),
        ("„Sie fehlt uns“, sagte der Vater.", "der Vater"),
        ("„Das war zu spät“, sagte die Tochter.", "die Tochter"),
        ("„Die Tat war geplant“, sagte der Richter.", "der Richter"),
        ("„Das bestreiten wir“, sagte die Verteidigerin.", "die Verteidigerin"),
    ],
)
def test_kinship_and_court_nouns_are_roles(text: str, source: str) -> None:
    (quote,) = _analyse(text, []).quotes
    assert (quote.speaker_text, quote.speaker_kind) == (source, "role")


def test_a_judge_named_in_an_apposition_is_the_judge_taken_up_later() -> None:
    text = "Der Vorsitzende Richter Hans Keller verlas das Urteil. „Die Tat war geplant“, sagte der Richter."
    assert [q.speaker for q in _analyse(text, ["Hans Keller"]).quotes] == ["Hans Keller"]
    text = "Gerhard Richter malte im Atelier. „Ich male jeden Tag“, sagte Richter."
    spans = [(0, 15, "PER"), (text.rindex("Richter"), len(text) - 1, "PER")]
    analysis = analyze_spans("r", "v", "f", text, spans, sentence_spans(text))
    assert [q.speaker for q in analysis.quotes] == ["Gerhard Richter"]


def test_a_feminine_kinship_noun_gives_its_person_a_womans_gender() -> None:
    text = "Die Mutter Luka Sommer wartete mit Paul Kern. „Wir hoffen“, sagte sie. „Ich auch“, sagte er."
    analysis = _analyse(text, ["Luka Sommer", "Paul Kern"])
    assert [q.speaker for q in analysis.quotes] == ["Luka Sommer", "Paul Kern"]
