"""The analysis over the real shipped pipeline, on sentences written for this test (loaded once)."""

from __future__ import annotations

import pytest

from reader.analysis import SPEECH, TERM, analyze_article
from reader.nlp.pipeline import load_pipeline
from tests.helpers.pipelines import make_article

TEXT = """Bundeskanzler Olaf Scholz empfing den französischen Präsidenten Emmanuel Macron in Berlin.
„Wir stehen gemeinsam an der Seite der Ukraine“, sagte Scholz nach dem Treffen.
Macron sprach von einem „historischen Moment“ für Europa. Der Slogan „Gemeinsam stark“ hing über der Bühne.
„Europa muss jetzt schneller handeln als bisher“, erklärte der französische Präsident."""


@pytest.fixture(scope="module")
def analysis():
    pipeline = load_pipeline(None)
    assert pipeline.warning is None
    return analyze_article(make_article(TEXT), pipeline.nlp, pipeline.info.fingerprint)


def test_people_are_entities_with_canonical_keys(analysis) -> None:
    people = {(e.text, e.key) for e in analysis.entities if e.label == "PER"}
    assert {("Olaf Scholz", "olaf scholz"), ("Scholz", "olaf scholz"), ("Emmanuel Macron", "emmanuel macron")} <= people


def test_quotes_kinds_and_speakers(analysis) -> None:
    assert [(q.text, q.kind, q.speaker) for q in analysis.quotes] == [
        ("Wir stehen gemeinsam an der Seite der Ukraine", SPEECH, "Olaf Scholz"),
        ("historischen Moment", SPEECH, "Emmanuel Macron"),
        ("Gemeinsam stark", TERM, None),
        ("Europa muss jetzt schneller handeln als bisher", SPEECH, "Emmanuel Macron"),
    ]


def test_sentences_come_from_the_pipeline(analysis) -> None:
    body = make_article(TEXT).body
    assert [body[s.start : s.end] for s in analysis.sentences][:2] == [
        "Bundeskanzler Olaf Scholz empfing den französischen Präsidenten Emmanuel Macron in Berlin.",
        "„Wir stehen gemeinsam an der Seite der Ukraine“, sagte Scholz nach dem Treffen.",
    ]
