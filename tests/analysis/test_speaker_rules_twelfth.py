"""Round twelve's rules (issue 14, from news_dev9's first scoring): a demonstrative and a noun
after a quotation take it up as the object of a verb of uttering ("Diese Sorge äußerte X"); an
origin phrase keeps its genitive ("ein Landrat aus dem Süden des Landes"); "der Verband" takes up a
municipal association named before ("der Landkreistag … des Verbands") — each on sentences written
for this test (places known to the test pipeline's entity ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def _speech(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_text) for q in analysis.quotes if q.depth == 0 and q.kind == "speech"]


# ---- 1. "Diese Sorge äußerte X" after a quotation --------------------------------------------


def test_a_demonstrative_noun_and_a_verb_of_uttering_name_the_speaker_of_the_quotation_before(
    analyse: Analyse,
) -> None:
    text = (
        "Maria Lang leitet die Sitzung. „Am Ende zahlen die Eltern doch wieder.“ "
        "Diese Sorge äußerte eine Bürgermeisterin am Rande der Sitzung."
    )
    assert _speech(analyse(text)) == [(None, "eine Bürgermeisterin")]


def test_a_demonstrative_noun_and_a_verb_of_contradicting_do_not_make_its_subject_the_speaker(
    analyse: Analyse,
) -> None:
    text = (
        "Maria Lang leitet die Sitzung. „Am Ende zahlen die Eltern doch wieder.“ "
        "Dieser Einschätzung widersprach eine Bürgermeisterin am Rande der Sitzung."
    )
    assert (None, "eine Bürgermeisterin") not in _speech(analyse(text))


# ---- 2. an origin phrase with its genitive ------------------------------------------------------


def test_an_origin_phrase_with_an_article_keeps_its_genitive(analyse: Analyse) -> None:
    text = "Der Kreistag tagte. „Wir haben kein Geld mehr“, sagte ein Landrat aus dem Süden des Landes."
    assert _speech(analyse(text)) == [(None, "ein Landrat aus dem Süden des Landes")]


def test_a_place_name_after_aus_takes_no_genitive_after_it(analyse: Analyse) -> None:
    text = "Der Kreistag tagte. „Wir haben kein Geld mehr“, sagte eine Lehrerin aus Berlin des Jahres."
    assert _speech(analyse(text)) == [(None, "eine Lehrerin aus Berlin")]


# ---- 3. "der Verband" for a municipal association ------------------------------------------------


def test_der_verband_takes_up_the_landkreistag_named_before(analyse: Analyse) -> None:
    text = (
        "Auch der Landkreistag Sachsen-Anhalt meldete Bedenken an. In einer Stellungnahme des Verbands "
        "heißt es, die Erstattung decke „bei weitem nicht die tatsächlichen Kosten“."
    )
    assert _speech(analyse(text)) == [("Landkreistag Sachsen-Anhalt", "des Verbands")]


def test_der_verband_takes_up_no_body_that_is_not_an_association(analyse: Analyse) -> None:
    text = (
        "Auch der Stadtrat meldete Bedenken an. In einer Stellungnahme des Verbands "
        "heißt es, die Erstattung decke „bei weitem nicht die tatsächlichen Kosten“."
    )
    assert _speech(analyse(text)) == [(None, "des Verbands")]
