"""One rule for sentences in text alone (the cursor before the analysis, titles, long texts read in
pieces, pipelines without sentences), paragraphs and words."""

from __future__ import annotations

import pytest

from reader.text.segments import ends_sentence, first_sentence, paragraph_spans, sentence_spans, word_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erster Satz hier. Zweiter Satz folgt.", ["Erster Satz hier.", "Zweiter Satz folgt."]),
        ("Mitautor Dr. Malte Jürgensen warnt. Er bleibt.", ["Mitautor Dr. Malte Jürgensen warnt.", "Er bleibt."]),
        ("Am 15. August trafen sie sich. Dann nicht mehr.", ["Am 15. August trafen sie sich.", "Dann nicht mehr."]),
        (
            "Der Angeklagte Thomas K. selbst schwieg. Sein Anwalt nicht.",
            ["Der Angeklagte Thomas K. selbst schwieg.", "Sein Anwalt nicht."],
        ),
        ("Sie sagte: „Es reicht.“ Dann ging sie.", ["Sie sagte: „Es reicht.“", "Dann ging sie."]),
        ("Er kam (und blieb.) Sie auch?! „Ja.“", ["Er kam (und blieb.)", "Sie auch?!", "„Ja.“"]),
        ("Wirklich … und dann?", ["Wirklich … und dann?"]),
        (
            "Überschrift ohne Punkt\n\nText darunter. Noch einer.",
            ["Überschrift ohne Punkt", "Text darunter.", "Noch einer."],
        ),
    ],
)
def test_sentences_end_at_final_punctuation_before_a_new_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_the_first_sentence_of_a_paragraph() -> None:
    assert (
        first_sentence("Die Ministerin, Dr. Anna Roth, sagte ab. Der Termin fällt aus.")
        == "Die Ministerin, Dr. Anna Roth, sagte ab."
    )
    assert first_sentence("  Nur ein Satz ohne Punkt ") == "Nur ein Satz ohne Punkt"


def test_paragraphs_are_lines_and_words_keep_their_inner_marks() -> None:
    assert paragraph_spans("Eins.\n\nZwei.\nDrei.") == [(0, 5), (7, 12), (13, 18)]
    text = "US-Präsident Trump's z.B. „Nein“"
    assert [text[s:e] for s, e in word_spans(text)] == ["US-Präsident", "Trump's", "z.B", ".", "„", "Nein", "“"]


def test_a_line_ends_like_a_sentence() -> None:
    assert ends_sentence("Er ging.“ ") and ends_sentence("Wirklich?")
    assert not ends_sentence("Mehr zum Thema") and not ends_sentence("Liste:")
