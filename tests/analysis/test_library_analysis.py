"""The library view: role nouns learned in one article resolve speakers in another; speakers index."""

from __future__ import annotations

from reader.analysis import SPEECH, LibraryAnalysis


def test_role_learned_in_another_article_resolves_the_speaker(analyse) -> None:
    one = analyse("Bundeskanzler Olaf Scholz reiste nach Paris.", "one")
    two = analyse("„Wir stehen an der Seite unserer Partner“, sagte der Bundeskanzler. Scholz landete spät.", "two")
    assert two.quotes[0].speaker is None and two.quotes[0].speaker_role == "bundeskanzler"
    library = LibraryAnalysis([one, two])
    quote = library.article("two").quotes[0]
    assert quote.speaker == "Olaf Scholz" and quote.speaker_key == "olaf scholz"
    assert library.roles["bundeskanzler"] == ("olaf scholz", "Olaf Scholz")


def test_role_from_another_article_needs_the_person_in_this_one(analyse) -> None:
    one = analyse("Bundeskanzler Olaf Scholz reiste nach Paris.", "one")
    text = "„Wir stehen an der Seite unserer Partner“, sagte der Bundeskanzler."
    two = analyse(text, "two")
    quote = LibraryAnalysis([one, two]).article("two").quotes[0]
    assert quote.speaker is None and (quote.speaker_text, quote.speaker_kind) == ("der Bundeskanzler", "role")
    assert text[quote.speaker_start : quote.speaker_end] == "der Bundeskanzler"


def test_role_tied_to_different_people_in_two_articles_stays_unknown(analyse) -> None:
    one = analyse("Ministerin Annalena Baerbock reiste ab.", "one")
    two = analyse("Ministerin Karin Keller-Sutter reiste an.", "two")
    three = analyse(
        "Baerbock und Keller-Sutter reisten. „Wir haben viel erreicht in diesen Tagen“, sagte die Ministerin.", "three"
    )
    library = LibraryAnalysis([one, two, three])
    quote = library.article("three").quotes[0]
    assert quote.speaker is None and quote.speaker_text == "die Ministerin"


def test_bare_role_learned_from_repeated_anaphors_across_articles(analyse) -> None:
    one = analyse("Friedrich Merz kam spät. Der Christdemokrat ließ sich Zeit.", "one")
    two = analyse(
        "„Wir machen das jetzt so“, sagte Friedrich Merz. Der Christdemokrat lachte. "
        "Später erklärte der Christdemokrat: „Das war ein langer und harter Tag.“",
        "two",
    )
    library = LibraryAnalysis([one, two])
    assert library.roles.get("christdemokrat", ("", ""))[0] == "friedrich merz"
    assert [q.speaker for q in library.article("two").quotes] == ["Friedrich Merz", "Friedrich Merz"]


def test_a_qualified_role_is_never_learned_from_anaphors(analyse) -> None:
    text = "Olaf Scholz kam. Der französische Präsident wartete. „Das dauert alles viel zu lange“, sagte der französische Präsident."
    one, two = analyse(text, "one"), analyse(text, "two")
    library = LibraryAnalysis([one, two])
    assert "französisch präsident" not in library.roles
    assert library.article("one").quotes[0].speaker is None


def test_a_speaker_has_one_name_across_articles(analyse) -> None:
    one = analyse("„Wir bleiben dabei und zwar geschlossen“, sagte Olaf Scholz.", "one")
    two = analyse("Scholz sagte: „Die Tür bleibt offen für alle.“ Olaf Scholz ging.", "two")
    library = LibraryAnalysis([one, two])
    quotes = [(i, q) for i in library.article_ids for q in library.article(i).quotes if q.speaker == "Olaf Scholz"]
    assert [(article_id, quote.text) for article_id, quote in quotes] == [
        ("one", "Wir bleiben dabei und zwar geschlossen"),
        ("two", "Die Tür bleibt offen für alle."),
    ]
    assert all(quote.kind == SPEECH for _, quote in quotes)
    assert library.article_ids == ("one", "two")


def test_library_view_keeps_offsets(analyse) -> None:
    one = analyse("„Die Tür bleibt offen für alle“, sagte Pistorius. Boris Pistorius ging.", "one")
    library = LibraryAnalysis([one])
    assert library.article("one").quotes[0].speaker_start == one.quotes[0].speaker_start
    assert library.article("one").sentences == one.sentences
