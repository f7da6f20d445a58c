"""The rule layer over hand-made word lists and preset NER spans (sentences written for these tests)."""

from __future__ import annotations

import spacy
from spacy.lang.de import German
from spacy.tokens import Doc, Span

from reader.nlp.components.doc_consistency import consistency_spans
from reader.nlp.components.name_spans import NameSpanRules
from tests.helpers.name_rules import name_rules as make_name_rules
from tests.helpers.name_rules import preset, spans_of

COMMON = (
    "regierung",
    "büro",
    "hersteller",
    "chiphersteller",
    "ministerin",
    "rechtler",
    "rätin",
    "betriebsrätin",
    "zeichnungen",
    "plakate",
    "wagen",
    "desinfektion",
    "seite",
    "lieferwagen",
    "konzern",
)


def name_rules(
    common=COMMON,
    keep=(),
    first=("Jana", "Hans", "Ursula", "Jamie", "Thomas"),
    lower=None,
    heads=None,
    english=("is", "a", "not"),
    **settings,
) -> NameSpanRules:
    """The rules over this file's word lists (currencies as CLDR names them)."""
    return make_name_rules(
        common,
        keep,
        first,
        lower,
        heads,
        english,
        currencies=("Euro", "US-Dollar", "Schweizer Franken", "Franken", "Dollar"),
        **settings,
    )


def test_role_nouns_are_cut_off_the_name():
    rules = name_rules()
    doc = preset(
        "Am Montag widersprach Verfassungsrechtler Hans Brandt der Betriebsrätin Jana Roth "
        "und der Bundesgesundheitsministerin Warken , nicht aber der Chiphersteller Infineon .",
        [(3, 6, "PER"), (7, 10, "PER"), (12, 14, "PER"), (18, 20, "ORG")],
    )
    assert spans_of(rules, doc) == [
        ("Hans Brandt", "PER"),
        ("Jana Roth", "PER"),
        ("Warken", "PER"),
        ("Infineon", "ORG"),
    ]
    assert spans_of(name_rules(cut_leading=False), doc)[0] == ("Verfassungsrechtler Hans Brandt", "PER")


def test_sentence_initial_lower_case_words_are_no_names():
    rules = name_rules(lower={"zudem": 1, "offenbar": 8, "kurzfristig": 12})
    doc = preset(
        "Zudem kam Streit auf . Offenbar Scholz war es . Kurzfristig , sagte er .",
        [(0, 1, "ORG"), (5, 7, "PER"), (10, 11, "LOC")],
    )
    assert spans_of(rules, doc) == [("Scholz", "PER")]
    # mid-sentence the same word is not judged by its sentence-initial capital
    mid = preset("Er traf Offenbar in Bonn .", [(2, 3, "PER")])
    assert spans_of(rules, mid) == [("Offenbar", "PER")]


def test_compounds_ending_in_a_common_noun_are_no_names_unless_names_share_the_head():
    rules = name_rules(heads={"zeichnungen": 0, "plakate": 10, "desinfektion": 0, "burg": 90})
    doc = preset(
        "Die Bauzeichnungen , die Werbeplakate , die Flächendesinfektion und Wolfsburg .",
        [(1, 2, "MISC"), (4, 5, "ORG"), (7, 8, "LOC"), (9, 10, "LOC")],
    )
    assert spans_of(rules, doc) == [("Wolfsburg", "LOC")]
    assert spans_of(name_rules(), preset("Der Lieferwagen fuhr .", [(1, 2, "LOC")])) == []


def test_particles_join_a_persons_name():
    rules = name_rules()
    doc = preset(
        "Ursula von der Leyen traf Jamie van der Berg und Merkel von der Seite .",
        [(0, 1, "PER"), (5, 6, "PER"), (10, 11, "PER")],
    )
    assert spans_of(rules, doc) == [("Ursula von der Leyen", "PER"), ("Jamie van der Berg", "PER"), ("Merkel", "PER")]
    assert spans_of(name_rules(extend_particles=False), doc)[0] == ("Ursula", "PER")
    lone = preset("Kronprinz Mohammed bin Salman und später bin Salman allein .", [(3, 4, "PER"), (7, 8, "PER")])
    assert ("bin Salman", "PER") in spans_of(rules, lone)


def test_the_word_after_a_particle_is_a_surname_even_where_it_is_a_noun():
    rules = name_rules(common=(*COMMON, "laken"))
    doc = preset("Verteidiger Hans van Laken traf , dann jubelte van Laken .", [(1, 4, "PER"), (8, 10, "PER")])
    assert spans_of(rules, doc) == [("Hans van Laken", "PER"), ("van Laken", "PER")]


def test_a_noble_particle_after_a_first_name_makes_a_place_the_surname():
    rules = name_rules()
    doc = preset(
        "Ein Sprecher , Thomas zu Ortenburg , sagte das in Ortenburg .", [(3, 4, "PER"), (5, 6, "LOC"), (10, 11, "LOC")]
    )
    assert spans_of(rules, doc) == [("Thomas zu Ortenburg", "PER"), ("Ortenburg", "LOC")]
    # after a surname, or with another preposition, the place stays a place
    other = preset("Dann fuhr Merkel von Ortenburg nach Passau .", [(2, 3, "PER"), (4, 5, "LOC"), (6, 7, "LOC")])
    assert spans_of(rules, other) == [("Merkel", "PER"), ("Ortenburg", "LOC"), ("Passau", "LOC")]


def test_no_quote_marks_and_no_english_function_words_inside_a_name():
    rules = name_rules()
    doc = preset('Er rief : " Putin is a liar " , und „ Trump “ lachte .', [(4, 7, "PER"), (11, 13, "PER")])
    assert spans_of(rules, doc) == [("Putin", "PER"), ("Trump", "PER")]


def test_languages_are_no_entities_by_the_guidelines():
    rules = name_rules()
    doc = preset("Sie sprach Englisch in Paris .", [(2, 3, "MISC"), (4, 5, "LOC")])
    assert spans_of(rules, doc) == [("Paris", "LOC")]
    assert len(spans_of(name_rules(drop_not_names=False), doc)) == 2


def test_currencies_are_misc_wherever_they_stand():
    rules = name_rules()
    doc = preset(
        "Der Konzern zahlte 3 Milliarden Euro , 2 Millionen US-Dollar und 5 Schweizer Franken vor der Euro 2024 .",
        [(5, 6, "ORG"), (12, 13, "MISC"), (16, 18, "MISC")],
    )
    assert spans_of(rules, doc) == [
        ("Euro", "MISC"),
        ("US-Dollar", "MISC"),
        ("Schweizer Franken", "MISC"),
        ("Euro 2024", "MISC"),
    ]
    assert spans_of(name_rules(currencies_as_misc=False), doc) == [
        ("Euro", "ORG"),
        ("Schweizer", "MISC"),
        ("Euro 2024", "MISC"),
    ]


# --- consistency -------------------------------------------------------------


def consistency(words: str, spans, **kwargs) -> list[tuple[int, str, str]]:
    nlp = spacy.blank("de")
    nlp.add_pipe("reader_sentences")
    doc = nlp(Doc(nlp.vocab, words=words.split()))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return [(s.start, s.text, s.label_) for s in consistency_spans(doc, **kwargs)]


def test_a_legal_form_or_a_kind_noun_beats_the_majority_vote():
    words = "Die Kessler AG wächst . Kessler liegt am Rhein . Kessler zahlt . Der Konzern Brenntag auch ; Brenntag ."
    spans = [(1, 2, "ORG"), (5, 6, "LOC"), (10, 11, "LOC"), (15, 16, "LOC"), (18, 19, "LOC")]
    out = consistency(words, spans, org_suffixes=frozenset({"AG"}), is_common=lambda w: w == "Konzern")
    assert [label for _, _, label in out] == ["ORG"] * 5
    # without the evidence the majority (LOC) wins, which is the bug this guards against
    plain = consistency(words, spans)
    assert [label for _, _, label in plain][:3] == ["LOC", "LOC", "LOC"]


def test_a_listed_name_keeps_its_listed_label():
    words = "Siemens baut . Siemens liegt im Norden . Siemens"
    out = consistency(words, [(0, 1, "LOC"), (3, 4, "LOC")], listed={"Siemens": "ORG"})
    assert [(s, label) for s, _, label in out] == [(0, "ORG"), (3, "ORG"), (8, "ORG")]


def test_a_name_needs_min_votes_before_it_spreads():
    words = "Tegel sprach . Dann Tegel ."
    assert consistency(words, [(0, 1, "ORG")])[-1] == (4, "Tegel", "ORG")
    assert consistency(words, [(0, 1, "ORG")], min_votes=2) == [(0, "Tegel", "ORG")]


def test_a_lone_surname_takes_the_particles_of_its_full_name():
    words = "Ursula von der Leyen kam . Von der Leyen sprach , dann von der Leyen ."
    out = consistency(words, [(0, 4, "PER")])
    assert [t for _, t, _ in out] == ["Ursula von der Leyen", "Von der Leyen", "von der Leyen"]


def test_particles_of_a_full_name_make_the_person_in_any_case_and_over_other_labels():
    words = (
        "Die Abgeordnete Katharina von Hohenberg sprach . Von Hohenberg forderte mehr . "
        "Clara zu Reventlow lacht . Abends steht Zu Reventlow am Fluss . Van der Berg traf ."
        " Jamie van der Berg jubelte ."
    )
    # the NER took the lone "Hohenberg" for a place and "der Berg" for something else
    spans = [(2, 5, "PER"), (8, 9, "LOC"), (12, 15, "PER"), (20, 21, "PER"), (25, 27, "MISC"), (29, 33, "PER")]
    out = consistency(words, spans, listed={"Hohenberg": "LOC"})
    assert [(t, label) for _, t, label in out] == [
        ("Katharina von Hohenberg", "PER"),
        ("Von Hohenberg", "PER"),
        ("Clara zu Reventlow", "PER"),
        ("Zu Reventlow", "PER"),
        ("Van der Berg", "PER"),
        ("Jamie van der Berg", "PER"),
    ]
    # without a full name with those particles the words stay as they were
    alone = consistency("Von Hohenberg kam .", [(1, 2, "LOC")])
    assert alone == [(1, "Hohenberg", "LOC")]


def test_a_bare_name_after_a_place_word_is_a_place():
    words = (
        "Die Gäste schliefen in Nikiti . Der Brand brach nahe Nikiti aus , oberhalb von Nikiti . "
        "Angriffe auf Anlagen in Fordo , Natans und Isfahan . Gefechte im ostukrainischen Siwersk ."
    )
    spans = [(4, 5, "PER"), (21, 22, "PER"), (23, 24, "ORG"), (25, 26, "LOC"), (30, 31, "ORG")]
    out = consistency(words, spans)
    assert [(t, label) for _, t, label in out] == [
        ("Nikiti", "LOC"),
        ("Nikiti", "LOC"),
        ("Nikiti", "LOC"),
        ("Fordo", "LOC"),
        ("Natans", "LOC"),
        ("Isfahan", "LOC"),
        ("Siwersk", "LOC"),
    ]


def test_a_person_after_in_stays_a_person():
    # a noun after the name ("in Merkels Kabinett"), a name mostly written without a place word,
    # the surname of a full name: no place
    words = "In Merkels Kabinett saß er . Das Vertrauen in Kessler sinkt . Kessler sagte , Kessler ging ."
    spans = [(1, 2, "PER"), (9, 10, "PER"), (12, 13, "PER"), (15, 16, "PER")]
    assert {label for *_, label in consistency(words, spans)} == {"PER"}
    full = "Anna Lutz kam . Vertrauen in Lutz ."
    assert [label for *_, label in consistency(full, [(0, 2, "PER"), (6, 7, "PER")])] == ["PER", "PER"]


def organisations(words: str, spans: list[tuple[int, int, str]], common=(), **steps) -> list[tuple[str, str]]:
    from reader.nlp.components.organisations import OrganisationRules, organisation_spans

    doc = preset(words, spans)
    rules = OrganisationRules(**steps) if steps else OrganisationRules()
    stop_words = frozenset(w.lower() for w in German.Defaults.stop_words)
    out = organisation_spans(
        doc, list(doc.ents), is_common=lambda w: w.lower() in common, stop_words=stop_words, rules=rules
    )
    return [(s.text, s.label_) for s in out]


def test_an_office_named_by_its_place_is_an_organisation_and_alone_it_is_none():
    words = "Am Amtsgericht Bremen und bei der Polizeidirektion Lübeck , nicht aber bei der Polizei in Kiel ."
    spans = [(2, 3, "LOC"), (7, 8, "LOC"), (15, 16, "LOC")]
    assert organisations(words, spans) == [
        ("Amtsgericht Bremen", "ORG"),
        ("Polizeidirektion Lübeck", "ORG"),
        ("Kiel", "LOC"),
    ]
    assert organisations(words, spans, offices=False)[0] == ("Bremen", "LOC")


def test_ministries_and_federal_bodies_are_organisations():
    words = "Das Familienministerium , ein Sprecher des Bundesumweltministeriums und die Bundesnetzagentur ; nicht das Bundesland ."
    out = organisations(words, [(1, 2, "LOC")])
    assert out == [("Familienministerium", "ORG"), ("Bundesumweltministeriums", "ORG"), ("Bundesnetzagentur", "ORG")]
    # named by the words after it, the one word is not the name ("Bundesamt für Statistik")
    assert organisations("Das Bundesamt für Statistik meldet .", []) == []


def test_bodies_that_exist_once_are_organisations_but_not_a_members_title():
    words = (
        "Der Vermittlungsausschuss tagt , der Ständerat auch ; aus dem Kreml und vom UN-Sicherheitsrat "
        "nichts . Bundesrat Urs Keller sprach im Nationalrat , der Kongress schwieg ."
    )
    # the NER took the Kreml for a place; a word list made "Bundesrat" the body before the member
    spans = [(10, 11, "LOC"), (16, 17, "ORG"), (17, 19, "PER")]
    assert organisations(words, spans) == [
        ("Vermittlungsausschuss", "ORG"),
        ("Ständerat", "ORG"),
        ("Kreml", "ORG"),
        ("UN-Sicherheitsrat", "ORG"),
        ("Urs Keller", "PER"),
        ("Nationalrat", "ORG"),
    ]
    assert organisations(words, spans, bodies=False, offices=False, kinds=False, parties=False)[:2] == [
        ("Kreml", "LOC"),
        ("Bundesrat", "ORG"),
    ]


def test_a_kind_noun_before_a_name_makes_it_an_organisation():
    words = (
        "Der Zahlungsdienstleister Brixwell meldet , der Chipkonzern Norrland Devices auch , "
        "auf der Plattform Q und beim Möbelkonzern Ende März nichts ."
    )
    spans = [(7, 8, "LOC")]
    assert organisations(words, spans, common=("ende", "märz")) == [
        ("Brixwell", "ORG"),
        ("Norrland Devices", "ORG"),
        ("Q", "ORG"),
    ]
    # the kind noun inside an organisation span is no part of the name; a name's own "Verband" is
    kept = organisations(
        "Der Kölner Konzern Brixwell und der Verband Deutscher Reeder .", [(1, 4, "ORG"), (6, 9, "ORG")]
    )
    assert kept == [("Brixwell", "ORG"), ("Verband Deutscher Reeder", "ORG")]


def test_the_us_parties_named_by_their_plural_are_organisations_the_singular_is_a_role():
    words = "Die Demokraten stimmten gegen , den Republikanern half es , der Republikaner Dale Brook schwieg ."
    out = organisations(words, [(12, 14, "PER")])
    assert out == [("Demokraten", "ORG"), ("Republikanern", "ORG"), ("Dale Brook", "PER")]


def test_a_surname_that_is_a_common_noun_spreads_only_where_no_article_stands_before_it():
    words = "Trainer Jonas Brenner kam . Dann traf Brenner , so Brenner . Der Brenner im Ofen und einen neuen Brenner ."
    common = {"Brenner", "Ofen", "Trainer"}
    out = consistency(words, [(1, 3, "PER")], is_common=lambda w: w in common)
    assert [(s, t) for s, t, _ in out] == [(1, "Jonas Brenner"), (7, "Brenner"), (10, "Brenner")]
    plain = consistency(words, [(1, 3, "PER")], is_common=lambda w: w in common, common_surnames=False)
    assert [t for _, t, _ in plain] == ["Jonas Brenner"]


def test_a_names_last_word_proves_its_label_but_never_a_persons():
    from reader.nlp.components.name_heads import labels_by_head

    words = (
        "In der Eishockey-Liga und im Landespokal , beim Silbernen Bären , nach dem Lieferkettengesetz ; "
        "das Halden Research Center , der Nordpark und Maria Preis ."
    )
    spans = [
        (2, 3, "ORG"),
        (5, 6, "ORG"),
        (8, 10, "ORG"),
        (13, 14, "ORG"),
        (16, 19, "MISC"),
        (21, 22, "ORG"),
        (23, 25, "PER"),
    ]
    doc = preset(words, spans)
    assert [(s.text, s.label_) for s in labels_by_head(doc, list(doc.ents))] == [
        ("Eishockey-Liga", "MISC"),
        ("Landespokal", "MISC"),
        ("Silbernen Bären", "MISC"),
        ("Lieferkettengesetz", "MISC"),
        ("Halden Research Center", "ORG"),
        ("Nordpark", "LOC"),
        ("Maria Preis", "PER"),
    ]


def test_no_organisation_is_made_of_a_bare_ministerium_or_a_compound_common_noun():
    words = "nach Angaben seines Ministeriums hat keine Partei Gesprächsbereitschaft gezeigt ."
    assert organisations(words, [], common=("bereitschaft",)) == []


def test_titles_nouns_before_a_first_name_and_kind_of_place_nouns_are_no_part_of_the_name():
    rules = name_rules(common=(*COMMON, "landkreis", "tore"), first=("Malte", "Yannick", "Tore"))
    doc = preset(
        "Mitautor Dr. Malte Jürgensen kam . Durch Tore von Yannick Hessler ging es , im Landkreis Deggendorf auch .",
        [(1, 4, "PER"), (7, 11, "PER"), (15, 17, "LOC")],
    )
    assert spans_of(rules, doc) == [("Malte Jürgensen", "PER"), ("Yannick Hessler", "PER"), ("Deggendorf", "LOC")]


def test_lower_case_words_of_a_foreign_quote_are_no_person_and_no_misc():
    rules = name_rules(english=())
    doc = preset(
        "„ We did not come to Belém “ , sagte sie ; „ every tenth of a degree “ .",
        [(4, 5, "MISC"), (6, 7, "LOC"), (14, 18, "MISC")],
    )
    assert spans_of(rules, doc) == [("Belém", "LOC")]


def test_a_name_holding_an_institution_word_is_an_organisation():
    from reader.nlp.components.name_heads import labels_by_head

    doc = preset("Die Technische Universität Kassel forscht .", [(1, 4, "LOC")])
    assert [(s.text, s.label_) for s in labels_by_head(doc, list(doc.ents))] == [
        ("Technische Universität Kassel", "ORG")
    ]


def test_a_title_in_quotation_marks_after_a_work_noun_is_misc():
    from reader.nlp.components.work_titles import work_title_spans

    doc = preset(
        "Im Podcast „ Neues aus Kassel “ sprach sie , die Ausstellung » Wer malte das ? « folgt , "
        "das Tief „ Gisela “ auch . Sie holte den Titel „ Meisterin “ , das sogenannte „ weiter so “ half .",
        [(5, 6, "LOC"), (23, 24, "PER")],
    )
    assert [(s.text, s.label_) for s in work_title_spans(doc, list(doc.ents))] == [
        ("Neues aus Kassel", "MISC"),
        ("Wer malte das ?", "MISC"),
        ("Gisela", "MISC"),
    ]


def test_a_direction_before_a_listed_place_is_a_place_though_a_noun_list_has_it():
    rules = name_rules(common=(*COMMON, "ostschweiz", "osterhase"), keep=("Schweiz",))
    doc = preset("Gäste aus der Ostschweiz und der Osterhase .", [(3, 4, "LOC"), (6, 7, "LOC")])
    assert spans_of(rules, doc) == [("Ostschweiz", "LOC")]


def test_a_hyphenated_first_name_keeps_a_surname_that_is_a_noun():
    rules = name_rules(common=(*COMMON, "rauch"), first=("Jan", "Hendrik"))
    doc = preset("Es urteilte Jan-Hendrik Rauch , dann Merkels Rauch .", [(2, 4, "PER"), (6, 8, "PER")])
    assert spans_of(rules, doc) == [("Jan-Hendrik Rauch", "PER"), ("Merkels", "PER")]


def test_a_quoted_clause_and_the_first_word_of_an_english_quote_are_no_names():
    rules = name_rules()
    doc = preset(
        "Er sagte : „ Wer seine Daten verliert , hat Anspruch . “ Sie schrieb : „ Nobody is a fool “ , „ Kessler “ lachte .",
        [(5, 11, "MISC"), (17, 18, "MISC"), (24, 25, "MISC")],
    )
    # "seine Daten …": what is left of a quoted clause once "Wer" is cut off the front
    assert spans_of(rules, doc) == [("Kessler", "MISC")]


def test_a_legal_form_takes_the_whole_company_name():
    from reader.nlp.components.gazetteer import org_suffix_spans

    suffixes = frozenset({"GmbH", "KG", "gGmbH"})
    doc = preset(
        "Die Erzland Automotive GmbH baut , die Isartal Wohnbau GmbH & Co. KG auch , "
        "der Sicherheitsdienst Ziegler & Partner Transporte GmbH nicht .",
        [(2, 4, "ORG"), (17, 18, "PER")],
    )
    assert [(s.text, s.label_) for s in org_suffix_spans(doc, suffixes)] == [
        ("Erzland Automotive GmbH", "ORG"),
        ("Isartal Wohnbau GmbH & Co. KG", "ORG"),
        ("Ziegler & Partner Transporte GmbH", "ORG"),
    ]


def test_what_issues_shares_is_an_organisation_and_an_acronym_after_a_role_noun_no_person():
    words = "Die Aktien von Rheinmetall , Kessler und Ostwind legten zu ."
    assert organisations(words, [(3, 4, "LOC"), (5, 6, "PER")]) == [
        ("Rheinmetall", "ORG"),
        ("Kessler", "ORG"),
        ("Ostwind", "ORG"),
    ]
    roles = "Der Veranstalter TUI bietet Flüge , der Veranstalter Kessler nicht ."
    out = consistency(
        roles, [(2, 3, "ORG"), (8, 9, "ORG")], role_heads=("veranstalter",), is_common=lambda w: w == "Veranstalter"
    )
    assert [(t, label) for _, t, label in out] == [("TUI", "ORG"), ("Kessler", "PER")]


def test_a_name_with_a_list_of_fields_after_fuer_reaches_to_its_last_field():
    words = (
        "Das Landesamt für Forsten , Jagd und Fischerei der Provinz meldet , das Institut für Seenkunde und Feuerwehr ."
    )
    spans = [(1, 4, "ORG"), (13, 16, "ORG")]
    assert organisations(words, spans) == [
        ("Landesamt für Forsten , Jagd und Fischerei der Provinz", "ORG"),
        ("Institut für Seenkunde", "ORG"),  # no comma: two bodies, not a list of fields
    ]


def test_an_association_keeps_the_genitive_that_says_whose_it_is():
    words = "Der Norddeutsche Fachverband der Imker-Vereine warnt , der Bundesverband der Deutschen Seilmacher auch ."
    assert organisations(words, [(1, 3, "ORG")]) == [
        ("Norddeutsche Fachverband der Imker-Vereine", "ORG"),
        ("Bundesverband der Deutschen Seilmacher", "ORG"),
    ]
    # untagged and without an adjective the genitive is no part of a name: "der Bauernverband der Region"
    assert organisations("Der Bauernverband der Region tagt .", []) == []


def test_a_bare_association_head_with_two_fields_is_one_name():
    words = "Der Verband Handwerk und Heimat sprach , der Verband Nordwind und die Stadt auch ."
    assert organisations(words, []) == [("Verband Handwerk und Heimat", "ORG"), ("Nordwind", "ORG")]


def test_an_institution_and_its_place_are_one_organisation_with_the_words_that_qualify_it():
    words = "Die Freiwillige Feuerwehr Talheim und die Industrie- und Handelskammer Nordau , nicht die Feuerwehr in Talheim ."
    spans = [(3, 4, "LOC"), (9, 10, "LOC"), (15, 16, "LOC")]
    assert organisations(words, spans) == [
        ("Freiwillige Feuerwehr Talheim", "ORG"),
        ("Industrie- und Handelskammer Nordau", "ORG"),
        ("Talheim", "LOC"),
    ]
    # a place in the genitive says whose it is: "die Feuerwehr Talheims"
    assert organisations("Die Feuerwehr Talheims rückte aus .", [(2, 3, "LOC")]) == [("Talheims", "LOC")]


def test_an_office_of_a_places_administration_is_one_organisation():
    words = "Beim Bauamt des Kreises Talheim heißt es , das Jugendamt der Stadt Nordau prüfe ."
    assert organisations(words, [(4, 5, "LOC"), (12, 13, "LOC")]) == [
        ("Bauamt des Kreises Talheim", "ORG"),
        ("Jugendamt der Stadt Nordau", "ORG"),
    ]
