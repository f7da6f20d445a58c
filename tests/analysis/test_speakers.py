"""Who said it: every attribution pattern, pronouns, role nouns, continuation, unknown speakers.

All sentences are written for these tests; the entity ruler of the test pipeline (tests/helpers/pipelines.py) knows their names.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import SPEECH


def speakers(analysis) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analysis.quotes if q.kind == SPEECH]


def only_quote(analysis):
    (quote,) = [q for q in analysis.quotes if q.depth == 0]
    return quote


@pytest.mark.parametrize(
    "text",
    [
        "„Wir brauchen mehr Tempo bei der Rente“, sagte Olaf Scholz am Montag in Berlin.",
        "„Wir brauchen mehr Tempo bei der Rente“, erklärte Olaf Scholz.",
        "„Wir brauchen mehr Tempo bei der Rente“, so Olaf Scholz.",
        "„Wir brauchen mehr Tempo bei der Rente“, hat Olaf Scholz gesagt.",
        "„Wir brauchen mehr Tempo bei der Rente“, betonte der 66-jährige Olaf Scholz.",
        "„Wir brauchen mehr Tempo bei der Rente“ (so Olaf Scholz).",
        "Olaf Scholz sagte: „Wir brauchen mehr Tempo bei der Rente.“",
        "Olaf Scholz warnte am Abend in Berlin: „Wir brauchen mehr Tempo bei der Rente.“",
        "Am Abend sagte Olaf Scholz: „Wir brauchen mehr Tempo bei der Rente.“",
        "Olaf Scholz, der lange schwieg, fällt ein klares Urteil: „Wir brauchen mehr Tempo bei der Rente.“",
        "Laut Olaf Scholz brauche es „mehr Tempo bei der Rente“.",
        "Olaf Scholz zufolge brauche es „mehr Tempo bei der Rente“.",
        "Nach Angaben von Olaf Scholz brauche es „mehr Tempo bei der Rente“.",
        "Olaf Scholz kündigte an, es brauche „mehr Tempo bei der Rente“.",
        "Es brauche „mehr Tempo bei der Rente“, fügte Olaf Scholz hinzu.",
        "Olaf Scholz bezeichnete das Tempo als „viel zu langsam für die Rente“.",
        "Olaf Scholz schrieb auf X, es brauche „mehr Tempo bei der Rente“.",
    ],
)
def test_attribution_patterns_name_the_speaker(analyse, text: str) -> None:
    quote = only_quote(analyse(text))
    assert quote.kind == SPEECH
    assert quote.speaker == "Olaf Scholz"
    body = analyse(text)
    assert "Scholz" in body.entities[0].text


def test_speaker_mention_and_cue_offsets_point_into_the_text(analyse) -> None:
    text = "„Das Paket kommt noch in diesem Jahr“, sagte Friedrich Merz in Berlin."
    analysis = analyse(text)
    quote = only_quote(analysis)
    assert text[quote.start : quote.end] == "Das Paket kommt noch in diesem Jahr"
    assert text[quote.speaker_start : quote.speaker_end] == "Friedrich Merz"
    assert (quote.cue, text[quote.cue_start : quote.cue_end]) == ("sagte", "sagte")


def test_colon_cue_is_the_colon_when_no_verb_of_speaking(analyse) -> None:
    text = "Annalena Baerbock sieht Europa in der Pflicht: „Wir müssen jetzt handeln und zwar gemeinsam.“"
    quote = only_quote(analyse(text))
    assert (quote.speaker, quote.cue) == ("Annalena Baerbock", ":")


def test_organisation_can_speak(analyse) -> None:
    quote = only_quote(analyse("Reuters meldete: „Die Gespräche wurden am Abend unterbrochen.“"))
    assert quote.speaker == "Reuters"


def test_names_inside_the_quotation_are_not_speakers(analyse) -> None:
    text = "„Friedrich Merz hat die Wahl verloren, sagt jeder hier“, sagte Annalena Baerbock."
    assert only_quote(analyse(text)).speaker == "Annalena Baerbock"


def test_genitive_name_is_not_the_speaker(analyse) -> None:
    text = "Annalena Baerbock schrieb: Wenn nichts geschehe, müsse Merz' Antwort „schnell und klar“ sein."
    assert only_quote(analyse(text)).speaker == "Annalena Baerbock"


def test_name_after_a_preposition_is_not_the_speaker(analyse) -> None:
    text = "„Wir sind uns einig geworden“, sagte Olaf Scholz nach dem Treffen mit Emmanuel Macron."
    assert only_quote(analyse(text)).speaker == "Olaf Scholz"


def test_pronoun_goes_to_the_topic_of_the_previous_sentence(analyse) -> None:
    text = (
        "Vor dem Treffen hatte Olaf Scholz angekündigt, er gehe, wenn Macron nicht nachgebe. "
        "Am Ende blieb er doch sitzen. "
        "„Wir hatten ein gutes und langes Gespräch“, erklärte er danach."
    )
    quote = only_quote(analyse(text))
    assert quote.speaker == "Olaf Scholz"
    assert quote.speaker_via == "pronoun"
    assert text[quote.speaker_start : quote.speaker_end] == "er"


def test_female_pronoun_skips_a_male_topic(analyse) -> None:
    text = (
        "Annalena Baerbock traf Olaf Scholz in Berlin. Olaf Scholz kam spät. "
        "„Das war nicht abgesprochen und ist ärgerlich“, sagte sie."
    )
    assert only_quote(analyse(text)).speaker == "Annalena Baerbock"


def test_pronoun_without_any_antecedent_stays_visible_as_the_pronoun(analyse) -> None:
    text = "„Wir werden das prüfen und dann entscheiden“, sagte er."
    quote = only_quote(analyse(text))
    assert quote.kind == SPEECH and quote.speaker is None
    assert (quote.speaker_text, quote.speaker_kind, text[quote.speaker_start : quote.speaker_end]) == (
        "er",
        "pronoun",
        "er",
    )


def test_role_noun_learned_from_an_apposition(analyse) -> None:
    text = (
        "Bundeskanzler Olaf Scholz reiste nach Paris. "
        "„Wir stehen fest an der Seite unserer Partner“, sagte der Bundeskanzler."
    )
    quote = only_quote(analyse(text))
    assert (quote.speaker, quote.speaker_via) == ("Olaf Scholz", "role")


def test_role_noun_with_adjective_after_the_name(analyse) -> None:
    text = (
        "Emmanuel Macron, der französische Präsident, kam zuerst. "
        "„Europa muss schneller werden als bisher“, sagte der französische Präsident."
    )
    assert only_quote(analyse(text)).speaker == "Emmanuel Macron"


def test_role_tied_to_two_people_is_not_guessed(analyse) -> None:
    text = (
        "Ministerin Annalena Baerbock und Ministerin Karin Keller-Sutter trafen sich. "
        "„Wir haben viel erreicht in diesen zwei Tagen“, sagte die Ministerin."
    )
    assert only_quote(analyse(text)).speaker is None


def test_unknown_role_is_not_guessed(analyse) -> None:
    text = "„Die Lage bleibt sehr ernst für alle Beteiligten“, sagte der Sprecher."
    quote = only_quote(analyse(text))
    assert quote.speaker is None


def test_indefinite_speaker_is_unknown(analyse) -> None:
    text = "Olaf Scholz schwieg. „Er hat das alles vorher gewusst“, kommentierte eine Reporterin."
    assert only_quote(analyse(text)).speaker is None


def test_impersonal_cue_is_unknown(analyse) -> None:
    text = "Olaf Scholz schwieg lange. „Die Verhandlungen sind vorerst gescheitert“, hieß es aus Berlin."
    assert only_quote(analyse(text)).speaker is None


def test_interrupted_quote_keeps_its_speaker(analyse) -> None:
    text = "„Wir sind bereit“, sagte Friedrich Merz, „aber nicht um jeden Preis.“"
    first, second = analyse(text).quotes
    assert first.speaker == second.speaker == "Friedrich Merz"
    assert second.continues == 0


def test_continuation_in_the_next_paragraph(analyse) -> None:
    text = """Friedrich Merz wurde deutlich: „Das Angebot liegt auf dem Tisch.“
    Und weiter: „Wer es ausschlägt, trägt die Verantwortung für alles Weitere.“"""
    _first, second = analyse(text).quotes
    assert second.speaker == "Friedrich Merz"
    assert (second.speaker_via, second.continues) == ("continuation", 0)


def test_following_quote_without_cue_keeps_the_speaker(analyse) -> None:
    text = (
        "„Ihr müsst jetzt einen Kompromiss finden“, sagte Olaf Scholz. "
        "Die Zeit dränge, das sei allen klar. "
        "„Ich würde sagen, dass alle Seiten sich bewegen müssen.“"
    )
    quotes = analyse(text).quotes
    assert [q.speaker for q in quotes] == ["Olaf Scholz", "Olaf Scholz"]


def test_partial_quotes_in_reported_speech_continue(analyse) -> None:
    text = (
        "„Es gibt keinen Plan, bis es einen Plan gibt“, sagte Olaf Scholz. "
        "Man habe ein „sehr offenes Gespräch“ geführt, „viele Fragen“ seien geklärt."
    )
    assert speakers(analyse(text)) == [
        ("Es gibt keinen Plan, bis es einen Plan gibt", "Olaf Scholz"),
        ("sehr offenes Gespräch", "Olaf Scholz"),
        ("viele Fragen", "Olaf Scholz"),
    ]


def test_no_continuation_across_unrelated_narration(analyse) -> None:
    text = (
        "„Wir bleiben bei unserer Linie“, sagte Olaf Scholz.\n"
        "Am Nachmittag regnete es in Berlin. Viele Gäste gingen früh. Der Saal leerte sich schnell.\n"
        "„Niemand hat mit diesem Ausgang gerechnet, wirklich niemand.“"
    )
    quotes = analyse(text).quotes
    assert quotes[1].speaker is None


def test_another_speakers_cue_stops_a_continuation(analyse) -> None:
    text = (
        "„Wir bleiben bei unserer Linie“, sagte Olaf Scholz. "
        "Sie habe alles gesagt, kommentierte eine Reporterin. "
        "„Und dann ist sie einfach gegangen, ohne Fragen.“"
    )
    assert analyse(text).quotes[1].speaker is None


def test_translation_in_parentheses_keeps_speaker_and_kind(analyse) -> None:
    text = "Emmanuel Macron sagte auf Englisch: „See you in Paris“ („Wir sehen uns in Paris“)."
    first, second = analyse(text).quotes
    assert first.speaker == second.speaker == "Emmanuel Macron"
    assert second.kind == SPEECH and second.speaker_via == "translation"


def test_verb_of_speaking_after_a_partial_quote(analyse) -> None:
    text = "Während Olaf Scholz vage von „Fortschritten“ sprach, lächelte Emmanuel Macron."
    quote = only_quote(analyse(text))
    assert (quote.kind, quote.speaker) == (SPEECH, "Olaf Scholz")


def test_verb_second_with_pronoun_and_colon_before_indirect_speech(analyse) -> None:
    text = "Friedrich Merz gab danach Interviews. Im Fernsehen sagte er stattdessen: Baerbock müsse „endlich liefern“."
    quote = only_quote(analyse(text))
    assert quote.speaker == "Friedrich Merz"


def test_possessive_with_an_utterance_noun(analyse) -> None:
    text = "Olaf Scholz stand mit leeren Händen da. Seine Drohung mit „harten Folgen“ verpuffte."
    assert only_quote(analyse(text)).speaker == "Olaf Scholz"


def test_pronoun_after_laut(analyse) -> None:
    text = "Auch Emmanuel Macron blieb vage. Laut ihm war das Treffen „ein Schritt nach vorn“."
    assert only_quote(analyse(text)).speaker == "Emmanuel Macron"


def test_name_the_pipeline_missed_after_a_role_is_still_the_speaker(nlp) -> None:
    from reader.analysis import LibraryAnalysis, analyze_spans

    text = "„Das war ein beschämender Auftritt für alle“, sagte der grüne Abgeordnete Jonas Winter."
    analysis = analyze_spans("m", "v", "f", text, [], [(0, len(text))])
    quote = analysis.quotes[0]
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Jonas Winter", "Jonas Winter")
    assert LibraryAnalysis([analysis]).article("m").quotes[0].speaker == "Jonas Winter"
    text = "„Das war ein beschämender Auftritt für alle“, sagte der frühere Botschafter in Moskau Jonas Winter."
    assert analyze_spans("m", "v", "f", text, [], [(0, len(text))]).quotes[0].speaker == "Jonas Winter"


def test_continuation_opener_in_the_same_paragraph(analyse) -> None:
    text = "Emmanuel Macron schrieb auf X: «Europa steht zusammen.» Und weiter: «Wir lassen niemanden zurück.»"
    first, second = analyse(text).quotes
    assert (first.speaker, second.speaker, second.continues) == ("Emmanuel Macron", "Emmanuel Macron", 0)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Laut Olaf Scholz brauche es „mehr Tempo bei der Rente“.", "Laut"),
        ("Olaf Scholz zufolge brauche es „mehr Tempo bei der Rente“.", "zufolge"),
        ("Nach Angaben von Olaf Scholz brauche es „mehr Tempo bei der Rente“.", "Angaben"),
    ],
)
def test_source_phrase_is_the_cue(analyse, text: str, cue: str) -> None:
    quote = only_quote(analyse(text))
    assert (quote.cue, text[quote.cue_start : quote.cue_end]) == (cue, cue)


def test_a_place_standing_for_its_government_can_speak(analyse) -> None:
    quote = only_quote(analyse("Moskau erklärte am Abend: „Die Gespräche sind beendet.“"))
    assert quote.speaker == "Moskau"


def test_a_place_is_no_antecedent_for_a_pronoun(analyse) -> None:
    text = "Olaf Scholz reiste ab. In Berlin blieb Russland Thema. „Wir reden später weiter darüber“, sagte er."
    assert only_quote(analyse(text)).speaker == "Olaf Scholz"


NAMES = ["Olaf Scholz", "Friedrich Merz", "Annalena Baerbock", "Emmanuel Macron", "Boris Pistorius", "Maria Lang"]
VERBS = ["sagte", "erklärte", "betonte", "warnte", "schrieb", "kommentierte", "meinte", "bekräftigte", "ergänzte"]
STATEMENTS = [
    "Wir bleiben bei unserer Linie",
    "Das ist ein guter Tag für alle",
    "Niemand hat damit gerechnet",
    "Die Lage bleibt sehr ernst",
]
TEMPLATES = [
    "„{q}“, {v} {n}.",
    "„{q}“, {v} {n} am Montag in Berlin.",
    "{n} {v}: „{q}.“",
    "Am Abend {v} {n}: „{q}.“",
    "„{q}“, so {n}.",
    "Laut {n} gilt: „{q}.“",
    "„{q}“, hat {n} gesagt.",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(TEMPLATES), st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(STATEMENTS))
def test_every_pattern_with_any_name_and_verb(nlp, template: str, name: str, verb: str, statement: str) -> None:
    from reader.analysis import analyze_article
    from tests.helpers.pipelines import make_article

    text = template.format(q=statement, v=verb, n=name)
    (quote,) = analyze_article(make_article(text), nlp, "f").quotes
    assert (quote.kind, quote.speaker) == (SPEECH, name), text
    assert text[quote.speaker_start : quote.speaker_end] == name


def test_plural_sie_is_not_a_woman(analyse) -> None:
    text = "Annalena Baerbock und Olaf Scholz kamen zusammen. „Wir sind uns in allem einig“, sagten sie."
    assert only_quote(analyse(text)).speaker is None


def test_role_then_a_noun_the_pipeline_took_for_a_name() -> None:
    """Only a name right after the role (or after a short place phrase) replaces the role."""
    from reader.analysis import analyze_spans

    text = "Bundeskanzler Olaf Scholz kam. Dann wiederholte der Bundeskanzler seine Formel, die „Zeit“ sei „reif für Taten“."
    spans = [(14, 25, "PER"), (text.index("Formel"), text.index("Formel") + 6, "PER")]
    quotes = analyze_spans("r", "v", "f", text, spans, [(0, 30), (31, len(text))]).quotes
    assert [q.speaker for q in quotes] == ["Olaf Scholz", "Olaf Scholz"]


def test_a_surname_the_pipeline_left_unlabelled_still_names_the_speaker(analyse) -> None:
    text = (
        "Die Außenministerin Julia Sommer reiste nach Paris. „Wir stehen zusammen“, sagte Sommer. "
        "Gesundheitsminister Markus Vogt schwieg. Vogt lobte später: „Ein guter Tag.“"
    )
    assert speakers(analyse(text)) == [("Wir stehen zusammen", "Julia Sommer"), ("Ein guter Tag.", "Markus Vogt")]


def test_a_surname_used_as_a_common_word_is_no_speaker(analyse) -> None:
    text = "Julia Sommer war in Paris. Im Sommer hieß es dann: „Wir kommen wieder.“"
    assert speakers(analyse(text)) == [("Wir kommen wieder.", None)]


def test_a_first_name_the_pipeline_took_alone_keeps_its_particle_surname() -> None:
    from reader.analysis import analyze_spans

    text = "Oberbürgermeisterin Clara zu Reventlow kam spät. „Wir bauen die Brücke“, sagte Clara zu Reventlow."
    first = text.index("Clara")
    second = text.rindex("Clara")
    analysis = analyze_spans(
        "p", "v", "f", text, [(first, first + 5, "PER"), (second, second + 5, "PER")], [(0, 48), (49, len(text))]
    )
    assert [e.text for e in analysis.entities] == ["Clara zu Reventlow", "Clara zu Reventlow"]
    assert analysis.quotes[0].speaker == "Clara zu Reventlow"
