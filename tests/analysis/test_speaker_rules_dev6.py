"""Speaker and kind rules of issue 14 from news_dev6: a quotation fragment inside a Konjunktiv I
sentence carries on the last statement's source, "man" in reported speech is no one else, a short
quotation with a source phrase is speech, "Mit diesen Worten …" after a quotation, separable cue
verbs, an indefinite noun after a trailing cue verb — each on sentences written for this test
(names known to the test pipeline's entity ruler, tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis import ArticleAnalysis, analyze_article
from tests.helpers.pipelines import build_test_pipeline, make_article

Analyse = Callable[..., ArticleAnalysis]


def _speech(analysis: ArticleAnalysis) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_text) for q in analysis.quotes if q.depth == 0 and q.kind == "speech"]


# ---- 1. a fragment inside a Konjunktiv I sentence ----------------------------------------------


def test_a_fragment_in_a_subjunctive_sentence_after_so_carries_on_the_source(analyse: Analyse) -> None:
    text = (
        "„Am Anfang haben alle gelacht. Jetzt sitzt da jeden Tag jemand“, so Anna Roth. "
        "Das ersetze keine Buslinie, „aber es zeigt, dass wir uns kümmern“."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Anna Roth", "Anna Roth"]


def test_a_fragment_after_a_noun_subject_in_konjunktiv_i_carries_on_the_source(analyse: Analyse) -> None:
    text = (
        "Die Biologin Maria Lang hält die Daten für gut. „Die Studie ist solide“, sagte sie. "
        "Kritisch sieht die Biologin, dass nur ein Jahr untersucht wurde. "
        "Die Witterung schwanke stark, „und die Falterbestände schwanken mit ihr“."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Maria Lang", "Maria Lang"]


def test_a_fragment_after_a_long_first_part_in_konjunktiv_i_carries_on_the_source(analyse: Analyse) -> None:
    text = (
        "„Die Winter sind kürzer geworden“, erklärte Sven Hofmann von der Wetterwarte. "
        "Mit technischem Kunstschnee lasse sich das kaum ausgleichen, „weil es dafür kalte Nächte braucht“."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann", "Sven Hofmann"]


def test_a_fragment_in_a_past_tense_sentence_is_not_reported(analyse: Analyse) -> None:
    # "schwankte" is the indicative past, no Konjunktiv I: the fragment is a term of the narration
    text = "„Die Studie ist solide“, sagte Maria Lang. Die Witterung schwankte stark, „fast chaotisch“."
    assert [q.kind for q in analyse(text).quotes] == ["speech", "term"]


def test_man_in_reported_speech_is_no_other_speaker(analyse: Analyse) -> None:
    text = (
        "Der Sprecher der Stadt, Paul Weber, sagte: „Wir unterstützen das Anliegen.“ Man habe den Kreis "
        "bereits zweimal schriftlich um eine Prüfung gebeten. „Mehr können wir als Stadt nicht tun.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Paul Weber", "Paul Weber"]


# ---- 2. a short quotation with a source phrase the mention finder left oblique ----------------


def test_laut_and_an_indefinite_role_make_a_short_quotation_speech(analyse: Analyse) -> None:
    text = "Die Züge fuhren nach Plan, allerdings laut einem Bahnsprecher „deutlich voller als sonst“."
    assert _speech(analyse(text)) == [(None, "einem Bahnsprecher")]


def test_a_name_with_an_attribute_before_zufolge_makes_one_word_speech(analyse: Analyse) -> None:
    text = "An der Börse kam die Nachricht gut an. Dem Analysten Sven Hofmann von der Nordsee Bahn zufolge war der Schritt „überfällig“."
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Sven Hofmann"]


def test_a_definite_role_before_zufolge_takes_up_the_person_before(analyse: Analyse) -> None:
    text = (
        "Mitautor Jens Weber hat untersucht, ob die Höhe eine Rolle spielt. Dem Ökologen zufolge werden "
        "Dächer bis zum fünften Stock „fast genauso gut angeflogen“."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Jens Weber"]


def test_nach_angaben_and_a_possessive_role_make_a_short_quotation_speech(analyse: Analyse) -> None:
    text = "Nach Angaben seines Anwalts war der Angeklagte „bis über beide Ohren verschuldet“."
    assert [text for _, text in _speech(analyse(text))] == ["seines Anwalts"]


# ---- 3. "Mit diesen Worten" and a verb after a quotation --------------------------------------


def test_mit_diesen_worten_names_the_speaker_of_the_quotation_before(analyse: Analyse) -> None:
    text = (
        "Der Damm wird gebaut. „Die Natur lässt sich nicht aufhalten. Aber wir können ihr den Weg vorgeben.“ "
        "Mit diesen Worten schloss Maria Lang die Versammlung, bevor es Kaffee gab."
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Maria Lang"]


# ---- 4. separable cue verbs with their particle at the clause's end ---------------------------


def test_zaehlt_auf_is_a_cue_of_its_own(analyse: Analyse) -> None:
    text = (
        "„Ich bin seit zwanzig Jahren hier“, sagt Jens Weber. In der Kneipe ist der Bus Thema. "
        "„Erst ging der Laden, dann die Schule, dann die Bank“, zählt die Wirtin auf, während sie Gläser poliert."
    )
    assert [text for _, text in _speech(analyse(text))] == ["Jens Weber", "die Wirtin"]


def test_schraenkt_ein_and_wirft_ein_are_cues(analyse: Analyse) -> None:
    analysis = analyse(
        "„Das kostet zu viel“, sagt Jens Weber. „Aber nicht für alle“, wirft Maria Lang ein. "
        "„Und nur im ersten Jahr“, schränkt Anna Roth ein."
    )
    assert [q.cue for q in analysis.quotes] == ["sagt", "wirft", "schränkt"]


# ---- 5. a closing mark the sentence splitter put at the start of the cue's sentence -----------


@Language.component("split_before_closing_guillemet")
def _split_before_closing_guillemet(doc: Doc) -> Doc:
    """As a trained senter may: «…?» ends a sentence before its closing »."""
    for token in doc[1:-2]:
        if token.text == "»" and doc[token.i - 1].text in {"?", "."}:
            token.is_sent_start = True
            for following in doc[token.i + 1 :]:
                following.is_sent_start = False  # the cue's clause runs on in this sentence
                if following.text == ".":
                    break
    return doc


def test_a_cue_after_a_closing_mark_that_opens_the_next_sentence_is_found() -> None:
    nlp = build_test_pipeline()
    nlp.add_pipe("split_before_closing_guillemet", last=True)
    text = "Der Abend verlief ruhig. «Wer bezahlt das am Ende?», fragte Maria Lang aus Bern."
    doc = nlp(text)
    assert [s.text for s in doc.sents][-1].startswith("»")  # the split the test is about
    analysis = analyze_article(make_article(text, "test"), nlp, "test-pipeline")
    assert [(q.speaker, q.cue) for q in analysis.quotes] == [("Maria Lang", "fragte")]


# ---- 6. a person noun the mention finder does not know, before a colon -----------------------


def test_a_definite_person_noun_with_a_noun_before_the_colon_is_the_speaker(analyse: Analyse) -> None:
    text = (
        "Mitautorin Maria Lang hat die Dächer untersucht. Die Tierökologin hat schon jetzt einen "
        "einfachen Rat: „Lieber ein paar Zentimeter mehr Substrat. Das kostet wenig und bringt viel.“"
    )
    assert [speaker for speaker, _ in _speech(analyse(text))] == ["Maria Lang"]


def test_a_place_noun_before_the_colon_takes_up_no_person(analyse: Analyse) -> None:
    text = (
        "Mitautor Jens Weber hat die Dächer untersucht. Die Stadt hat schon jetzt eine klare "
        "Botschaft: „Lieber ein paar Zentimeter mehr Substrat. Das kostet wenig und bringt viel.“"
    )
    assert all(speaker != "Jens Weber" for speaker, _ in _speech(analyse(text)))


def test_mit_diesen_worten_after_a_closing_mark_that_opens_its_sentence() -> None:
    nlp = build_test_pipeline()
    nlp.add_pipe("split_before_closing_guillemet", last=True)
    text = "Der Damm wird gebaut. «Die Natur lässt sich nicht aufhalten.» Mit diesen Worten schloss Maria Lang die Sitzung."
    assert any(s.text.startswith("» Mit") for s in nlp(text).sents)  # the split the test is about
    analysis = analyze_article(make_article(text, "test"), nlp, "test-pipeline")
    assert [q.speaker for q in analysis.quotes] == ["Maria Lang"]
