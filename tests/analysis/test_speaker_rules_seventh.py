"""The attribution rules of round seven of issue 14 (direct quotes, from news_check3's errors), each on
sentences written for this test (names known to the test pipeline's entity ruler, tests/helpers/pipelines.py,
or spans given by hand)."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis import ArticleAnalysis, analyze_spans
from reader.analysis.analyze import canonical_entities
from reader.analysis.short_forms import spells

Analyse = Callable[..., ArticleAnalysis]


def quotes_of(analysis: ArticleAnalysis) -> list:
    return [q for q in analysis.quotes if q.depth == 0]


def test_a_name_ending_in_an_initial_is_named_with_its_period_and_keyed_without() -> None:
    # GUIDELINES: the speaker is the fullest name the article gives, and it writes "Greta M."
    text = "Greta M. (71) öffnete die Tür. „Ich hatte Angst“, sagte Greta M. am Telefon. Später rief Greta M an."
    second, third = text.index("Greta M. am"), text.rindex("Greta")
    spans = [(0, 8, "PER"), (second, second + 8, "PER"), (third, third + 7, "PER")]
    sentences = [(0, 30), (31, text.index(" Später")), (text.index("Später"), len(text))]
    analysis = analyze_spans("g", "v", "f", text, spans, sentences)
    assert [(e.name, e.key) for e in analysis.entities] == [("Greta M.", "greta m")] * 3
    assert [q.speaker for q in analysis.quotes] == ["Greta M."]


def test_a_period_after_a_whole_word_stays_the_sentences() -> None:
    text = "Am Montag sprach Greta Mahler."
    analysis = analyze_spans("g", "v", "f", text, [(17, len(text), "PER")], [(0, len(text))])
    assert [e.name for e in analysis.entities] == ["Greta Mahler"]


def _tagged(text: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Every occurrence of each name as a span with its label, as a pipeline would give them."""
    return sorted(
        (m.start(), m.end(), label)
        for name, label in names
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    )


def test_a_short_form_in_brackets_reaches_back_as_far_as_its_letters_over_a_place_cut_off() -> None:
    text = "Der Landesverband Bergbau Thüringen (LBT) warnte am Montag. „Das reicht nicht“, sagte der LBT."
    spans = _tagged(text, [("Landesverband Bergbau", "ORG"), ("Thüringen", "LOC"), ("LBT", "ORG")])
    analysis = analyze_spans("l", "v", "f", text, spans, [(0, 59), (60, len(text))])
    assert [(e.text, e.name) for e in analysis.entities] == [
        ("Landesverband Bergbau Thüringen", "Landesverband Bergbau Thüringen"),
        ("LBT", "Landesverband Bergbau Thüringen"),
        ("LBT", "Landesverband Bergbau Thüringen"),
    ]
    assert analysis.quotes[0].speaker == "Landesverband Bergbau Thüringen"


def test_a_defined_short_form_the_pipeline_missed_is_tagged_where_it_is_used() -> None:
    text = "Das Bundesinstitut für Gewässerkunde (BfG) misst täglich. „Der Pegel fällt“, teilte das BfG mit."
    spans = _tagged(text, [("Bundesinstitut für Gewässerkunde", "ORG")])
    analysis = analyze_spans("b", "v", "f", text, spans, [(0, 57), (58, len(text))])
    assert [e.text for e in analysis.entities] == ["Bundesinstitut für Gewässerkunde", "BfG", "BfG"]
    assert analysis.quotes[0].speaker == "Bundesinstitut für Gewässerkunde"


def test_a_short_form_without_brackets_is_the_one_name_that_spells_it() -> None:
    text = "Der Deutsche Wetterdienst warnte. Am Abend schrieb der DWD, der Sturm ziehe ab."
    names = [("Deutsche Wetterdienst", "ORG"), ("DWD", "ORG")]
    assert {e.key for e in canonical_entities(text, _tagged(text, names))} == {"deutsche wetterdienst"}
    # two names spell it: no guess
    text = "Der Deutsche Wetterdienst warnte, die Deutsche Werftdirektion auch. Der DWD schwieg."
    names += [("Deutsche Werftdirektion", "ORG")]
    assert len({e.key for e in canonical_entities(text, _tagged(text, names))}) == 3


def test_nothing_untagged_becomes_a_name_and_a_persons_party_stays_the_party() -> None:
    text = "Das Bruttoinlandsprodukt (BIP) sank. Das BIP stieg. Kanzlerin Anna Roth (AR) sprach."
    entities = canonical_entities(text, _tagged(text, [("Anna Roth", "PER")]))
    assert [(e.text, e.key) for e in entities] == [("Anna Roth", "anna roth")]


def test_the_letters_of_a_short_form_come_from_its_words_in_order() -> None:
    assert spells("DWD", ("Deutscher", "Wetterdienst"))  # a compound gives a letter from inside
    assert spells("BSH", ("Bundesamt", "für", "Seeschifffahrt", "und", "Hydrographie"))  # function words none
    assert spells("BLfD", ("Bayerisches", "Landesamt", "für", "Denkmalpflege"))  # or their initial
    assert not spells("KVN", ("Vereinigung", "Niedersachsen"))  # every letter, from the first word on
    assert not spells("BSH", ("für", "Seeschifffahrt", "Hydrographie"))  # a name opens with a content word
    assert not spells("VN", ("Kassenärztliche", "Vereinigung", "Niedersachsen"))  # every content word gives one


def test_die_behoerde_takes_up_the_authority_before_it_in_any_case(analyse: Analyse) -> None:
    # the head "Behörde" ends in -e: stripping a genitive ending must not eat it
    text = (
        "Das Statistische Bundesamt prüft die Werte. Die Messungen dauern an. "
        "„Eine Gefahr besteht nicht“, heißt es in einer Mitteilung der Behörde."
    )
    assert analyse(text).quotes[0].speaker == "Statistische Bundesamt"
    text = "Das Statistische Bundesamt prüft die Werte. „Eine Gefahr besteht nicht“, sagte die Behörde."
    assert analyse(text).quotes[0].speaker == "Statistische Bundesamt"


def test_an_institution_noun_means_the_one_name_whose_first_word_it_heads_as_a_compound(analyse: Analyse) -> None:
    # a teaser before the name: nothing precedes "Das Gericht", the compound's head ties it
    text = (
        "Das Gericht spricht von „grober Fahrlässigkeit“.\n"
        "Kassel. Das Landgericht Kassel hat am Montag geurteilt. Der Prozess dauerte drei Wochen."
    )
    assert analyse(text).quotes[0].speaker == "Landgericht Kassel"


def test_an_institution_noun_two_names_end_in_is_no_guess(analyse: Analyse) -> None:
    text = (
        "Das Gericht spricht von „grober Fahrlässigkeit“.\n"
        "Das Landgericht Kassel und das Amtsgericht Kassel prüfen den Fall. Der Prozess dauerte drei Wochen."
    )
    assert analyse(text).quotes[0].speaker is None


def test_a_noun_phrase_before_zufolge_is_the_source_of_a_short_quote(analyse: Analyse) -> None:
    # the postposition governs the dative before it, with its article as with a bare name
    text = "Die Filter halten viel zurück, den Forschern zufolge reicht das aber „längst nicht“."
    quote = analyse(text).quotes[0]
    assert (quote.kind, quote.speaker_text) == ("speech", "den Forschern")
    text = "Die Filter halten viel zurück, dem Verband zufolge ist das „zu wenig“."
    assert analyse(text).quotes[0].speaker_text == "dem Verband"


def test_a_dative_noun_phrase_without_zufolge_is_no_source(analyse: Analyse) -> None:
    text = "Die Filter halten viel zurück, den Forschern gefällt das „gar nicht“."
    assert analyse(text).quotes[0].speaker_text is None


def test_a_title_of_two_nouns_before_a_name_gives_the_name(analyse: Analyse) -> None:
    text = "„Sie haben Menschen getäuscht“, sagte der Vorsitzende Richter Jens Weber in der Begründung."
    assert analyse(text).quotes[0].speaker == "Jens Weber"


def test_a_role_before_another_noun_without_a_name_stays_the_role(analyse: Analyse) -> None:
    text = "„Sie haben Menschen getäuscht“, sagte der Vorsitzende Richter in der Begründung."
    quote = analyse(text).quotes[0]
    assert (quote.speaker, quote.speaker_text) == (None, "der Vorsitzende")


def test_an_apposition_opened_by_a_genitive_name_is_the_persons_and_gives_her_gender(analyse: Analyse) -> None:
    # "Pauls Frau": the prenominal genitive stands where "die" would ("Deniz Yilmaz, die Frau von Paul")
    text = "Deniz Yilmaz, Pauls Frau, arbeitet im Rathaus. „Wir haben nur abgerissen“, sagt sie."
    assert analyse(text).quotes[0].speaker == "Deniz Yilmaz"


def test_a_genitive_name_in_a_list_opens_no_apposition(analyse: Analyse) -> None:
    text = "Deniz Yilmaz, Pauls Nachbarin und die Kinder kamen. „Wir haben nur abgerissen“, sagt sie."
    assert [link.role for link in analyse(text).roles] == []
    text = "Deniz Yilmaz, Pauls Nachbarin, kam. „Wir haben nur abgerissen“, sagt sie."
    assert [(link.role, link.name) for link in analyse(text).roles] == [("nachbarin", "Deniz Yilmaz")]


def test_a_quote_alone_then_its_speaker_saying_das_is_theirs(analyse: Analyse) -> None:
    # the object "das" of the verb of saying is the quotation before it; its subject says it
    text = "Maria Lang sucht seit Jahren. Gemeldet hat sich niemand. „Keiner will aufs Land.“ Sie sagt das ohne Groll."
    quote = analyse(text).quotes[0]
    assert (quote.speaker, quote.speaker_text) == ("Maria Lang", "Sie")


def test_a_verb_that_is_no_cue_with_das_after_a_quote_names_no_speaker(analyse: Analyse) -> None:
    text = "Maria Lang sucht seit Jahren. Gemeldet hat sich niemand. „Keiner will aufs Land.“ Sie nimmt das hin."
    assert analyse(text).quotes[0].speaker_text is None


def test_a_ticker_heading_naming_its_source_by_a_bare_noun_takes_the_entrys_resolved_source(analyse: Analyse) -> None:
    text = (
        "20.10 Uhr: Polizei: „Drei Verletzte“\n"
        "Die Polizei Kassel meldet erste Zahlen. „Drei Verletzte, alle außer Lebensgefahr“, teilte die Polizei mit."
    )
    heading, entry = quotes_of(analyse(text))
    assert entry.speaker == "Polizei Kassel"
    assert (heading.speaker, heading.speaker_via) == ("Polizei Kassel", "heading")


def test_a_heading_noun_another_source_does_not_share_keeps_its_own_words(analyse: Analyse) -> None:
    text = (
        "20.10 Uhr: Feuerwehr: „Drei Verletzte“\n"
        "Die Polizei Kassel meldet erste Zahlen. „Drei Verletzte, alle außer Lebensgefahr“, teilte die Polizei mit."
    )
    heading = quotes_of(analyse(text))[0]
    assert (heading.speaker, heading.speaker_text) == (None, "Feuerwehr")


def test_ist_von_die_rede_quotes_the_owner_of_the_document_before_it(analyse: Analyse) -> None:
    text = (
        "Die Brenner Stahl AG hatte eine Verschiebung gefordert. "
        "In einem Positionspapier des Unternehmens ist von einem „Bürokratiemonster“ die Rede."
    )
    quote = quotes_of(analyse(text))[0]
    assert (quote.kind, quote.speaker) == ("speech", "Brenner Stahl AG")


def test_die_rede_without_von_before_the_quote_is_no_cue(analyse: Analyse) -> None:
    text = "Die Brenner Stahl AG schwieg. In dem Papier ist „Bürokratiemonster“ die Rede wert."
    assert quotes_of(analyse(text))[0].speaker is None


def test_a_reported_quote_goes_on_from_a_laut_source_in_the_sentence_before(analyse: Analyse) -> None:
    # Konjunktiv I "sei": the statement is still reported, its source the "laut" phrase before
    text = "Laut Statistische Bundesamt wurden 3.000 Fälle gemeldet. Die Dunkelziffer sei „erheblich“."
    assert quotes_of(analyse(text))[0].speaker == "Statistische Bundesamt"


def test_an_indicative_quote_after_a_laut_sentence_is_not_the_sources(analyse: Analyse) -> None:
    text = "Laut Statistische Bundesamt wurden 3.000 Fälle gemeldet. Die Dunkelziffer ist „erheblich“."
    assert quotes_of(analyse(text))[0].speaker is None


def test_swiss_spelling_without_sharp_s_is_a_cue_too(analyse: Analyse) -> None:
    # "begrüsste … als": a verb of characterising, written with ss as Swiss German writes ß
    text = "Die Brenner Stahl AG begrüsste den Entscheid des Parlaments als «Rückkehr zur Vernunft»."
    quote = quotes_of(analyse(text))[0]
    assert (quote.kind, quote.speaker) == ("speech", "Brenner Stahl AG")
    text = "Maria Lang äusserte sich knapp: «Wir warten ab.»"
    assert quotes_of(analyse(text))[0].cue == "äusserte"


def test_a_company_noun_no_sentence_settles_means_the_one_company_named_by_its_legal_form(analyse: Analyse) -> None:
    # the sentences before name two other organisations as subjects: no antecedent, no guess between them
    text = (
        "Anna Roth führt die Brenner Stahl AG in vierter Generation. Die Preise steigen. "
        "Siemens und Reuters verhandeln bereits. Roth setzt deshalb auf den Export. "
        "„Dort zahlen die Kunden“, erklärte das Unternehmen."
    )
    assert quotes_of(analyse(text))[0].speaker == "Brenner Stahl AG"


def test_a_company_noun_with_two_companies_by_legal_form_is_no_guess(analyse: Analyse) -> None:
    text = (
        "Anna Roth führt die Brenner Stahl AG, ihr Bruder die Nordsee Bahn AG. Die Preise steigen. "
        "Siemens und Reuters verhandeln bereits. Roth setzt deshalb auf den Export. "
        "„Dort zahlen die Kunden“, erklärte das Unternehmen."
    )
    assert quotes_of(analyse(text))[0].speaker is None


def _speakers(text: str, names: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?(?:[“«]\.?)?", text) if m.group().strip()]
    analysis = analyze_spans("a", "v", "f", text, _tagged(text, names), sentences)
    return [(q.text, q.speaker) for q in quotes_of(analysis)] + [(q.text, q.speaker) for q in analysis.indirect]


def test_a_person_named_before_an_apposition_that_ends_at_the_cue_is_its_subject() -> None:
    # the apposition holds two roles joined by "und": the later role is a word of the apposition, not the subject
    text = (
        "Jonas Brenner, früher Richter am Landgericht und heute Direktor des Instituts für Strafrecht, "
        "schrieb in einer Stellungnahme: „Das Urteil ist nicht haltbar.“"
    )
    assert _speakers(text, [("Jonas Brenner", "PER")]) == [("Das Urteil ist nicht haltbar.", "Jonas Brenner")]


def test_a_name_before_a_relative_clause_or_a_clause_of_its_own_is_not_taken_for_the_subject() -> None:
    # "weil …" is a clause of its own: its subject is not the person before it
    text = "Wir sprachen mit Jonas Brenner, weil die Ministerin ihn kennt, sagte die Sprecherin: „Es war ein gutes Gespräch.“"
    speakers = _speakers(text, [("Jonas Brenner", "PER")])
    assert speakers and speakers[0][1] != "Jonas Brenner"
