"""Caches are verified, never trusted: a damaged library index or analysis cache is discarded
and the truth read again from the article files, in the CLI and in the app."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.articles.index import FORMAT, checksum, index_path
from reader.cli import main
from reader.settings import Settings
from tests.helpers.pilot import wait_for_library


def index_row(file: Path, article_id: str) -> tuple[int, dict]:
    """(rowid, metadata) of the article's row in the index."""
    with sqlite3.connect(file) as db:
        for rowid, raw in db.execute("SELECT rowid, fields FROM articles"):
            fields = json.loads(raw)
            if fields.get("id") == article_id:
                return rowid, fields
    raise AssertionError(f"no row for {article_id}")


def write_row(file: Path, rowid: int, fields: object, fix_checksum: bool) -> None:
    raw = json.dumps(fields, ensure_ascii=False).encode()
    with sqlite3.connect(file) as db:
        if fix_checksum:
            db.execute("UPDATE articles SET fields = ?, checksum = ? WHERE rowid = ?", (raw, checksum(raw), rowid))
        else:
            db.execute("UPDATE articles SET fields = ? WHERE rowid = ?", (raw, rowid))


def write_body(file: Path, rowid: int, body: object) -> None:
    with sqlite3.connect(file) as db:
        db.execute("UPDATE texts SET body = ? WHERE rowid = ?", (body, rowid))


DAMAGES = {
    "words changed": lambda record: record.update(words=4),
    "version wrong": lambda record: record.update(version="0" * 16),
    "words as text": lambda record: record.update(words="12"),
    "words negative": lambda record: record.update(words=-1),
    "warnings numbers": lambda record: record.update(warnings=[1, 2]),
    "a body smuggled in": lambda record: record.update(_body="Ein ganz anderer Text.", body="Auch anders."),
    "id of another file": lambda record: record.update(id="anders"),
    "title a number": lambda record: record.update(title=3),
    "warnings text": lambda record: record.update(warnings="Achtung"),
    "record a list": lambda record: (record.clear(), record.update({"0": []})),
}


# Damage that also keeps the checksum right (as if written by a broken program): the checks of
# types and of the id catch it.
CHECKSUM_KEPT = (
    "words as text",
    "words negative",
    "warnings numbers",
    "a body smuggled in",
    "id of another file",
    "title a number",
    "warnings text",
    "record a list",
)


@pytest.mark.parametrize(
    ("damage", "fix_checksum"),
    [(damage, False) for damage in sorted(DAMAGES)] + [(damage, True) for damage in CHECKSUM_KEPT],
)
def test_a_damaged_library_index_row_is_parsed_from_its_file_again(
    library_dir: Path, tmp_path: Path, damage: str, fix_checksum: bool
) -> None:
    index_dir = tmp_path / "index"
    truth = {article.id: article for article in Library(library_dir).scan().articles}
    Library(library_dir, index_dir).scan()  # writes the index
    file = index_path(index_dir, library_dir.resolve())
    article_id = "treffen-trump-putin-no-deal"
    rowid, fields = index_row(file, article_id)
    DAMAGES[damage](fields)
    write_row(file, rowid, fields, fix_checksum)
    scan = Library(library_dir, index_dir).scan()
    assert {article.id: article for article in scan.articles} == truth and scan.problems == ()
    _, repaired = index_row(file, article_id)  # the row was written back whole
    assert repaired["version"] == truth[article_id].version and repaired["words"] == truth[article_id].words


@pytest.mark.parametrize(
    "body", [None, "Ein ganz anderer Text.", 3, b"\xff"], ids=["null", "changed", "a number", "bytes"]
)
def test_a_damaged_body_in_the_index_is_read_from_its_file(library_dir: Path, tmp_path: Path, body: object) -> None:
    index_dir = tmp_path / "index"
    truth = {article.id: article for article in Library(library_dir).scan().articles}
    Library(library_dir, index_dir).scan()
    file = index_path(index_dir, library_dir.resolve())
    article_id = "treffen-trump-putin-no-deal"
    rowid, _ = index_row(file, article_id)
    with sqlite3.connect(file) as db:
        assert db.execute("SELECT has_text FROM articles WHERE rowid = ?", (rowid,)).fetchone() == (1,)
    write_body(file, rowid, body)
    library = Library(library_dir, index_dir)
    assert library.get(article_id).body == truth[article_id].body
    assert library.search("Anchorage") is not None
    assert article_id in (library.search(truth[article_id].body.split()[3]) or set())  # the text written back


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b"SQLite format 3\x00" + b"\xff" * 4096,
        b"\xff",
        b"",
    ],
    ids=["json", "malformed pages", "not a database", "empty"],
)
def test_a_damaged_library_index_file_is_built_anew(library_dir: Path, tmp_path: Path, content: bytes) -> None:
    index_dir = tmp_path / "index"
    Library(library_dir, index_dir).scan()
    file = index_path(index_dir, library_dir.resolve())
    file.write_bytes(content)
    for suffix in ("-wal", "-shm"):
        Path(f"{file}{suffix}").unlink(missing_ok=True)
    assert len(Library(library_dir, index_dir).scan().articles) == 5
    with sqlite3.connect(file) as db:  # a working index again
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (5,)


def test_a_foreign_database_is_not_trusted(library_dir: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    file = index_path(index_dir, library_dir.resolve())
    with sqlite3.connect(file) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('format', 'something else')")
        db.execute("CREATE TABLE articles (path TEXT)")
    scan = Library(library_dir, index_dir).scan()
    assert len(scan.articles) == 5
    with sqlite3.connect(file) as db:
        assert dict(db.execute("SELECT key, value FROM meta"))["format"] == FORMAT


def test_reader_annotations_with_a_body_null_index(library_dir: Path) -> None:
    """The attack as reported: `body: null` in the index crashed `reader annotations`."""
    settings = Settings.resolve(library=library_dir)
    library = Library(library_dir, settings.library_index_dir)
    article = library.get("treffen-trump-putin-no-deal")
    AnnotationStore.open(library, author="tester").add(article, 0, 12, ["Framing"])
    file = index_path(settings.library_index_dir, library_dir.resolve())
    rowid, _ = index_row(file, article.id)
    write_body(file, rowid, None)
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
    fingerprint = peek_fingerprint(None)
    assert fingerprint is not None  # the shipped pipeline's is known without loading it
    damaged = cache.path_for(article.version, fingerprint)
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
    assert cache.get(article, fingerprint) == analysis  # the damaged file was replaced
