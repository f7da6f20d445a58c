"""The NER's static floret vectors: which text they are learned from, and the table they make."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from training.vectors import build_vectors, conllu_sentences, gepade_sentences, write_text

CONLLU = """# sent_id = a-1
# text = Sie geht zum Markt.
1\tSie\tsie\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tgeht\tgehen\tVERB\t_\t_\t0\troot\t_\t_
3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_
3\tzu\tzu\tADP\t_\t_\t5\tcase\t_\t_
4\tdem\tder\tDET\t_\t_\t5\tdet\t_\t_
5\tMarkt\tMarkt\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# sent_id = a-2
1\tGut\tgut\tADJ\t_\t_\t0\troot\t_\t_
"""


def _docbin(path: Path, sentences: list[list[str]]) -> None:
    vocab = spacy.blank("de").vocab
    DocBin(docs=[Doc(vocab, words=words) for words in sentences]).to_disk(path)


def _speech(folder: Path, name: str, sentences: list[list[str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    body = {"Sentences": [{"SentenceId": i, "Tokens": s} for i, s in enumerate(sentences)], "Annotations": []}
    (folder / name).write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")


def test_conllu_sentences_take_the_syntactic_words_not_the_contracted_form(tmp_path):
    path = tmp_path / "x.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    assert list(conllu_sentences(path)) == [["Sie", "geht", "zu", "dem", "Markt", "."], ["Gut"]]


def test_gepade_sentences_read_every_speech_of_the_folder(tmp_path):
    _speech(tmp_path / "train", "b.json", [["Frau", "Präsidentin", "!"]])
    _speech(tmp_path / "train", "a.json", [["Wir", "fordern", "mehr", "."], ["Danke", "."]])
    assert list(gepade_sentences(tmp_path / "train")) == [
        ["Wir", "fordern", "mehr", "."],
        ["Danke", "."],
        ["Frau", "Präsidentin", "!"],
    ]


def test_vector_text_holds_the_training_parts_and_never_a_dev_part(tmp_path):
    data, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    _docbin(work / "alpha-train.spacy", [["Die", "Werft", "in", "Kiel", "baut", "."]])
    _docbin(work / "alpha-dev.spacy", [["Entwicklungsgeheimnis", "bleibt", "draußen", "."]])
    _speech(data / "gepade_spkatt" / "train", "s.json", [["Das", "Haus", "tagt", "."]])
    _speech(data / "gepade_spkatt" / "dev", "s.json", [["Sitzungsgeheimnis", "."]])
    (data / "gsd").mkdir()
    (data / "gsd" / "x.conllu").write_text(CONLLU, encoding="utf-8")
    settings = {"corpora": ["alpha"], "gepade": ["train"], "conllu": ["gsd/x.conllu"]}
    out = work / "text.txt"

    counts = write_text(data, work, settings, out)

    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "Die Werft in Kiel baut .",
        "Das Haus tagt .",
        "Sie geht zu dem Markt .",
        "Gut",
    ]
    assert counts == {"ner corpora (train parts)": 1, "gepade_spkatt/train": 1, "gsd/x.conllu": 2}
    assert "geheimnis" not in out.read_text(encoding="utf-8")


def test_a_corpus_that_was_not_converted_is_one_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="no converted training data for 'beta'"):
        write_text(tmp_path, tmp_path, {"corpora": ["beta"]}, tmp_path / "text.txt")


def test_floret_vectors_give_an_unseen_compound_a_vector_near_its_parts(tmp_path):
    pytest.importorskip("floret")
    data, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    sentences = [
        ["Die", "Ministerin", "besucht", "das", "Gesundheitsamt", "in", "Bremen", "."],
        ["Der", "Minister", "lobt", "die", "Gesundheitspolitik", "der", "Regierung", "."],
        ["Im", "Hafen", "liegen", "Frachtschiffe", "und", "Fischerboote", "."],
        ["Das", "Boot", "fährt", "mit", "dem", "Schiff", "aus", "dem", "Hafen", "."],
    ]
    _docbin(work / "alpha-train.spacy", sentences * 40)
    settings = {
        "corpora": ["alpha"],
        "model": "skipgram",
        "dim": 16,
        "bucket": 2000,
        "hash_count": 2,
        "minn": 4,
        "maxn": 5,
        "min_count": 1,
        "epoch": 5,
        "threads": 1,
    }

    info = build_vectors(data, work, settings, log=lambda _msg: None)

    assert (info["rows"], info["dim"]) == (2000, 16)
    nlp = spacy.load(work / "vectors" / "model")
    assert nlp.vocab.vectors.mode == "floret"
    unseen = nlp.vocab["Gesundheitsministerin"]
    assert unseen.has_vector
    assert unseen.similarity(nlp.vocab["Gesundheitsamt"]) > unseen.similarity(nlp.vocab["Fischerboote"])
