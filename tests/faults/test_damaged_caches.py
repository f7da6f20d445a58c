"""Caches are verified, never trusted: a damaged library index or analysis cache is discarded
and the truth read again from the article files, in the CLI and in the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.articles.index import checksum, index_path
from reader.cli import main
from reader.settings import Settings
from tests.helpers.pilot import wait_for_library


def index_entry(data: dict, article_id: str) -> list:
    """[path, stat key, record, checksum] of the article in the index."""
    return next(entry for entry in data["files"] if entry[2]["id"] == article_id)


DAMAGES = {
    "body null": lambda record: record.update(body=None),
    "body changed": lambda record: record.update(body=record["body"].replace("Putin", "Niemand")),
    "body and words changed": lambda record: record.update(body="Ein ganz anderer Text.", words=4, paragraphs=[0, 22]),
    "version wrong": lambda record: record.update(version="0" * 16),
    "words as text": lambda record: record.update(words="12"),
    "words negative": lambda record: record.update(words=-1),
    "paragraphs shifted": lambda record: record.update(paragraphs=[p + 1 for p in record["paragraphs"]]),
    "paragraphs odd": lambda record: record.update(paragraphs=record["paragraphs"][:-1]),
    "paragraphs merged": lambda record: record.update(paragraphs=[0, len(record["body"])]),
    "id of another file": lambda record: record.update(id="anders"),
    "title a number": lambda record: record.update(title=3),
    "warnings text": lambda record: record.update(warnings="Achtung"),
    "record a list": lambda record: (record.clear(), record.update({"0": []})),
}


# Damage that also keeps the checksum right (as if written by a broken program): the checks of
# types and of the id catch it.
CHECKSUM_KEPT = (
    "body null",
    "words as text",
    "words negative",
    "paragraphs odd",
    "id of another file",
    "title a number",
    "warnings text",
    "record a list",
)


@pytest.mark.parametrize(
    ("damage", "fix_checksum"),
    [(damage, False) for damage in sorted(DAMAGES)] + [(damage, True) for damage in CHECKSUM_KEPT],
)
def test_a_damaged_library_index_entry_is_parsed_from_its_file_again(
    library_dir: Path, tmp_path: Path, damage: str, fix_checksum: bool
) -> None:
    index_dir = tmp_path / "index"
    truth = {article.id: article for article in Library(library_dir).scan().articles}
    Library(library_dir, index_dir).scan()  # writes the index
    file = index_path(index_dir, library_dir.resolve())
    data = json.loads(file.read_bytes())
    article_id = "treffen-trump-putin-no-deal"
    entry = index_entry(data, article_id)
    DAMAGES[damage](entry[2])
    if fix_checksum:
        entry[3] = checksum(entry[2])
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    scan = Library(library_dir, index_dir).scan()
    assert {article.id: article for article in scan.articles} == truth and scan.problems == ()
    repaired = json.loads(file.read_bytes())  # the entry was written back whole
    assert index_entry(repaired, article_id)[2]["body"] == truth[article_id].body


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": "reader-library-index", "files": 3}',
        b"\xff",
        b"null",
        b'{"files": [[1, 2, 3]]}',
    ],
    ids=["nested", "files a number", "not UTF-8", "null", "foreign"],
)
def test_a_damaged_library_index_file_is_no_index(library_dir: Path, tmp_path: Path, content: bytes) -> None:
    index_dir = tmp_path / "index"
    Library(library_dir, index_dir).scan()
    index_path(index_dir, library_dir.resolve()).write_bytes(content)
    assert len(Library(library_dir, index_dir).scan().articles) == 5


def test_reader_annotations_with_a_body_null_index(library_dir: Path) -> None:
    """The attack as reported: `body: null` in the index crashed `reader annotations`."""
    settings = Settings.resolve(library=library_dir)
    library = Library(library_dir, settings.library_index_dir)
    article = library.get("treffen-trump-putin-no-deal")
    AnnotationStore.open(library, author="tester").add(article, 0, 12, ["Framing"])
    file = index_path(settings.library_index_dir, library_dir.resolve())
    data = json.loads(file.read_bytes())
    index_entry(data, article.id)[2]["body"] = None
    file.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["--library", str(library_dir), "annotations"])
    assert result.exit_code == 0, result.output
    assert "anchored" in result.stdout and article.id in result.stdout


@pytest.mark.ui
async def test_the_app_recomputes_a_damaged_analysis(library_dir: Path) -> None:
    """A cache file nested too deep for a JSON parser: the app shows the analysis all the same."""
    from reader.analysis import AnalysisCache
    from reader.nlp.identity import peek_fingerprint
    from reader.tui.app import ReaderApp

    for path in sorted((library_dir / "articles").iterdir())[1:]:
        path.unlink()  # one article: a short analysis
    settings = Settings.resolve(library=library_dir, author="tester")
    (article,) = Library(library_dir).articles()
    cache = AnalysisCache(settings.cache_dir)
    damaged = cache.path_for(article.version, peek_fingerprint(None))
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    app = ReaderApp(settings)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_library(pilot, rows=1)
        for _ in range(1200):
            await pilot.pause(0.05)
            if article.id in app.session.analyses:
                break
        analysis = app.session.analyses[article.id]
        assert analysis.entities and analysis.fits(article.body)
        assert not [n for n in app._notifications if n.severity == "error"]
    assert cache.get(article, peek_fingerprint(None)) == analysis  # the damaged file was replaced
