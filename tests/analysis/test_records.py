"""Lookups the reading view makes on every cursor move."""

from __future__ import annotations


def test_sentence_at_finds_the_sentence_holding_an_offset(analyse) -> None:
    analysis = analyse("Erster Satz hier. Zweiter Satz folgt.\nDritter Satz ohne Punkt")
    spans = [(s.start, s.end) for s in analysis.sentences]
    assert spans == [(0, 17), (18, 37), (39, 62)]
    assert analysis.sentence_at(0).start == 0
    assert analysis.sentence_at(20).start == 18
    assert analysis.sentence_at(17) is None  # the space between sentences
    assert analysis.sentence_at(61).start == 39
    assert analysis.sentence_at(500) is None


def test_sentences_never_cross_a_paragraph(analyse) -> None:
    analysis = analyse("Überschrift ohne Punkt\nText darunter. Noch einer.")
    body = "Überschrift ohne Punkt\n\nText darunter. Noch einer."
    assert [body[s.start : s.end] for s in analysis.sentences] == [
        "Überschrift ohne Punkt",
        "Text darunter.",
        "Noch einer.",
    ]


def test_entities_of_and_quotes_by(analyse) -> None:
    analysis = analyse("„Wir gehen jetzt nach Hause“, sagte Olaf Scholz. Scholz ging.")
    assert [e.text for e in analysis.entities_of("olaf scholz")] == ["Olaf Scholz", "Scholz"]
    assert [q.text for q in analysis.quotes_by("olaf scholz")] == ["Wir gehen jetzt nach Hause"]
