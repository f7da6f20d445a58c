"""Speech or term: decided from the evidence around a quotation and its own shape."""

from __future__ import annotations

import pytest

from reader.analysis import SPEECH, TERM


def kinds(analysis) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in analysis.quotes]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Auf der Bühne stand der Slogan „Gemeinsam stark“ in großen Buchstaben.", "Gemeinsam stark"),
        ("Er fuhr in der Staatskarosse „Der Panzer“ vor.", "Der Panzer"),
        ("Das „Wir schaffen das“-Lager ist kleiner geworden.", "Wir schaffen das"),
        ("Die sogenannte „Zeitenwende“ blieb aus.", "Zeitenwende"),
        ("Nicht einmal das Wort „Waffenruhe“ fiel an diesem Abend.", "Waffenruhe"),
        ("Im Hintergrund waren die Worte „Frieden schaffen“ zu lesen.", "Frieden schaffen"),
        ("Aus Sicht Berlins bleibt die „Ursache“ ungeklärt.", "Ursache"),
        (
            "Auf den Plakaten stand etwa „Wir wollen Frieden jetzt“.",
            "Wir wollen Frieden jetzt",
        ),  # GUIDELINES: placard slogans are terms
        ("Ein Pilot mit dem Kampfnamen „Falke“ flog voraus.", "Falke"),
        ("„Die letzte Fähre“, der dritte Spielfilm des Regisseurs, lief am Abend.", "Die letzte Fähre"),
        ("Die Raketen, die die Soldaten „Roter Hahn“ nennen, sind gefürchtet.", "Roter Hahn"),
    ],
)
def test_terms(analyse, text: str, inner: str) -> None:
    assert kinds(analyse(text)) == [(inner, TERM)]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("„Wir kommen wieder“, sagte Olaf Scholz.", "Wir kommen wieder"),
        ("Olaf Scholz sprach von „Fortschritten“.", "Fortschritten"),
        ("Er habe die Sitzung „einfach überrollt“, hieß es danach.", "einfach überrollt"),
        ("Danach sei alles „völlig offen“ gewesen.", "völlig offen"),
        ("Olaf Scholz bezeichnete das Ergebnis als „enttäuschend“.", "enttäuschend"),
        ("Olaf Scholz drohte mit „harten Konsequenzen“.", "harten Konsequenzen"),
        ("Die Boulevardpresse feierte den Auftritt als „historisch“.", "historisch"),
        ("Die Ministerin kündigte eine „schonungslose Prüfung“ an.", "schonungslose Prüfung"),
        ("Man arbeite „mit Hochdruck“ daran, hieß es.", "mit Hochdruck"),
        ("Die Gewerkschaft nannte das „reine Stimmungsmache“.", "reine Stimmungsmache"),
    ],
)
def test_speech(analyse, text: str, inner: str) -> None:
    assert kinds(analyse(text)) == [(inner, SPEECH)]


def test_translation_of_a_term_is_a_term(analyse) -> None:
    text = "Über allem hing der Slogan „Pursuing Growth“, also „Wachstum anstreben“."
    assert kinds(analyse(text)) == [("Pursuing Growth", TERM), ("Wachstum anstreben", TERM)]


def test_a_term_has_no_speaker(analyse) -> None:
    (quote,) = analyse("Olaf Scholz sagte, der Slogan „Mehr Fortschritt wagen“ sei alt.").quotes
    assert quote.kind == TERM and quote.speaker is None and quote.cue is None


def test_nested_quote_inside_speech(analyse) -> None:
    text = "„Das Wort ‚Krise‘ nehme ich nicht in den Mund“, sagte Olaf Scholz."
    outer, inner = analyse(text).quotes
    assert (outer.kind, outer.speaker, outer.depth) == (SPEECH, "Olaf Scholz", 0)
    assert (inner.text, inner.kind, inner.depth, inner.speaker) == ("Krise", TERM, 1, None)
