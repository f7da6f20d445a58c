"""Shared and unique passages, on sentences written for the test; word changes between renderings."""

from __future__ import annotations

import re

from reader.framing.passages import Passage, shared_passages
from reader.framing.wording import CHANGED, changed_words, word_changes

AGENCY = "Die Regierung kündigte am Dienstag ein neues Förderprogramm für kleine Betriebe auf dem Land an."
EDITED = "Die Regierung kündigte am Dienstag ein neues Förderprogramm für kleinere Betriebe auf dem Land an."
OTHER = "Der Landrat lobte die Feuerwehr nach dem Hochwasser für ihren raschen und mutigen Einsatz."
OWN = "Im Hafen von Kiel legten am Abend drei Segelschiffe aus Norwegen mit Touristen an."


def passages(article_id: str, *sentences: str) -> list[Passage]:
    out, start = [], 0
    for sentence in sentences:
        out.append(Passage(article_id, start, start + len(sentence), sentence))
        start += len(sentence) + 1
    return out


def test_verbatim_and_nearly_verbatim_sentences_are_one_cluster_across_three_articles() -> None:
    result = shared_passages(
        {"a": passages("a", AGENCY, OTHER), "b": passages("b", OWN, EDITED), "c": passages("c", AGENCY)}
    )
    (cluster,) = result.clusters
    assert cluster.articles == ("a", "b", "c")
    assert 0.9 < cluster.similarity < 1.0
    assert result.cluster_at("b", passages("b", OWN, EDITED)[1].start) is cluster
    assert result.cluster_at("a", passages("a", AGENCY, OTHER)[1].start) is None


def test_only_here_is_what_no_other_article_says_even_in_other_words() -> None:
    reworded = "Nach dem Hochwasser lobte der Landrat den Einsatz der Feuerwehr."
    result = shared_passages({"a": passages("a", AGENCY, OTHER, OWN), "b": passages("b", reworded)})
    assert [p.text for p in result.unique["a"]] == [AGENCY, OWN]
    assert result.clusters == ()


def test_a_sentence_on_the_same_topic_is_not_shared() -> None:
    topic = "Die Regierung stellte am Mittwoch ein Programm für Pendler in großen Städten vor."
    assert shared_passages({"a": passages("a", AGENCY), "b": passages("b", topic)}).clusters == ()


def test_word_changes_mark_what_the_second_rendering_changed() -> None:
    first = "Wir sind noch nicht da, aber wir haben eine gute Chance"
    second = "Wir sind noch nicht dort, aber wir haben eine sehr gute Chance"
    assert changed_words(first, second) == ["dort", "sehr"]
    pieces = word_changes(first, second)
    assert "".join(piece for _, piece in pieces) == second
    assert [p for kind, p in pieces if kind == CHANGED] == ["dort", "sehr"]
    assert changed_words(first, first.upper()) == []
    assert re.fullmatch(r"[^\n]*", "".join(p for _, p in word_changes("", "„neu“")))


def test_a_paragraph_copied_whole_is_a_shared_paragraph() -> None:
    a = passages("a", AGENCY, OTHER, OWN)
    b = passages("b", EDITED, OTHER)
    result = shared_passages({"a": a, "b": b}).with_paragraphs(
        {"a": [(a[0].start, a[1].end), (a[2].start, a[2].end)], "b": [(b[0].start, b[1].end)]}
    )
    assert [(p.article_id, p.start, p.shared_with) for p in result.paragraphs] == [("a", 0, ("b",)), ("b", 0, ("a",))]
    paragraphs = result.to_json()["paragraphs"]
    assert isinstance(paragraphs, list) and paragraphs[0] == {
        "article": "a",
        "start": 0,
        "end": a[1].end,
        "shared_with": ["b"],
    }
