"""Boilerplate: teasers, promos and notes found by position, shape and phrasing (texts written
for these tests); shown, flagged, their quotes not counted."""

from __future__ import annotations

from reader.analysis import LibraryAnalysis
from reader.analysis.boilerplate import boilerplate_spans

BODY = [
    "Der Stadtrat hat am Abend den Haushalt beschlossen. Die Opposition stimmte dagegen.",
    "„Das ist ein guter Tag für die Stadt“, sagte Thomas Klein nach der Sitzung.",
]


def paragraphs(*lines: str) -> str:
    return "\n\n".join(lines)


def flagged(text: str) -> list[str]:
    return [text[start:end] for start, end in boilerplate_spans(text)]


def test_a_list_of_headlines_closing_the_article() -> None:
    text = paragraphs(
        *BODY,
        "Weitere Beiträge",
        "Haushalt: Wo die Stadt jetzt sparen muss",
        "Analyse: Was die Schuldenbremse für Kommunen heißt",
    )
    assert flagged(text) == [
        "Weitere Beiträge",
        "Haushalt: Wo die Stadt jetzt sparen muss",
        "Analyse: Was die Schuldenbremse für Kommunen heißt",
    ]


def test_a_list_heading_with_a_colon_and_its_items() -> None:
    text = paragraphs(
        BODY[0],
        "Zum Weiterlesen:",
        "Haushalt: Wo die Stadt jetzt sparen muss",
        "Kita-Gebühren steigen ab März",
        BODY[1],
    )
    assert flagged(text) == [
        "Zum Weiterlesen:",
        "Haushalt: Wo die Stadt jetzt sparen muss",
        "Kita-Gebühren steigen ab März",
    ]


def test_promos_appeals_and_rights_notes() -> None:
    promo = "Noch Fragen? Abonnieren Sie unseren Newsletter zum Stadtgeschehen, jeden Morgen neu."
    appeal = "Guter Lokaljournalismus kostet Geld. Damit wir weiter berichten können, brauchen wir Ihre Unterstützung."
    rights = "Dieser Artikel erschien zuerst im Stadtanzeiger und wird hier mit freundlicher Genehmigung übernommen."
    text = paragraphs(*BODY, promo, appeal, rights)
    assert flagged(text) == [promo, appeal, rights]


def test_a_byline_at_the_top_and_a_programme_note() -> None:
    note = "Dieses Thema im Programm: Stadtfernsehen, heute um 19.30 Uhr."
    text = paragraphs("Von Lena Berg", *BODY, note)
    assert flagged(text) == ["Von Lena Berg", note]


def test_article_text_is_not_boilerplate() -> None:
    text = paragraphs(
        *BODY,
        "Die Sitzung dauerte bis Mitternacht.",
        "„Wir sehen uns im Frühjahr wieder“, sagte Anna Roth.",
    )
    assert flagged(text) == []


def test_quotes_in_boilerplate_are_flagged_and_not_grouped(analyse) -> None:
    one = analyse(paragraphs(*BODY))
    two = analyse(
        paragraphs(
            BODY[0],
            "Mehr dazu",
            "Klein: „Das ist ein guter Tag für die Stadt“",
            "Haushalt: Wo die Stadt jetzt sparen muss",
        ),
        "two",
    )
    assert [q.boilerplate for q in two.quotes] == [True]
    assert two.boilerplate and not one.boilerplate
    library = LibraryAnalysis([one, two])
    assert library.group_of("two", 0) is None
