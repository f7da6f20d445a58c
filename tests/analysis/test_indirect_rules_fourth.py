"""Reported clauses by the rules of the fourth round of issue 14 (learned from GePaDe-SpkAtt
train), each on sentences written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import ArticleAnalysis
from reader.analysis.cue_lexicon import clause_nouns

Analyse = Callable[..., ArticleAnalysis]


def reports(analysis: ArticleAnalysis) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_text) for q in analysis.indirect]


def test_a_noun_that_is_a_cue_wherever_a_clause_follows_it_counts_as_a_clause_cue() -> None:
    # "Eindruck" is a cue in fewer than half of all its uses, but in all of them before a clause
    assert {"eindruck", "auffassung", "meinung"} <= clause_nouns()
    assert "schluss" not in clause_nouns()  # "zum Schluss: …" closes a speech more often than it concludes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ich habe den Eindruck, dass die Kommune ihre Pläne geändert hat.",
            [("dass die Kommune ihre Pläne geändert hat", "Ich")],
        ),
        (
            "Die Anwohner sind der Auffassung, dass die Umgehungsstraße zu teuer wird.",
            [("dass die Umgehungsstraße zu teuer wird", "Die Anwohner")],
        ),
        # the noun without a clause after it reports nothing
        ("Der Eindruck vom Vormittag hielt sich bis zum Abend.", []),
    ],
)
def test_a_cue_noun_before_a_dass_clause_reports_it(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


def test_meine_before_its_noun_is_an_address_not_the_verb_meinen(analyse: Analyse) -> None:
    assert reports(analyse("Wir müssen jetzt aufpassen, meine Damen und Herren, dass die Brücke hält.")) == []
    assert reports(analyse("Der Plan ist gescheitert, meine sehr verehrten Kolleginnen.")) == []
    # the verb keeps its clause
    assert reports(analyse("Ich meine, dass die Brücke saniert werden muss.")) == [
        ("dass die Brücke saniert werden muss", "Ich")
    ]


def test_the_clause_after_reden_or_sprechen_is_their_topic(analyse: Analyse) -> None:
    assert reports(analyse("Wir sollten darüber reden, wie die Schulen das bezahlen.")) == []
    assert reports(analyse("Im Ausschuss sprechen wir über die Frage, ob die Mittel reichen.")) == [
        ("ob die Mittel reichen", None)  # the noun's clause stays
    ]
    # "sprach davon, dass …" reports a statement
    assert reports(analyse("Die Bürgermeisterin sprach davon, dass die Stadt sparen müsse.")) == [
        ("dass die Stadt sparen müsse", "Die Bürgermeisterin")
    ]


def test_a_free_relative_or_a_contrast_with_the_cue_reports_nothing(analyse: Analyse) -> None:
    assert reports(analyse("Was der Bürgermeister gesagt hat, ist völlig richtig.")) == []
    assert reports(analyse("Anders als die Ministerin gesagt hat, kommt es auf die Fristen an.")) == []


def test_a_wie_clause_inside_the_sentence_reports_the_sentence_around_it(analyse: Analyse) -> None:
    text = "Die Kitas sind, wie die Senatorin gesagt hat, nicht nur Orte der Betreuung."
    assert reports(analyse(text)) == [
        ("Die Kitas sind, wie die Senatorin gesagt hat, nicht nur Orte der Betreuung", "die Senatorin")
    ]
    # at the start of the sentence it reports the main clause after it
    assert reports(analyse("Wie die Senatorin gesagt hat, sind die Kitas keine Verwahranstalten.")) == [
        ("sind die Kitas keine Verwahranstalten", "die Senatorin")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das weiß doch jeder, dass die Brücke marode ist.", [("dass die Brücke marode ist", "jeder")]),
        ("Im Rathaus weiß inzwischen jeder, dass die Brücke marode ist.", [("dass die Brücke marode ist", "jeder")]),
        ("Dass die Brücke marode ist, bestreitet niemand.", [("Dass die Brücke marode ist", "niemand")]),
        (
            "Viele, die täglich pendeln, befürchten, dass die Brücke bald gesperrt wird.",
            [("dass die Brücke bald gesperrt wird", "Viele")],
        ),
    ],
)
def test_an_indefinite_pronoun_is_the_source_when_no_one_is_named(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


def test_fuer_and_a_pronoun_hold_a_predicative_cue(analyse: Analyse) -> None:
    assert reports(analyse("Für mich ist klar, dass die Brücke saniert werden muss.")) == [
        ("dass die Brücke saniert werden muss", "mich")
    ]
    assert reports(analyse("Klar ist für uns, dass die Brücke saniert werden muss.")) == [
        ("dass die Brücke saniert werden muss", "uns")
    ]
    # "für" with no pronoun names no holder
    assert reports(analyse("Für den Sommer ist klar, dass die Brücke gesperrt wird.")) == [
        ("dass die Brücke gesperrt wird", None)
    ]


def test_a_source_inside_a_parenthesis_between_dashes_is_not_the_cues(analyse: Analyse) -> None:
    text = "Jeder Richter weiß - das lernen wir im ersten Semester - , dass das Gesetz gilt."
    assert reports(analyse(text)) == [("dass das Gesetz gilt", "Jeder Richter")]
    # when the sentence names no one else, the aside's "Sie" is not taken for the source
    text = "Die Stadt verlangt - Sie hatten es gerade erwähnt - , dass die Betreiber die Daten löschen."
    assert [speaker for _, speaker in reports(analyse(text))] != ["Sie"]


def test_a_main_clause_opened_by_das_or_da_after_a_stance_is_reported(analyse: Analyse) -> None:
    assert reports(analyse("Ich glaube, das stärkt den Zusammenhalt.")) == [("das stärkt den Zusammenhalt", "Ich")]
    assert reports(analyse("Ich finde, da wird sich die Koalition noch bewegen müssen.")) == [
        ("da wird sich die Koalition noch bewegen müssen", "Ich")
    ]
    # a relative clause ends in its verb, and "da" without a verb after it opens a reason
    assert reports(analyse("Wir sprechen mit Menschen, die täglich pendeln.")) == []
    assert reports(analyse("Ich glaube das nicht, da die Zahlen fehlen.")) == []


def test_a_first_person_possessive_owns_the_cue_noun(analyse: Analyse) -> None:
    assert reports(analyse("Mein Eindruck ist: Die Stadt hat den Ausbau verschlafen.")) == [
        ("Die Stadt hat den Ausbau verschlafen", "Mein")
    ]
    assert reports(analyse("Unsere Frage lautet, ob die Mittel für den Ausbau reichen.")) == [
        ("ob die Mittel für den Ausbau reichen", "Unsere")
    ]


def test_an_imperative_after_a_colon_is_the_message_and_keeps_its_paragraph(analyse: Analyse) -> None:
    text = (
        "Im Stadtrat ging es am Abend um die Brücke.\n\n"
        "Die Bürgermeisterin sagte: Hören Sie auf, die Sanierung schlechtzureden."
    )
    analysis = analyse(text)
    assert reports(analysis) == [("Hören Sie auf, die Sanierung schlechtzureden", "Die Bürgermeisterin")]
    assert analysis.boilerplate == ()  # reported speech is article text, not a podcast promo


def test_a_cue_noun_with_its_addressee_before_a_colon_reports_what_follows(analyse: Analyse) -> None:
    assert reports(analyse("Mein Appell an die Landesregierung: Sanieren Sie die Brücke jetzt.")) == [
        ("Sanieren Sie die Brücke jetzt", "Mein")
    ]
    # without a colon after the addressee there is no message
    assert reports(analyse("Der Appell an die Landesregierung blieb ohne Antwort.")) == []
