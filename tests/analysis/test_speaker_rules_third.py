"""The attribution rules of the third round of issue 14 (direct quotes), each on sentences
written for this test (names known to the test pipeline's entity ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import SPEECH, ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def quotes_of(analysis: ArticleAnalysis) -> list:
    return [q for q in analysis.quotes if q.depth == 0]


def test_a_surname_with_its_particle_after_the_verb_is_the_subject(analyse: Analyse) -> None:
    text = (
        "Johanna von Falkenau leitet das Werk seit Mai. "
        "„Wir bleiben hier“, sagte von Falkenau am Abend. „Das ist versprochen.“"
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Johanna von Falkenau", "Johanna von Falkenau"]


def test_a_preposition_before_a_name_still_makes_it_oblique(analyse: Analyse) -> None:
    # "von" here is a preposition: Lena Berg is not the subject of "sprach"
    text = "Johanna von Falkenau kam. „Es reicht“, sprach man von Berg."
    assert quotes_of(analyse(text))[0].speaker != "Lena Berg"


def test_an_organisation_in_the_dative_before_zufolge_is_the_source(analyse: Analyse) -> None:
    text = "Dem Deutschen Richterbund zufolge ist der Entwurf „ein Angriff auf die Unabhängigkeit“."
    quote = quotes_of(analyse(text))[0]
    assert (quote.kind, quote.speaker) == (SPEECH, "Deutsche Richterbund")


def test_a_short_whole_sentence_after_a_quote_is_speech_that_continues_it(analyse: Analyse) -> None:
    text = "„Der Plan steht seit Wochen fest“, sagte Anna Roth. „Er gilt.“ Danach ging sie."
    second = quotes_of(analyse(text))[1]
    assert (second.kind, second.speaker) == (SPEECH, "Anna Roth")
