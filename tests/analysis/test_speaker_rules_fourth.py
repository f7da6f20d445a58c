"""The attribution rules of the fourth round of issue 14 (direct quotes), each on sentences
written for this test (names known to the test pipeline's entity ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def quotes_of(analysis: ArticleAnalysis) -> list:
    return [q for q in analysis.quotes if q.depth == 0]


def test_a_document_owned_by_a_company_noun_is_the_company_not_the_court_named_before(analyse: Analyse) -> None:
    text = (
        "Die Brenner Stahl AG legte Widerspruch ein. Darüber entscheidet nun das Landgericht Kassel. "
        "In einer Stellungnahme des Unternehmens heißt es, die Vorwürfe seien „völlig haltlos“."
    )
    assert quotes_of(analyse(text))[0].speaker == "Brenner Stahl AG"


def test_an_organisation_noun_with_an_article_is_not_read_past_the_article(analyse: Analyse) -> None:
    # "einer Stellungnahme" and "des Unternehmens" are two phrases, not one organisation
    text = (
        "Die Brenner Stahl AG schwieg am Montag. Das Werk stand still. "
        "In einer Stellungnahme des Unternehmens heißt es: „Wir prüfen das.“"
    )
    assert quotes_of(analyse(text))[0].speaker == "Brenner Stahl AG"


def test_a_definite_organisation_noun_takes_up_the_unnamed_organisation_before_it(analyse: Analyse) -> None:
    text = (
        "Der Verband der Deutschen Seilbahnen warnte vor neuen Auflagen. "
        "„Das kostet uns jede Saison“, erklärte der Verband."
    )
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker, quote.speaker_text, quote.speaker_kind) == (
        "Verband der Deutschen Seilbahnen",
        "der Verband",
        "organisation",
    )


def test_the_organisation_noun_also_takes_up_a_compound_ending_in_it(analyse: Analyse) -> None:
    text = "Dem Landesimkerverband reicht das nicht. „Die Bienen warten nicht“, teilte der Verband mit."
    assert quotes_of(analyse(text))[0].speaker == "Landesimkerverband"


def test_a_place_name_right_after_an_organisation_noun_is_part_of_its_name(analyse: Analyse) -> None:
    text = "Der Imkerverband Sachsen-Anhalt ist unzufrieden. „Das kommt zu spät“, erklärte der Verband."
    assert quotes_of(analyse(text))[0].speaker == "Imkerverband Sachsen-Anhalt"


def test_a_chain_of_genitives_belongs_to_the_source(analyse: Analyse) -> None:
    text = (
        "Die Konferenz der städtischen Leiter des öffentlichen Nahverkehrs kritisierte den Plan. "
        "„Das trifft die Dörfer zuerst“, schrieb die Konferenz."
    )
    assert quotes_of(analyse(text))[0].speaker == "Konferenz der städtischen Leiter des öffentlichen Nahverkehrs"


def test_an_organisation_noun_with_no_such_antecedent_stays_as_written(analyse: Analyse) -> None:
    text = "Die Brücke bleibt gesperrt. „Wir bitten um Geduld“, erklärte der Verband."
    assert quotes_of(analyse(text))[0].speaker_text == "der Verband"


def test_a_pronoun_for_an_unnamed_source_shows_all_its_words(analyse: Analyse) -> None:
    text = (
        "Ein Sprecher des Umweltamts verwies auf die angespannte Haushaltslage. "
        "„Mehr Geld gibt es in diesem Jahr nicht“, sagte er."
    )
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker_text, quote.speaker_via) == ("Ein Sprecher des Umweltamts", "pronoun")


def test_a_possessive_and_its_noun_before_a_colon_name_the_speaker(analyse: Analyse) -> None:
    text = (
        "Die Forscherin Anna Roth misst seit Jahren den Pegel. Die Gletscher lieferten weniger Wasser. "
        "Ihr Fazit: „Der Fluss wird im Herbst zum Nadelöhr.“ "
        "Paul Weber baut Boote. Sein nüchternes Urteil: „Das wird teuer.“"
    )
    assert [(q.speaker, q.cue) for q in quotes_of(analyse(text))] == [("Anna Roth", ":"), ("Paul Weber", ":")]


def test_a_first_person_possessive_before_a_colon_names_no_one_in_the_narration(analyse: Analyse) -> None:
    text = "Paul Weber baut Boote. Mein Fazit: „Das wird teuer.“"
    assert quotes_of(analyse(text))[0].speaker_via != "pronoun"


def test_das_sagt_x_in_the_next_sentence_names_the_speaker(analyse: Analyse) -> None:
    text = (
        "„Der Plan kommt zu spät“, sagte Maria Lang. "
        "„Für die Dörfer ist das Ticket ein schlechtes Geschäft.“ Das sagt Anna Roth vom Fahrgastverband."
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Maria Lang", "Anna Roth"]


def test_das_and_a_verb_of_saying_without_a_subject_names_no_one(analyse: Analyse) -> None:
    text = "„Das Ticket ist zu teuer.“ Das sagt viel über die Lage. Anna Roth nickt."
    assert quotes_of(analyse(text))[0].cue is None


def test_the_period_of_a_title_does_not_end_an_inverted_attribution(analyse: Analyse) -> None:
    text = (
        "Von Julia Sommer. Die Studie ist neu. "
        "„Die meisten merken nichts“, sagt die Erstautorin Dr. Anna Roth, Oberärztin in Kiel."
    )
    assert quotes_of(analyse(text))[0].speaker == "Anna Roth"


def test_darin_heisst_es_quotes_the_author_of_the_document_named_before(analyse: Analyse) -> None:
    text = (
        "Die Brenner Stahl AG hat in einem Schreiben an das Gericht Einspruch eingelegt. "
        "Darin heißt es: „Wir haben nichts falsch gemacht.“"
    )
    assert quotes_of(analyse(text))[0].speaker == "Brenner Stahl AG"


def test_darin_heisst_es_quotes_the_owner_of_the_document_in_swiss_spelling_too(analyse: Analyse) -> None:
    text = "Das geht aus einem Bericht der Nato hervor. «Die Lage ist ernst», heisst es darin."
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker, quote.cue) == ("Nato", "heisst es")


def test_darin_heisst_es_names_an_unnamed_owner_as_written(analyse: Analyse) -> None:
    text = (
        "Das Gutachten eines Ingenieurbüros aus Uelzen beziffert den Schaden auf vier Millionen. "
        "Das Bad sei „so nicht mehr zu betreiben“, heißt es darin."
    )
    assert quotes_of(analyse(text))[0].speaker_text == "eines Ingenieurbüros aus Uelzen"


def test_darin_without_a_document_before_names_no_one(analyse: Analyse) -> None:
    text = "Die Brenner Stahl AG schweigt. Der Hafen ist voll. „Alles bleibt zu“, heißt es darin."
    assert quotes_of(analyse(text))[0].speaker is None


def test_a_quote_after_a_sentence_about_another_named_person_is_theirs(analyse: Analyse) -> None:
    text = (
        "„Ich würde es wieder tun“, sagte Anna Roth. Ihr Mitangeklagter Paul Weber wirkte nachdenklicher. "
        "„Ich hatte Angst an diesem Morgen.“"
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Anna Roth", "Paul Weber"]


def test_a_paragraph_opening_quote_is_the_person_the_next_sentence_names(analyse: Analyse) -> None:
    text = """„Das ist ein Projekt für Generationen“, sagte Anna Roth.
    „Das ist viel zu langsam.“ Paul Weber, der für den Naturschutz arbeitet, hat nachgerechnet."""
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Anna Roth", "Paul Weber"]


def test_the_previous_speaker_named_again_keeps_the_quote(analyse: Analyse) -> None:
    text = """„Das ist ein Projekt für Generationen“, sagte Anna Roth.
    „Das dauert.“ Roth hat nachgerechnet."""
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Anna Roth", "Anna Roth"]


def test_before_a_colon_the_main_clause_names_the_speaker_not_the_clause_it_embeds(analyse: Analyse) -> None:
    text = (
        "Anna Roth fordert eine Buchung von Zeitfenstern, wie sie auch Paul Weber vorgeschlagen hat: "
        "„Dann wüsste jeder Fahrer, wann er fahren darf.“"
    )
    assert quotes_of(analyse(text))[0].speaker == "Anna Roth"


def test_a_dass_clause_before_a_colon_does_not_hide_the_subject_of_the_main_clause(analyse: Analyse) -> None:
    text = "Maria Lang befürchtet, dass die Debatte über die Preise entschieden wird: „Dann verlieren alle.“"
    assert quotes_of(analyse(text))[0].speaker == "Maria Lang"


def test_an_age_noun_takes_up_the_unnamed_person_of_its_gender_before_it(analyse: Analyse) -> None:
    text = (
        "Am zweiten Verhandlungstag hatte ein Schichtleiter der Flughafenwache ausgesagt. "
        "„Wir wussten in den ersten Minuten nichts“, schilderte der 49-Jährige."
    )
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker, quote.speaker_text) == ("ein Schichtleiter der Flughafenwache", "der 49-Jährige")


def test_an_age_noun_of_another_gender_stays_as_written(analyse: Analyse) -> None:
    text = (
        "Am zweiten Verhandlungstag hatte eine Schichtleiterin der Flughafenwache ausgesagt. "
        "„Wir wussten in den ersten Minuten nichts“, schilderte der 49-Jährige."
    )
    assert quotes_of(analyse(text))[0].speaker_text == "der 49-Jährige"


def test_a_plural_sie_after_a_plural_verb_takes_up_the_group_named_before(analyse: Analyse) -> None:
    text = (
        "Die Nachbarn sehen das Projekt mit gemischten Gefühlen. Einige fürchten um ihre Keller. "
        "»Der macht sein Moor, und wir kriegen nasse Füße«, sagen sie im Dorf."
    )
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker, quote.speaker_text, quote.speaker_kind) == (None, "Die Nachbarn", "group")


def test_a_plural_sie_with_no_group_before_stays_the_pronoun(analyse: Analyse) -> None:
    text = "Der Hafen ist voll. »Wir warten seit Tagen«, sagen sie im Dorf."
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker_text, quote.speaker_kind) == ("sie", "group")


def test_an_organisation_in_a_speakers_genitive_is_not_the_subject(analyse: Analyse) -> None:
    text = (
        "Eine Sprecherin der Struktur- und Genehmigungsdirektion Süd sagte auf Anfrage, "
        "der Antrag werde „nach Recht und Gesetz“ geprüft."
    )
    quote = quotes_of(analyse(text))[0]
    assert quote.speaker_text == "Eine Sprecherin der Struktur- und Genehmigungsdirektion Süd"


def test_what_a_crowd_sings_or_chants_is_a_term(analyse: Analyse) -> None:
    text = (
        "Die Fans feierten ihre Mannschaft. „Nie wieder zweite Liga, nie wieder!“, sangen sie noch lange. "
        "Vor dem Rathaus skandierten Hunderte: „Die Schule bleibt hier!“ "
        "„Wir bleiben bis zum Schluss hier“, sagte Anna Roth."
    )
    assert [q.kind for q in quotes_of(analyse(text))] == ["term", "term", "speech"]
