"""The attribution rules of the second round of issue 14, each on sentences written for this
test (names known to the test pipeline's entity ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import SPEECH, ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def quotes_of(analysis: ArticleAnalysis) -> list:
    return [q for q in analysis.quotes if q.depth == 0]


def last_quote(analysis: ArticleAnalysis):
    return quotes_of(analysis)[-1]


def test_a_nominalised_role_takes_its_gender_from_its_article(analyse: Analyse) -> None:
    # "Abgeordnete" ends like a masculine role noun; without an article it tells no gender, so
    # the first name decides and "sie" finds her
    quote = last_quote(
        analyse("CDU-Abgeordnete Maria Lang lobte den Entwurf. „Er kommt spät, aber er kommt“, sagte sie.")
    )
    assert quote.speaker == "Maria Lang"


def test_an_apposition_is_tied_to_the_role_that_heads_it_not_to_its_genitive(analyse: Analyse) -> None:
    text = (
        "„Das Paket ist tot“, erklärte die Sprecherin der Republikaner im Stadtrat, Lena Berg, am Abend. "
        "Die Politikerin sagte außerdem, man werde „jede Abstimmung blockieren“."
    )
    analysis = analyse(text)
    assert [q.speaker for q in quotes_of(analysis)] == ["Lena Berg", "Lena Berg"]
    assert "sprecherin" in {link.role for link in analysis.roles}
    assert "republikaner" not in {link.role for link in analysis.roles}


def test_a_resolved_pronoun_carries_its_person_to_the_next_sentences(analyse: Analyse) -> None:
    text = (
        "Anna Roth stammt aus Kiel. Dass sie Juristin ist, erwähnt sie selten. "
        "Vergleiche mit Olaf Scholz hört sie oft. „Das nehme ich sportlich.“\n"
        "Ihr Stellvertreter Thomas Klein ist ein Vertrauter. Bei jedem Treffen begrüßt sie ihn mit „Moin, Chef“."
    )
    assert last_quote(analyse(text)).speaker == "Anna Roth"


def test_a_dateline_agency_does_not_hide_the_person_a_definite_role_takes_up(analyse: Analyse) -> None:
    text = "Kiel (Reuters) - Maria Lang hat das Rennen gewonnen. Die 27-Jährige sagte: „Ich bin überglücklich.“"
    assert last_quote(analyse(text)).speaker == "Maria Lang"


def test_a_place_in_the_genitive_after_a_role_is_whose_role_not_who_speaks(analyse: Analyse) -> None:
    text = "„Wir geben nicht auf“, sagte die Verhandlungsführerin Russlands, Petra Lange, in Bern."
    quote = last_quote(analyse(text))
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Petra Lange", "Petra Lange")


def test_a_clause_with_its_own_subject_after_the_quote_is_no_inverted_cue(analyse: Analyse) -> None:
    quote = last_quote(analyse("Händler sprachen von „Angstkäufen“, die Regierung forderte Ruhe."))
    assert quote.speaker_text == "Händler"
    # while the inverted cue itself still counts
    assert last_quote(analyse("„Das wird teuer“, sagte die Regierung.")).speaker_text == "die Regierung"


def test_reported_speech_goes_on_from_the_cue_before_it(analyse: Analyse) -> None:
    quote = last_quote(analyse("Das Ministerium verwies auf den Plan. Man arbeite „mit Hochdruck“ daran."))
    assert (quote.kind, quote.speaker_text) == (SPEECH, "Das Ministerium")


def test_a_bare_hiess_es_takes_the_source_of_the_statement_before(analyse: Analyse) -> None:
    text = (
        "Die Preise stiegen um zwei Prozent, wie das Statistische Bundesamt (Destatis) am Freitag mitteilte. "
        "Im Mai waren sie gefallen. Vor allem Energie verteuerte sich „deutlich und spürbar“, hieß es."
    )
    quotes = quotes_of(analyse(text))
    assert quotes[-1].speaker == "Statistische Bundesamt"  # not its short form in parentheses
    assert quotes[-1].cue == "hieß es"


def test_a_report_after_a_semicolon_keeps_the_speaker_of_its_cue(analyse: Analyse) -> None:
    text = (
        "„Wir suchen Zeugen“, sagte Thomas Klein. "
        "Wie viel gestohlen wurde, wollte er nicht sagen; es handle sich aber „um eine große Summe“."
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Thomas Klein", "Thomas Klein"]


def test_man_inside_a_reported_clause_is_not_its_source(analyse: Analyse) -> None:
    text = (
        "„Wir werden regieren“, sagte Thomas Klein. „Mit den Extremen reden wir nicht.“ "
        "Ein Bündnis mit der Mitte sei „eine Option“, über alles Weitere werde man später reden."
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Thomas Klein"] * 3


def test_a_continued_quote_keeps_the_written_mention(analyse: Analyse) -> None:
    text = (
        "Der Verband nannte den Streik „eine Eskalation ohne Maß“. "
        "Ein Streik ohne Verhandlung sei „schlicht unverhältnismäßig“."
    )
    assert [q.speaker_text for q in quotes_of(analyse(text))] == ["Der Verband", "Der Verband"]


def test_an_organisation_noun_keeps_the_acronym_after_it(analyse: Analyse) -> None:
    quote = last_quote(analyse("Der Flughafenverband ADV nannte den Streik „eine Eskalation“."))
    assert (quote.speaker_text, quote.speaker_kind) == ("Der Flughafenverband ADV", "organisation")


def test_a_document_source_is_found_behind_a_long_owner(analyse: Analyse) -> None:
    text = "In einer Mitteilung der Vereinigung der kommunalen Arbeitgeber (KAV) heißt es, das sei „maßlos“."
    assert last_quote(analyse(text)).speaker_text == "der Vereinigung der kommunalen Arbeitgeber"
    text = "In einem Schreiben mehrerer Verbände an die Regierung heißt es: „Ohne Strom keine Fabrik.“"
    assert last_quote(analyse(text)).speaker_text == "einem Schreiben mehrerer Verbände"


def test_a_place_with_an_article_after_aus_is_the_institution_there(analyse: Analyse) -> None:
    quote = last_quote(analyse("Aus dem Weißen Haus heißt es, man sei „zu Gesprächen bereit“."))
    assert quote.speaker == "Weiße Haus"
    assert last_quote(analyse("Aus Berlin heißt es, man sei „zu Gesprächen bereit“.")).speaker is None


def test_an_institution_noun_takes_up_the_organisation_named_outside_the_subject(analyse: Analyse) -> None:
    text = (
        "Nach einer Umfrage der IG Metall ist jeder dritte Betrieb betroffen. "
        "Der Verband sprach von einer „Krise mit Ansage“."
    )
    quote = last_quote(analyse(text))
    assert (quote.speaker, quote.speaker_text) == ("IG Metall", "Der Verband")


def test_a_verb_joined_to_the_cue_is_no_other_speakers_cue(analyse: Analyse) -> None:
    text = (
        "„Ich schaue jetzt immer zweimal hin“, sagt Jens Weber und lacht. "
        "Seine Frau ist vorerst zu ihrer Mutter gezogen.\n„Sie kommt erst zurück, wenn alles geprüft ist.“"
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Jens Weber", "Jens Weber"]


def test_a_quote_carries_on_past_its_own_speakers_reported_cue(analyse: Analyse) -> None:
    text = (
        "„Das kommt zu spät“, sagte Maria Lang am Abend. Dann verwies sie auf die Kosten. "
        "Der Kreis hat kein Geld mehr.\n„Wir müssen sparen, wo es geht.“"
    )
    assert [q.speaker for q in quotes_of(analyse(text))] == ["Maria Lang", "Maria Lang"]
    # another person's cue in between still ends her statement
    text = text.replace("Dann verwies sie", "Jens Weber verwies")
    assert last_quote(analyse(text)).speaker != "Maria Lang"


def test_a_compound_document_noun_quotes_the_organisation_before_it(analyse: Analyse) -> None:
    text = (
        "Die IG Metall fordert den Erhalt aller Stellen. In einem Flugblatt heißt es: „Jetzt ist die Familie am Zug.“"
    )
    assert last_quote(analyse(text)).speaker == "IG Metall"
    text = "Siemens will 2.000 Stellen streichen. In einer Medienmitteilung heißt es, der Umbau sei „unausweichlich“."
    assert last_quote(analyse(text)).speaker == "Siemens"


def test_an_institution_noun_means_the_one_organisation_whose_name_it_opens(analyse: Analyse) -> None:
    text = (
        "Die Polizei bestätigte den Einsatz am Mittag: „Niemand wurde verletzt.“ "
        "Nach Angaben der Polizei Kassel war der Fahrer betrunken."
    )
    assert quotes_of(analyse(text))[0].speaker == "Polizei Kassel"
    text = "Die Universität Kassel lädt ein. Die Universität plant eine Ausstellung: „Jeder ist willkommen.“"
    assert last_quote(analyse(text)).speaker == "Universität Kassel"


def test_a_datelines_agency_is_no_antecedent_of_a_company_noun(analyse: Analyse) -> None:
    text = "Kassel (Reuters) - Die Brenner Stahl AG schließt ein Werk. „Wir bedauern das“, teilte das Unternehmen mit."
    assert last_quote(analyse(text)).speaker == "Brenner Stahl AG"


def test_a_verb_of_evidence_between_two_quotes_does_not_stop_the_speaker(analyse: Analyse) -> None:
    text = (
        "„Das war ein hartes Stück Arbeit“, sagte Trainerin Maria Lang nach dem Spiel. "
        "Ihr Team habe in der Verlängerung Nervenstärke bewiesen. „Wir haben nie aufgehört, an uns zu glauben.“"
    )
    assert last_quote(analyse(text)).speaker == "Maria Lang"
