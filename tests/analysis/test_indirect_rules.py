"""Reported clauses by the rules learned from GePaDe-SpkAtt train (second round of issue 14), each
on sentences written for this test."""

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
        # a thing that shows or proves something is evidence, not a source …
        (
            "Die Tagung hat gezeigt, dass die Länder sich einig sind.",
            [("dass die Länder sich einig sind", None)],
        ),
        ("Die Antwort lautete: Wir prüfen den Fall noch.", [("Wir prüfen den Fall noch", None)]),
        # … a person who proves it is one
        (
            "Die Ministerin hat bewiesen, dass die Länder sich einig sind.",
            [("dass die Länder sich einig sind", "Die Ministerin")],
        ),
        # "zeigen" names no source even with a person as subject (GePaDe train: 54 of 74 cues)
        ("Die Ministerin hat gezeigt, dass die Länder sich einig sind.", [("dass die Länder sich einig sind", None)]),
    ],
)
def test_evidence_verbs_give_a_source_only_to_someone(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


def test_a_noun_of_saying_or_thinking_introduces_a_clause(analyse: Analyse) -> None:
    assert reports(analyse("Es stellt sich die Frage, ob die Mittel reichen werden.")) == [
        ("ob die Mittel reichen werden", None)
    ]
    assert reports(analyse("Die Frage ist, wie die Stadt das bezahlen will.")) == [
        ("wie die Stadt das bezahlen will", None)
    ]
    # a noun without a clause after it reports nothing
    assert reports(analyse("Die Frage der Finanzierung blieb offen.")) == []


def test_a_first_person_stance_reports_the_main_clause_after_it(analyse: Analyse) -> None:
    assert reports(analyse("Ich glaube, das ist der falsche Weg.")) == [("das ist der falsche Weg", "Ich")]
    assert reports(analyse("Ich denke, der Entwurf hat noch Fehler.")) == [("der Entwurf hat noch Fehler", "Ich")]
    # a relative clause after the comma is no report
    assert reports(analyse("Wir glauben an Lösungen, die wir gemeinsam finden.")) == []


def test_a_verb_opening_a_question_is_a_cue(analyse: Analyse) -> None:
    assert reports(analyse("Wissen Sie, welche Kosten das verursacht?")) == [("welche Kosten das verursacht", "Sie")]


def test_an_address_is_never_the_source(analyse: Analyse) -> None:
    text = "Ich bin, meine Damen und Herren, fest überzeugt, dass dieses Gesetz scheitern wird."
    assert reports(analyse(text)) == [("dass dieses Gesetz scheitern wird", "Ich")]


def test_the_subject_is_sought_in_the_cues_own_clause_first(analyse: Analyse) -> None:
    text = "Bevor ich zum Haushalt komme, möchte ich sagen, dass die Zahlen stimmen."
    ((clause, speaker),) = reports(analyse(text))
    report = analyse(text).indirect[0]
    assert (clause, speaker) == ("dass die Zahlen stimmen", "ich")
    assert report.speaker_start == text.index("möchte ich") + len("möchte ")


def test_a_relative_pronoun_is_the_subject_of_its_clause_and_stands_for_the_name_before(analyse: Analyse) -> None:
    text = "Der Antrag kam von Thomas Klein, der gesagt hat, dass die Kosten sinken."
    (report,) = analyse(text).indirect
    assert (report.text, report.speaker, text[report.speaker_start : report.speaker_end]) == (
        "dass die Kosten sinken",
        "Thomas Klein",
        "der",
    )
    # a determiner is no pronoun subject
    assert reports(analyse("Andere Fahrgäste berichteten, dass der Zug stand.")) == [
        ("dass der Zug stand", "Andere Fahrgäste")
    ]


def test_after_a_colon_the_whole_statement_is_reported(analyse: Analyse) -> None:
    assert reports(analyse("Ich kann nur sagen: Gut, dass wir die Rücklage haben.")) == [
        ("Gut, dass wir die Rücklage haben", "Ich")
    ]


def test_an_address_after_the_cue_is_no_reported_clause(analyse: Analyse) -> None:
    assert reports(analyse("Das glaube ich, meine Damen und Herren.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject holds the view: "überzeugt", "einig", "dankbar", "sicher" …
        (
            "Ich bin davon überzeugt, dass die Kommunen das Geld brauchen.",
            [("dass die Kommunen das Geld brauchen", "Ich")],
        ),
        (
            "Die Gewerkschaft ist sich sicher, dass der Streik Wirkung zeigt.",
            [("dass der Streik Wirkung zeigt", "Die Gewerkschaft")],
        ),
        # "wir sind uns einig": "uns" is reflexive, the subject is the source
        ("Wir sind uns einig, dass die Frist zu kurz ist.", [("dass die Frist zu kurz ist", "Wir")]),
        # … a dative holds it: "mir ist bewusst", "ist Ihnen bekannt"
        ("Mir ist bewusst, dass das viel Geld kostet.", [("dass das viel Geld kostet", "Mir")]),
        ("Ist Ihnen bekannt, ob der Bericht schon vorliegt?", [("ob der Bericht schon vorliegt", "Ihnen")]),
        # … and no one when the sentence names no holder
        ("Es ist klar, dass die Brücke gesperrt bleibt.", [("dass die Brücke gesperrt bleibt", None)]),
        # an adjective without a copula or without a clause reports nothing
        ("Die Lage ist klar.", []),
        ("Ein klar formulierter Antrag, der überzeugt, liegt vor.", []),
    ],
)
def test_a_predicative_adjective_reports_the_clause_of_its_holder(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


def test_a_cue_noun_after_sein_or_haben_is_the_subjects_view(analyse: Analyse) -> None:
    assert reports(analyse("Ich bin der festen Überzeugung, dass der Entwurf scheitert.")) == [
        ("dass der Entwurf scheitert", "Ich")
    ]
    # a subject that raises a question holds no view of its own
    assert reports(analyse("Es stellt sich die Frage, ob die Mittel reichen.")) == [("ob die Mittel reichen", None)]


def test_a_clause_reported_inside_a_reported_clause_is_its_own_report(analyse: Analyse) -> None:
    found = reports(analyse("Ich glaube, wir sind uns alle einig, dass hier etwas geschehen muss."))
    assert found == [
        ("wir sind uns alle einig, dass hier etwas geschehen muss", "Ich"),
        ("dass hier etwas geschehen muss", "wir"),
    ]
    # two cues of one clause report it once
    assert reports(analyse("Die Ministerin sagte und betonte, dass die Schulen offen bleiben.")) == [
        ("dass die Schulen offen bleiben", "Die Ministerin")
    ]


def test_a_free_relative_clause_is_the_source(analyse: Analyse) -> None:
    assert reports(analyse("Wer die Akten kennt, weiß, dass die Frist nicht reicht.")) == [
        ("dass die Frist nicht reicht", "Wer")
    ]
    assert reports(analyse("Wer pauschale Verbote fordert, sagt, es gebe keine andere Lösung.")) == [
        ("es gebe keine andere Lösung", "Wer")
    ]


def test_a_report_cut_at_a_colon_goes_on_in_the_next_sentence(analyse: Analyse) -> None:
    found = reports(analyse("Der Sprecher der Feuerwehr sagte:\n\nDie Lage sei unter Kontrolle."))
    assert found == [("Die Lage sei unter Kontrolle", "Der Sprecher der Feuerwehr")]


def test_a_causative_makes_mich_the_speaker(analyse: Analyse) -> None:
    assert reports(analyse("Lassen Sie mich zum Schluss noch eines sagen: Die Reform kommt zu spät.")) == [
        ("Die Reform kommt zu spät", "mich")
    ]
    # without a causative the subject speaks
    assert reports(analyse("Sie sagen mir, die Reform komme zu spät.")) == [("die Reform komme zu spät", "Sie")]


def test_support_verbs_and_copulas_between_a_cue_and_its_clause(analyse: Analyse) -> None:
    # a cue noun with its verb: "die Frage stellen, ob …", "zur Kenntnis nehmen, dass …"
    assert reports(analyse("Man muss sich die Frage stellen, ob das Geld reicht.")) == [("ob das Geld reicht", "Man")]
    # a predicative cue with its copula after it
    assert reports(analyse("Klar ist aber auch, dass die Mieten weiter steigen.")) == [
        ("dass die Mieten weiter steigen", None)
    ]
    assert reports(analyse("Die Händler konnten sicher sein, dass die Ware ankommt.")) == [
        ("dass die Ware ankommt", "Die Händler")
    ]


def test_a_parenthesis_between_dashes_does_not_cut_the_cue_from_its_clause(analyse: Analyse) -> None:
    text = "Die Richterin weiß - das lernt man im ersten Semester, im Grundkurs - , dass das Gesetz gilt."
    assert reports(analyse(text)) == [("dass das Gesetz gilt", "Die Richterin")]


def test_a_question_word_with_wo_opens_an_indirect_question(analyse: Analyse) -> None:
    assert reports(analyse("Die Ministerin weiß, wovon sie redet.")) == [("wovon sie redet", "Die Ministerin")]


def test_a_free_relative_with_the_cues_own_verb_is_no_question(analyse: Analyse) -> None:
    found = reports(analyse("Der Minister habe alles gesagt, was er sagen wollte, kommentierte eine Reporterin."))
    assert found == [("Der Minister habe alles gesagt, was er sagen wollte", "eine Reporterin")]
    # an indirect question keeps its report
    assert reports(analyse("Die Reporterin fragte, was er dazu sagen wolle.")) == [
        ("was er dazu sagen wolle", "Die Reporterin")
    ]
