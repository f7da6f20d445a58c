"""Indirect speech: reported clauses without marks, with their span and speaker (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from reader.analysis import INDIRECT, ArticleAnalysis


def only_report(analysis: ArticleAnalysis):
    (report,) = analysis.indirect
    return report


@pytest.mark.parametrize(
    ("text", "clause", "speaker_text"),
    [
        (
            "Thomas Klein sagte, der Sohn habe sich im Keller selbst verletzt.",
            "der Sohn habe sich im Keller selbst verletzt",
            "Thomas Klein",
        ),
        (
            "Die Ministerin kündigte an, dass die Beiträge im Herbst steigen.",
            "dass die Beiträge im Herbst steigen",
            "Die Ministerin",
        ),
        (
            "Der Zug sei wegen eines Defekts ausgefallen, teilte die Bahn mit.",
            "Der Zug sei wegen eines Defekts ausgefallen",
            "die Bahn",
        ),
        (
            "Wie ein Sprecher mitteilte, seien alle Züge wieder pünktlich.",
            "seien alle Züge wieder pünktlich",
            "ein Sprecher",
        ),
        (
            "Laut Polizei seien zwei Menschen leicht verletzt worden.",
            "seien zwei Menschen leicht verletzt worden",
            "Polizei",
        ),
        ("Der Polizei zufolge sei der Fahrer zu schnell gewesen.", "sei der Fahrer zu schnell gewesen", "Der Polizei"),
        (
            "Anna Roth fragte, wie das alles finanziert werden solle.",
            "wie das alles finanziert werden solle",
            "Anna Roth",
        ),
        (
            "Ein Feuerwehrsprecher erklärte: Die Deiche halten bisher stand.",
            "Die Deiche halten bisher stand",
            "Ein Feuerwehrsprecher",
        ),
    ],
)
def test_reported_clauses_and_their_speakers(analyse, text: str, clause: str, speaker_text: str) -> None:
    report = only_report(analyse(text))
    assert report.kind == INDIRECT
    assert (text[report.start : report.end], report.text) == (clause, clause)
    assert report.speaker_text == speaker_text
    assert report.open_mark == report.close_mark == ""


def test_a_pronoun_source_is_resolved_as_for_quotes(analyse) -> None:
    report = only_report(analyse("Anna Roth trat vor die Presse. Sie sagte, die Verhandlungen seien gescheitert."))
    assert (report.speaker, report.speaker_via) == ("Anna Roth", "pronoun")


@pytest.mark.parametrize(
    "text",
    [
        "Thomas Klein sagte, als er ankam, nichts.",  # a temporal clause is not what was said
        "Die Gewerkschaft forderte, die Löhne deutlich zu erhöhen.",  # a demand in the infinitive
        "Die Bahn hat den Fahrplan geändert, weil die Strecke gesperrt ist.",  # no cue
        "Thomas Klein sagte: „Wir bleiben bei unserer Linie und gehen keinen Schritt zurück.“",  # a direct quotation
        "Wenn Anna Roth sagt, bleiben wir eben hier.",  # the cue sits in a conditional clause
        "„Wir sind voll“, sagt Anna Roth, Chefärztin der Kinderklinik in Kassel.",  # an apposition, no verb
    ],
)
def test_no_reported_clause(analyse, text: str) -> None:
    assert analyse(text).indirect == ()


def test_a_partial_quote_inside_a_reported_clause_keeps_both(analyse) -> None:
    text = "Thomas Klein sagte, die Reform sei „ein Meilenstein“ für das Land."
    analysis = analyse(text)
    report = only_report(analysis)
    assert report.text == "die Reform sei „ein Meilenstein“ für das Land"
    assert [(q.text, q.speaker) for q in analysis.quotes] == [("ein Meilenstein", "Thomas Klein")]


def test_indirect_speech_survives_the_cache_round_trip(analyse) -> None:
    analysis = analyse("Thomas Klein sagte, der Sohn habe sich im Keller selbst verletzt.")
    again = ArticleAnalysis.from_json(analysis.to_json())
    assert again.indirect == analysis.indirect and again.boilerplate == analysis.boilerplate
