"""Speaker rules of round nine of issue 14 taking up what an article named before: a source named
before "zufolge" with an attribute between, an institution noun as such a source, an organisation
noun with a place name of its own, and a definite role noun qualified only by the person's past —
each on sentences written for this test (names known to the test pipeline's entity ruler,
tests/helpers/pipelines.py, or deliberately unknown to it)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def _speech(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_text) for q in analysis.quotes if q.depth == 0 and q.kind == "speech"]


# ---- 1. "Dem Forscher X von der Universität Y zufolge" ----------------------------------------


def test_a_source_with_an_attribute_before_zufolge_is_the_speaker(analyse: Analyse) -> None:
    text = (
        "Unklar ist, wie lange das Lager bestand. Dem Forscher Sven Hofmann von der Universität Kassel "
        "zufolge spricht einiges für ein Marschlager, „das nur für einen Winter gebaut wurde“."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann"]


def test_a_name_after_a_preposition_is_no_source_of_a_later_zufolge(analyse: Analyse) -> None:
    # "mit Sven Hofmann von der Universität Kassel" is no source: the "zufolge" has its own noun
    text = (
        "Sie sprach mit Sven Hofmann von der Universität Kassel. Der Studie zufolge spricht einiges "
        "für ein Lager, „das nur für einen Winter gebaut wurde“."
    )
    speakers = _speech(analyse(text))
    assert speakers  # the quotation is found
    assert all(speaker != "Sven Hofmann" for speaker, _ in speakers)


# ---- 2. "Der Polizei zufolge": an institution noun as a source ---------------------------------


def test_an_institution_noun_before_zufolge_takes_up_the_named_institution(analyse: Analyse) -> None:
    text = (
        "Die Ermittlungen der Polizei Kassel dauern an. Der Polizei zufolge zeigt der Fund, "
        "„dass die Täter lange geplant haben“."
    )
    assert _speech(analyse(text))[0][0] == "Polizei Kassel"


# ---- 3. an organisation noun with a place name of its own -------------------------------------


def test_an_organisation_noun_with_a_place_name_is_no_anaphor_of_another_organisation(analyse: Analyse) -> None:
    text = (
        "„Ich habe nur noch gezählt“, sagte Paul Weber dem Spiegel. Seit Jahresbeginn seien mehr als "
        "100 Tiere getötet worden, teilte der Landesschafzuchtverband Sachsen-Anhalt mit. Der Verband "
        "nannte die Lage „für viele Betriebe existenzbedrohend“."
    )
    speakers = _speech(analyse(text))
    assert speakers[0] == ("Paul Weber", "Paul Weber")
    speaker, written = speakers[1]
    assert speaker is not None and speaker.endswith("Sachsen-Anhalt")
    assert written == "Der Verband"


# ---- 4. "der frühere Marineoffizier": a role qualified by the person's past --------------------


def test_a_role_qualified_by_the_persons_past_takes_up_the_speaker_before(analyse: Analyse) -> None:
    text = (
        "„Wir bewachen die Kabel mit zu wenigen Schiffen“, sagt Sven Hofmann, Sicherheitsexperte in "
        "Berlin. Der Westen müsse die Schiffe schon vorher kontrollieren, meint der frühere "
        "Marineoffizier. „Sonst reparieren wir jedes Jahr ein neues Kabel.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann"] * 2


def test_a_trailing_source_is_no_one_its_own_report_names(analyse: Analyse) -> None:
    # "…, muss Paul Weber …, meint der frühere Marineoffizier": the report is about Weber, by Hofmann
    text = (
        "„Wir bewachen die Kabel mit zu wenigen Schiffen“, sagt Sven Hofmann, Sicherheitsexperte in "
        "Berlin. Ohne Kontrollen müsse Paul Weber die Schiffe selbst stoppen, meint der frühere "
        "Marineoffizier. „Sonst reparieren wir jedes Jahr ein neues Kabel.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann"] * 2


def test_a_trailing_source_after_a_subordinate_clause_may_be_its_subject(analyse: Analyse) -> None:
    # "Als Paul Weber …, sagte der frühere Marineoffizier": the clause before is no report
    text = (
        "„Wir bewachen die Kabel mit zu wenigen Schiffen“, sagt Sven Hofmann, Sicherheitsexperte in "
        "Berlin. Als Paul Weber an Bord kam, sagte der frühere Marineoffizier: „Sonst reparieren wir "
        "jedes Jahr ein neues Kabel.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann", "Paul Weber"]


def test_a_role_qualified_by_a_nationality_still_brings_in_someone_new(analyse: Analyse) -> None:
    text = (
        "„Wir bewachen die Kabel mit zu wenigen Schiffen“, sagt Sven Hofmann, Sicherheitsexperte in "
        "Berlin. Der Westen müsse die Schiffe schon vorher kontrollieren, meint der französische "
        "Marineoffizier. „Sonst reparieren wir jedes Jahr ein neues Kabel.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann", None]


def test_a_definite_role_noun_takes_up_a_person_named_as_the_source_before(analyse: Analyse) -> None:
    text = (
        "Dem Forscher Sven Hofmann von der Universität Kassel zufolge spricht einiges für ein Lager. "
        "Dafür spreche auch die Form. „Die Römer blieben nicht lange“, sagt der Historiker."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann"]


def test_die_before_a_masculine_role_noun_is_a_group_not_the_person_before(analyse: Analyse) -> None:
    text = (
        "„Wir sind zufrieden“, sagte Paul Weber. Danach stellten die Forscher ihre Ergebnisse vor. "
        "„Das ist neu“, sagten die Forscher."
    )
    assert _speech(analyse(text)) == [("Paul Weber", "Paul Weber"), (None, "die Forscher")]


# ---- 5. "vieles spricht für …": evidence, no other speaker between two quotations --------------


def test_sprechen_fuer_with_a_thing_as_subject_does_not_end_a_continuation(analyse: Analyse) -> None:
    text = (
        "„Der Markt ist extrem nervös“, sagte Sven Hofmann, Analyst in Berlin. Mittelfristig spreche "
        "vieles für hohe Preise: Die Netze brauchten große Mengen Kupfer. „Das Angebot wächst nicht so schnell.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann"] * 2


def test_sich_dafuer_aussprechen_is_another_speaker_between_two_quotations(analyse: Analyse) -> None:
    text = (
        "„Der Markt ist extrem nervös“, sagte Sven Hofmann, Analyst in Berlin. Dafür sprach sich auch "
        "Paul Weber aus. „Das Angebot wächst nicht so schnell.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))][1] != "Sven Hofmann"


def test_a_quotation_after_one_sentence_of_reported_speech_carries_on_the_speaker(analyse: Analyse) -> None:
    # the opening mark may be left on the sentence before by the sentence splitter
    text = (
        "„Der Markt ist extrem nervös“, sagte Sven Hofmann. Die Netze brauchten große Mengen Kupfer. "
        "„Das Angebot wächst nicht so schnell.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann"] * 2


# ---- 6. "Für X ist das ein Trost. Die 81-Jährige …": an age takes up the person named before -----


def test_an_age_noun_takes_up_the_one_person_the_sentence_before_names_in_any_case(analyse: Analyse) -> None:
    text = (
        "Die Filiale schließt im März. Für Anna Roth ist das ein schwacher Trost. Die 81-Jährige hat kein "
        "Auto. „Ich bin seit 60 Jahren Kundin“, sagt sie."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Anna Roth"]


def test_an_age_noun_after_a_sentence_naming_two_people_stays_open(analyse: Analyse) -> None:
    text = (
        "Die Filiale schließt im März. Für Anna Roth und Maria Lang ist das ein schwacher Trost. Die "
        "81-Jährige hat kein Auto. „Ich bin seit 60 Jahren Kundin“, sagt sie."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == [None]


# ---- 7. "die Befehlshaberin der Marine, Konteradmiralin X,": the role is X's --------------------


def test_a_role_with_a_genitive_before_an_apposition_of_role_and_name_is_that_person(analyse: Analyse) -> None:
    text = (
        "„Wir sehen eine Schleifspur“, sagte die Befehlshaberin der estnischen Marine, Konteradmiralin "
        "Anna Roth, am Mittwoch. Sie sprach offen von „gezielter Sabotage“."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Anna Roth"] * 2


# ---- 8. "Was die Nachbarn dazu sagen, sei ihm nicht egal": no other speaker ---------------------


def test_a_cue_verb_in_a_clause_that_asks_what_is_said_does_not_end_a_continuation(analyse: Analyse) -> None:
    text = (
        "„Jetzt ernte ich eben auch Wind“, meint Paul Weber. Was die Nachbarn dazu sagen, sei ihm nicht "
        "egal. „Aber ich kann von den Kartoffeln allein nicht leben.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Paul Weber"] * 2


def test_a_cue_verb_of_another_speaker_still_ends_a_continuation(analyse: Analyse) -> None:
    text = (
        "„Jetzt ernte ich eben auch Wind“, meint Paul Weber. Die Nachbarn sagen, das sei ihnen nicht "
        "egal. „Aber ich kann von den Kartoffeln allein nicht leben.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))][1] != "Paul Weber"


# ---- 9. "in der Fachzeitschrift „…“": a title after the noun of its kind ----------------------


def _kinds(analysis: ArticleAnalysis) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in analysis.quotes if q.depth == 0]


def test_a_capitalised_quotation_after_a_periodical_noun_is_its_title(analyse: Analyse) -> None:
    text = (
        "„Das Lager ist alt“, sagt Anna Roth, Erstautorin der Studie, die jetzt in der Fachzeitschrift "
        "„Archäologisches Korrespondenzblatt“ erschienen ist."
    )
    assert _kinds(analyse(text)) == [("Das Lager ist alt", "speech"), ("Archäologisches Korrespondenzblatt", "term")]


def test_a_quotation_in_lower_case_after_a_work_noun_is_still_speech(analyse: Analyse) -> None:
    text = "Die Studie sei „ein wichtiger Schritt“, sagt Anna Roth über das Buch „nicht so gut gelungen“."
    kinds = _kinds(analyse(text))
    assert len(kinds) == 2
    assert all(kind == "speech" for _, kind in kinds)


# ---- 10. "halten … für „…“": a characterisation is speech --------------------------------------


def test_a_word_someone_holds_a_thing_for_is_speech(analyse: Analyse) -> None:
    text = "Paul Weber verteidigte die Reform. Kritiker halten die Reform dagegen für „Flickwerk“."
    assert _kinds(analyse(text)) == [("Flickwerk", "speech")]


def test_a_word_after_fuer_without_halten_stays_a_term(analyse: Analyse) -> None:
    text = "Paul Weber verteidigte die Reform. Sie steht für „Fortschritt“."
    assert _kinds(analyse(text)) == [("Fortschritt", "term")]


# ---- 11. "sprach von „…“ und kündigte … an": the verb after "und" is no inverted cue ------------


def test_a_verb_joined_by_und_after_the_quotation_is_not_its_inverted_cue(analyse: Analyse) -> None:
    text = (
        "Paul Weber hält das für falsch. Das Gremium sprach von einem „weiteren Stück Rückzug aus dem "
        "ländlichen Raum“ und kündigte eine Unterschriftensammlung an."
    )
    assert _speech(analyse(text)) == [(None, "Das Gremium")]
