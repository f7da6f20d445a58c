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
