"""The attribution rules of round nine of issue 14 (direct and reported speech): an untagged name
before an apposition, the pronoun subject of a cue verb, a possessive role noun phrase after the verb,
and the "für X ist klar" frame — each on sentences written for this test (names known to the test
pipeline's entity ruler, tests/helpers/pipelines.py, or deliberately unknown to it)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis, analyze_spans

Analyse = Callable[..., ArticleAnalysis]


def _speech(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.speaker_text, q.speaker_kind) for q in analysis.quotes if q.depth == 0]


def _reported(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.speaker_text, q.speaker_kind) for q in analysis.indirect]


# ---- 1. an untagged name before an apposition ----------------------------------------------


def test_an_untagged_name_before_a_role_apposition_ending_at_the_cue_is_the_speaker(analyse: Analyse) -> None:
    # the entity ruler does not know "Taras Melnyk": the pipeline missed the name
    text = (
        "Taras Melnyk, früherer Botschafter der Ukraine in Frankreich und heute Fellow am Institut, "
        "warnt: „Das ist gefährlich.“"
    )
    assert _speech(analyse(text)) == [(None, "Taras Melnyk", "person")]
    text = "Jörg Wendland, langjähriger Leiter des Hafenamts, sagte: „Die Kaimauer hält nicht mehr.“"
    assert _speech(analyse(text)) == [(None, "Jörg Wendland", "person")]


def test_an_untagged_name_after_a_dateline_is_the_speaker_but_not_one_inside_a_clause(analyse: Analyse) -> None:
    text = "Kiew (dpa) - Taras Melnyk, früherer Botschafter der Ukraine, warnt: „Das ist gefährlich.“"
    assert _speech(analyse(text)) == [(None, "Taras Melnyk", "person")]
    # "mit Taras Melnyk": the name does not open the clause, it is no subject
    text = "Gestern sprach sie mit Taras Melnyk, früherer Botschafter der Ukraine, warnt: „Das ist gefährlich.“"
    speakers = _speech(analyse(text))
    assert speakers  # the quotation is found, and given to someone else or no one
    assert all(t != "Taras Melnyk" for _, t, _ in speakers)


def test_an_untagged_name_of_three_words_before_a_role_apposition_is_the_speaker(analyse: Analyse) -> None:
    text = "Maria Elena Duarte, Sprecherin der Hafenbehörde, sagte: „Wir prüfen das.“"
    assert _speech(analyse(text)) == [(None, "Maria Elena Duarte", "person")]


def test_an_untagged_surname_ending_like_a_role_noun_is_still_a_name(analyse: Analyse) -> None:
    text = "Peter Hartmann, langjähriger Sprecher des Vereins, erklärte: „Wir bleiben.“"
    assert _speech(analyse(text)) == [(None, "Peter Hartmann", "person")]


def test_a_common_noun_before_an_apposition_is_no_name(analyse: Analyse) -> None:
    # "Die Regierung": an article and a noun; "Neue Studien": an adjective and a noun, with no role after them
    speakers = _speech(analyse("Die Regierung, vertreten durch den Minister, warnt: „Das ist gefährlich.“"))
    assert speakers == [(None, "Die Regierung", "organisation")]
    speakers = _speech(analyse("Neue Studien, so die Forscherin, zeigen: „Das Eis schmilzt.“"))
    assert speakers
    assert all(text not in {"Neue Studien"} for _, text, _ in speakers)


def test_two_capitalised_words_before_an_apposition_without_a_role_are_no_name(analyse: Analyse) -> None:
    # "Klare Worte, ohne Umschweife, fand …": no role noun in the apposition, so no person before it
    speakers = _speech(analyse("Klare Worte, ohne Umschweife, sagte der Trainer: „Das war zu wenig.“"))
    assert speakers
    assert all(text != "Klare Worte" for _, text, _ in speakers)


# ---- 2. the pronoun subject of an inverted cue verb ---------------------------------------------


def test_the_pronoun_after_an_inverted_cue_is_not_a_noun_of_the_reported_clause(analyse: Analyse) -> None:
    # "Ihr Sohn" is what she reports about, not who speaks: "sie" takes up the sentence before
    text = "Anna Roth wartet vor dem Gericht. Ihr Sohn habe sich nie beschwert, sagte sie."
    assert _reported(analyse(text)) == [("Anna Roth", "sie", "person")]
    text = "Thomas Klein wartet vor dem Gericht. Sein Sohn habe sich nie beschwert, sagte er."
    assert _reported(analyse(text)) == [("Thomas Klein", "er", "person")]


def test_the_pronoun_after_an_inserted_cue_is_not_the_noun_before_it(analyse: Analyse) -> None:
    text = "Thomas Klein wartet vor dem Gericht. Sein Sohn, sagte er, habe sich nie beschwert."
    assert [speaker for speaker, _, _ in _reported(analyse(text))] == ["Thomas Klein"]


def test_without_an_antecedent_the_pronoun_stays_a_pronoun(analyse: Analyse) -> None:
    assert _reported(analyse("Ihr Sohn habe sich nie beschwert, sagte er.")) == [(None, "er", "pronoun")]
    assert _speech(analyse("„Wir sind bereit“, sagte er.")) == [(None, "er", "pronoun")]


def test_a_pronoun_before_its_cue_still_takes_the_subject_of_its_own_sentence(analyse: Analyse) -> None:
    # not an inverted cue: "Thomas Klein … er" in one sentence, the pronoun resolves within it
    text = "Thomas Klein kam spät, und er sagte, sein Sohn habe sich nie beschwert."
    assert [speaker for speaker, _, _ in _reported(analyse(text))] == ["Thomas Klein"]


# ---- 3. a possessive role noun phrase ------------------------------------------------------------


def test_ihr_before_a_role_noun_after_the_cue_is_its_possessive_and_stays_in_the_speakers_words(
    analyse: Analyse,
) -> None:
    # "ihr" + noun is a possessive determiner (a dative "ihr" would leave the subject without an article)
    assert _speech(analyse("„Das war schwer“, sagte ihr Vater.")) == [(None, "ihr Vater", "role")]
    assert _speech(analyse("„Das war schwer“, sagte ihr langjähriger Anwalt.")) == [
        (None, "ihr langjähriger Anwalt", "role")
    ]
    # the possessor is not guessed: "ihr" may mean Anna Roth, the father is still unnamed
    assert _speech(analyse("Anna Roth wartet. „Das war schwer“, sagte ihr Vater.")) == [(None, "ihr Vater", "role")]


def test_a_possessive_role_before_the_cue_keeps_its_possessive(analyse: Analyse) -> None:
    assert _reported(analyse("Sein Anwalt erklärte, die Vorwürfe seien haltlos.")) == [(None, "Sein Anwalt", "role")]
    assert _reported(analyse("Ihr Anwalt erklärte, die Vorwürfe seien haltlos.")) == [(None, "Ihr Anwalt", "role")]


def test_a_possessive_role_tied_to_a_name_by_an_apposition_is_that_person(analyse: Analyse) -> None:
    assert [s for s, _, _ in _speech(analyse("„Das war schwer“, sagte ihr Vater Thomas Klein."))] == ["Thomas Klein"]


def test_ihr_as_a_dative_before_an_article_is_not_taken_into_the_speaker(analyse: Analyse) -> None:
    assert _speech(analyse("„Das war schwer“, sagte ihr der Vater.")) == [(None, "der Vater", "role")]


# ---- 4. "für X ist klar" / "für X steht fest" ------------------------------------------------------


def test_fuer_a_pronoun_ist_klar_before_a_colon_quotes_whom_the_pronoun_means(analyse: Analyse) -> None:
    text = "Thomas Klein leitet das Amt seit Jahren. Für ihn ist klar: „Das geht so nicht weiter.“"
    assert _speech(analyse(text)) == [("Thomas Klein", "ihn", "person")]
    text = "Anna Roth leitet das Amt seit Jahren. Für sie steht fest: „Das geht so nicht weiter.“"
    assert _speech(analyse(text)) == [("Anna Roth", "sie", "person")]


def test_fuer_a_role_steht_fest_before_a_colon_quotes_the_role(analyse: Analyse) -> None:
    text = "Für die Ministerin steht fest: „Das geht so nicht weiter.“"
    assert _speech(analyse(text)) == [(None, "die Ministerin", "role")]


def test_fuer_x_steht_fest_dass_reports_xs_view(analyse: Analyse) -> None:
    assert _reported(analyse("Für die Ministerin steht fest, dass die Reform kommen muss.")) == [
        (None, "die Ministerin", "role")
    ]
    text = "Thomas Klein leitet das Amt seit Jahren. Für ihn ist klar, dass die Reform kommen muss."
    assert _reported(analyse(text)) == [("Thomas Klein", "ihn", "person")]


def test_fest_or_klar_without_a_fuer_holder_names_no_source(analyse: Analyse) -> None:
    assert [s for s, t, _ in _reported(analyse("Es steht fest, dass die Reform kommen muss."))] in ([], [None])
    assert [t for _, t, _ in _reported(analyse("Es steht fest, dass die Reform kommen muss."))] in ([], [None])
    # "für" with a thing, not a person: "Für die Reform ist klar" names nobody who holds the view
    speakers = _speech(analyse("Für die Reform ist klar: „Das kostet Geld.“"))
    assert speakers
    assert all(text is None for _, text, _ in speakers)


def test_the_pronoun_after_an_inverted_cue_may_take_up_a_subject_before_the_reported_clause(
    analyse: Analyse,
) -> None:
    text = "Ein Kollege schwieg. Thomas Klein dagegen lächelte: Sein Sohn habe sich nie beschwert, sagte er."
    assert [speaker for speaker, _, _ in _reported(analyse(text))][-1] == "Thomas Klein"


# ---- 5. a quotation with no cue of its own: the statement or the person the context gives ---------


def test_a_first_person_quote_takes_the_one_person_its_paragraph_is_about(analyse: Analyse) -> None:
    text = (
        "Anna Roth steht seit vier Uhr in der Backstube. Der Ofen ist schon heiß. "
        "„Ich könnte mir kein anderes Leben vorstellen.“"
    )
    assert _speech(analyse(text))[0][0] == "Anna Roth"


def test_a_first_person_quote_takes_the_person_a_pronoun_chain_carries(analyse: Analyse) -> None:
    text = (
        "Thomas Klein wohnt am Ende der Straße. Nachts hörte er Schreie. Sofort lief er hinaus. "
        "Im Garten brannte schon die Hecke. „Ich habe einfach den Schlauch genommen.“"
    )
    assert _speech(analyse(text))[0][0] == "Thomas Klein"


def test_a_first_person_quote_after_two_people_stays_without_speaker(analyse: Analyse) -> None:
    text = (
        "Anna Roth arbeitet mit Thomas Klein in der Backstube. Der Ofen ist schon heiß. "
        "„Ich könnte mir kein anderes Leben vorstellen.“"
    )
    speakers = _speech(analyse(text))
    assert speakers  # the quotation is found
    assert speakers[0][0] is None


def test_a_first_person_quote_does_not_reach_into_the_paragraph_before(analyse: Analyse) -> None:
    text = (
        "Anna Roth steht seit vier Uhr in der Backstube.\n"
        "Der Ofen ist schon heiß. Draußen wird es hell. „Ich könnte mir kein anderes Leben vorstellen.“"
    )
    speakers = _speech(analyse(text))
    assert speakers
    assert speakers[0][0] is None


def test_a_quote_not_in_the_first_person_takes_no_topic_person(analyse: Analyse) -> None:
    text = "Anna Roth steht seit vier Uhr in der Backstube. Der Ofen ist schon heiß. „Das Brot muss ruhen.“"
    speakers = _speech(analyse(text))
    assert speakers
    assert speakers[0][0] is None


def test_a_quote_after_a_statement_reported_with_its_cue_takes_its_source(analyse: Analyse) -> None:
    text = (
        "Die IG Metall lehnt das Angebot ab. Die Löhne reichten nicht zum Leben, teilte die IG Metall mit. "
        "„Das kann so nicht weitergehen.“"
    )
    assert _speech(analyse(text))[0][0] == "IG Metall"


def test_a_quote_after_a_report_carried_on_in_the_subjunctive_takes_its_source(analyse: Analyse) -> None:
    text = (
        "Der Streit geht weiter. Die Löhne reichten nicht, sagte Thomas Klein. Viele Familien müssten "
        "inzwischen sparen. „Das kann so nicht weitergehen.“"
    )
    assert _speech(analyse(text))[0][0] == "Thomas Klein"


def test_a_quote_after_narration_of_its_own_does_not_take_an_earlier_report(analyse: Analyse) -> None:
    text = (
        "Der Streit geht weiter. Die Löhne reichten nicht, sagte Thomas Klein. Die Fabrik liegt am Stadtrand. "
        "„Das kann so nicht weitergehen.“"
    )
    speakers = _speech(analyse(text))
    assert speakers
    assert speakers[0][0] is None


def test_a_noun_unknown_as_a_role_named_after_a_comma_is_that_person(analyse: Analyse) -> None:
    # "Baukirchmeister" is no role noun of the lexicon: the name after the comma still is the source
    text = "Denkbar seien Wohnungen oder Räume für Vereine, sagte der Baukirchmeister des Kirchenkreises, Jens Weber."
    assert _reported(analyse(text))[0][0] == "Jens Weber"


def test_a_span_the_pipeline_runs_over_a_verb_is_no_name_and_the_surname_in_it_still_speaks() -> None:
    # the pipeline tagged "Universität wird Brandner" as one organisation: a name holds no verb
    text = (
        "Die Studie leitete Jana Brandner. In der Mitteilung der Universität wird Brandner mit den Worten "
        "zitiert: „Hitze ist das größte Risiko, das wir haben.“"
    )
    wrong = text.index("Universität")
    spans = [(text.index("Jana"), text.index("Jana") + 13, "PER"), (wrong, text.index(" mit den"), "ORG")]
    sentences = [(0, text.index(" In der") + 1), (text.index("In der"), len(text))]
    analysis = analyze_spans("a", "v", "f", text, spans, sentences)
    assert [e.text for e in analysis.entities] == ["Jana Brandner"]
    assert [q.speaker for q in analysis.quotes] == ["Jana Brandner"]


def test_a_name_particle_spelled_like_a_verb_stays_in_the_name() -> None:
    # "bin" of an Arabic name is no "ich bin"
    text = "Der Minister Khalid bin Rashed reiste nach Bern."
    start = text.index("Khalid")
    analysis = analyze_spans("a", "v", "f", text, [(start, start + len("Khalid bin Rashed"), "PER")], [(0, len(text))])
    assert [e.text for e in analysis.entities] == ["Khalid bin Rashed"]
