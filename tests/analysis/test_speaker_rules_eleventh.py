"""Round eleven's rules (issue 14): an organisation noun is shown as written, the body it takes up
is its speaker; Konjunktiv I in the second place with a noun after it; a name after a noun of a
named thing is a term — each on sentences and names written for this test (names known to the test
pipeline's entity ruler, tests/helpers/pipelines.py, or none)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def _speech(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_text) for q in analysis.quotes if q.depth == 0 and q.kind == "speech"]


def _indirect(analysis: ArticleAnalysis) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analysis.indirect]


# ---- 1. an organisation noun as written, the untagged body it takes up as the speaker ----------


def test_an_organisation_noun_is_shown_as_written_and_speaks_for_the_body_named_before(analyse: Analyse) -> None:
    text = "Die Reederei Möwenkliff fährt ab Mai wieder. Das Unternehmen teilte mit: „Wir freuen uns auf die Saison.“"
    assert _speech(analyse(text)) == [("Reederei Möwenkliff", "Das Unternehmen")]


def test_an_organisation_noun_that_takes_up_nothing_has_no_speaker_but_its_words(analyse: Analyse) -> None:
    text = "Am Hafen wird gebaut. Das Unternehmen teilte mit: „Wir freuen uns auf die Saison.“"
    assert _speech(analyse(text)) == [(None, "Das Unternehmen")]


def test_a_pronoun_still_shows_the_unnamed_person_it_stands_for(analyse: Analyse) -> None:
    text = "Ein Feuerwehrsprecher kam zum Einsatzort. „Das Feuer ist gelöscht“, sagte er."
    assert _speech(analyse(text)) == [(None, "Ein Feuerwehrsprecher")]


# ---- 2. Konjunktiv I in the second place, a noun after it ----------------------------------------


def test_konjunktiv_i_after_das_with_a_noun_ending_the_clause_is_reported(analyse: Analyse) -> None:
    text = "Paul Weber lobte den Plan. Das erfordere Mut, sagte Weber."
    assert _indirect(analyse(text)) == [("Das erfordere Mut", "Paul Weber")]


def test_konjunktiv_i_after_a_noun_subject_with_a_noun_after_it_is_reported(analyse: Analyse) -> None:
    text = "Paul Weber sprach im Rat. Er sagte, die Gemeinde brauche Geduld."
    assert _indirect(analyse(text)) == [("die Gemeinde brauche Geduld", "Paul Weber")]


def test_an_adjective_after_das_is_no_konjunktiv(analyse: Analyse) -> None:
    text = "Paul Weber sah zu. Das deutsche Team gewann klar, sagte Weber."
    assert _indirect(analyse(text)) == []


def test_a_clause_opened_by_its_verb_is_no_konjunktiv_main_clause(analyse: Analyse) -> None:
    text = "Was genau die Stadt damit meint, war Paul Weber möglicherweise unklar."
    assert _indirect(analyse(text)) == []


def test_a_short_quotation_in_a_konjunktiv_sentence_with_a_noun_after_the_verb_is_speech(
    analyse: Analyse,
) -> None:
    text = "„Wir bleiben dabei“, sagte Anna Roth. Die Lage erfordere „viel Geduld“ von allen."
    assert [q.kind for q in analyse(text).quotes] == ["speech", "speech"]


# ---- 3. a name after the noun of a named thing -----------------------------------------------------


def test_a_name_after_the_noun_of_a_product_is_a_term(analyse: Analyse) -> None:
    text = "„Die Preise steigen“, sagte Anna Roth. Die Sorte „Blaue Stunde“ bleibe aber im Programm."
    assert [q.kind for q in analyse(text).quotes] == ["speech", "term"]


def test_the_name_of_a_storm_is_a_term_beside_a_cue_word(analyse: Analyse) -> None:
    text = "Das Sturmtief „Berthold“ hat die Küste früher erreicht als erwartet."
    assert [q.kind for q in analyse(text).quotes] == ["term"]


def test_a_title_with_small_words_after_a_work_noun_is_a_term(analyse: Analyse) -> None:
    text = "Karla Winter wird aus ihrem Roman „Schatten über dem Moor“ lesen."
    assert [q.kind for q in analyse(text).quotes] == ["term"]


def test_a_sentence_after_an_offer_noun_stays_speech(analyse: Analyse) -> None:
    text = "Zum Angebot sagte Anna Roth: „Das Angebot steht bis Freitag.“"
    assert [q.kind for q in analyse(text).quotes] == ["speech"]


def test_an_organisation_noun_taking_up_a_bare_noun_of_its_kind_names_no_body(analyse: Analyse) -> None:
    text = "Der Konzern baut ab. Das Unternehmen rechnet mit einem Rückgang „im einstelligen Bereich“."
    assert _speech(analyse(text)) == [(None, "Das Unternehmen")]
    text = "Ein Sprecher des Unternehmens kündigte neue Linien an. Das Unternehmen spricht von „ermutigenden Zahlen“."
    assert _speech(analyse(text))[-1] == (None, "Das Unternehmen")


def test_an_organisation_noun_taking_up_a_compound_of_its_kind_speaks_for_it(analyse: Analyse) -> None:
    text = "Der Landesbauernverband tagte in Kassel. Der Verband erklärte: „Wir brauchen klare Regeln.“"
    assert _speech(analyse(text)) == [("Landesbauernverband", "Der Verband")]


# ---- 4. "heißt es" before or after a reported clause ----------------------------------------------


def test_a_reported_clause_after_heisst_es_in_a_document_is_indirect_speech(analyse: Analyse) -> None:
    text = "In einer Mitteilung der Universität Kassel heißt es, man prüfe derzeit mehrere Varianten."
    assert _indirect(analyse(text)) == [("man prüfe derzeit mehrere Varianten", "Universität Kassel")]


def test_a_reported_clause_before_hiess_es_is_indirect_speech(analyse: Analyse) -> None:
    text = "Man werde die Pläne prüfen, hieß es am Abend."
    assert [(q.text, q.cue) for q in analyse(text).indirect] == [("Man werde die Pläne prüfen", "hieß es")]


def test_es_heisst_opens_a_report_with_no_source(analyse: Analyse) -> None:
    text = "Es heißt, die Brücke sei marode."
    assert _indirect(analyse(text)) == [("die Brücke sei marode", None)]


def test_wie_es_heisst_and_das_heisst_report_nothing(analyse: Analyse) -> None:
    text = "Wie es heißt, soll die Brücke gesperrt werden. Das heißt, wir müssen warten."
    assert _indirect(analyse(text)) == []


# ---- 5. a name with the short form the text defines, though the pipeline tagged neither -----------


def test_an_untagged_institution_name_with_its_defined_short_form_is_an_organisation(analyse: Analyse) -> None:
    text = (
        "Nach Angaben der Westhavener Verkehrsgesellschaft (WVG) fahren weniger Menschen Bus. "
        "Das Unternehmen spricht von „ermutigenden Zahlen“. Die WVG will weitermachen."
    )
    analysis = analyse(text)
    assert [(e.text, e.label) for e in analysis.entities] == [
        ("Westhavener Verkehrsgesellschaft", "ORG"),
        ("WVG", "ORG"),
        ("WVG", "ORG"),
    ]
    assert _speech(analysis) == [("Westhavener Verkehrsgesellschaft", "Das Unternehmen")]


def test_an_untagged_name_with_a_short_form_but_no_institution_noun_stays_untagged(analyse: Analyse) -> None:
    text = "Die Gruppe nennt sich Neue Mitte (NM) und trifft sich montags."
    assert analyse(text).entities == ()


def test_a_compound_institution_in_the_genitive_speaks_in_the_nominative(analyse: Analyse) -> None:
    text = (
        "Nach Angaben des Fahrradhändlerverbands sinken die Preise. Die Lage sei „angespannt, aber nicht hoffnungslos“."
    )
    assert _speech(analyse(text)) == [("Fahrradhändlerverband", "des Fahrradhändlerverbands")]
    text = "Nach Angaben des Verbands sinken die Preise. Die Lage sei „angespannt, aber nicht hoffnungslos“."
    assert _speech(analyse(text)) == [(None, "des Verbands")]


# ---- 6. a verb of expectation with a quotation in its object --------------------------------------


def test_rechnen_mit_a_quoted_figure_is_speech_of_its_subject(analyse: Analyse) -> None:
    text = "Die Brenner Stahl AG rechnet für das Jahr mit einem Rückgang „im mittleren einstelligen Bereich“."
    assert _speech(analyse(text)) == [("Brenner Stahl AG", "Brenner Stahl AG")]


def test_rechnen_damit_dass_reports_an_expectation(analyse: Analyse) -> None:
    text = "Paul Weber rechnet damit, dass die Preise weiter steigen."
    assert _indirect(analyse(text)) == [("dass die Preise weiter steigen", "Paul Weber")]


def test_hiess_es_after_a_phrase_opening_the_sentence_reports_the_clause_after_it(analyse: Analyse) -> None:
    text = "Als Begründung hieß es, die Kosten seien zu hoch."
    assert _indirect(analyse(text)) == [("die Kosten seien zu hoch", None)]


def test_an_indicative_clause_before_heisst_es_is_reported(analyse: Analyse) -> None:
    text = "Der Neubau soll teuer und aufwendig werden, heißt es."
    assert _indirect(analyse(text)) == [("Der Neubau soll teuer und aufwendig werden", None)]


def test_an_adjective_after_das_before_a_comma_is_no_konjunktiv(analyse: Analyse) -> None:
    text = "Das große Haus, das dort stand, brannte aus, sagte Paul Weber."
    assert [q.text for q in analyse(text).indirect] == []


def test_a_document_phrase_before_heisst_es_is_no_reported_clause(analyse: Analyse) -> None:
    text = "In dem Beschluss, der dieser Zeitung vorliegt, heißt es: „Wir prüfen alles.“"
    assert _indirect(analyse(text)) == []


def test_a_subordinate_clause_in_konjunktiv_before_a_verb_is_no_report(analyse: Analyse) -> None:
    text = "Erst wenn das Wasser zurückkomme, höre die Sorge auf, meint Anna Roth."
    assert "Erst wenn das Wasser zurückkomme" not in [q.text for q in analyse(text).indirect]


def test_a_clause_opening_with_an_adverbial_phrase_before_hiess_es_is_reported(analyse: Analyse) -> None:
    text = "Vor allem Mieten und Strom verteuerten sich deutlich, hieß es."
    assert _indirect(analyse(text)) == [("Vor allem Mieten und Strom verteuerten sich deutlich", None)]


def test_what_a_crowd_calls_out_together_is_a_chant(analyse: Analyse) -> None:
    text = "„Wir sind die Stadt!“, riefen die Demonstranten. „Bitte bleiben Sie ruhig“, rief Anna Roth."
    assert [q.kind for q in analyse(text).quotes] == ["term", "speech"]
