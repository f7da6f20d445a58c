"""The records of an analysis: sentences within paragraphs, entities and speakers by key."""

from __future__ import annotations


def test_sentences_are_spans_of_the_body(analyse) -> None:
    analysis = analyse("Erster Satz hier. Zweiter Satz folgt.\nDritter Satz ohne Punkt")
    spans = [(s.start, s.end) for s in analysis.sentences]
    assert spans == [(0, 17), (18, 37), (39, 62)]


def test_sentences_never_cross_a_paragraph(analyse) -> None:
    analysis = analyse("Überschrift ohne Punkt\nText darunter. Noch einer.")
    body = "Überschrift ohne Punkt\n\nText darunter. Noch einer."
    assert [body[s.start : s.end] for s in analysis.sentences] == [
        "Überschrift ohne Punkt",
        "Text darunter.",
        "Noch einer.",
    ]


def test_entities_and_quotes_carry_the_keys_of_their_people(analyse) -> None:
    analysis = analyse("„Wir gehen jetzt nach Hause“, sagte Olaf Scholz. Scholz ging.")
    assert [e.text for e in analysis.entities if e.key == "olaf scholz"] == ["Olaf Scholz", "Scholz"]
    assert [q.text for q in analysis.quotes if q.speaker_key == "olaf scholz"] == ["Wir gehen jetzt nach Hause"]
