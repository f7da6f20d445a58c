"""The library index: a second start reads the parsed articles instead of parsing the files, and
any change — an edited, added or removed file, other parsing code, a damaged index — is noticed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.articles import Library
from reader.articles import index as index_module
from reader.articles import library as library_module


def fields(library: Library) -> list[tuple]:
    return [
        (a.id, a.path, a.body, a.title, a.date, a.language, a.version, a.words, a.paragraphs, a.warnings)
        for a in library.articles()
    ]


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    parsed: list[Path] = []
    real = library_module.read_article_file

    def counting(path: Path, *args, **kwargs):
        parsed.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(library_module, "read_article_file", counting)
    return parsed


def test_a_second_start_parses_nothing_and_gets_the_same_articles(
    library_dir: Path, index_dir: Path, monkeypatch
) -> None:
    first = fields(Library(library_dir, index_dir))
    parsed = count_parses(monkeypatch)
    again = Library(library_dir, index_dir)
    assert fields(again) == first and parsed == []
    assert [a.id for a in again.articles()] == [a.id for a in Library(library_dir).articles()]


def test_an_edited_added_or_removed_file_is_noticed(library_dir: Path, index_dir: Path, monkeypatch) -> None:
    Library(library_dir, index_dir).articles()
    articles = library_dir / "articles"
    edited = sorted(articles.iterdir())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "Ein neuer letzter Absatz.\n", encoding="utf-8")
    removed = sorted(articles.iterdir())[1]
    removed.unlink()
    (articles / "neu.txt").write_text("Neue Meldung\nDer Text der neuen Meldung.\n", encoding="utf-8")
    expected = fields(Library(library_dir))
    parsed = count_parses(monkeypatch)
    library = Library(library_dir, index_dir)
    assert fields(library) == expected
    assert sorted(p.name for p in parsed) == sorted([edited.name, "neu.txt"])
    assert library.get(edited.stem).body.endswith("Ein neuer letzter Absatz.")
    parsed.clear()
    assert fields(Library(library_dir, index_dir)) == expected and parsed == []


def test_other_parsing_code_or_a_damaged_index_means_a_full_scan(
    library_dir: Path, index_dir: Path, monkeypatch
) -> None:
    Library(library_dir, index_dir).articles()
    index_file = index_module.index_path(index_dir, library_dir.resolve())
    assert index_file.is_file()
    expected = fields(Library(library_dir))
    monkeypatch.setattr(index_module, "CODE_FINGERPRINT", "other-code")
    parsed = count_parses(monkeypatch)
    assert len(Library(library_dir, index_dir).articles()) == 5 and len(parsed) == 5
    monkeypatch.undo()
    index_file.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    parsed = count_parses(monkeypatch)
    assert fields(Library(library_dir, index_dir)) == expected and len(parsed) == 5
    parsed.clear()
    assert fields(Library(library_dir, index_dir)) == expected and parsed == []  # built anew


def test_an_unwritable_index_folder_costs_speed_not_articles(library_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the index folder should be")
    assert fields(Library(library_dir, blocked)) == fields(Library(library_dir))


def test_a_file_that_became_unreadable_leaves_the_index(library_dir: Path, index_dir: Path) -> None:
    Library(library_dir, index_dir).articles()
    broken = sorted((library_dir / "articles").iterdir())[0]
    broken.write_bytes(b"\xff\xfe\x00binary\x00")
    os.utime(broken, ns=(1, 1))
    scan = Library(library_dir, index_dir).scan()
    assert len(scan.articles) == 4 and len(scan.problems) == 1
    assert broken.stem not in [a.id for a in Library(library_dir, index_dir).articles()]


def test_an_edit_that_keeps_size_and_modification_time_is_still_noticed(library_dir: Path, index_dir: Path) -> None:
    Library(library_dir, index_dir).articles()
    path = sorted((library_dir / "articles").iterdir())[0]
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Alaska", "Alaskx", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or `rsync -t` leave it
    assert "Alaskx" in Library(library_dir, index_dir).get(path.stem).body


def test_texts_not_in_the_full_text_table_yet_are_searched_in_memory(
    library_dir: Path, index_dir: Path, monkeypatch
) -> None:
    monkeypatch.setattr(library_module, "SYNC_TEXTS", 0)  # as in a library of thousands: texts indexed later
    library = Library(library_dir, index_dir)
    library.scan()
    assert library.index is not None and library.index.texts_pending == 5
    pending = library.search("Lukaschenko")
    library.index_texts()
    assert library.index.texts_pending == 0
    assert pending is not None and library.search("Lukaschenko") == pending and len(pending) == 1
    again = Library(library_dir, index_dir)
    again.scan()
    assert again.index is not None and again.index.texts_pending == 0
    assert again.search("lukasch") == pending  # a word's beginning, any case
    assert again.search("...") is None  # no words: the caller matches titles itself


def test_a_run_that_stopped_before_indexing_texts_indexes_them_next_time(
    library_dir: Path, index_dir: Path, monkeypatch
) -> None:
    monkeypatch.setattr(library_module, "SYNC_TEXTS", 0)
    Library(library_dir, index_dir).scan()  # quits before index_texts
    monkeypatch.undo()
    library = Library(library_dir, index_dir)
    library.scan()
    assert library.index is not None and library.index.texts_pending == 0
    assert len(library.search("Lukaschenko") or ()) == 1


def test_an_indexed_article_reads_its_body_when_asked_and_pickles_as_an_article(
    library_dir: Path, index_dir: Path
) -> None:
    import pickle

    from reader.articles import Article
    from reader.articles.index import IndexedArticle

    parsed = {a.id: a for a in Library(library_dir, index_dir).articles()}
    for article in Library(library_dir, index_dir).articles():
        assert isinstance(article, IndexedArticle) and "_body" not in article.__dict__  # nothing read at start
        assert article == parsed[article.id] and parsed[article.id] == article
        assert article.paragraphs == parsed[article.id].paragraphs
        copy = pickle.loads(pickle.dumps(article))
        assert type(copy) is Article and copy == parsed[article.id] and copy.version == article.version


def test_a_long_scan_reports_what_it_has_read_so_far_in_path_order(library_dir: Path, monkeypatch) -> None:
    """Partial scans (for the app's first rows) are prefixes of the whole, in the order of the
    sorted paths, folders included; the whole scan is the same as without progress."""
    articles = library_dir / "articles"
    source = next(articles.glob("*.txt")).read_text(encoding="utf-8")
    for folder in ("2025", "2025/08", "a"):
        (articles / folder).mkdir(parents=True, exist_ok=True)
        for n in range(3):
            name = f"m-{folder.replace('/', '-')}-{n}.txt"  # the id is the file's stem: one each
            (articles / folder / name).write_text(f"Meldung {folder} {n}\n{source}", encoding="utf-8")
    (articles / "2025.txt").write_text(f"Zwischen\n{source}", encoding="utf-8")
    monkeypatch.setattr(library_module, "FIRST_PROGRESS_S", 0.0)
    monkeypatch.setattr(library_module, "PROGRESS_EVERY_S", 0.0)
    partial: list = []
    whole = Library(library_dir).scan(progress=partial.append)
    paths = [a.path for a in whole.articles]
    assert whole.complete and len(paths) == 15 and paths == sorted(paths, key=lambda p: p.parts)
    assert partial and all(not p.complete for p in partial)
    assert all([a.path for a in p.articles] == paths[: len(p.articles)] for p in partial)
    assert [a.id for a in Library(library_dir).scan().articles] == [a.id for a in whole.articles]


def test_indexing_texts_stops_between_batches_when_asked_and_the_rest_waits_for_next_time(
    library_dir: Path, index_dir: Path, monkeypatch
) -> None:
    """The app quits while a first run indexes thousands of texts: it must not wait for them."""
    monkeypatch.setattr(library_module, "SYNC_TEXTS", 0)
    library = Library(library_dir, index_dir)
    library.scan()
    assert library.index is not None and library.index.texts_pending == 5
    asked = []

    def stop() -> bool:
        asked.append(True)
        return len(asked) > 1  # the first batch, then stop

    library.index.index_texts(batch=2, stop=stop)
    assert library.index.texts_pending == 3
    monkeypatch.undo()
    again = Library(library_dir, index_dir)
    again.scan()
    assert again.index is not None and again.index.texts_pending == 0
    assert len(again.search("Lukaschenko") or ()) == 1
