"""The analysis cache: hits without spaCy, invalidation by text, pipeline and rules; corrupt files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from reader.analysis import AnalysisCache, ArticleAnalysis, analyze_article, analyze_cached
from reader.analysis.cache import CACHE_SUBDIR
from tests.helpers.pipelines import build_test_pipeline, make_article

TEXT = "„Wir bleiben bei unserer Linie“, sagte Olaf Scholz in Berlin. Baerbock nickte."


@Language.component("count_calls")
def count_calls(doc):
    """A real pipeline component that counts how often the pipeline ran."""
    doc.vocab.strings.add("counted")
    CALLS.append(1)
    return doc


CALLS: list[int] = []


@dataclass
class Info:
    fingerprint: str


@dataclass
class Pipeline:
    nlp: Language
    info: Info


@pytest.fixture
def counted_pipeline() -> Pipeline:
    nlp = build_test_pipeline()
    nlp.add_pipe("count_calls", first=True)
    CALLS.clear()
    return Pipeline(nlp, Info("test-pipeline-1"))


def test_second_open_comes_from_the_cache_without_running_the_pipeline(tmp_path: Path, counted_pipeline) -> None:
    cache = AnalysisCache(tmp_path)
    article = make_article(TEXT)
    first = analyze_cached(article, counted_pipeline, cache)
    assert len(CALLS) == 1
    second = analyze_cached(article, counted_pipeline, cache)
    assert len(CALLS) == 1
    assert second == first
    assert [p.parent.name for p in tmp_path.rglob("*.json")] == [CACHE_SUBDIR]


def test_changed_text_is_a_miss(tmp_path: Path, counted_pipeline) -> None:
    cache = AnalysisCache(tmp_path)
    analyze_cached(make_article(TEXT), counted_pipeline, cache)
    changed = make_article(TEXT + " Merz schwieg.")
    assert cache.get(changed, "test-pipeline-1") is None
    analyze_cached(changed, counted_pipeline, cache)
    assert len(CALLS) == 2


def test_other_pipeline_is_a_miss(tmp_path: Path, counted_pipeline) -> None:
    cache = AnalysisCache(tmp_path)
    article = make_article(TEXT)
    analyze_cached(article, counted_pipeline, cache)
    assert cache.get(article, "test-pipeline-2") is None
    assert cache.get(article, "test-pipeline-1") is not None


def test_rules_version_is_part_of_the_key(tmp_path: Path, monkeypatch) -> None:
    cache = AnalysisCache(tmp_path)
    before = cache.path_for("v", "f")
    monkeypatch.setattr("reader.analysis.cache.RULES_VERSION", 999)
    assert cache.path_for("v", "f") != before


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"schema": 1}',
        json.dumps({"schema": 999}).encode(),
        b"\xff\xfe",
        b'{"schema": 1, "article_id": "x", "version": "v", "fingerprint": "f", "sentences": [[0]], "entities": [], "quotes": [], "roles": []}',
    ],
)
def test_corrupt_cache_file_is_recomputed(tmp_path: Path, counted_pipeline, damage: bytes) -> None:
    cache = AnalysisCache(tmp_path)
    article = make_article(TEXT)
    good = analyze_cached(article, counted_pipeline, cache)
    cache.path_for(article.version, "test-pipeline-1").write_bytes(damage)
    assert cache.get(article, "test-pipeline-1") is None
    again = analyze_cached(article, counted_pipeline, cache)
    assert again == good and len(CALLS) == 2
    assert cache.get(article, "test-pipeline-1") == good


def test_write_leaves_no_temporary_files(tmp_path: Path, nlp) -> None:
    cache = AnalysisCache(tmp_path)
    cache.put(analyze_article(make_article(TEXT), nlp, "f"))
    assert [p.suffix for p in (tmp_path / CACHE_SUBDIR).iterdir()] == [".json"]


def test_same_text_under_another_id_gets_its_own_id(tmp_path: Path, nlp) -> None:
    cache = AnalysisCache(tmp_path)
    cache.put(analyze_article(make_article(TEXT, "one"), nlp, "f"))
    hit = cache.get(make_article(TEXT, "two"), "f")
    assert hit is not None and hit.article_id == "two"


def test_unwritable_cache_still_gives_the_analysis(tmp_path: Path, counted_pipeline) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    analysis = analyze_cached(make_article(TEXT), counted_pipeline, AnalysisCache(blocker))
    assert analysis.quotes[0].speaker == "Olaf Scholz"


WORDS = st.sampled_from(["Olaf Scholz", "sagte", "„", "“", '"', ":", ",", ".", "er", "Baerbocks", "Wort", "\n", " "])


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30).map(" ".join))
def test_json_round_trip_and_offsets_in_range(text: str) -> None:
    nlp = _shared_nlp()
    article = make_article(text if text.strip() else "x")
    analysis = analyze_article(article, nlp, "f")
    assert ArticleAnalysis.from_json(json.loads(json.dumps(analysis.to_json()))) == analysis
    body = article.body
    spans = [(item.start, item.end) for item in analysis.entities]
    spans += [(item.start, item.end) for item in analysis.quotes]
    spans += [(item.start, item.end) for item in analysis.sentences]
    assert all(0 <= start <= end <= len(body) for start, end in spans)
    for quote in analysis.quotes:
        assert body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert quote.speaker_end is not None and 0 <= quote.speaker_start < quote.speaker_end <= len(body)
    for entity in analysis.entities:
        assert body[entity.start : entity.end] == entity.text


_NLP: list[Language] = []


def _shared_nlp() -> Language:
    if not _NLP:
        _NLP.append(build_test_pipeline())
    return _NLP[0]


def _damaged(good: dict, damage: str) -> bytes:
    """The good cache file with one kind of damage a disk, a bug or a hand could do."""
    data = json.loads(json.dumps(good))
    entity, quote = data["entities"][0], data["quotes"][0]
    if damage == "nested":
        return b"[" * 200_000 + b"]" * 200_000
    if damage == "nested inside":
        data["entities"] = json.loads("[" * 900 + "]" * 900)
    elif damage == "start as text":
        entity["start"] = str(entity["start"])
    elif damage == "start as float":
        entity["start"] = float(entity["start"])
    elif damage == "start as bool":
        entity["start"] = True
    elif damage == "start huge":
        entity["start"] = 2**70
    elif damage == "end beyond the text":
        entity["end"] = 10**6
    elif damage == "negative start":
        quote["start"] = -3
    elif damage == "entity text differs":
        entity["text"] = "Jemand Anderes"
    elif damage == "quote text differs":
        quote["text"] = "ganz andere Worte"
    elif damage == "speaker offsets half set":
        quote["speaker_start"], quote["speaker_end"] = 3, None
    elif damage == "continues nowhere":
        quote["continues"] = 99
    elif damage == "kind unknown":
        quote["kind"] = "shout"
    elif damage == "sentence as text":
        data["sentences"][0] = "ab"
    elif damage == "sentences out of order":
        data["sentences"].reverse()
    elif damage == "missing field":
        del entity["label"]
    elif damage == "null id":
        data["article_id"] = None
    elif damage == "entity as list":
        data["entities"][0] = [1, 2]
    return json.dumps(data).encode("utf-8")


DAMAGES = [
    "nested",
    "nested inside",
    "start as text",
    "start as float",
    "start as bool",
    "start huge",
    "end beyond the text",
    "negative start",
    "entity text differs",
    "quote text differs",
    "speaker offsets half set",
    "continues nowhere",
    "kind unknown",
    "sentence as text",
    "sentences out of order",
    "missing field",
    "null id",
    "entity as list",
]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_cache_file_is_verified_and_recomputed(tmp_path: Path, counted_pipeline, damage: str) -> None:
    cache = AnalysisCache(tmp_path)
    article = make_article(TEXT + " „Das bleibt so“, sagte Scholz.")
    good = analyze_cached(article, counted_pipeline, cache)
    assert len(good.sentences) > 1 and good.quotes
    path = cache.path_for(article.version, "test-pipeline-1")
    path.write_bytes(_damaged(good.to_json(), damage))
    assert cache.get(article, "test-pipeline-1") is None
    assert analyze_cached(article, counted_pipeline, cache) == good and len(CALLS) == 2
    assert cache.get(article, "test-pipeline-1") == good  # and the file is whole again


def test_a_cache_entry_that_is_a_device_or_a_pipe_is_a_miss(tmp_path: Path, counted_pipeline) -> None:
    import os

    cache = AnalysisCache(tmp_path)
    article = make_article(TEXT)
    path = cache.path_for(article.version, "test-pipeline-1")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert cache.get(article, "test-pipeline-1") is None  # and it did not block
