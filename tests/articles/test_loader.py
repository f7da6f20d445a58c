"""Loading article files: every bad-file kind is skipped with a one-line reason, never a crash."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from reader.articles import Library, read_article_file
from reader.articles.loader import ArticleFileError


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\n\t \n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("Grüße aus Köln".encode("latin-1"), "is not UTF-8 (byte 0xFC at offset 2)"),
        (codecs.BOM_UTF16_LE + "Hallo Welt".encode("utf-16-le"), "is UTF-16 text, not UTF-8"),
        (b"---\ntitle: Unclosed\nBody text.\n", "never closed"),
        (b"---\ntitle: Fine\nthis line is not a field\n---\nBody.\n", "front matter line 3 is not 'key: value'"),
        (b"---\ntitle: Only metadata\n---\n\n", "has no body text"),
    ],
)
def test_bad_file_is_skipped_with_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    write(tmp_path / "articles" / "bad.txt", data)
    write(tmp_path / "articles" / "good.txt", "Ein Satz über Hamburg.\n")
    scan = Library(tmp_path).scan()
    assert [a.id for a in scan.articles] == ["good"]
    assert len(scan.problems) == 1
    line = str(scan.problems[0])
    assert line.startswith("bad.txt: ")
    assert reason in line
    assert "\n" not in line


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = write(tmp_path / "articles" / "locked.txt", "Text.")
    original = os.open

    def refuse(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(path) == bad:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return original(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    scan = Library(tmp_path).scan()
    assert scan.articles == ()
    assert str(scan.problems[0]) == "locked.txt: cannot be read: Permission denied"


def test_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        '---\ntitle: "Gipfel: kein Deal"\nsource: Beispielzeitung\ndate: 2025-08-16\n'
        "url: https://www.example.org/gipfel\nlanguage: de\nauthor: A. Autorin\n---\n"
        "Erster Absatz.\n\nZweiter Absatz.\n",
    )
    article = read_article_file(path)
    assert (article.title, article.source, article.date) == ("Gipfel: kein Deal", "Beispielzeitung", "2025-08-16")
    assert (article.url, article.language, article.author) == ("https://www.example.org/gipfel", "de", "A. Autorin")
    assert article.body == "Erster Absatz.\n\nZweiter Absatz."
    assert article.paragraphs == ((0, 14), (16, 31))
    assert article.warnings == ()


def test_source_falls_back_to_the_url_host(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\nurl: https://www.zeitung.example/artikel\n---\nText hier.\n")
    assert read_article_file(path).source == "zeitung.example"


def test_unusable_front_matter_values_warn_but_load(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ndate: gestern\nmood: heiter\n---\nText hier.\n")
    article = read_article_file(path)
    assert article.date == ""
    assert any("date 'gestern'" in w for w in article.warnings)
    assert any("mood" in w for w in article.warnings)


def test_a_date_marker_is_metadata_and_a_headline_both_title_and_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", " date 2024-01-02 Kurzer Anriss.\nNoch ein Satz.\n")
    article = read_article_file(path)
    assert article.date == "2024-01-02"
    assert article.body == "Kurzer Anriss.\n\nNoch ein Satz."
    path = write(tmp_path / "b.txt", "Eine Schlagzeile ohne Punkt\nDer Text beginnt hier. Und geht weiter.\n")
    article = read_article_file(path)
    assert article.title == "Eine Schlagzeile ohne Punkt"
    assert article.body == "Eine Schlagzeile ohne Punkt\n\nDer Text beginnt hier. Und geht weiter."


def test_title_falls_back_to_first_sentence_shortened(tmp_path: Path) -> None:
    long_first = "Am 16. August sprach Dr. Beispiel in Anchorage über " + "sehr " * 30 + "viele Dinge. Zweiter Satz."
    article = read_article_file(write(tmp_path / "a.txt", long_first + "\n"))
    assert article.title.startswith("Am 16. August sprach Dr. Beispiel in Anchorage")
    assert article.title.endswith("…")
    assert len(article.title) <= 90
    short = read_article_file(write(tmp_path / "b.txt", "Er kam. Er sah.\n"))
    assert short.title == "Er kam."


def test_version_tracks_body_text_only(tmp_path: Path) -> None:
    first = read_article_file(write(tmp_path / "a.txt", "Ein Text.\r\nZweite Zeile.\r\n"))
    same = read_article_file(write(tmp_path / "b.txt", "\ufeffEin Text.\n\nZweite Zeile.\n"))
    changed = read_article_file(write(tmp_path / "c.txt", "Ein Text.\nZweite Zeile!\n"))
    assert first.body == "Ein Text.\n\nZweite Zeile."
    assert first.version == same.version
    assert first.version != changed.version


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    write(tmp_path / "articles" / "x.md", "Markdown.\n")
    write(tmp_path / "articles" / "sub" / "x.txt", "Text.\n")
    scan = Library(tmp_path).scan()
    assert len(scan.articles) == 1
    assert "same id 'x'" in str(scan.problems[0])


def test_library_rereads_changed_files_only(tmp_path: Path) -> None:
    path = write(tmp_path / "articles" / "a.txt", "Alt.\n")
    library = Library(tmp_path)
    first = library.get("a")
    assert library.get("a") is first
    path.write_text("Neu und länger.\n", encoding="utf-8")
    assert library.get("a").body == "Neu und länger."


def test_missing_articles_folder_is_reported(tmp_path: Path) -> None:
    scan = Library(tmp_path).scan()
    assert scan.articles == ()
    assert "no articles/ folder" in str(scan.problems[0])


def test_resolve_accepts_any_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "elsewhere" / "notiz.txt", "Ein Satz.\n")
    assert Library(tmp_path).resolve(str(path)).id == "notiz"
    with pytest.raises(ArticleFileError, match=r"notiz\.bin looks binary"):
        Library(tmp_path).resolve(str(write(tmp_path / "notiz.bin", b"\x00\x01")))
