"""The attribution rules of the third round of issue 14 (direct quotes), each on sentences
written for this test (names known to the test pipeline's entity ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import SPEECH, ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def quotes_of(analysis: ArticleAnalysis) -> list:
    return [q for q in analysis.quotes if q.depth == 0]


def test_a_surname_with_its_particle_after_the_verb_is_the_subject(analyse: Analyse) -> None:
    text = (
        "Johanna von Falkenau leitet das Werk seit Mai. "
        "„Wir bleiben hier“, sagte von Falkenau am Abend. „Das ist versprochen.“"
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Johanna von Falkenau", "Johanna von Falkenau"]


def test_a_preposition_before_a_name_still_makes_it_oblique(analyse: Analyse) -> None:
    # "von" here is a preposition: Lena Berg is not the subject of "sprach"
    text = "Johanna von Falkenau kam. „Es reicht“, sprach man von Berg."
    assert quotes_of(analyse(text))[0].speaker != "Lena Berg"


def test_an_organisation_in_the_dative_before_zufolge_is_the_source(analyse: Analyse) -> None:
    text = "Dem Deutschen Richterbund zufolge ist der Entwurf „ein Angriff auf die Unabhängigkeit“."
    quote = quotes_of(analyse(text))[0]
    assert (quote.kind, quote.speaker) == (SPEECH, "Deutsche Richterbund")


def test_a_short_whole_sentence_after_a_quote_is_speech_that_continues_it(analyse: Analyse) -> None:
    text = "„Der Plan steht seit Wochen fest“, sagte Anna Roth. „Er gilt.“ Danach ging sie."
    second = quotes_of(analyse(text))[1]
    assert (second.kind, second.speaker) == (SPEECH, "Anna Roth")


def test_an_organisation_noun_before_its_name_is_no_anaphor_of_another(analyse: Analyse) -> None:
    # "Der Mieterverband VdM" is VdM itself; "Der Verband" then takes VdM up, not the Nato before it
    text = (
        "Die Nato tagte in Berlin. Der Mieterverband VdM reagierte empört. "
        "Der Verband sprach von „einem Schlag ins Gesicht aller Mieter“."
    )
    assert quotes_of(analyse(text))[0].speaker == "VdM"


def test_a_particle_surname_opening_a_sentence_names_its_person(analyse: Analyse) -> None:
    text = "Samira al-Rashid forscht in Bern. Al-Rashid überlegt kurz. „Das kann niemand sagen.“"
    assert quotes_of(analyse(text))[0].speaker == "Samira al-Rashid"


def test_a_role_ending_in_frau_is_feminine_for_the_pronoun(analyse: Analyse) -> None:
    text = (
        "„Wir tragen das mit“, sagte die Obfrau der Union, Karla Winter. Der Antrag sei spät gekommen. "
        "„Das war knapp“, fügte sie hinzu."
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Karla Winter", "Karla Winter"]


def test_names_listed_after_a_preposition_are_no_subjects(analyse: Analyse) -> None:
    # "mit Olaf Scholz, Friedrich Merz und Anna Roth": all three oblique, so the 52-Jährige is
    # the subject of the sentence before them, Maria Lang
    text = (
        "Maria Lang kam am Morgen. Die Sitzung mit Olaf Scholz, Friedrich Merz und Anna Roth dauerte lange. "
        "„Es war ein gutes Gespräch“, sagte die 52-Jährige."
    )
    assert quotes_of(analyse(text))[0].speaker == "Maria Lang"


def test_a_definite_organisation_noun_takes_up_the_subject_before_other_organisations(analyse: Analyse) -> None:
    # the sentence before names two organisations; its subject is the one "der Verband" means
    text = (
        "Der Deutsche Richterbund beruft sich auf eine Studie von Siemens. "
        "Der Verband nennt die Reform „einen Rückschritt für den Rechtsstaat“."
    )
    assert quotes_of(analyse(text))[0].speaker == "Deutsche Richterbund"


def test_a_company_named_by_what_it_does_takes_up_the_company(analyse: Analyse) -> None:
    text = (
        "Der Ausfall traf Tausende Kunden. Verantwortlich ist der Netzbetreiber VdM aus Bern. "
        "„Wir arbeiten mit Hochdruck an einer Lösung“, teilte der Betreiber mit."
    )
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker, quote.speaker_text) == ("VdM", "der Betreiber")


def test_a_role_with_an_age_takes_up_the_person_named_before(analyse: Analyse) -> None:
    text = (
        "Hans Peter Fischer aus Kiel ist seit dem Morgen dabei. "
        "„Das lassen wir uns nicht gefallen“, sagt der 58-jährige Bürgermeister."
    )
    assert quotes_of(analyse(text))[0].speaker == "Hans Peter Fischer"


def test_a_role_with_another_adjective_still_brings_in_someone_new(analyse: Analyse) -> None:
    text = (
        "Hans Peter Fischer aus Kiel ist seit dem Morgen dabei. "
        "„Das lassen wir nicht zu“, sagt der französische Bürgermeister."
    )
    assert quotes_of(analyse(text))[0].speaker is None


def test_a_pair_of_feminine_and_masculine_plurals_is_one_group(analyse: Analyse) -> None:
    text = "Pflegerinnen und Pfleger der Nachtschicht klagten über „Dienste ohne Pause“."
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker_text, quote.speaker_kind) == ("Pflegerinnen und Pfleger der Nachtschicht", "group")


def test_a_pair_of_role_nouns_is_one_group(analyse: Analyse) -> None:
    text = "Lehrerinnen und Lehrer sprachen von „Unterricht im Dauerausnahmezustand“."
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker_text, quote.speaker_kind) == ("Lehrerinnen und Lehrer", "group")


def test_what_an_office_is_for_belongs_to_its_name(analyse: Analyse) -> None:
    text = "Der Antrag werde „sorgfältig geprüft“, teilte das Amt für Umwelt und Verkehr mit."
    assert quotes_of(analyse(text))[0].speaker_text == "das Amt für Umwelt und Verkehr"


def test_for_whom_someone_speaks_is_no_part_of_the_source(analyse: Analyse) -> None:
    text = "„Wir warten ab“, sagte ein Sprecher für die Presse in Bern."
    assert quotes_of(analyse(text))[0].speaker_text == "ein Sprecher"


def test_a_verb_of_manner_after_a_quotation_is_its_cue(analyse: Analyse) -> None:
    text = "„Was für ein Abend“, schwärmte Anna Roth nach dem Konzert. „Nie wieder“, stöhnte Paul Weber."
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Anna Roth", "Paul Weber"]


def test_a_name_after_a_contracted_preposition_and_its_noun_is_oblique(analyse: Analyse) -> None:
    # "im Sender CNN": where he spoke, not who spoke
    text = "Nach dem Brand in Bern sagte ein Sprecher im Sender CNN: „Die Lage ist unter Kontrolle.“"
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker, quote.speaker_text) == (None, "ein Sprecher")


def test_an_unowned_document_is_the_organisation_that_opened_the_sentence_before(analyse: Analyse) -> None:
    text = "Die Gewerkschaft IG Metall lehnt den Plan ab. In einer Erklärung heißt es: „Wir werden streiken.“"
    assert quotes_of(analyse(text))[0].speaker == "IG Metall"


def test_a_document_of_an_organisation_named_by_a_possessive(analyse: Analyse) -> None:
    text = (
        "Der Landesrechnungshof hat die Ausgaben geprüft. "
        "In seinem Bericht hieß es: „Die Kosten sind nicht nachvollziehbar.“"
    )
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker_text, quote.speaker_kind) == ("Der Landesrechnungshof", "organisation")


def test_an_unowned_document_after_a_sentence_about_a_person_stays_the_document(analyse: Analyse) -> None:
    text = "Anna Roth lehnt den Plan ab. In einer Erklärung heißt es: „Wir werden streiken.“"
    quote = quotes_of(analyse(text))[0]
    assert (quote.speaker, quote.speaker_text) == (None, "einer Erklärung")


def test_a_heading_quotation_takes_the_speaker_of_the_statement_it_shortens(analyse: Analyse) -> None:
    text = (
        "14:05 Uhr – „Wir bleiben im Dorf“\n\n"
        "Viele Bewohner harren aus. „Wir bleiben trotz allem im Dorf, solange es geht“, sagte Anna Roth am Telefon."
    )
    heading, body = quotes_of(analyse(text))
    assert (heading.kind, heading.speaker, heading.speaker_via) == (SPEECH, "Anna Roth", "heading")
    assert body.speaker == "Anna Roth"


def test_a_heading_term_quoted_in_a_later_statement_is_that_statement(analyse: Analyse) -> None:
    text = (
        "Polizei: Lage „unter Kontrolle“\n\n"
        "Ein Sprecher der Polizei sagte am Abend, die Lage sei „inzwischen unter Kontrolle“."
    )
    heading = quotes_of(analyse(text))[0]
    assert (heading.kind, heading.speaker_text) == (SPEECH, "Ein Sprecher der Polizei")


def test_a_quotation_in_a_sentence_is_no_heading_echo(analyse: Analyse) -> None:
    text = (
        "Er las das Buch „Wir bleiben im Dorf“ in einer Nacht.\n\n"
        "„Wir bleiben trotz allem im Dorf, solange es geht“, sagte Anna Roth am Telefon."
    )
    assert quotes_of(analyse(text))[0].speaker is None


def test_a_quotation_then_so_verb_es_names_its_speaker(analyse: Analyse) -> None:
    text = "Paul Weber lobte den Entwurf. „Die Reform kommt zu spät.“ So formuliert es Anna Roth, Ökonomin in Kiel."
    assert quotes_of(analyse(text))[0].speaker == "Anna Roth"


def test_a_definite_role_takes_up_the_unnamed_source_it_repeats(analyse: Analyse) -> None:
    text = (
        "Ein Sprecher des Innenministeriums sagte, die Lage sei ruhig. "
        "„Wir beobachten die Entwicklung genau“, sagte der Sprecher."
    )
    quote = quotes_of(analyse(text))[-1]
    assert (quote.speaker, quote.speaker_text) == ("Ein Sprecher des Innenministeriums", "der Sprecher")


def test_whom_an_active_zitieren_quotes_is_its_object(analyse: Analyse) -> None:
    text = "Die Agentur Reuters zitierte einen Sprecher der Regierung mit den Worten: „Wir verhandeln weiter.“"
    assert quotes_of(analyse(text))[0].speaker_text == "einen Sprecher der Regierung"


def test_in_the_passive_zitieren_quotes_its_subject(analyse: Analyse) -> None:
    text = "In der Mitteilung wird Anna Roth mit den Worten zitiert: „Wir verhandeln weiter.“"
    assert quotes_of(analyse(text))[0].speaker == "Anna Roth"


def test_sentences_that_are_only_quotations_do_not_distance_a_pronoun_from_its_speaker(analyse: Analyse) -> None:
    text = (
        "„Wir fangen heute an“, sagte Anna Roth. „Erstens sparen wir.“ „Zweitens bauen wir.“ "
        "Paul Weber hörte zu. Es regnete. „Drittens warten wir nicht länger“, ergänzte sie."
    )
    assert quotes_of(analyse(text))[-1].speaker == "Anna Roth"


def test_der_before_a_feminine_role_is_no_subject(analyse: Analyse) -> None:
    # "wirft der Bürgermeisterin vor": a dative, so no subject that takes up the person before it
    text = (
        "„Wir bauen die Brücke“, sagte Anna Roth. Paul Weber wirft der Bürgermeisterin Eitelkeit vor. "
        "„Das ist Unsinn“, sagt die Bürgermeisterin."
    )
    analysis = analyse(text)
    dative = text.index("der Bürgermeisterin")
    assert all(link.start != dative for link in analysis.roles)


def test_an_academic_title_between_role_and_name_ties_them(analyse: Analyse) -> None:
    text = "Studienleiterin Prof. Dr. Anna Roth warnt vor Eile. „Ein Plan allein hilft niemandem“, sagt sie."
    analysis = analyse(text)
    assert quotes_of(analysis)[0].speaker == "Anna Roth"
    assert ("studienleiterin", "anna roth") in {(link.role, link.key) for link in analysis.roles}


def test_nach_angaben_eines_role_is_the_source(analyse: Analyse) -> None:
    text = "Nach Angaben eines Feuerwehrsprechers war das Feuer „binnen Minuten“ gelöscht."
    quote = quotes_of(analyse(text))[0]
    assert (quote.kind, quote.speaker_text) == (SPEECH, "eines Feuerwehrsprechers")


def test_a_newspaper_title_in_quotes_is_a_term(analyse: Analyse) -> None:
    text = "Der Zeitung „Kieler Nachrichten“ sagte Anna Roth: „Wir bleiben dran.“"
    first, second = quotes_of(analyse(text))
    assert first.kind != SPEECH
    assert (second.kind, second.speaker) == (SPEECH, "Anna Roth")


def test_the_subject_of_a_relative_clause_does_not_speak(analyse: Analyse) -> None:
    text = "Eine Nachbarin, deren Tochter die Schule besucht, sagte: „Wir haben lange gewartet.“"
    assert quotes_of(analyse(text))[0].speaker_text == "Eine Nachbarin"


def test_the_head_noun_of_an_organisations_name_stands_for_it(analyse: Analyse) -> None:
    text = "Die Nordsee Bahn fährt wieder. Nach Angaben der Bahn sind „fast alle Züge pünktlich“."
    assert quotes_of(analyse(text))[0].speaker == "Nordsee Bahn"


def test_a_head_noun_two_organisations_end_in_names_neither(analyse: Analyse) -> None:
    text = "Die Nordsee Bahn und die Westfälische Bahn streiten. Nach Angaben der Bahn sind „fast alle Züge pünktlich“."
    assert quotes_of(analyse(text))[0].speaker is None


def test_a_name_opened_by_a_preposition_has_no_head_noun_that_stands_for_it(analyse: Analyse) -> None:
    # "Pro Bahn" is for the railway, not a railway: "die Bahn" is still the Nordsee Bahn
    text = "Die Nordsee Bahn und Pro Bahn streiten. Nach Angaben der Bahn sind „fast alle Züge pünktlich“."
    assert quotes_of(analyse(text))[0].speaker == "Nordsee Bahn"


def test_der_before_the_head_noun_of_a_feminine_name_is_no_subject(analyse: Analyse) -> None:
    # "Westfälische Bahn": its adjective makes "Bahn" feminine, so "der Bahn" is a dative here
    text = (
        "Die Westfälische Bahn meldet Ausfälle. Die IG Metall warf der Bahn vor, „seit Jahren an der "
        "Sicherheit gespart“ zu haben."
    )
    assert quotes_of(analyse(text))[0].speaker == "IG Metall"


def test_der_before_the_head_noun_of_a_name_whose_adjective_follows_der_is_a_subject(analyse: Analyse) -> None:
    # "Der Hessische Bauernverband": the weak "-e" after "der" says nothing feminine
    text = (
        "Der Hessische Bauernverband fordert Hilfe. Zudem kritisierte der Bauernverband die Pläne als "
        "„völlig unzureichend“."
    )
    assert quotes_of(analyse(text))[0].speaker == "Hessische Bauernverband"
