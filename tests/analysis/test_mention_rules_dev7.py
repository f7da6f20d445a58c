"""Speaker rules of round eleven of issue 14, from the errors of the news_dev7 set: the gender a
role noun in -en gives its name, question words, long appositions, content clauses, crowds,
generic and sought role nouns, and the people nouns a report names its speakers by — each on
sentences written for this test (names known to the test pipeline's entity ruler,
tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import ArticleAnalysis

Analyse = Callable[..., ArticleAnalysis]


def _speakers(analysis: ArticleAnalysis) -> list[str | None]:
    return [q.speaker for q in analysis.quotes if q.depth == 0 and q.kind == "speech"]


def test_der_before_a_role_noun_in_en_makes_the_name_after_it_a_womans(analyse: Analyse) -> None:
    # "mit der Landtagsabgeordneten": dative feminine; the age noun after it takes her up
    text = (
        "Die Partei zieht mit der Landtagsabgeordneten Karin Keller-Sutter in die Wahl. "
        "Die 58-Jährige sagte: „Wir gewinnen.“"
    )
    assert _speakers(analyse(text)) == ["Karin Keller-Sutter"]


def test_a_question_word_before_a_role_noun_is_no_noun_whose_genitive_follows(analyse: Analyse) -> None:
    text = (
        "„Ich schlafe kaum noch“, sagt Kiosk-Besitzer Paul Weber. Sein Sohn Jens Weber hat ein Plakat gemalt.\n\n"
        "Was der Kiosk-Besitzer vom Gewinn bekommt? „Gar nichts!“, sagt er."
    )
    assert _speakers(analyse(text)) == ["Paul Weber", "Paul Weber"]


def test_a_role_noun_six_words_before_the_comma_is_still_tied_to_the_name(analyse: Analyse) -> None:
    text = (
        "So bewertete der umweltpolitische Sprecher der SPD-Fraktion in der Kieler Bürgerschaft, Sven Hofmann, "
        "den Abend. „Das war ein Test.“"
    )
    assert [(link.role, link.name) for link in analyse(text).roles] == [("umweltpolitisch sprecher", "Sven Hofmann")]


def test_a_verb_of_saying_between_a_role_noun_and_the_comma_ends_the_apposition(analyse: Analyse) -> None:
    text = "Der Sprecher sagte am Montag in Berlin, Paul Weber habe gelogen."
    assert analyse(text).roles == ()


def test_a_zu_infinitive_is_the_content_of_a_statement_not_a_statement_of_its_own(analyse: Analyse) -> None:
    text = (
        "Die Polizei sperrte die Straße. Sven Hofmann verlangte, der Polizei mehr zu erlauben. "
        "Bislang dürfe sie nur selten eingreifen, das sei „ein Zustand von gestern“."
    )
    assert _speakers(analyse(text)) == ["Sven Hofmann"]


def test_a_crowd_opening_a_sentence_is_not_whom_a_definite_noun_after_it_takes_up(analyse: Analyse) -> None:
    text = (
        "Im Ziel konnte Maria Lang es kaum fassen.\n\n"
        "Die Zuschauer feierten sie wie eine Siegerin. „So einen Lärm habe ich nie gehört“, sagte die Hessin."
    )
    assert _speakers(analyse(text)) == ["Maria Lang"]


def test_a_role_noun_after_jede_or_kein_is_no_person_of_the_story(analyse: Analyse) -> None:
    text = (
        "Anna Roth leitet seit elf Jahren den Verein. Kritik übt sie an der Bürokratie. "
        "Jede Erzieherin verbringe Stunden mit Formularen. „Ich wünsche mir weniger Papier.“"
    )
    analysis = analyse(text)
    assert _speakers(analysis) == ["Anna Roth"]


def test_a_role_first_sought_unnamed_is_that_one_later_not_a_named_person(analyse: Analyse) -> None:
    text = (
        "Die Polizei sucht den Besitzer der Schlange. Dort kümmert sich Julia Sommer um das Tier. "
        "Melde sich der Besitzer nicht, werde man ein Zuhause suchen. „Es geht ihm gut“, sagte der Besitzer."
    )
    assert _speakers(analyse(text)) == [None]


def test_a_womans_given_name_not_in_a_lets_a_feminine_role_noun_take_her_up(analyse: Analyse) -> None:
    # "Karin" does not end in -a; the lexicon's given names know it is a woman's
    text = "Es ging vor allem um Karin Keller-Sutter. Die junge Ministerin sagte: „Wir bleiben dabei.“"
    assert _speakers(analyse(text)) == ["Karin Keller-Sutter"]


def test_likely_feminine_reads_the_given_name_lists_before_the_ending() -> None:
    from reader.analysis.mentions.word_rules import likely_feminine

    assert likely_feminine("Sabine Adamek") and likely_feminine("Lena Berg")
    assert not likely_feminine("Luca Moretti") and not likely_feminine("Paul Weber")
    assert not likely_feminine("Ruth")  # a surname alone says nothing of a given name


def test_an_age_noun_takes_up_the_one_woman_named_some_sentences_before(analyse: Analyse) -> None:
    text = (
        "Um sechs Uhr steht Karin Keller-Sutter im Steuerhaus. „Das ist der Fluss im August“, sagt sie.\n\n"
        "Der Pegel steht bei 68 Zentimetern. Das heißt nicht viel. Den Rest fahren andere Schiffe, oder er "
        "bleibt im Hafen. „Wir fahren mit einem Drittel Gepäck“, sagt die 54-Jährige."
    )
    assert _speakers(analyse(text)) == ["Karin Keller-Sutter", "Karin Keller-Sutter"]


def test_an_age_noun_after_two_women_named_stays_unresolved(analyse: Analyse) -> None:
    text = (
        "Um sechs Uhr stehen Karin Keller-Sutter und Anna Roth im Steuerhaus.\n\n"
        "Der Pegel steht bei 68 Zentimetern. Das heißt nicht viel. Den Rest fahren andere Schiffe, oder der "
        "Rest bleibt im Hafen. „Wir fahren mit einem Drittel Gepäck“, sagt die 54-Jährige."
    )
    assert _speakers(analyse(text)) == [None]


def test_er_never_takes_a_given_name_the_lexicon_knows_as_a_womans(analyse: Analyse) -> None:
    text = "Karin Keller-Sutter kam spät zum Termin. „Das ist ein Skandal“, sagte er."
    assert _speakers(analyse(text)) == [None]


def test_a_relative_clauses_pronoun_is_no_source_a_reported_quotation_carries_on(analyse: Analyse) -> None:
    text = (
        "„Wir reden seit Monaten im Kreis“, räumt ein Abgeordneter ein, der nicht namentlich genannt "
        "werden will. Die Stimmung sei „so schlecht wie nie“."
    )
    assert [q.speaker_text for q in analyse(text).quotes] == ["ein Abgeordneter", "ein Abgeordneter"]


def test_a_separable_cues_particle_is_found_past_an_apposition_after_the_name(analyse: Analyse) -> None:
    text = "Die FDP unterstützt die Fusion. „Wer Nein sagt, muss auch zahlen“, hielt Anna Roth, Kantonsrätin der FDP, entgegen."
    assert _speakers(analyse(text)) == ["Anna Roth"]


def test_a_heading_that_names_a_bare_role_takes_the_resolved_person_whose_words_it_repeats(analyse: Analyse) -> None:
    text = (
        "Der Stürmer wechselt nach Griechenland.\n\n"
        "Berater: „Ein Traum geht in Erfüllung“\n\n"
        "Der Berater des Spielers, Sven Hofmann, trieb den Wechsel voran. „Für ihn geht ein Traum in "
        "Erfüllung“, sagte er."
    )
    assert _speakers(analyse(text)) == ["Sven Hofmann", "Sven Hofmann"]


def test_a_heading_quotation_a_statement_below_repeats_beats_the_paragraph_before(analyse: Analyse) -> None:
    text = (
        "Nach einigen Jahren als Kirchenmusiker in Landshut übernahm er 1981 den Chor.\n\n"
        "„Streng, aber nie ungerecht“\n\n"
        "Wer mit ihm gesungen hat, beschreibt ihn ähnlich. „Streng, aber nie ungerecht“, sagt Sven Hofmann."
    )
    assert _speakers(analyse(text)) == ["Sven Hofmann", "Sven Hofmann"]


def test_a_judgement_is_the_one_court_the_article_names_however_far_back(analyse: Analyse) -> None:
    text = (
        "Das Landgericht Kassel verurteilt einen Dienstleister zur Zahlung von 38.000 Euro.\n\n"
        "Die Richterin machte deutlich, dass der Dienstleister die Lage hätte beachten müssen. Der "
        "Einsatz sei nicht zu verantworten. Wer eine solche Technik anbiete, trage Verantwortung. "
        "Die Aufzeichnungen zeigten starke Böen. In dem Urteil heißt es, der Pilot habe „die Sorgfalt verletzt“."
    )
    assert _speakers(analyse(text)) == ["Landgericht Kassel"]
