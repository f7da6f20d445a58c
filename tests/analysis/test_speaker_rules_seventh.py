"""The attribution rules of round seven of issue 14 (direct quotes, from news_check3's errors), each on
sentences written for this test (names known to the test pipeline's entity ruler, tests/helpers/pipelines.py,
or spans given by hand)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis, analyze_spans

Analyse = Callable[..., ArticleAnalysis]


def test_a_name_ending_in_an_initial_is_named_with_its_period_and_keyed_without() -> None:
    # GUIDELINES: the speaker is the fullest name the article gives, and it writes "Greta M."
    text = "Greta M. (71) öffnete die Tür. „Ich hatte Angst“, sagte Greta M. am Telefon. Später rief Greta M an."
    second, third = text.index("Greta M. am"), text.rindex("Greta")
    spans = [(0, 8, "PER"), (second, second + 8, "PER"), (third, third + 7, "PER")]
    sentences = [(0, 30), (31, text.index(" Später")), (text.index("Später"), len(text))]
    analysis = analyze_spans("g", "v", "f", text, spans, sentences)
    assert [(e.name, e.key) for e in analysis.entities] == [("Greta M.", "greta m")] * 3
    assert [q.speaker for q in analysis.quotes] == ["Greta M."]


def test_a_period_after_a_whole_word_stays_the_sentences() -> None:
    text = "Am Montag sprach Greta Mahler."
    analysis = analyze_spans("g", "v", "f", text, [(17, len(text), "PER")], [(0, len(text))])
    assert [e.name for e in analysis.entities] == ["Greta Mahler"]
