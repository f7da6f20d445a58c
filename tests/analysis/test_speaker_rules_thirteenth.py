"""Round thirteen's rules (issue 14, from news_dev9's second batch, dev9_07–09, first scored unseen):
nouns of a science, trade or conviction are role nouns with their gender ("der Hydrologe", "die
Ornithologin"); "als" before a role noun makes it a predicate, no person ("Als Zeuge sagte er");
a definite role noun as a source takes up the person before it ("Dem Ökologen zufolge"); an age
noun with no one of its gender nearby takes up the one such person named before; a bare
institution noun after "laut" and a compound's head in the genitive take up the organisation named
("Laut Polizei", "des Präsidiums"); a heading's quotation whose speaker was only guessed takes
its echo's; "der Verein" the club named first; "die Studie" with no owner the research body named
first — each on sentences written for this test (names known to the test pipeline's entity
ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis
from reader.analysis.mentions import is_role_noun

Analyse = Callable[..., ArticleAnalysis]


def _speech(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_text) for q in analysis.quotes if q.depth == 0 and q.kind == "speech"]


# ---- 1. nouns of a science, trade or conviction ------------------------------------------------


def test_nouns_of_a_science_or_a_conviction_are_role_nouns_and_their_look_alikes_are_not() -> None:
    people = ["Hydrologe", "Sedimentologin", "Chemiker", "Physikerin", "Lobbyist", "Ingenieurin", "Astronom"]
    things = ["Frist", "Galgenfrist", "Klassiker", "Monologe", "Malheur", "Meister", "Twist"]
    assert [word for word in people if not is_role_noun(word)] == []
    assert [word for word in things if is_role_noun(word)] == []


def test_a_feminine_age_noun_passes_over_a_man_shown_by_his_science(analyse: Analyse) -> None:
    text = (
        "„Das ist neu“, sagte Anna Roth am Montag. "
        "„Die Methode ist gut“, sagte der Hydrologe Sven Hofmann aus Berlin. "
        "„Wir wollen wissen, ob das stimmt“, sagt die 38-Jährige."
    )
    assert _speech(analyse(text))[-1] == ("Anna Roth", "die 38-Jährige")


def test_a_feminine_science_noun_is_a_woman_not_a_group(analyse: Analyse) -> None:
    text = "Die Störche kommen früher. Die Ornithologin Anna Roth zählt sie. Die Ornithologin mahnt: „Das ist kein Naturgesetz.“"
    assert _speech(analyse(text)) == [("Anna Roth", "Die Ornithologin")]


# ---- 2. "als" and a role noun --------------------------------------------------------------------


def test_a_role_noun_after_als_is_what_the_subject_is_and_no_one_else(analyse: Analyse) -> None:
    text = (
        "Sven Hofmann war Bauunternehmer. Als Zeuge sagte er im Prozess aus. "
        "„Wer bauen wollte, musste mitspielen“, zitierte ihn das Gericht."
    )
    assert _speech(analyse(text)) == [("Sven Hofmann", "ihn")]


# ---- 3. a definite role noun as a source -------------------------------------------------------


def test_a_definite_role_noun_before_zufolge_takes_up_the_person_of_the_sentence_before(analyse: Analyse) -> None:
    text = (
        "Mitautor Sven Hofmann hat untersucht, ob die Höhe eine Rolle spielt. "
        "Dem Ökologen zufolge werden hohe Dächer „fast genauso gut angeflogen“."
    )
    assert _speech(analyse(text)) == [("Sven Hofmann", "Dem Ökologen")]


# ---- 4. an age noun and the one person of its gender named before -------------------------------


def test_an_age_noun_takes_up_the_one_woman_named_paragraphs_before(analyse: Analyse) -> None:
    filler = "Der Fluss führt viel Wasser. Die Proben liegen im Labor. Die Messungen dauern an. "
    text = (
        "„Die Sedimente sind ein Gedächtnis“, sagt Erstautorin Anna Roth.\n\n"
        + filler * 2
        + "\n\n„Die Methode ist gut“, sagte Sven Hofmann. Er ist skeptisch.\n\n"
        + "Das Team plant weitere Bohrungen. „Wir wollen wissen, ob das die Regel ist“, sagt die 38-Jährige."
    )
    assert _speech(analyse(text))[-1] == ("Anna Roth", "die 38-Jährige")


# ---- 5. institution nouns: a bare one after "laut", a compound's head in the genitive -----------


def test_laut_and_a_bare_institution_noun_take_up_the_one_organisation_it_opens(analyse: Analyse) -> None:
    text = (
        "Das meldete das Polizeipräsidium Nordhessen am Samstag. "
        "Laut Polizei hatte es bereits zwei Brände gegeben, bei denen „abgestelltes Papier“ brannte."
    )
    assert _speech(analyse(text)) == [("Polizeipräsidium Nordhessen", "Polizei")]


def test_a_compound_head_in_the_genitive_passes_over_another_organisation_named_nearer(analyse: Analyse) -> None:
    text = (
        "Das meldete das Polizeipräsidium Nordhessen am Samstag. "
        "Zeugen sollen sich bei der Polizeidirektion Osnabrück melden. "
        "In der Mitteilung des Präsidiums heißt es: „Jede Beobachtung kann entscheidend sein.“"
    )
    assert _speech(analyse(text)) == [("Polizeipräsidium Nordhessen", "des Präsidiums")]


def test_der_verband_after_a_body_named_by_its_noun_passes_over_an_organisation_named_before(
    analyse: Analyse,
) -> None:
    text = (
        "Das Amtsgericht Kassel will jetzt Proben nehmen. Ein Sprecher des Amtsgerichts sagte, man nehme "
        "den Fall „sehr ernst“. Dem Landesbauernverband reicht das nicht. "
        "„Die Halter zahlen die Zeche“, erklärte der Verband."
    )
    assert _speech(analyse(text))[-1] == ("Landesbauernverband", "der Verband")


# ---- 6. a heading's quotation whose speaker was only guessed ------------------------------------


def test_a_heading_quotation_takes_its_echo_speaker_over_a_guess_from_the_paragraph_before(
    analyse: Analyse,
) -> None:
    text = (
        "Er leitete den Chor drei Jahrzehnte lang. Sven Hofmann ist tot. Als er in den Ruhestand ging, "
        "sang der Chor in Japan.\n\n„Streng, aber nie ungerecht“\n\n"
        "Wer mit ihm gesungen hat, beschreibt ihn ähnlich. „Streng, aber nie ungerecht“, sagt Anna Roth."
    )
    assert _speech(analyse(text)) == [("Anna Roth", "Anna Roth"), ("Anna Roth", "Anna Roth")]


# ---- 7. "der Verein" and the club named first --------------------------------------------------


def test_der_verein_takes_up_the_club_the_article_names_first(analyse: Analyse) -> None:
    text = (
        "Die SGS Essen hat gegen den SV Werder Bremen gewonnen. Lange sah es anders aus. "
        "Die Gäste führten zur Pause. Dann kam der Ausgleich. Getrübt wurde die Freude durch eine Verletzung. "
        "Der Verein teilte mit, die Spielerin werde „bis zur Winterpause“ fehlen."
    )
    assert _speech(analyse(text)) == [("SGS Essen", "Der Verein")]


# ---- 8. "die Studie" with no owner and the research body named first ---------------------------


def test_a_study_without_owner_is_the_research_body_the_article_names_first(analyse: Analyse) -> None:
    text = (
        "Ein Team der Universität Kassel hat Bohrkerne untersucht. Die Ergebnisse sind erschienen. "
        "In der Studie heißt es, es gebe „deutlich mehr Partikel als gedacht“."
    )
    assert _speech(analyse(text)) == [("Universität Kassel", "Universität Kassel")]
