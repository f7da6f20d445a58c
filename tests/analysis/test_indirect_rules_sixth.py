"""Reported clauses by the cue verbs in all their forms and the rules learned from GePaDe-SpkAtt
train in the sixth round, each on sentences written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import ArticleAnalysis
from reader.analysis.cue_lexicon import cue_forms, sourceless_forms, strong, verb_lemma, weak

Analyse = Callable[..., ArticleAnalysis]


def reports(analysis: ArticleAnalysis) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_text) for q in analysis.indirect]


def test_a_regular_verb_has_every_person_and_mood() -> None:
    assert {"sagst", "sagest", "sagtest", "sagtet", "gesagt"} <= weak("sagen")
    assert {"bedaure", "bedauere", "bedauerst"} <= weak("bedauern")
    assert {"bezweifle", "bezweifele"} <= weak("bezweifeln")
    assert "schätzt" in weak("schätzen") and "schätzst" not in weak("schätzen")


def test_an_irregular_verb_has_its_vowel_changes_and_konjunktiv_ii() -> None:
    forms = strong("sprechen", "spricht", "sprach", "gesprochen")
    assert {"sprichst", "sprachen", "spreche", "spräche", "sprächen"} <= forms
    assert {"riefe", "rief", "riefst"} <= strong("rufen", "ruft", "rief", "gerufen")
    assert "lasst" not in strong("lesen", "liest", "las", "gelesen")  # the imperative of "lassen"


def test_a_verb_form_is_traced_to_its_infinitive() -> None:
    infinitives = {"wundern", "wünschen", "erwarten", "zitieren"}
    assert verb_lemma("wundert", infinitives) == "wundern"
    assert verb_lemma("gewünscht", infinitives) == "wünschen"
    assert verb_lemma("erwartet", infinitives) == "erwarten"
    assert verb_lemma("zitiert", infinitives) == "zitieren"
    assert verb_lemma("verstand", infinitives) == "verstehen"  # by its principal parts
    assert verb_lemma("vorgelegt", infinitives) is None


def test_a_learned_verb_is_a_cue_in_forms_gepade_did_not_annotate() -> None:
    forms = cue_forms()
    assert "verstehe" in forms and "verstehst" in forms
    assert "wunderte" in forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Du sagst, dass du morgen kommst.", [("dass du morgen kommst", "Du")]),
        ("Ich bedaure, dass der Markt schließt.", [("dass der Markt schließt", "Ich")]),
        ("Ich bezweifle, dass der Plan aufgeht.", [("dass der Plan aufgeht", "Ich")]),
        ("Ich wüsste gern, ob das stimmt.", [("ob das stimmt", "Ich")]),
        ("Ich verstehe, dass die Eltern sich Sorgen machen.", [("dass die Eltern sich Sorgen machen", "Ich")]),
    ],
)
def test_every_form_of_a_cue_verb_introduces_its_clause(analyse: Analyse, text: str, expected: list) -> None:
    assert reports(analyse(text)) == expected


def test_a_separable_verb_written_apart_or_as_zu_infinitive_is_a_cue(analyse: Analyse) -> None:
    assert reports(analyse("Die Stadt hat bekannt gegeben, dass das Bad im Mai schließt.")) == [
        ("dass das Bad im Mai schließt", "Die Stadt")
    ]
    assert reports(analyse("Sie nutzte die Gelegenheit, ihm vorzuwerfen, dass er gelogen habe.")) == [
        ("dass er gelogen habe", "Sie")
    ]
    # "zu" before a verb is the infinitive's marker, no particle
    assert reports(analyse("Sie hat viel zu geben, was andere brauchen.")) == []


def test_konjunktiv_ii_marks_a_report_but_not_a_consequence(analyse: Analyse) -> None:
    assert reports(analyse("Die Mieter befürchten, die Kosten würden weiter steigen.")) == [
        ("die Kosten würden weiter steigen", "Die Mieter")
    ]
    assert reports(analyse("Wenn man das liest, könnte man verzweifeln.")) == []


def test_a_cue_noun_reports_a_subjunctive_clause_after_its_comma(analyse: Analyse) -> None:
    assert reports(analyse("Der Verband hat die Auffassung vertreten, die Steuer sei zu hoch.")) == [
        ("die Steuer sei zu hoch", "Der Verband")
    ]
    assert reports(analyse("Wir teilen die Sorge, die alle haben.")) == []


def test_what_is_read_or_shown_has_no_source(analyse: Analyse) -> None:
    assert "liest" in sourceless_forms() and "sagt" not in sourceless_forms()
    assert reports(analyse("In der Zeitung lesen wir, dass die Brücke gesperrt wird.")) == [
        ("dass die Brücke gesperrt wird", None)
    ]
    assert reports(analyse("Die Umfrage zeigt, dass die Mieten steigen.")) == [("dass die Mieten steigen", None)]


def test_a_cue_in_a_relative_or_wer_clause_reports_no_main_clause(analyse: Analyse) -> None:
    assert reports(analyse("Wer das fordert, tritt das Recht mit Füßen.")) == []
    assert reports(analyse("Es gibt Mittel, von denen ich einige nenne, damit können wir das schaffen.")) == []
    # a dass-clause after it is still a report
    assert reports(analyse("Wer sagt, dass das stimmt?")) == [("dass das stimmt", None)]


def test_ehrlich_gesagt_is_no_cue(analyse: Analyse) -> None:
    assert reports(analyse("Niemand möchte, ehrlich gesagt, dort wohnen.")) == []


def test_an_address_after_a_comma_does_not_end_the_reported_clause(analyse: Analyse) -> None:
    assert reports(analyse("Ich glaube, dass der Plan aufgeht, meine Damen und Herren, und zwar bald.")) == [
        ("dass der Plan aufgeht, meine Damen und Herren, und zwar bald", "Ich")
    ]


def test_weil_jeder_weiss_names_everyone(analyse: Analyse) -> None:
    assert reports(analyse("Das ist bekannt, weil jeder weiß, dass der Winter kommt.")) == [
        ("dass der Winter kommt", "jeder")
    ]


def test_a_support_verb_makes_the_subject_hold_the_cue_noun(analyse: Analyse) -> None:
    assert reports(analyse("Auch wir müssen zur Kenntnis nehmen, dass die Preise steigen.")) == [
        ("dass die Preise steigen", "wir")
    ]


def test_a_cue_noun_leaves_its_clause_to_a_cue_verb_after_it(analyse: Analyse) -> None:
    text = "Ich glaube, man kann in dieser Debatte gut darstellen, dass der Plan wirkt."
    assert ("dass der Plan wirkt", "man") in reports(analyse(text))


def test_a_particle_before_zu_and_its_verb_is_a_cue(analyse: Analyse) -> None:
    text = "Sie ändern die Regeln, ohne deutlich zu machen, wie es weitergeht."
    assert reports(analyse(text)) == [("wie es weitergeht", "Sie")]


def test_an_address_or_ehrlich_gesagt_between_cue_and_clause_is_skipped(analyse: Analyse) -> None:
    assert reports(analyse("Dazu sage ich Ihnen, liebe Kollegen: Das machen wir nicht mit.")) == [
        ("Das machen wir nicht mit", "ich")
    ]
    assert reports(analyse("Dann erwarte ich, ehrlich gesagt, dass die Stadt zahlt.")) == [
        ("dass die Stadt zahlt", "ich")
    ]


def test_a_parenthetical_stance_reports_what_follows_it(analyse: Analyse) -> None:
    assert reports(analyse("Jetzt ist es, glaube ich, ganz wichtig, dass wir zuhören.")) == [
        ("ganz wichtig, dass wir zuhören", "ich")
    ]


def test_a_dass_clause_that_goes_on_to_a_zu_infinitive_is_reported(analyse: Analyse) -> None:
    text = "Manche meinen, dass die Stadt versagt, und sie tun alles, um das zu zeigen."
    assert reports(analyse(text)) == [("dass die Stadt versagt, und sie tun alles, um das zu zeigen", "Manche")]
    assert reports(analyse("Die Partei fordert, den Antrag abzulehnen.")) == []


def test_a_cue_after_und_opens_its_own_main_clause(analyse: Analyse) -> None:
    text = "Die Ministerin trägt die Verantwortung, und ich hoffe, sie wird ihr gerecht."
    assert reports(analyse(text)) == [("sie wird ihr gerecht", "ich")]


def test_a_cue_of_feeling_reports_a_wenn_clause(analyse: Analyse) -> None:
    assert reports(analyse("Ich würde mich freuen, wenn Sie das unterstützen.")) == [
        ("wenn Sie das unterstützen", "Ich")
    ]
    assert reports(analyse("Ich bin dankbar, wenn Sie zum Schluss kommen.")) == [("wenn Sie zum Schluss kommen", "Ich")]
    assert reports(analyse("Ich sage das, wenn ich Zeit habe.")) == []  # "ich habe" is no Konjunktiv


def test_a_capitalised_article_opens_a_main_clause_not_a_relative_one(analyse: Analyse) -> None:
    assert reports(analyse("Die Ministerin sagte, das Geld ist weg.")) == [("das Geld ist weg", "Die Ministerin")]
    assert reports(analyse("Es gibt Leute, die sagen, das Geld ist weg.")) == []


def test_a_reply_dash_before_the_sentence_keeps_its_indefinite_source(analyse: Analyse) -> None:
    text = "- Jeder, der rechnen kann, weiß, dass das nicht reicht."
    assert reports(analyse(text)) == [("dass das nicht reicht", "Jeder")]


def test_an_address_after_a_cue_nouns_comma_is_skipped(analyse: Analyse) -> None:
    text = "Ich bin der festen Überzeugung, meine Damen und Herren, dass der Plan aufgeht."
    assert reports(analyse(text)) == [("dass der Plan aufgeht", "Ich")]


def test_sentence_initial_da_before_its_verb_is_an_adverb(analyse: Analyse) -> None:
    assert reports(analyse("Da fragt man sich: Wie kann das gehen?")) == [("Wie kann das gehen", "man")]
