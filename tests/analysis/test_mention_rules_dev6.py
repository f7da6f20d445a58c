"""Speaker rules of round ten of issue 14: a definite role noun, an age noun or a pronoun taking
up the person of the article it stands for — each on sentences written for this test (names
known to the test pipeline's entity ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]

_NO_PEOPLE = (
    "An den Schulen soll sich einiges ändern. Der Plan trägt einen langen Titel. "
    "Die Schulkonferenzen sollen selbst entscheiden.\n\n"
)


def _speech(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_text) for q in analysis.quotes if q.depth == 0 and q.kind == "speech"]


# ---- 1. "Kultusministerin X … Die Ministerin" -------------------------------------------------


def test_a_bare_role_noun_takes_up_the_one_person_whose_compound_role_ends_in_it(analyse: Analyse) -> None:
    text = (
        "Kultusministerin Anna Roth brachte am Mittwoch einen Entwurf ein. "
        + _NO_PEOPLE
        + "Die Ministerin verwies auf "
        "Erhebungen. „Das ist keine Technikfeindlichkeit.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Anna Roth"]


def test_a_bare_role_noun_two_compound_roles_end_in_stays_unresolved(analyse: Analyse) -> None:
    text = (
        "Kultusministerin Anna Roth und Finanzministerin Maria Lang brachten einen Entwurf ein. "
        + _NO_PEOPLE
        + "Die Ministerin verwies auf Erhebungen. „Das ist keine Technikfeindlichkeit.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == [None]


def test_a_short_role_noun_takes_up_no_compound_role(analyse: Analyse) -> None:
    # "Bürgermeister" ends in "Meister", which is no role of its own
    text = (
        "Bürgermeister Paul Weber eröffnete die Halle. " + _NO_PEOPLE + "Der Meister verwies auf "
        "die Kosten. „Das ist keine Verschwendung.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] != ["Paul Weber"]


# ---- 2. "Er … sagt der 34-Jährige" and a woman's role noun after him ----------------------------


def test_a_feminine_role_noun_takes_up_no_man_a_masculine_pronoun_took_up(analyse: Analyse) -> None:
    text = (
        "Einer, der das bestätigen kann, ist Jens Weber. Er fährt den Bus an fünf Tagen in der Woche. "
        "„Die meisten Fahrgäste kenne ich“, sagt der 34-Jährige. Er fügt hinzu: „Das Problem ist die App.“\n\n"
        "In der Kneipe am Anger ist der Bus seit Wochen Thema. „Erst ging der Konsum, dann die Schule“, "
        "sagt die Wirtin, während sie Gläser poliert. „Irgendwann macht hier der Letzte das Licht aus.“"
    )
    assert _speech(analyse(text)) == [
        ("Jens Weber", "der 34-Jährige"),
        ("Jens Weber", "Er"),
        (None, "die Wirtin"),
        (None, "die Wirtin"),
    ]


def test_an_er_inside_a_sentence_about_a_thing_shows_no_man(analyse: Analyse) -> None:
    # "oder er bleibt im Hafen" is the cargo's "er": only a sentence opening with "Er" tells of a man
    text = (
        "Um sechs Uhr steht Deniz Yilmaz im Steuerhaus. „Das ist der Rhein im August“, sagt sie. "
        "Den Rest fahren andere Schiffe, oder er bleibt im Hafen. "
        "„Wir fahren mit einem Drittel Gepäck“, sagt die 54-Jährige."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Deniz Yilmaz", "Deniz Yilmaz"]


# ---- 3. "möchte sie nicht … lesen": a singular "sie" before an infinitive cue -------------------


def test_a_pronoun_after_a_singular_modal_keeps_the_unnamed_role_it_stands_for(analyse: Analyse) -> None:
    text = (
        "„Zwei Stunden vorher! Ich weiß doch morgens nicht, wann mir schwindelig wird“, sagt eine Anwohnerin. "
        "Sie ist 79 Jahre alt, ihren Namen möchte sie nicht in der Zeitung lesen. "
        "„Schreiben Sie einfach: eine alte Frau, die sich ärgert.“"
    )
    assert _speech(analyse(text)) == [(None, "eine Anwohnerin"), (None, "eine Anwohnerin")]


def test_zaehlt_auf_with_its_particle_at_the_clause_end_is_a_cue(analyse: Analyse) -> None:
    text = (
        "In der Kneipe am Anger ist der Bus seit Wochen Thema. „Erst ging der Konsum, dann die Schule“, "
        "zählt die Wirtin auf, während sie Gläser poliert."
    )
    assert _speech(analyse(text)) == [(None, "die Wirtin")]


# ---- 4. "Der Angeklagte Paul Weber … Der Angeklagte … sagte er" ---------------------------------


def test_the_accused_is_a_role_noun_that_takes_up_the_named_defendant(analyse: Analyse) -> None:
    text = (
        "Das Landgericht Kassel hat einen 29 Jahre alten Mann zu sechs Jahren Haft verurteilt. Der Angeklagte "
        "Paul Weber hatte bei älteren Menschen Bargeld abgeholt. Ein 79-jähriger Rentner berichtete, er habe "
        "sich nicht mehr getraut, das Telefon abzunehmen. „Wir schämen uns bis heute“, sagte der Mann.\n\n"
        "Der Angeklagte hatte die Aussagen mit gesenktem Kopf verfolgt. In seinem letzten Wort sagte er nur: "
        "„Es tut mir leid.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))][-1] == "Paul Weber"
