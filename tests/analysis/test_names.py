"""Canonical names: genitives, surnames, initials, across articles; compounds keep their own key."""

from __future__ import annotations

from reader.analysis import LibraryAnalysis
from reader.analysis.names import LibraryNames, genitive_bases, name_key


def keys(analysis) -> list[tuple[str, str]]:
    return [(e.text, e.key) for e in analysis.entities]


def test_surname_and_genitive_map_to_the_full_name(analyse) -> None:
    analysis = analyse("Annalena Baerbock kam. Baerbock sprach. Baerbocks Rede war kurz.")
    assert keys(analysis) == [
        ("Annalena Baerbock", "annalena baerbock"),
        ("Baerbock", "annalena baerbock"),
        ("Baerbocks", "annalena baerbock"),
    ]
    assert {e.name for e in analysis.entities} == {"Annalena Baerbock"}


def test_apostrophe_genitive(analyse) -> None:
    analysis = analyse("Friedrich Merz kam. Merz' Plan scheiterte.")
    assert keys(analysis)[1] == ("Merz'", "friedrich merz")


def test_genitive_of_a_place(analyse) -> None:
    analysis = analyse("Russland schweigt. Russlands Ziele bleiben unklar.")
    assert {e.key for e in analysis.entities} == {"russland"}


def test_ambiguous_surname_stays_a_surname(analyse) -> None:
    analysis = analyse("Jens Weber und Paul Weber kamen. Weber sprach zuerst.")
    assert keys(analysis)[2] == ("Weber", "weber")


def test_middle_initial_does_not_split_a_person() -> None:
    assert name_key("John E. Herbst") == name_key("John Herbst") == "john herbst"
    assert name_key("  Hans   Peter Fischer ") == "hans peter fischer"


def test_genitive_bases() -> None:
    assert genitive_bases("Putins") == ["Putin"]
    assert genitive_bases("Merz'") == ["Merz"]
    assert genitive_bases("Boss") == []


def test_surname_resolves_to_the_full_name_from_another_article(analyse) -> None:
    one = analyse("Boris Pistorius besuchte Kiew.", "one")
    two = analyse("Pistorius sprach in Berlin. Pistorius' Plan gilt als teuer.", "two")
    assert {e.key for e in two.entities if e.label == "PER"} == {"pistorius"}
    library = LibraryAnalysis([one, two])
    resolved = library.article("two")
    assert {e.key for e in resolved.entities if e.label == "PER"} == {"boris pistorius"}
    assert {e.name for e in resolved.entities if e.label == "PER"} == {"Boris Pistorius"}
    entry = library.entity("pistorius")
    assert entry is not None and entry.key == "boris pistorius"
    assert (entry.count("one"), entry.count("two"), entry.count()) == (1, 2, 3)
    assert entry.articles == ("one", "two")


def test_library_surname_ambiguous_stays() -> None:
    names = LibraryNames(
        [("jens weber", "Jens Weber", "PER"), ("paul weber", "Paul Weber", "PER"), ("weber", "Weber", "PER")]
    )
    assert names.key("weber") == "weber"


def test_library_does_not_map_a_place_to_a_person_with_that_surname() -> None:
    names = LibraryNames([("george washington", "George Washington", "PER"), ("washington", "Washington", "LOC")])
    assert names.key("washington") == "washington"


def test_hyphenated_compound_keeps_its_own_key(nlp) -> None:
    """A compound the pipeline marks as one span names a camp or an event, not the person."""
    from reader.analysis import analyze_spans

    text = "Olaf Scholz sprach. Das Scholz-Lager jubelte."
    analysis = analyze_spans("c", "v", "f", text, [(0, 11, "PER"), (24, 36, "MISC")], [(0, 19), (20, len(text))])
    assert [(e.text, e.key) for e in analysis.entities] == [
        ("Olaf Scholz", "olaf scholz"),
        ("Scholz-Lager", "scholz-lager"),
    ]


def test_role_words_inside_a_person_span_are_not_the_name() -> None:
    from reader.analysis import analyze_spans

    text = "Bundeskanzler Olaf Scholz kam. Der frühere Minister Boris Pistorius auch."
    second = text.index("frühere")
    spans = [(0, 25, "PER"), (second, text.index(" auch"), "PER")]
    analysis = analyze_spans("r", "v", "f", text, spans, [(0, 30), (31, len(text))])
    assert [e.text for e in analysis.entities] == ["Olaf Scholz", "Boris Pistorius"]


def test_person_span_ending_in_a_middle_initial_takes_the_surname() -> None:
    from reader.analysis import analyze_spans

    text = "John E. Herbst schrieb. Herbst blieb."
    analysis = analyze_spans("i", "v", "f", text, [(0, 7, "PER"), (24, 30, "PER")], [(0, 23), (24, len(text))])
    assert [(e.text, e.key) for e in analysis.entities] == [
        ("John E. Herbst", "john herbst"),
        ("Herbst", "john herbst"),
    ]


def test_one_label_per_referent_across_the_library() -> None:
    from reader.analysis import analyze_spans

    one_text = "Karin Keller-Sutter kam. Keller-Sutter sprach."
    one = analyze_spans("one", "v", "f", one_text, [(0, 19, "PER"), (25, 38, "PER")], [(0, 24), (25, len(one_text))])
    two_text = "Karin Keller-Sutter schwieg."
    two = analyze_spans("two", "v", "f", two_text, [(0, 19, "LOC")], [(0, len(two_text))])
    library = LibraryAnalysis([one, two])
    assert [(e.key, e.label) for e in library.article("two").entities] == [("karin keller-sutter", "PER")]
    assert library.entity_index["karin keller-sutter"].label == "PER"


def _spans(text: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    import re

    out = []
    for name, label in names:
        out += [(m.start(), m.end(), label) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return sorted(out)


def test_declined_names_go_to_their_base_form() -> None:
    from reader.analysis.analyze import canonical_entities

    text = (
        "Ein Sprecher des Internationalen Strafgerichtshofs schwieg. Der Internationaler Strafgerichtshof "
        "genannte Hof tagt. Die Richter am Strafgerichtshof der Vereinten Nationen beraten."
    )
    spans = _spans(
        text,
        [
            ("Internationalen Strafgerichtshofs", "ORG"),
            ("Internationaler Strafgerichtshof", "ORG"),
            ("Vereinten Nationen", "ORG"),
        ],
    )
    names = {e.text: e.name for e in canonical_entities(text, spans)}
    assert names["Internationalen Strafgerichtshofs"] == "Internationaler Strafgerichtshof"
    assert names["Vereinten Nationen"] == "Vereinte Nationen"


def test_without_a_nominative_in_the_text_the_weak_nominative_is_built() -> None:
    from reader.analysis.analyze import canonical_entities

    text = "Der Strafgerichtshof ist neu. Ein Sprecher des Internationalen Strafgerichtshofs schwieg."
    spans = _spans(text, [("Internationalen Strafgerichtshofs", "ORG")])
    assert [e.name for e in canonical_entities(text, spans)] == ["Internationale Strafgerichtshof"]
    # after "des" the head noun is a genitive and loses its -es; undeclined -er adjectives stay
    text = "Ein Sprecher des Weißen Hauses und die Frankfurter Allgemeine Zeitung."
    spans = _spans(text, [("Weißen Hauses", "LOC"), ("Frankfurter Allgemeine Zeitung", "ORG")])
    assert [e.name for e in canonical_entities(text, spans)] == ["Weiße Haus", "Frankfurter Allgemeine Zeitung"]
    # elsewhere a final -s stays where the bare word is not attested: it may be the name's own
    text = "Am Montag spielten die Wilden Kerls in Köln."
    assert [e.name for e in canonical_entities(text, _spans(text, [("Wilden Kerls", "ORG")]))] == ["Wilde Kerls"]


def test_only_the_head_of_a_genitive_name_is_de_inflected() -> None:
    from reader.analysis.analyze import canonical_entities

    cases = {
        # the complement after "der"/"für" keeps its case; the head noun loses its genitive -s/-es
        "Ein Sprecher des Bundesverbands der Deutschen Süßwarenindustrie warnte.": (
            "Bundesverbands der Deutschen Süßwarenindustrie",
            "Bundesverband der Deutschen Süßwarenindustrie",
        ),
        "Nach Angaben des Hessischen Landesamtes für Naturschutz steigt der Pegel.": (
            "Hessischen Landesamtes für Naturschutz",
            "Hessische Landesamt für Naturschutz",
        ),
        "Eine Studie des Limnologischen Instituts der Universität Passau zeigt das.": (
            "Limnologischen Instituts der Universität Passau",
            "Limnologische Institut der Universität Passau",
        ),
        "Das sagte eine Sprecherin des Zentralen Tourismus.": ("Zentralen Tourismus", "Zentrale Tourismus"),
        "Das zeigt eine Messung des Bodensees.": ("Messung des Bodensees", "Messung des Bodensees"),
        # nouns in -en are no adjectives: "Volkswagen Sachsen GmbH", "Eisbären Berlin" stay whole
        "Er arbeitet bei der Volkswagen Sachsen GmbH und jubelt den Eisbären Berlin zu.": (
            "Volkswagen Sachsen GmbH",
            "Volkswagen Sachsen GmbH",
        ),
    }
    for text, (span, name) in cases.items():
        assert [e.name for e in canonical_entities(text, _spans(text, [(span, "ORG")]))] == [name], text
    text = "Er jubelt den Eisbären Berlin zu."
    assert [e.name for e in canonical_entities(text, _spans(text, [("Eisbären Berlin", "ORG")]))] == ["Eisbären Berlin"]


def test_english_names_and_iso_codes_of_places_are_one_entry() -> None:
    from reader.analysis.analyze import canonical_entities

    text = "In Moskau hieß es „Next time in Moscow“. Die USA und die Vereinigten Staaten, nicht Russia."
    spans = _spans(
        text, [("Moskau", "LOC"), ("Moscow", "LOC"), ("USA", "LOC"), ("Vereinigten Staaten", "LOC"), ("Russia", "LOC")]
    )
    keys = {e.text: e.key for e in canonical_entities(text, spans)}
    assert keys["Moscow"] == keys["Moskau"] == "moskau"
    assert keys["USA"] == keys["Vereinigten Staaten"] == "vereinigte staaten"
    assert keys["Russia"] == "russland"


def test_an_acronym_in_brackets_is_the_name_before_it_and_nothing_is_merged_by_guessing() -> None:
    from reader.analysis.analyze import canonical_entities

    text = "Die Europäische Zentralbank (EZB) hob an. Die EZB schwieg. Die Bundesbank (Frankfurt) auch."
    spans = _spans(
        text, [("Europäische Zentralbank", "ORG"), ("EZB", "ORG"), ("Bundesbank", "ORG"), ("Frankfurt", "LOC")]
    )
    keys = {(e.start, e.text): e.key for e in canonical_entities(text, spans)}
    assert {k for (s, t), k in keys.items() if t in ("EZB", "Europäische Zentralbank")} == {"europäische zentralbank"}
    assert keys[(text.index("Frankfurt"), "Frankfurt")] == "frankfurt"
    # a person's party in brackets is not the person
    text = "Kanzler Friedrich Merz (CDU) sprach."
    spans = _spans(text, [("Friedrich Merz", "PER"), ("CDU", "ORG")])
    assert [e.key for e in canonical_entities(text, spans)] == ["friedrich merz", "cdu"]
    # an ORG is never mapped through the place table ("Moscow" as an ORG stays itself)
    spans = _spans("Moscow Bank", [("Moscow", "ORG")])
    assert [e.key for e in canonical_entities("Moscow Bank", spans)] == ["moscow"]


def test_a_capitalised_particle_of_a_full_name_stays_in_the_person() -> None:
    from reader.analysis import analyze_spans

    text = "Ursula von der Leyen kam. Von der Leyen sprach. Von Trump kam nichts. Laut Clara zu Reventlow nicht."
    spans = _spans(text, [("Ursula von der Leyen", "PER"), ("Von der Leyen", "PER"), ("Von Trump", "PER")])
    analysis = analyze_spans("p", "v", "f", text, spans, [(0, 25), (26, 47), (48, 69), (70, len(text))])
    # "Von Trump": the article never writes "von Trump" after a first name, so "Von" is the preposition
    assert [e.text for e in analysis.entities] == ["Ursula von der Leyen", "Von der Leyen", "Trump"]


def test_a_lower_case_particle_opening_a_surname_stays_in_the_person() -> None:
    from reader.analysis import analyze_spans

    text = (
        "Die Ministerin Anke van der Wal kam. Danach sprach van der Wal. Es sagte von Elten, "
        "Chef ist Jörg von Elten. Laut de Groot nicht. Er kam von Weber."
    )
    names = ["Anke van der Wal", "van der Wal", "von Elten", "Jörg von Elten", "de Groot", "von Weber"]
    spans, at = [], 0
    for name in names:  # each in turn, not inside the one before
        at = text.index(name, at)
        spans.append((at, at + len(name), "PER"))
        at += len(name)
    analysis = analyze_spans("p", "v", "f", text, spans, [(0, len(text))])
    # "von Weber": no full name "… von Weber" in the article, so "von" is the preposition
    assert [e.text for e in analysis.entities] == [*names[:5], "Weber"]


def test_a_name_ending_in_an_initial_keeps_its_period() -> None:
    from reader.analysis import analyze_spans

    text = "Der Angeklagte Thomas K. schwieg. Dann sprach Thomas K."
    spans = [(15, 24, "PER"), (text.rindex("Thomas"), len(text), "PER")]
    analysis = analyze_spans("k", "v", "f", text, spans, [(0, 33), (34, len(text))])
    assert [e.text for e in analysis.entities] == ["Thomas K.", "Thomas K."]


def test_an_english_possessive_and_a_slash_between_places_are_no_part_of_a_name() -> None:
    from reader.analysis import analyze_spans

    text = "Kairo/Riad (AFP) - Ein Sprecher schrieb: »China's measures are fine«."
    spans = [(0, 10, "LOC"), (text.index("China"), text.index(" measures"), "LOC")]
    analysis = analyze_spans("s", "v", "f", text, spans, [(0, len(text))])
    assert [(e.text, e.label) for e in analysis.entities] == [("Kairo", "LOC"), ("Riad", "LOC"), ("China", "LOC")]


def test_a_place_inside_an_organisations_name_stays_the_place() -> None:
    from reader.analysis import analyze_spans

    text = "Die Universität Leipzig forscht. Sie lebt in Leipzig. Die Universität Leipzig sagt das."
    place = text.index("in Leipzig") + 3
    spans = [*_spans(text, [("Universität Leipzig", "ORG")]), (place, place + 7, "LOC")]
    analysis = analyze_spans("u", "v", "f", text, sorted(spans), [(0, 32), (33, 53), (54, len(text))])
    assert [(e.text, e.label, e.key) for e in analysis.entities] == [
        ("Universität Leipzig", "ORG", "universität leipzig"),
        ("Leipzig", "LOC", "leipzig"),
        ("Universität Leipzig", "ORG", "universität leipzig"),
    ]


def test_a_word_opening_the_next_sentence_does_not_join_a_name_ending_in_an_initial() -> None:
    from reader.analysis import analyze_spans

    for text, word in (
        ("„Ich hatte Angst“, sagte Greta M. Dann kam die Polizei.", "Dann"),
        ("„Wir bleiben“, sagte Jonas K. Danach schwiegen alle.", "Danach"),
        ("„Es reicht“, sagte Jonas K. Sie nickte.", "Sie"),
        # a word the article also writes in lower case is a sentence's first word, not a surname
        ("„Es reicht“, sagte Jonas K. Klar war nur eines. Das war klar.", "Klar"),
    ):
        start = text.index("sagte ") + 6
        end = text.index(f" {word}")
        analysis = analyze_spans("i", "v", "f", text, [(start, end, "PER")], [(0, len(text))])
        assert [e.name for e in analysis.entities] == [text[start:end]], text
        assert analysis.quotes[0].speaker == text[start:end]


def test_a_surname_after_a_middle_initial_joins_even_where_the_article_writes_the_word_in_lower_case() -> None:
    from reader.analysis import analyze_spans

    text = "Markus E. Klein kam. Der Raum war klein. Klein schwieg."
    spans = [(0, 9, "PER"), (text.rindex("Klein"), text.rindex("Klein") + 5, "PER")]
    analysis = analyze_spans("k", "v", "f", text, spans, [(0, 20), (21, 40), (41, len(text))])
    assert [e.text for e in analysis.entities] == ["Markus E. Klein", "Klein"]
