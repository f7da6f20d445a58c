"""The shipped German pipeline: loading, entities, sentences, evaluation."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from reader.nlp.components.doc_consistency import consistency_spans
from reader.nlp.components.gazetteer import org_suffix_spans
from reader.nlp.components.name_spans import NameSpanRules
from reader.nlp.components.sentences import sentence_starts
from reader.nlp.evaluate import evaluate_file, read_gold
from reader.nlp.pipeline import (
    LoadedPipeline,
    ModelError,
    load_pipeline,
    pipeline_info,
    shipped_model_path,
)
from tests.helpers.name_rules import name_rules as make_name_rules
from tests.helpers.name_rules import preset
from tests.helpers.name_rules import spans_of as listed_spans


@pytest.fixture(scope="module")
def shipped() -> LoadedPipeline:
    return load_pipeline()


def ents(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


# --- loading ---------------------------------------------------------------


def test_shipped_pipeline_loads(shipped):
    info = shipped.info
    assert shipped.warning is None
    assert info.source == "shipped"
    assert Path(info.path) == shipped_model_path()
    assert {"PER", "LOC", "ORG", "MISC"} <= set(info.labels)
    assert "ner" in info.components and "sentences" in info.components
    assert info.components[-1] == "doc_consistency"
    # JSON-able, and the fingerprint is stable for the same files
    json.dumps(dataclasses.asdict(info))
    assert pipeline_info(shipped.nlp, source="shipped").fingerprint == info.fingerprint
    assert len(info.fingerprint) == 16


def test_bad_model_path_raises_one_line_model_error(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(ModelError) as err:
        load_pipeline(str(missing), fallback=False)
    message = str(err.value)
    assert "\n" not in message and str(missing) in message


def test_not_a_pipeline_folder_and_unknown_package(tmp_path):
    with pytest.raises(ModelError, match="not a spaCy pipeline folder"):
        load_pipeline(str(tmp_path), fallback=False)
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("de_no_such_model_xx", fallback=False)


def test_broken_pipeline_folder_fails_cleanly(tmp_path):
    (tmp_path / "config.cfg").write_text('[nlp]\nlang = "de"\npipeline = ["nope"]\n')
    with pytest.raises(ModelError) as err:
        load_pipeline(str(tmp_path), fallback=False)
    assert "\n" not in str(err.value)


def test_bad_model_falls_back_with_warning(tmp_path, shipped):
    loaded = load_pipeline(str(tmp_path / "missing"), fallback=True)
    assert loaded.info.source == "shipped"
    assert loaded.info.fingerprint == shipped.info.fingerprint
    assert loaded.warning and "\n" not in loaded.warning
    assert "using the shipped pipeline" in loaded.warning


def test_requested_pipeline_folder_loads_for_real(tmp_path):
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns([{"label": "PER", "pattern": "Donald Trump"}])
    nlp.to_disk(tmp_path / "mini")
    loaded = load_pipeline(str(tmp_path / "mini"), fallback=False)
    assert loaded.info.source == "requested" and loaded.warning is None
    assert loaded.info.components == ["entity_ruler", "doc_consistency"]
    assert loaded.info.labels == ["PER"]
    doc = loaded.nlp("Donald Trump reiste ab. Später sprach Trump erneut, Trumps Sprecher schwieg.")
    assert ents(doc) == {("Donald Trump", "PER"), ("Trump", "PER"), ("Trumps", "PER")}


# --- entities ---------------------------------------------------------------


def test_shipped_pipeline_finds_people_and_places(shipped):
    doc = shipped.nlp("Bundeskanzlerin Angela Merkel besuchte am Montag den Hafen in Hamburg.")
    found = ents(doc)
    assert ("Angela Merkel", "PER") in found
    assert ("Hamburg", "LOC") in found


def test_shipped_pipeline_knows_countries_whose_name_a_noun_list_holds(shipped):
    # Wiktionary lists these toponyms as nouns; the gazetteer knows them as countries
    doc = shipped.nlp("Eine Delegation reist aus Kamerun an, Gespräche mit Ägypten folgen im Herbst.")
    assert {("Kamerun", "LOC"), ("Ägypten", "LOC")} <= ents(doc)


def test_countries_named_like_nouns_leave_out_demonym_plurals():
    from training.wordlists import countries_named_like_nouns

    common = {"kamerun", "polen", "pole", "schweden", "schwede", "china", "welt"}
    assert countries_named_like_nouns(common) == {"Kamerun", "China"}


def test_shipped_pipeline_consistency_labels_bare_surname(shipped):
    text = (
        "Der Vorstandschef Herbert Wendelin traf in Stuttgart die Aktionäre. "
        "Die Aktionäre waren zufrieden. Nach dem Treffen sagte Wendelin, das Jahr sei gut gewesen."
    )
    doc = shipped.nlp(text)
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Herbert Wendelin", "PER") in labels
    assert ("Wendelin", "PER") in labels


def test_consistency_rule_on_preset_entities():
    nlp = spacy.blank("de")
    words = "Donald Trump kam . Dann sprach Trump , Trumps Team und Bank . Die Bank Meyer".split()
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 0, 2, label="PER"), Span(doc, 11, 12, label="ORG"), Span(doc, 15, 16, label="ORG")]
    spans = consistency_spans(doc, is_common=lambda w: w.lower() == "bank")
    out = {(s.start, s.text, s.label_) for s in spans}
    # the surname and its genitive become PER; a common noun ("Bank") is not spread
    assert out == {
        (0, "Donald Trump", "PER"),
        (6, "Trump", "PER"),
        (8, "Trumps", "PER"),
        (11, "Bank", "ORG"),
        (15, "Meyer", "ORG"),
    }


def test_legal_form_makes_an_organisation():
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words="Die Audi AG und Lidl Stiftung GmbH zahlen .".split())
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 4, 7, label="LOC")]
    spans = org_suffix_spans(doc, frozenset({"AG", "GmbH"}))
    assert {(s.text, s.label_) for s in spans} == {("Audi AG", "ORG"), ("Lidl Stiftung GmbH", "ORG")}


def name_rules(**lists) -> NameSpanRules:
    """The rules over small word lists ("Euro" simply no name here)."""
    return make_name_rules(not_names=("Englisch", "Euro"), **lists)


def spans_of(rules: NameSpanRules, doc: Doc) -> set[tuple[str, str]]:
    return set(listed_spans(rules, doc))


def test_common_nouns_and_abbreviations_are_no_names_and_person_names_lose_trailing_nouns():
    rules = name_rules(common=("regierung", "büro", "müller"), first=("Thomas",))
    doc = preset(
        "Die Regierung und Selenskyjs Büro und Thomas Müller und Chr. .",
        [(1, 2, "ORG"), (3, 5, "PER"), (6, 8, "PER"), (9, 10, "PER")],
    )
    assert spans_of(rules, doc) == {("Selenskyjs", "PER"), ("Thomas Müller", "PER")}


# --- sentences --------------------------------------------------------------


def sents(nlp, text):
    return [s.text for s in nlp(text).sents]


def test_quotes_stay_with_their_sentence(shipped):
    text = "Er sagte: „Das ist gut.“ „Wir kommen morgen“, sagte sie. Dann ging sie."
    assert sents(shipped.nlp, text) == [
        "Er sagte: „Das ist gut.“",
        "„Wir kommen morgen“, sagte sie.",
        "Dann ging sie.",
    ]


def test_straight_quotes_and_abbreviations(shipped):
    text = 'Das gilt z. B. für Dr. Meier. "Wir warten", sagte er am 16. August in Bonn.'
    assert sents(shipped.nlp, text) == [
        "Das gilt z. B. für Dr. Meier.",
        '"Wir warten", sagte er am 16. August in Bonn.',
    ]


def test_newline_ends_a_headline():
    nlp = spacy.blank("de")
    doc = nlp("Gipfel ohne Ergebnis\nDie Gespräche endeten am Abend.")
    flags = sentence_starts(doc)
    assert [t.text for t, f in zip(doc, flags, strict=True) if f] == ["Gipfel", "Die"]


# --- evaluation -------------------------------------------------------------

GERMEVAL = """#\thttp://example.org/a\t[2024-01-01]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesuchte\tO\tO
4\tBerlin\tB-LOC\tO
5\tund\tO\tO
6\tdeutsche\tB-LOCderiv\tO
7\tFirmen\tO\tO
8\tzur\tO\tO
9\tExpo\tB-OTH\tO
10\t.\tO\tO

#\thttp://example.org/b\t[2024-01-02]
1\tDie\tO\tO
2\tSPD\tB-ORG\tO
3\tin\tO\tO
4\tBonn\tB-LOC\tO
5\t.\tO\tO

"""


@pytest.fixture
def ruler_nlp():
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns(
        [
            {"label": "PER", "pattern": "Merkel"},  # boundary error: FP + FN
            {"label": "LOC", "pattern": "Berlin"},  # TP
            {"label": "MISC", "pattern": "Expo"},  # TP (OTH -> MISC)
            {"label": "ORG", "pattern": "Bonn"},  # wrong label: FP ORG + FN LOC
            {"label": "LOC", "pattern": "deutsche"},  # deriv is not an entity: FP
        ]
    )
    return nlp


def test_evaluate_germeval_counts(tmp_path, ruler_nlp):
    path = tmp_path / "gold.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    result = evaluate_file(path, ruler_nlp)
    assert result["format"] == "germeval" and result["sentences"] == 2 and result["tokens"] == 15
    per_label = {k: (v["tp"], v["fp"], v["fn"]) for k, v in result["labels"].items()}
    assert per_label == {"PER": (0, 1, 1), "LOC": (1, 1, 1), "ORG": (0, 1, 1), "MISC": (1, 0, 0)}
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (2, 3, 3)
    assert overall["precision"] == pytest.approx(2 / 5)
    assert result["labels"]["LOC"]["f1"] == pytest.approx(0.5)


def test_evaluate_conll_file_and_label_filter(tmp_path, ruler_nlp):
    path = tmp_path / "gold.conll"
    path.write_text(
        "-DOCSTART- -1- O O\n\nAngela NE I-NE B-person\nMerkel NE I-NE I-person\nin APPR O O\n"
        "Berlin NE I-NE B-location-city\n\n#Bonn NE I-NE B-location\n\n",
        encoding="utf-8",
    )
    fmt, sentences = read_gold(path)
    assert fmt == "conll"
    assert sentences[0] == (["Angela", "Merkel", "in", "Berlin"], ["B-PER", "I-PER", "O", "B-LOC"])
    assert sentences[1] == (["#Bonn"], ["B-LOC"])
    result = evaluate_file(path, ruler_nlp, labels=["LOC"])
    assert list(result["labels"]) == ["LOC"]
    assert (result["overall"]["tp"], result["overall"]["fp"], result["overall"]["fn"]) == (1, 0, 1)


def test_evaluate_cli_prints_table_and_json(tmp_path, ruler_nlp, capsys):
    from reader.nlp.evaluate import main

    gold = tmp_path / "gold.tsv"
    gold.write_text(GERMEVAL, encoding="utf-8")
    ruler_nlp.to_disk(tmp_path / "ruler")
    assert main([str(gold), "--model", str(tmp_path / "ruler")]) == 0
    table = capsys.readouterr().out
    assert "overall" in table and "MISC" in table
    assert main([str(gold), "--model", str(tmp_path / "ruler"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labels"]["MISC"]["tp"] == 1
    assert main([str(tmp_path / "missing.tsv"), "--model", str(tmp_path / "ruler")]) == 2
    assert main([str(gold), "--model", str(tmp_path / "nope")]) == 2


def test_the_fingerprint_is_known_before_spacy_loads(shipped) -> None:
    from reader.nlp.identity import peek_fingerprint

    assert peek_fingerprint(None) == shipped.info.fingerprint
    assert peek_fingerprint("reader_de_news") == shipped.info.fingerprint
    assert peek_fingerprint("/some/other/pipeline") is None
