"""add_source with files and stdin: what is written, what is refused, and duplicates."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.articles import Library, read_article_file
from reader.articles.frontmatter import parse_front_matter
from reader.ingest import SAME_TEXT, SAME_URL, AddError, add_source
from tests.helpers.web_pages import (
    LATIN1_TEXT,
    NEWS_CANONICAL,
    articles_in,
    latin1_page,
    news_html,
    news_html_without_canonical,
)

NEWS_STEM = "gipfel-in-anchorage-viel-symbolik-wenig-substanz"
PLAIN_ARTICLE = (
    "Selenskyj reist nach Washington\n"
    "Der ukrainische Präsident will am Montag mit Trump über Sicherheitsgarantien sprechen.\n"
    "Begleitet wird er von mehreren europäischen Regierungschefs.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_an_html_file_becomes_an_article_file_with_front_matter(library: Library, tmp_path: Path) -> None:
    result = add_source(library, str(write(tmp_path / "in" / "seite.html", news_html())))
    assert result.added and result.duplicate_of is None
    assert result.article.path == library.articles_dir / f"{NEWS_STEM}.txt"
    text = result.article.path.read_text(encoding="utf-8")
    assert parse_front_matter(text).fields == {
        "title": "Gipfel in Anchorage: Viel Symbolik, wenig Substanz",
        "source": "Tagesblick",
        "date": "2025-08-16",
        "url": NEWS_CANONICAL,
        "language": "de",
        "author": "Katrin Vogelsang",
    }
    loaded = read_article_file(result.article.path)
    assert loaded == result.article
    assert loaded.id == NEWS_STEM
    # the headline opens the text too, so it is read, annotated and analysed like the rest
    assert loaded.body.startswith("Gipfel in Anchorage: Viel Symbolik, wenig Substanz\n\nDrei Stunden Gespräch")
    assert loaded.body.endswith("in Washington erwartet.")
    assert loaded.body.split("\n\n")[5] == "Europa wartet auf einen Anruf"
    assert [a.id for a in library.articles()] == [NEWS_STEM]


def test_the_same_page_twice_is_a_duplicate_by_url(library: Library, tmp_path: Path) -> None:
    first = add_source(library, str(write(tmp_path / "a.html", news_html())))
    second = add_source(library, str(write(tmp_path / "b.htm", news_html())))
    assert not second.added
    assert second.duplicate_of == first.article.id
    assert second.duplicate_reason == SAME_URL
    assert articles_in(library) == [f"{NEWS_STEM}.txt"]


def test_the_same_text_under_another_address_is_a_duplicate_by_text(library: Library, tmp_path: Path) -> None:
    first = add_source(library, str(write(tmp_path / "a.html", news_html())))
    copy = news_html().replace(NEWS_CANONICAL, "https://www.nachrichtenportal.example/ausland/alaska-gipfel")
    second = add_source(library, str(write(tmp_path / "b.html", copy)))
    assert (second.added, second.duplicate_of, second.duplicate_reason) == (False, first.article.id, SAME_TEXT)
    assert len(articles_in(library)) == 1


def test_a_text_file_is_copied_as_written(library: Library, tmp_path: Path) -> None:
    source = write(tmp_path / "Notizen vom Gipfel.txt", PLAIN_ARTICLE)
    result = add_source(library, str(source))
    assert result.article.path == library.articles_dir / "notizen-vom-gipfel.txt"
    assert result.article.path.read_bytes() == source.read_bytes()
    assert result.article.title == "Selenskyj reist nach Washington"  # the library's own inference
    assert result.article.body.startswith("Selenskyj reist nach Washington\n\nDer ukrainische Präsident")


def test_a_markdown_file_keeps_its_front_matter(library: Library, tmp_path: Path) -> None:
    text = (
        "---\ntitle: 'Sicherheitsgarantien: Was Kiew will'\nsource: Tagesblick\ndate: 2025-08-18\n---\n" + PLAIN_ARTICLE
    )
    result = add_source(library, str(write(tmp_path / "garantien.md", text)))
    assert result.article.path.name == "garantien.md"
    assert result.article.path.read_text(encoding="utf-8") == text
    assert (result.article.title, result.article.source, result.article.date) == (
        "Sicherheitsgarantien: Was Kiew will",
        "Tagesblick",
        "2025-08-18",
    )


def test_a_text_file_already_in_the_library_is_a_duplicate(library: Library, tmp_path: Path) -> None:
    existing = write(library.articles_dir / "selenskyj.txt", PLAIN_ARTICLE)
    result = add_source(library, str(write(tmp_path / "kopie.txt", "\n\n" + PLAIN_ARTICLE.replace("\n", "\n\n"))))
    assert (result.duplicate_of, result.duplicate_reason) == ("selenskyj", SAME_TEXT)
    assert articles_in(library) == [existing.name]


def test_a_text_file_with_a_known_url_is_a_duplicate_by_url(library: Library, tmp_path: Path) -> None:
    add_source(library, str(write(tmp_path / "a.html", news_html())))
    text = f"---\nurl: {NEWS_CANONICAL}?utm_source=feed\n---\nGanz anderer Text über den Gipfel.\n"
    result = add_source(library, str(write(tmp_path / "b.txt", text)))
    assert (result.duplicate_of, result.duplicate_reason) == (NEWS_STEM, SAME_URL)


def test_names_that_are_taken_get_a_number_and_nothing_is_overwritten(library: Library, tmp_path: Path) -> None:
    write(library.articles_dir / f"{NEWS_STEM}.txt", "Ein ganz anderer Artikel mit demselben Namen.\n")
    write(library.articles_dir / "archiv" / f"{NEWS_STEM}-2.md", "Noch einer, im Unterordner.\n")
    result = add_source(library, str(write(tmp_path / "a.html", news_html())))
    assert result.article.id == f"{NEWS_STEM}-3"
    assert (library.articles_dir / f"{NEWS_STEM}.txt").read_text(
        encoding="utf-8"
    ) == "Ein ganz anderer Artikel mit demselben Namen.\n"
    assert {a.id for a in library.articles()} == {NEWS_STEM, f"{NEWS_STEM}-2", f"{NEWS_STEM}-3"}


def test_a_new_library_gets_its_articles_folder(tmp_path: Path) -> None:
    library = Library(tmp_path)
    assert not library.articles_dir.exists()
    add_source(library, str(write(tmp_path / "in" / "a.txt", PLAIN_ARTICLE)))
    assert articles_in(library) == ["a.txt"]


def test_a_library_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    library = Library(tmp_path / "fehlt")
    with pytest.raises(AddError, match=r"library folder .* does not exist"):
        add_source(library, str(write(tmp_path / "a.txt", PLAIN_ARTICLE)))
    assert not (tmp_path / "fehlt").exists()


def test_stdin_text_is_named_after_its_title(library: Library) -> None:
    result = add_source(library, "-", stdin=io.StringIO(PLAIN_ARTICLE))
    assert result.article.id == "selenskyj-reist-nach-washington"
    assert result.article.path.read_text(encoding="utf-8") == PLAIN_ARTICLE


def test_stdin_html_is_extracted(library: Library) -> None:
    result = add_source(library, "-", stdin=io.BytesIO(news_html_without_canonical().encode("utf-8")))
    assert result.article.id == NEWS_STEM
    assert result.article.url == ""  # a page read from stdin has no address unless it names one
    assert "Kommentare" not in result.article.body


def test_stdin_html_in_latin1_is_decoded_by_its_meta_charset(library: Library) -> None:
    result = add_source(library, "-", stdin=io.BytesIO(latin1_page(meta=True)))
    assert result.article.title == "Großer Andrang in Anchorage"
    assert result.article.body == "Großer Andrang in Anchorage\n\n" + LATIN1_TEXT


def test_stdin_html_given_as_text_is_extracted(library: Library) -> None:
    result = add_source(library, "-", stdin=io.StringIO(news_html()))
    assert result.article.url == NEWS_CANONICAL


def test_a_file_without_a_known_suffix_is_sniffed(library: Library, tmp_path: Path) -> None:
    html = add_source(library, str(write(tmp_path / "gespeichert", news_html())))
    text = add_source(library, str(write(tmp_path / "notiz.text", PLAIN_ARTICLE)))
    assert html.article.id == NEWS_STEM
    assert text.article.path.name == "notiz.txt"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("latin1.txt", PLAIN_ARTICLE.encode("latin-1"), r"is not UTF-8 \(byte 0xE4 at offset \d+\); save it as UTF-8"),
        ("leer.txt", b"  \n\n ", "is empty"),
        ("leer.html", b"", "is empty"),
        ("binaer.txt", b"Text\x00\x01\x02 mit Nullbytes", r"looks binary \(contains NUL bytes\), not text"),
        ("utf16.md", PLAIN_ARTICLE.encode("utf-16"), "is UTF-16 text, not UTF-8; save it as UTF-8"),
        (
            "dokument.html",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "is a PDF document, not an article text or web page",
        ),
        ("bild", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not an article text or web page"),
        (
            "kaputt.md",
            b"---\ntitle: Gipfel\nDas ist keine Zeile mit Doppelpunkt\n---\nText",
            "front matter line 3 is not 'key: value'",
        ),
        ("nur-titel.md", b"---\ntitle: Gipfel\n---\n\n", "has no body text"),
        ("leere-seite.html", b"<html><body><nav><a href='/'>Start</a></nav></body></html>", "has no article text"),
    ],
)
def test_bad_files_are_refused_in_one_line_and_nothing_is_written(
    library: Library, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    write(library.articles_dir / "vorhanden.txt", PLAIN_ARTICLE)
    with pytest.raises(AddError, match=reason) as raised:
        add_source(library, str(write(tmp_path / name, content)))
    assert "\n" not in str(raised.value)
    assert articles_in(library) == ["vorhanden.txt"]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("fehlt.txt", "^no such file$"),
        (
            "www.tagesblick.de/politik/gipfel.html",
            r"^no such file; for a web page give the whole address \(https://…\)$",
        ),
        (".", "^is a folder, not a file$"),
    ],
)
def test_missing_files_and_folders_are_refused(library: Library, source: str, reason: str) -> None:
    with pytest.raises(AddError, match=reason):
        add_source(library, source)
    assert articles_in(library) == []


@pytest.mark.parametrize(
    ("stdin", "reason"),
    [
        (None, "no standard input to read"),
        (io.StringIO(""), "is empty"),
        (io.BytesIO(b"\xfc\xe4\xf6 kein UTF-8"), "is not UTF-8"),
        (io.BytesIO(b"%PDF-1.4 ..."), "is a PDF document"),
    ],
)
def test_bad_stdin_is_refused(library: Library, stdin: io.IOBase | None, reason: str) -> None:
    with pytest.raises(AddError, match=reason):
        add_source(library, "-", stdin=stdin)  # type: ignore[arg-type]
    assert articles_in(library) == []


def test_progress_is_reported_step_by_step(library: Library, tmp_path: Path) -> None:
    messages: list[str] = []
    add_source(library, str(write(tmp_path / "seite.html", news_html())), progress=messages.append)
    assert messages == [
        "Reading seite.html",
        "Extracting the article from the page",
        "Checking the library for duplicates",
        f"Saved articles/{NEWS_STEM}.txt",
    ]
