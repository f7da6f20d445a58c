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
