"""Reported clauses and their sources by the rules of the seventh round of issue 14 (learned from
GePaDe-SpkAtt train), each on sentences written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def reports(analysis: ArticleAnalysis) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_text) for q in analysis.indirect]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker or the addressee shows by what they do: the source
        (
            "Wir werden im Herbst zeigen, dass die Reform bezahlbar ist.",
            [("dass die Reform bezahlbar ist", "Wir")],
        ),
        ("Sie haben nie gezeigt, wie das Geld reichen soll.", [("wie das Geld reichen soll", "Sie")]),
        # a finding shows it: no source …
        ("Die Umfrage zeigt, dass die Mieten steigen.", [("dass die Mieten steigen", None)]),
        # … nor a pronoun outside the cue's clause
        (
            "Wenn wir die Zahlen ansehen, zeigen die Daten, dass die Mieten steigen.",
            [("dass die Mieten steigen", None)],
        ),
        # … nor a reader ("lesen" is no evidence verb)
        ("Heute lesen wir in der Zeitung, dass die Mieten steigen.", [("dass die Mieten steigen", None)]),
    ],
)
def test_a_speaker_who_shows_something_is_its_source(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesis whose "das" stands for the sentence around it reports that sentence, with
        # the source it names …
        (
            "Die Schulen brauchen - das hat die Ministerin gestern gesagt - mehr Lehrer.",
            [("Die Schulen brauchen - das hat die Ministerin gestern gesagt - mehr Lehrer", "die Ministerin")],
        ),
        (
            "Der Haushalt ist - darauf hat der Kämmerer hingewiesen - nicht gedeckt.",
            [("Der Haushalt ist - darauf hat der Kämmerer hingewiesen - nicht gedeckt", "der Kämmerer")],
        ),
        # … none in the passive
        (
            "Die Steuer - das wurde schon gesagt - ist zu hoch.",
            [("Die Steuer - das wurde schon gesagt - ist zu hoch", None)],
        ),
        # a parenthesis with a clause of its own reports that clause, as before
        (
            "Die Stadt hat - ich fürchte, sie wird es nie haben - kein Geld.",
            [("sie wird es nie haben - kein Geld", "ich")],
        ),
    ],
)
def test_a_parenthesis_that_names_a_source_reports_its_sentence(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after "Ich finde," no noun stands before the comma for a relative clause: an article or
        # a demonstrative opens the reported main clause
        ("Ich finde, die Lösung dafür ist längst bekannt.", [("die Lösung dafür ist längst bekannt", "Ich")]),
        (
            "Ich glaube, der Plan der Stadt, die Bäder zu schließen, war falsch.",
            [("der Plan der Stadt, die Bäder zu schließen, war falsch", "Ich")],
        ),
        # the stance is not right before the comma: what follows the comma is a relative clause
        ("Ich denke oft an die Nachbarn, die im Winter geholfen haben.", []),
    ],
)
def test_a_stance_right_before_its_comma_reports_a_clause_opened_by_an_article(
    analyse: Analyse, text: str, expected: list
) -> None:
    assert reports(analyse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ich" and "wir" are only ever the subject: the one they ask or remind is not the source
        (
            "Deshalb will ich Sie zum Schluss bitten: Stimmen Sie dem Plan zu!",
            [("Stimmen Sie dem Plan zu", "ich")],
        ),
        ("Darum möchte ich Sie daran erinnern: Die Kassen sind leer.", [("Die Kassen sind leer", "ich")]),
        # … but not an "ich" that is compared with
        (
            "Sie wissen so gut wie ich, dass die Kassen leer sind.",
            [("dass die Kassen leer sind", "Sie")],
        ),
    ],
)
def test_a_first_person_pronoun_in_the_cue_clause_is_its_subject(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue noun after a preposition and its article is the topic, nobody's view …
        (
            "Wir haben lange über die Frage gestritten, wie die Schule saniert wird.",
            [("wie die Schule saniert wird", None)],
        ),
        ("Sie haben mit der Frage angefangen, wer das bezahlen soll.", [("wer das bezahlen soll", None)]),
        # … the object of a holding verb is the subject's
        ("Wir haben die Hoffnung, dass die Schule saniert wird.", [("dass die Schule saniert wird", "Wir")]),
    ],
)
def test_a_cue_noun_after_a_preposition_has_no_holder(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted word inside a clause opened by a subordinator leaves the clause subordinate: the
        # main clause after it is the narrator's, not a report …
        ("Während die Ministerin von „Erfolgen“ sprach, stiegen die Preise weiter.", []),
        ("Als der Trainer das Spiel „unglücklich“ nannte, verließen die Fans das Stadion.", []),
        # … and a report after such a cue is still found
        (
            "Als die Ministerin von „Erfolgen“ sprach, sagte sie, die Preise seien gesunken.",
            [("die Preise seien gesunken", "die Ministerin")],
        ),
    ],
)
def test_a_quotation_inside_a_subordinate_clause_keeps_it_subordinate(
    analyse: Analyse, text: str, expected: list
) -> None:
    assert reports(analyse(text)) == expected
