"""Passages mapped onto sentences for agreement, the coding matrix, and their commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.cli import main
from reader.coding.agreement import agreement
from reader.coding.matrix import coding_matrix
from reader.text.segments import sentence_spans

ARTICLE = "gipfel-der-leere-inszenierung"


def _store(library: Library, author: str) -> AnnotationStore:
    return AnnotationStore.open(library, author=author)


def test_a_passage_codes_every_sentence_it_overlaps(library: Library) -> None:
    article = library.get(ARTICLE)
    first, second, third = sentence_spans(article.body)[:3]
    anna, ben = _store(library, "anna"), _store(library, "ben")
    anna.add(article, first[0], second[0] + 5, ["Konflikt"])  # sentences 1 and 2
    ben.add(article, second[0] + 1, second[0] + 9, ["Konflikt"])  # sentence 2 only
    ben.add(article, third[0], third[0] + 3, ["Personalisierung"])
    store = AnnotationStore.open(library)
    report = agreement(store.anchor_all(library.articles()), library.articles())
    assert report.coders == ("anna", "ben") and report.articles == (ARTICLE,)
    sentences = len(sentence_spans(article.body))
    conflict = next(f for f in report.per_code if f.code == "Konflikt")
    assert conflict.units == sentences and conflict.applied == 3
    assert conflict.percent_agreement == (sentences - 1) / sentences
    # one disagreement per code and sentence: Konflikt in sentence 1 (anna only), Personalisierung in 3 (ben only)
    assert [(d.code, d.sentence, d.applied_by, d.not_by) for d in report.disagreements] == [
        ("Konflikt", 0, ("anna",), ("ben",)),
        ("Personalisierung", 2, ("ben",), ("anna",)),
    ]
    assert report.overall.units == 2 * sentences


def test_an_article_one_coder_never_touched_is_missing_data_not_disagreement(library: Library) -> None:
    coded, other = library.get(ARTICLE), library.get("treffen-trump-putin-no-deal")
    _store(library, "anna").add(coded, 0, 10, ["X"])
    _store(library, "ben").add(coded, 0, 10, ["X"])
    _store(library, "anna").add(other, 0, 10, ["X"])  # ben never coded this one
    store = AnnotationStore.open(library)
    report = agreement(store.anchor_all(library.articles()), library.articles())
    assert report.articles == (ARTICLE,) and not report.disagreements


def test_matrix_counts_passages_per_code_and_article(library: Library) -> None:
    article = library.get(ARTICLE)
    store = _store(library, "anna")
    a = store.add(article, 0, 10, ["Framing/Konflikt", "Akteure"])
    store.add(article, 20, 30, ["Akteure"])
    store.define_code("Leer")
    matrix = coding_matrix(store.all(), library.articles(), store.codebook(), "article")
    assert matrix.count("Akteure", ARTICLE) == 2 and matrix.cells[("Framing/Konflikt", ARTICLE)] == (a.id,)
    assert matrix.row_total("Leer") == 0 and "Framing" in matrix.codes


def _cli(library: Library, *args: str) -> str:
    result = CliRunner().invoke(main, ["--library", str(library.root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_commands(library: Library, tmp_path: Path) -> None:
    article = library.get(ARTICLE)
    _store(library, "anna").add(article, 0, 10, ["Framing/Konflikt"])
    _store(library, "ben").add(article, 0, 10, ["Framing/Konflikt"])
    _cli(library, "codebook", "add", "Framing", "--description", "Wie wird gerahmt?", "--colour", "#123456")
    listed = json.loads(_cli(library, "codebook", "--json"))
    assert listed == [
        {"name": "Framing", "parent": None, "colour": "#123456", "description": "Wie wird gerahmt?", "count": 0},
        {"name": "Framing/Konflikt", "parent": "Framing", "colour": listed[1]["colour"], "description": "", "count": 2},
    ]
    assert "renamed; 2 annotations relabelled" in _cli(library, "codebook", "rename", "Framing", "Rahmung")
    rows = list(csv.reader(io.StringIO(_cli(library, "matrix"))))
    assert rows[0][0] == "code" and [r[0] for r in rows if r[-1] == "2"] == ["Rahmung/Konflikt"]
    by_outlet = json.loads(_cli(library, "matrix", "--by", "outlet", "--format", "json"))
    assert by_outlet["by"] == "outlet"
    figures = json.loads(_cli(library, "agreement", "--authors", "anna,ben", "--json"))
    assert figures["overall"]["percent_agreement"] == 1.0 and figures["unit"].startswith("sentence")
    result = CliRunner().invoke(main, ["--library", str(library.root), "agreement", "--authors", "anna,zoe"])
    assert result.exit_code != 0 and "no annotations by 'zoe'" in result.output


def test_code_names_reach_the_terminal_only_through_the_sanitiser(library: Library) -> None:
    article = library.get(ARTICLE)
    _store(library, "anna\x1b]0;titel\x07").add(article, 0, 10, ["Rot\x1b[31m/Kind"])
    _store(library, "ben").add(article, 0, 10, ["Rot\x1b[31m/Kind"])
    for command in (["codebook"], ["agreement"]):  # listings; the matrix CSV in a pipe stays exact, as exports do
        output = _cli(library, *command)
        assert "\x1b" not in output and "\x07" not in output, command
