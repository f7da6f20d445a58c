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
    names = LibraryNames([("jens weber", "Jens Weber", "PER"), ("paul weber", "Paul Weber", "PER"), ("weber", "Weber", "PER")])
    assert names.key("weber") == "weber"


def test_library_does_not_map_a_place_to_a_person_with_that_surname() -> None:
    names = LibraryNames([("george washington", "George Washington", "PER"), ("washington", "Washington", "LOC")])
    assert names.key("washington") == "washington"


def test_hyphenated_compound_keeps_its_own_key(nlp) -> None:
    """A compound the pipeline marks as one span names a camp or an event, not the person."""
    from reader.analysis import analyze_spans

    text = "Olaf Scholz sprach. Das Scholz-Lager jubelte."
    analysis = analyze_spans("c", "v", "f", text, [(0, 11, "PER"), (24, 36, "MISC")], [(0, 19), (20, len(text))])
    assert [(e.text, e.key) for e in analysis.entities] == [("Olaf Scholz", "olaf scholz"), ("Scholz-Lager", "scholz-lager")]


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
    assert [(e.text, e.key) for e in analysis.entities] == [("John E. Herbst", "john herbst"), ("Herbst", "john herbst")]


def test_one_label_per_referent_across_the_library() -> None:
    from reader.analysis import analyze_spans

    one_text = "Karin Keller-Sutter kam. Keller-Sutter sprach."
    one = analyze_spans("one", "v", "f", one_text, [(0, 19, "PER"), (25, 38, "PER")], [(0, 24), (25, len(one_text))])
    two_text = "Karin Keller-Sutter schwieg."
    two = analyze_spans("two", "v", "f", two_text, [(0, 19, "LOC")], [(0, len(two_text))])
    library = LibraryAnalysis([one, two])
    assert [(e.key, e.label) for e in library.article("two").entities] == [("karin keller-sutter", "PER")]
    assert library.entity_index["karin keller-sutter"].label == "PER"
