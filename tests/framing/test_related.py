"""Related coverage: the bundled summit reports find each other among unrelated articles, and the
index follows the library (added, changed, removed articles) without a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles import Library
from reader.framing.related import RelatedIndex, index_path
from tests.helpers.news_mix import unrelated_articles
from tests.helpers.sample_library import SAMPLE_ARTICLE_IDS, copy_sample_library


@pytest.fixture
def mixed_library(tmp_path: Path) -> Library:
    library = copy_sample_library(tmp_path / "lib")
    for article_id, text in unrelated_articles(300):
        (library.articles_dir / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return library


def test_the_four_other_summit_reports_come_first(mixed_library: Library, tmp_path: Path) -> None:
    index = RelatedIndex(index_path(tmp_path / "cache", mixed_library.root))
    articles = {a.id: a for a in mixed_library.scan().articles}
    assert index.sync(articles.values()).added == len(articles)
    for article_id in SAMPLE_ARTICLE_IDS:
        top = [r.article_id for r in index.related(articles[article_id], limit=4)]
        assert sorted(top) == sorted(set(SAMPLE_ARTICLE_IDS) - {article_id}), article_id
        assert top[0] != article_id


def test_the_index_updates_incrementally(mixed_library: Library, tmp_path: Path) -> None:
    path = index_path(tmp_path / "cache", mixed_library.root)
    index = RelatedIndex(path)
    index.sync(mixed_library.scan().articles)
    index.close()
    (mixed_library.articles_dir / "nachtrag.txt").write_text(
        "Nachtrag zum Gipfel\nTrump und Putin trafen sich in Anchorage, Alaska; Selenskyj war nicht dabei.",
        encoding="utf-8",
    )
    (mixed_library.articles_dir / "meldung-00001.txt").unlink()
    again = RelatedIndex(path)
    report = again.sync(mixed_library.scan().articles)
    assert (report.added, report.removed) == (1, 1)
    articles = {a.id: a for a in mixed_library.scan().articles}
    ranked = [r.article_id for r in again.related(articles["nachtrag"], limit=5)]
    assert set(ranked[:5]) <= set(SAMPLE_ARTICLE_IDS) and len(ranked) == 5
    assert "meldung-00001" not in {r.article_id for r in again.related(articles["meldung-00002"], limit=400)}


def test_a_damaged_index_file_is_rebuilt(tmp_path: Path) -> None:
    library = copy_sample_library(tmp_path / "lib")
    path = index_path(tmp_path / "cache", library.root)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 100)
    index = RelatedIndex(path)
    assert index.sync(library.scan().articles).added == 5


def test_reader_related_prints_the_ranking_as_json_and_refuses_unknown_articles(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from reader.cli import main

    copy_sample_library(tmp_path)
    source = SAMPLE_ARTICLE_IDS[0]
    result = CliRunner().invoke(main, ["--library", str(tmp_path), "related", source, "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    ranked = json.loads(result.output)
    assert len(ranked) == 3 and {r["id"] for r in ranked} < set(SAMPLE_ARTICLE_IDS) - {source}
    assert all(0 < r["score"] <= 1 and r["shared"] and r["title"] for r in ranked)
    assert ranked == sorted(ranked, key=lambda r: -r["score"])
    missing = CliRunner().invoke(main, ["--library", str(tmp_path), "related", "gibt-es-nicht"])
    assert missing.exit_code == 1 and len(missing.output.strip().splitlines()) == 1
