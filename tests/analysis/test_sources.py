"""Who said it when it is no named person: roles, groups, organisations, documents, pronouns —
every attribution pattern of issue 14, in sentences written for these tests (the entity ruler
of the test pipeline, tests/helpers/pipelines.py, knows their names)."""

from __future__ import annotations

import pytest

from reader.analysis import SPEAKER_KINDS, SPEECH


def only_quote(analysis):
    (quote,) = [q for q in analysis.quotes if q.depth == 0]
    return quote


@pytest.mark.parametrize(
    ("text", "written", "kind"),
    [
        (
            "„Die Strecke bleibt bis Montag gesperrt“, sagte eine Sprecherin des Verkehrsministeriums.",
            "eine Sprecherin des Verkehrsministeriums",
            "role",
        ),
        ("Die Oberstaatsanwältin sagte, man habe „keinerlei Zweifel“ an der Schuld.", "Die Oberstaatsanwältin", "role"),
        ("Händler sprachen von „Angstkäufen“.", "Händler", "group"),
        ("Ein Feuerwehrsprecher gab an, dass „niemand verletzt“ worden sei.", "Ein Feuerwehrsprecher", "role"),
        (
            "„Die Menschen hier haben Angst vor dem Winter“, schildert eine Korrespondentin des Senders.",
            "eine Korrespondentin des Senders",
            "role",
        ),
        ("Die Gewerkschaft nannte das „reine Stimmungsmache“.", "Die Gewerkschaft", "organisation"),
        (
            "Das Bundesverfassungsgericht erklärte: „Das Gesetz ist nichtig.“",
            "Das Bundesverfassungsgericht",
            "organisation",
        ),
        ("Das Auswärtige Amt rät, „von Reisen in die Region abzusehen“.", "Das Auswärtige Amt", "organisation"),
        ("„Es ist ein bedauerlicher Einzelfall“, meint der 61-jährige Landwirt.", "der 61-jährige Landwirt", "role"),
        ("„Wir wussten von nichts“, sagte eine Reisende aus Kiel.", "eine Reisende aus Kiel", "role"),
        ("In einem Schreiben heißt es: „Die Frist läuft am Freitag ab.“", "einem Schreiben", "document"),
        ("Nach Angaben der Feuerwehr war die Lage „unübersichtlich und gefährlich“.", "der Feuerwehr", "organisation"),
        ("Laut Polizei war die Lage „unübersichtlich und gefährlich“.", "Polizei", "organisation"),
        ("„Wir prüfen das noch sehr genau“, sagte er.", "er", "pronoun"),
    ],
)
def test_an_unnamed_source_is_named_as_the_text_words_it(analyse, text: str, written: str, kind: str) -> None:
    quote = only_quote(analyse(text))
    assert quote.kind == SPEECH
    assert (quote.speaker, quote.speaker_text, quote.speaker_kind) == (None, written, kind)
    assert text[quote.speaker_start : quote.speaker_end] == written
    assert quote.speaker_kind in SPEAKER_KINDS


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Siemens sprach von einem „bedauerlichen Einzelfall“.", "Siemens"),
        (
            "„Das ist ein bedauerlicher Einzelfall“, sagte die Befehlshaberin der Marine, Admiralin Petra Lange.",
            "Petra Lange",
        ),
        ("„Das Urteil ist ein Signal an alle“, so Hofmann.", "Hofmann"),
        ("„Das Urteil ist ein Signal an alle“, stellte Yilmaz fest.", "Yilmaz"),
        ("Wie Olaf Scholz mitteilte, sei das Treffen „sehr konstruktiv“ gewesen.", "Olaf Scholz"),
        ("Olaf Scholz zufolge war das Treffen „sehr konstruktiv“.", "Olaf Scholz"),
        ("Olaf Scholz wird mit den Worten zitiert: „Wir sind noch lange nicht fertig.“", "Olaf Scholz"),
        ("Laut Olaf Scholz war das Treffen „sehr konstruktiv“.", "Olaf Scholz"),
    ],
)
def test_inverted_trailing_and_prepositional_sources(analyse, text: str, speaker: str) -> None:
    quote = only_quote(analyse(text))
    assert speaker in (quote.speaker or "") or quote.speaker_text == speaker


def test_a_role_in_apposition_is_tied_to_its_person_for_later_quotes(analyse) -> None:
    text = (
        "„Die Lage auf See ist ruhig“, sagte die Befehlshaberin der Marine, Admiralin Petra Lange. "
        "„Wir beobachten aber jede Bewegung“, sagte die Admiralin später."
    )
    assert [q.speaker for q in analyse(text).quotes] == ["Petra Lange", "Petra Lange"]


def test_a_definite_role_takes_up_the_person_just_named(analyse) -> None:
    text = "Bürgermeisterin Maria Lang eröffnete die Sitzung. „Wir bauen noch in diesem Jahr“, sagte die Politikerin."
    quote = only_quote(analyse(text))
    assert (quote.speaker, quote.speaker_text, quote.speaker_kind) == ("Maria Lang", "die Politikerin", "person")


def test_a_definite_role_is_no_guess_when_two_people_fit(analyse) -> None:
    text = "Anna Roth und Maria Lang stritten lange. „Wir bauen noch in diesem Jahr“, sagte die Politikerin."
    assert only_quote(analyse(text)).speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Anna Roth kam spät. Sie sagte: „Wir fangen ohne Umschweife an.“", "Anna Roth"),
        ("Thomas Klein kam spät. Er fuhr fort: „Wir fangen ohne Umschweife an.“", "Thomas Klein"),
        ("Anna Roth kam spät. Sie fügte hinzu: „Wir fangen ohne Umschweife an.“", "Anna Roth"),
    ],
)
def test_pronouns_go_to_the_nearest_fitting_person(analyse, text: str, speaker: str) -> None:
    assert only_quote(analyse(text)).speaker == speaker


def test_a_pronoun_can_stand_for_an_organisation(analyse) -> None:
    quote = only_quote(analyse("Die Gewerkschaft lehnte ab. Sie erklärte: „Das Angebot reicht nicht.“"))
    assert (quote.speaker_text, quote.speaker_kind, quote.speaker_via) == (
        "Die Gewerkschaft",
        "organisation",
        "pronoun",
    )


def test_a_pronoun_prefers_a_person_over_an_organisation(analyse) -> None:
    text = "Die Nato tagte. Anna Roth sprach zuerst. „Wir stehen zusammen“, sagte sie."
    assert only_quote(analyse(text)).speaker == "Anna Roth"


def test_several_quotes_in_a_row_by_one_speaker(analyse) -> None:
    text = (
        "„Wir haben lange verhandelt“, sagte Thomas Klein. „Das Ergebnis kann sich sehen lassen.“ "
        "„Jetzt müssen alle mitziehen.“"
    )
    assert [q.speaker for q in analyse(text).quotes] == ["Thomas Klein"] * 3


def test_a_paragraph_opening_with_a_quote_takes_the_speaker_of_the_next_sentence(analyse) -> None:
    text = "Der Saal war voll.\n„Ich habe mit diesem Ergebnis nicht gerechnet.“ Anna Roth lacht und schüttelt den Kopf."
    quote = only_quote(analyse(text))
    assert (quote.speaker, quote.speaker_via) == ("Anna Roth", "context")


def test_a_quote_standing_alone_after_a_sentence_about_someone_is_theirs(analyse) -> None:
    text = "Landeschefin Anna Roth gab sich zerknirscht. „Das ist bitter, da gibt es nichts schönzureden.“"
    assert only_quote(analyse(text)).speaker == "Anna Roth"


def test_a_quote_standing_alone_after_a_laut_sentence_is_its_sources() -> None:
    from reader.analysis import analyze_spans

    text = (
        "Die Schule sucht Personal. Laut Klein haben sich bisher weniger Absolventen beworben als erhofft. "
        "„Wir werden auch im Herbst wieder kreativ sein müssen.“"
    )
    laut, quote, name = text.index("Laut"), text.index("„"), text.index("Klein")
    sentences = [(0, laut - 1), (laut, quote - 1), (quote, len(text))]
    analysis = analyze_spans("v", "v", "f", text, [(name, name + 5, "PER")], sentences)
    assert (analysis.quotes[0].speaker, analysis.quotes[0].speaker_via) == ("Klein", "context")


def test_a_laut_place_or_unnamed_source_gives_a_lone_quote_no_speaker(analyse) -> None:
    text = "Laut Polizei kamen mehr Zuschauer als erwartet. „Das war ein schöner Abend.“"
    assert only_quote(analyse(text)).speaker is None


def test_an_authors_initials_after_a_lone_quote_are_no_narration() -> None:
    from reader.analysis import analyze_spans

    # the sentence ends after the initials, as a pipeline's senter often leaves them on it
    for signature in ("tr", "lwd/mj"):
        text = f"Anna Roth kündigte eine Versammlung an. „Alle Zahlen kommen auf den Tisch.“ {signature}"
        first = text.index("„")
        sentences = [(0, first - 1), (first, len(text))]
        analysis = analyze_spans("v", "v", "f", text, [(0, 9, "PER")], sentences)
        assert analysis.quotes[0].speaker == "Anna Roth"
    text = "Anna Roth kündigte eine Versammlung an. „Alle Zahlen kommen auf den Tisch.“ Anderer Meinung"
    first = text.index("„")
    analysis = analyze_spans("v", "v", "f", text, [(0, 9, "PER")], [(0, first - 1), (first, len(text))])
    assert analysis.quotes[0].speaker is None  # narration after the quote: no signature


def test_a_dative_addressee_is_not_part_of_the_source(analyse) -> None:
    text = "„Wir bleiben in der Region“, sagte der Manager der Zeitung."
    assert only_quote(analyse(text)).speaker_text == "der Manager"


def test_heisst_es_without_a_source_names_no_one(analyse) -> None:
    quote = only_quote(analyse("Thomas Klein schwieg. „Die Verhandlungen sind vorerst gescheitert“, hieß es."))
    assert (quote.speaker, quote.speaker_text, quote.speaker_kind) == (None, None, "unknown")


def test_a_subject_before_a_relative_clause_is_the_source(analyse) -> None:
    text = "Eine Kostümbildnerin, die seit zwanzig Jahren am Theater arbeitet, sprach von „Selbstausbeutung“."
    assert only_quote(analyse(text)).speaker_text == "Eine Kostümbildnerin"


def test_a_name_particle_opening_the_sentence_is_no_preposition() -> None:
    from reader.analysis import analyze_spans

    text = "Von Hohenberg forderte: „Die Kommission muss endlich einen Plan vorlegen.“"
    start = text.index("Hohenberg")
    analysis = analyze_spans("v", "v", "f", text, [(start, start + 9, "PER")], [(0, len(text))])
    assert analysis.quotes[0].speaker == "Hohenberg"


def test_a_document_owner_named_by_an_institution_noun_is_the_organisation(analyse) -> None:
    text = "Die IG Metall lehnte das Angebot ab. In einem Schreiben der Gewerkschaft heißt es: „Das reicht nicht.“"
    quote = only_quote(analyse(text))
    assert (quote.speaker, quote.speaker_text, quote.speaker_kind) == ("IG Metall", "der Gewerkschaft", "organisation")


def test_the_author_of_a_byline_is_no_antecedent(analyse) -> None:
    text = "Der Pegel fällt.\n\nVon Lena Berg\n\nDer Morgen ist kalt. „Das ist der Rhein im August“, sagt sie."
    assert only_quote(analyse(text)).speaker is None
    named = (
        "Der Pegel fällt.\n\nVon Lena Berg\n\nAnna Roth steht im Steuerhaus. „Das ist der Rhein im August“, sagt sie."
    )
    assert only_quote(analyse(named)).speaker == "Anna Roth"


def test_an_institution_noun_takes_up_the_one_name_it_opens_as_a_compound(analyse) -> None:
    text = (
        "Das Polizeipräsidium Nordhessen nahm drei Männer fest. Die Ermittlungen dauern an. "
        "In einer Mitteilung der Polizei heißt es: „Die Beute stammt aus drei Autos.“"
    )
    quote = only_quote(analyse(text))
    assert (quote.speaker, quote.speaker_text) == ("Polizeipräsidium Nordhessen", "der Polizei")
    two = text.replace("Die Ermittlungen dauern an.", "Die Polizeidirektion Osnabrück half.")
    assert only_quote(analyse(two)).speaker is None  # two such names: no guess


# ---- organisations a document or a generic institution noun stands for ---------------------


def _source(analysis) -> tuple[str | None, str | None, str]:
    quote = only_quote(analysis)
    return (quote.speaker, quote.speaker_text, quote.speaker_kind)


def test_a_call_and_a_brochure_are_documents_whose_owner_speaks(analyse) -> None:
    text = (
        "Die Polizeidirektion Osnabrück sperrte die Brücke. "
        "„Bleiben Sie zu Hause“, heißt es in einem Aufruf der Polizei."
    )
    assert _source(analyse(text))[0] == "Polizeidirektion Osnabrück"


def test_an_unowned_document_is_the_organisation_the_sentences_before_name(analyse) -> None:
    text = (
        "Auf ihrer Tagung in Lindau forderte die Bauministerkonferenz am Mittwoch mehr Geld. "
        "Andernfalls drohe ein Stillstand. In dem Beschluss heißt es: „So geht es nicht weiter.“"
    )
    assert _source(analyse(text)) == (None, "die Bauministerkonferenz", "organisation")
    named = (
        "Der Stahlhersteller Brenner Stahl AG bietet Kunden Rabatte an. Derzeit sind rund 400 Kunden betroffen. "
        "„Wir halten Wort“, heißt es in einer Mitteilung."
    )
    assert _source(analyse(named))[0] == "Brenner Stahl AG"


def test_an_unowned_document_with_no_organisation_near_stays_the_document(analyse) -> None:
    text = "Der Zug fiel aus. Die Fahrgäste warteten lange. „Wir bitten um Geduld“, heißt es in einer Mitteilung."
    assert _source(analyse(text)) == (None, "einer Mitteilung", "document")
    far = (
        "Die Bauministerkonferenz tagte. Der Zug fiel aus. Die Fahrgäste warteten. Es regnete. Es wurde Abend. "
        "„Wir bitten um Geduld“, heißt es in einer Mitteilung."
    )
    assert _source(analyse(far)) == (None, "einer Mitteilung", "document")


def test_an_indictment_is_the_prosecutors_not_the_company_named_after_them(analyse) -> None:
    text = (
        "Die Staatsanwaltschaft hatte vier Jahre gefordert. Die Brenner Stahl AG hatte Arbeiter verliehen. "
        "Die Arbeiter lebten in Baracken. In der Anklageschrift heißt es: „Sie wurden getäuscht.“"
    )
    assert _source(analyse(text)) == (None, "Die Staatsanwaltschaft", "organisation")


def test_his_report_after_a_sentence_about_an_organisation_is_the_organisations(analyse) -> None:
    text = (
        "Ihr Haushälter Paul Weber sprach von Verschwendung. Der Bundesrechnungshof hatte die Praxis kritisiert. "
        "In seinem Bericht hieß es: „Die Preise werden nicht geprüft.“"
    )
    assert _source(analyse(text))[0] == "Bundesrechnungshof"


def test_a_business_report_is_the_cooperative_the_dairy_noun_takes_up(analyse) -> None:
    text = (
        "Der Milchhof Talgrund eG legte am Montag Zahlen vor. Im Jahresmittel zahlte die Molkerei 47 Cent je Kilogramm. "
        "Die Genossenschaft liege damit „im oberen Drittel“, heißt es im Geschäftsbericht."
    )
    assert _source(analyse(text))[0] == "Milchhof Talgrund eG"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "Der Kreiselternbeirat hält das für falsch. "
            "Das Gremium sprach von einem „Rückzug aus dem ländlichen Raum“.",
            ("Kreiselternbeirat", "Das Gremium"),
        ),
        (
            "Das hat die Reederei am Dienstag angekündigt. Die Kosten seien gestiegen. "
            "Ein Betrieb sei „nicht mehr darstellbar“, teilte das Unternehmen mit.",
            (None, "das Unternehmen"),  # "die Reederei" is a noun, no name
        ),
        (
            "Die Industrie- und Handelskammer fordert Hilfe. Die Sperrung treffe die Betriebe, "
            "„die auf jede Minute angewiesen sind“, heißt es in einer Stellungnahme der Kammer.",
            ("Industrie- und Handelskammer", "der Kammer"),
        ),
        (
            "Die Evangelische Kirche von Sachsen-Anhalt unterstützt das. "
            "Die Gemeinden müssten „ehrlich sein“, hatte die Landeskirche geschrieben.",
            ("Evangelische Kirche von Sachsen-Anhalt", "die Landeskirche"),
        ),
    ],
)
def test_a_generic_institution_noun_takes_up_the_unnamed_organisation_of_its_kind(analyse, text, written) -> None:
    # the noun as written; the body it takes up, as the text brought it in, is the speaker
    taken_up, as_written = written
    assert _source(analyse(text)) == (taken_up, as_written, "organisation")


def test_a_generic_institution_noun_passes_over_an_organisation_of_another_kind(analyse) -> None:
    text = "Der Stadtrat hält das für falsch. Ein Betrieb sei „nicht mehr darstellbar“, teilte das Unternehmen mit."
    assert _source(analyse(text)) == (None, "das Unternehmen", "organisation")


def test_an_institution_noun_takes_up_the_name_it_is_a_word_of(analyse) -> None:
    text = (
        "Am Dienstag hat das Sächsische Landesamt für Archäologie den Fund vorgestellt. "
        "Es sei dem Landesamt zufolge „einer der größten Funde“."
    )
    assert _source(analyse(text))[0] == "Sächsische Landesamt für Archäologie"


def test_an_initiative_keeps_its_untagged_name_before_a_place(analyse) -> None:
    text = (
        "Die Bürgerinitiative Gegenwind Sachsen-Anhalt will sich nicht abfinden. "
        "In einem Schreiben der Initiative heißt es: „Wer den Wald opfert, hat nichts verstanden.“"
    )
    assert _source(analyse(text)) == ("Bürgerinitiative Gegenwind Sachsen-Anhalt", "der Initiative", "organisation")


def test_a_town_or_state_named_with_its_place_is_its_administration(analyse) -> None:
    text = (
        "Die Stadt Paris hat die Räumung am Mittag begonnen. "
        "„Bitte folgen Sie den Anweisungen“, heißt es in einer Mitteilung."
    )
    assert _source(analyse(text)) == (None, "Die Stadt Paris", "organisation")
    text = (
        "Das Land Sachsen-Anhalt hat das Projekt genehmigt. Die Bahn muss eine Ausgleichsfläche schaffen. "
        "Die Prüfung sei „streng nach dem Gesetz“ erfolgt, teilte das Land auf Anfrage mit."
    )
    assert _source(analyse(text)) == ("Land Sachsen-Anhalt", "das Land", "organisation")


def test_the_bare_noun_of_a_town_never_named_as_its_administration_stays_as_written(analyse) -> None:
    text = "Anna Roth zog in die Stadt Paris. Der Umzug dauerte lange. Die Lage sei „ernst“, teilte das Land mit."
    assert _source(analyse(text))[1] == "das Land"


def test_an_organisation_noun_opening_its_sentence_keeps_the_untagged_name_after_it(analyse) -> None:
    text = "Die Reederei Möwenflug fährt im Winter seltener. „Wir bedauern das“, teilte die Reederei mit."
    assert _source(analyse(text)) == ("Reederei Möwenflug", "die Reederei", "organisation")
    # after the verb a capitalised word is the object, not a name: "hat die Kammer Mitglieder verloren"
    text = "Gestern hat die Kammer Mitglieder verloren. „Wir bedauern das“, teilte die Kammer mit."
    assert _source(analyse(text)) == (None, "die Kammer", "organisation")


def test_a_bare_institution_noun_takes_up_the_one_body_of_its_kind_the_article_named_in_full(analyse) -> None:
    text = (
        "Die Reederei Möwenflug fährt im Winter seltener. Auf der Insel ist man verärgert. "
        "Die Fähre war die einzige Verbindung. Ab Januar fährt das Schiff nur montags. "
        "Das hat die Reederei angekündigt. Ein Betrieb sei „nicht darstellbar“, teilte das Unternehmen mit."
    )
    assert _source(analyse(text)) == ("Reederei Möwenflug", "das Unternehmen", "organisation")
    text = (
        "Ein Warnstreik hat am Donnerstag den Betrieb an der Universitätsmedizin Paris eingeschränkt. "
        "Die Gewerkschaft fordert mehr Geld. Die Patienten warten. Die Ärzte warten auch. "
        "„Wer einen Termin hat, kommt bitte“, heißt es in einer Mitteilung der Klinik."
    )
    assert _source(analyse(text)) == ("Universitätsmedizin Paris", "der Klinik", "organisation")


def test_a_company_noun_passes_over_a_power_plant_to_the_one_company(analyse) -> None:
    text = (
        "Der Betreiber, die Brenner Stahl AG, beschäftigt noch 7.000 Menschen. "
        "Das Kraftwerk Nordheim geht bis dahin vom Netz. "
        "„Wir bleiben ein Energieunternehmen“, heißt es in einer Broschüre des Konzerns."
    )
    assert _source(analyse(text))[0] == "Brenner Stahl AG"


def test_the_post_is_a_company_a_company_noun_takes_up(analyse) -> None:
    text = (
        "Die Post begründet den Schritt mit dem Rückgang der Kundschaft. "
        "„Heute kommen weniger als zwanzig Personen“, teilte das Unternehmen mit."
    )
    assert _source(analyse(text)) == ("Post", "das Unternehmen", "organisation")


def test_a_source_organisation_after_beim_keeps_its_capitalised_adjective_and_place(analyse) -> None:
    text = "„Jede Minute im Stau kostet Geld“, heisst es beim Kantonalen Gewerbeverband Bern."
    assert _source(analyse(text)) == (None, "Kantonalen Gewerbeverband Bern", "organisation")


def test_a_source_in_the_genitive_takes_up_the_body_its_noun_named_in_full(analyse) -> None:
    text = (
        "Der Evangelische Kirchenkreis Paris will Kirchen abgeben. Die Synode stimmte zu. "
        "Nach Angaben des Kirchenkreises sinken die Zahlen. Für die Gebäude wären 60 Millionen Euro nötig. "
        "„Das übersteigt unsere Möglichkeiten“, heißt es in der Vorlage für die Synode."
    )
    assert _source(analyse(text)) == ("Evangelische Kirchenkreis Paris", "des Kirchenkreises", "organisation")
