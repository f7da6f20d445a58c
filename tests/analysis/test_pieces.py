"""Long texts are read by the pipeline in pieces: the same analysis as in one go, never E088."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze_article, pieces
from reader.analysis.pieces import text_pieces
from tests.helpers.pipelines import build_test_pipeline, make_article

PARAGRAPHS = [
    "Bundeskanzler Olaf Scholz reiste am Montag nach Paris. Dort traf er Emmanuel Macron.",
    "„Wir stehen fest an der Seite unserer Partner“, sagte Scholz nach dem Treffen.",
    "Der Slogan „Gemeinsam stark“ hing über der Bühne, berichtete die ARD aus Berlin.",
    "„Die Tür bleibt offen“, sagte Macron. „Aber nicht für immer“, fügte er hinzu.",
    "Annalena Baerbock telefonierte mit Kiew, Friedrich Merz blieb in Berlin.",
]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\nA")), max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_cover_the_text_in_order_and_keep_the_limit(text: str, limit: int) -> None:
    spans = text_pieces(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(spans))
    assert all(0 < end - start <= limit for start, end in spans if text)


def test_a_cut_prefers_a_paragraph_break_then_a_sentence_end_then_a_space() -> None:
    assert text_pieces("eins zwei.\ndrei vier.", 15) == [(0, 11), (11, 21)]
    assert text_pieces("Eins zwei. Drei vier fünf.", 15) == [(0, 11), (11, 26)]
    assert text_pieces("eins zwei drei vier", 12) == [(0, 10), (10, 19)]
    assert text_pieces("abcdefghij", 4) == [(0, 4), (4, 8), (8, 10)]


@pytest.mark.parametrize("piece_chars", [300, 120])  # longer than any paragraph: cuts at line breaks
def test_an_analysis_in_pieces_equals_the_one_in_one_go(monkeypatch: pytest.MonkeyPatch, piece_chars: int) -> None:
    nlp = build_test_pipeline()
    article = make_article("\n".join(PARAGRAPHS * 6))
    whole = analyze_article(article, nlp, "test")
    monkeypatch.setattr(pieces, "PIECE_CHARS", piece_chars)
    in_pieces = analyze_article(article, nlp, "test")
    assert len(article.body) > 4 * piece_chars
    assert in_pieces.entities == whole.entities and in_pieces.sentences == whole.sentences
    assert in_pieces.quotes == whole.quotes  # quotations come from the whole text, never a piece


def test_a_text_over_the_pipelines_max_length_is_analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy's E088 ('Text of length … exceeds maximum') never reaches the reader."""
    nlp = build_test_pipeline()
    article = make_article("\n".join(PARAGRAPHS * 20))
    whole = analyze_article(article, nlp, "test")
    nlp.max_length = 500
    with pytest.raises(ValueError, match="E088"):
        nlp(article.body)
    assert analyze_article(article, nlp, "test").entities == whole.entities


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = build_test_pipeline()
    article = make_article(" ".join(["Olaf Scholz reiste nach Paris.", "Dort traf er Emmanuel Macron."] * 12))
    whole = analyze_article(article, nlp, "test")
    monkeypatch.setattr(pieces, "PIECE_CHARS", 100)
    in_pieces = analyze_article(article, nlp, "test")
    assert "\n" not in article.body and len(article.body) > 600
    assert (in_pieces.entities, in_pieces.sentences) == (whole.entities, whole.sentences)


def test_a_pipeline_without_sentences_gets_the_text_rule_sentences() -> None:
    """A pipeline with no sentencizer or parser (an entity ruler alone) still gets sentences: the
    text rule's (reader/text/segments.py), the same ones the sentencizer finds on plain prose."""
    with_sentencizer = build_test_pipeline()
    without = build_test_pipeline()
    without.remove_pipe("sentencizer")
    article = make_article(" ".join(["Olaf Scholz reiste nach Paris.", "Dort traf er Emmanuel Macron."] * 3))
    expected = analyze_article(article, with_sentencizer, "test")
    analysis = analyze_article(article, without, "test")
    assert len(analysis.sentences) == 6
    assert (analysis.sentences, analysis.entities) == (expected.sentences, expected.entities)
