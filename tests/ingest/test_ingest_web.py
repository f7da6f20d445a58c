"""Adding from the web, against a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from reader.articles import Library
from reader.ingest import SAME_TEXT, SAME_URL, AddError, add_source
from reader.ingest.fetch import USER_AGENT, fetch_page
from tests.helpers.web_pages import (
    LATIN1_TEXT,
    NEWS_CANONICAL,
    NOT_CHARSETS,
    LocalServer,
    articles_in,
    http_response,
    news_html,
    trickling_server,
)

NEWS = "/politik/gipfel-anchorage.html"
NEWS_STEM = "gipfel-in-anchorage-viel-symbolik-wenig-substanz"


def test_a_news_page_is_fetched_extracted_and_saved(library: Library, server: LocalServer) -> None:
    messages: list[str] = []
    result = add_source(library, server.url(NEWS + "?utm_source=mastodon#kommentare"), progress=messages.append)
    article = result.article
    assert result.added and article.id == NEWS_STEM
    assert (article.title, article.source, article.date, article.url) == (
        "Gipfel in Anchorage: Viel Symbolik, wenig Substanz",
        "Tagesblick",
        "2025-08-16",
        NEWS_CANONICAL,
    )
    assert "Wladimir Putin" in article.body and "Ostseemöwe" not in article.body
    assert messages[0] == f"Fetching {server.url(NEWS)}?utm_source=mastodon#kommentare"
    assert messages[1].startswith("Received ") and messages[1].endswith(
        f"KB (text/html) from {server.url(NEWS)}?utm_source=mastodon"
    )
    assert messages[2:] == [
        "Extracting the article from the page",
        "Checking the library for duplicates",
        f"Saved articles/{NEWS_STEM}.txt",
    ]


def test_the_same_page_with_other_tracking_parameters_is_a_duplicate(library: Library, server: LocalServer) -> None:
    first = add_source(library, server.url(NEWS + "?utm_source=twitter&fbclid=abc"))
    again = add_source(library, server.url(NEWS + "?utm_source=newsletter&utm_medium=email#top"))
    assert (again.added, again.duplicate_of, again.duplicate_reason) == (False, first.article.id, SAME_URL)
    assert articles_in(library) == [f"{NEWS_STEM}.txt"]


def test_an_address_already_recorded_is_a_duplicate_found_without_fetching(
    library: Library, server: LocalServer
) -> None:
    first = add_source(library, server.url(NEWS))
    again = add_source(library, "http://tagesblick.de/politik/ausland/gipfel-anchorage-symbolik-100.html?wt_zmc=rss")
    assert (again.duplicate_of, again.duplicate_reason) == (first.article.id, SAME_URL)
    assert server.hits[NEWS] == 1


def test_a_redirect_is_followed(library: Library, server: LocalServer) -> None:
    result = add_source(library, server.url("/umleitung"))
    assert result.added and result.article.id == NEWS_STEM
    assert server.hits["/umleitung"] == 1 and server.hits[NEWS] == 1


def test_the_same_text_at_another_address_is_a_duplicate_by_text(library: Library, server: LocalServer) -> None:
    first = add_source(library, server.url(NEWS))
    copy = add_source(library, server.url("/kopie/gipfel.html"))
    assert (copy.duplicate_of, copy.duplicate_reason) == (first.article.id, SAME_TEXT)
    assert len(articles_in(library)) == 1


@pytest.mark.parametrize("path", ["/latin1-header", "/latin1-meta"])
def test_a_latin1_page_is_decoded(library: Library, server: LocalServer, path: str) -> None:
    result = add_source(library, server.url(path))
    assert result.article.title == "Großer Andrang in Anchorage"
    assert result.article.body == "Großer Andrang in Anchorage\n\n" + LATIN1_TEXT
    assert result.article.id == "grosser-andrang-in-anchorage"


def test_a_gzip_compressed_page_is_decompressed(library: Library, server: LocalServer) -> None:
    assert add_source(library, server.url("/gzip")).article.url == NEWS_CANONICAL


def test_a_plain_text_page_is_kept_as_text_with_its_address(library: Library, server: LocalServer) -> None:
    result = add_source(library, server.url("/text.txt"))
    assert result.article.id == "lagebericht-aus-kiew"
    assert result.article.title == "Lagebericht aus Kiew"
    assert result.article.url == server.url("/text.txt")
    assert result.article.source == "127.0.0.1"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/fehlt", r"^answered HTTP 404 \(Not Found\)$"),
        (
            "/gesperrt",
            r"^answered HTTP 403 \(Forbidden\); if the page opens in your browser, save it there and add the .html file$",
        ),
        ("/kaputt", r"^answered HTTP 500 \(Internal Server Error\)$"),
        ("/dokument.pdf", "^is a PDF document, not a web page$"),
        ("/ohne-typ.pdf", "^is a PDF document, not a web page$"),
        ("/bild.png", r"^is an image \(image/png\), not a web page$"),
        ("/daten.json", "^is JSON data, not a web page$"),
        ("/schleife", r"^redirects too often or in a loop \(HTTP 302\)$"),
        ("/nach-ftp", r"^redirects to a ftp: address, not a web page; refused$"),
        ("/nach-datei", r"^redirects to a file: address, not a web page; refused$"),
        ("/nach-daten", r"^redirects to a data: address, not a web page; refused$"),
        ("/halb", r"^was cut off: [\d,]+ of [\d,]+ bytes arrived$"),
        ("/gzip-halb", r"^was cut off: the gzip-compressed data ends early$"),
        ("/nul.txt", r"^looks binary \(contains NUL bytes\), not text$"),
        ("/nul-spaet.txt", r"^looks binary \(contains NUL bytes\), not text$"),
        ("/download", r"^is a download \(application/octet-stream\), not a web page$"),
        ("/text-pdf", r"^is a PDF document, not a web page$"),
        ("/leer", r"^has no article text that could be extracted \(only \d+ words of text\)$"),
    ],
)
def test_failures_are_one_line_and_write_nothing(library: Library, server: LocalServer, path: str, reason: str) -> None:
    with pytest.raises(AddError, match=reason):
        add_source(library, server.url(path))
    assert articles_in(library) == []


def test_a_slow_server_times_out(library: Library, server: LocalServer) -> None:
    started = time.monotonic()
    with pytest.raises(AddError, match=r"^timed out after 0.3 s$"):
        add_source(library, server.url("/langsam"), timeout=0.3)
    assert time.monotonic() - started < 2
    assert articles_in(library) == []


def test_a_trickling_download_is_cut_off_at_the_timeout(server: LocalServer) -> None:
    started = time.monotonic()
    with pytest.raises(AddError, match=r"^timed out after 0.5 s$"):
        fetch_page(server.url("/tropfen"), timeout=0.5)
    assert time.monotonic() - started < 2  # the server would take 4 s; each read alone is quick


@pytest.mark.parametrize(
    "url", ["http://exa mple.de/artikel", "http://127.0.0.1:99999/artikel", "https://", "http://:80/"]
)
def test_a_malformed_address_is_explained(library: Library, url: str) -> None:
    with pytest.raises(AddError, match=r"^is not a valid web address$"):
        add_source(library, url)


def test_a_malformed_address_in_a_redirect_is_explained(server: LocalServer) -> None:
    with pytest.raises(AddError, match=r"^is not a valid web address"):
        fetch_page(server.url("/umleitung-kaputt"))


def test_a_refused_connection_is_explained(library: Library) -> None:
    with socket.socket() as probe:  # a port that was just free: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(AddError, match=r"^cannot be reached: 127\.0\.0\.1 refused the connection$"):
        add_source(library, f"http://127.0.0.1:{port}/artikel")


def test_pages_over_the_size_cap_are_refused(server: LocalServer) -> None:
    with pytest.raises(AddError, match=r"^is too large \(0.0 MB; the limit is 0.0 MB\)$"):
        fetch_page(server.url(NEWS), max_bytes=1000)
    with pytest.raises(AddError, match=r"^is too large \(over 0.0 MB uncompressed\)$"):
        fetch_page(server.url("/gzip"), max_bytes=len(news_html()) // 2)
    with pytest.raises(AddError, match=r"^is too large \(12.0 MB; the limit is 10.0 MB\)$"):
        fetch_page(server.url("/riesig"))
    assert server.hits["/riesig"] == 1


def test_requests_say_who_asks_and_what_is_wanted(server: LocalServer) -> None:
    page = fetch_page(server.url(NEWS))
    assert (page.media_type, page.charset, page.url) == ("text/html", "utf-8", server.url(NEWS))
    assert page.data.decode("utf-8") == news_html()
    assert USER_AGENT.startswith("Mozilla/5.0 (compatible; reader/")


def test_a_pasted_address_with_surrounding_whitespace_is_accepted(library: Library, server: LocalServer) -> None:
    assert add_source(library, f"  {server.url(NEWS)}\n").added


def test_a_missing_library_folder_is_reported_before_anything_is_fetched(tmp_path, server: LocalServer) -> None:
    with pytest.raises(AddError, match=r"the library folder .* does not exist"):
        add_source(Library(tmp_path / "fehlt"), server.url(NEWS))
    assert server.hits[NEWS] == 0


@pytest.mark.parametrize("label", NOT_CHARSETS)
@pytest.mark.parametrize("where", ["header", "meta"])
def test_a_declared_charset_that_is_no_text_encoding_is_ignored_with_a_note(
    library: Library, server: LocalServer, label: str, where: str
) -> None:
    result = add_source(library, server.url(f"/charset-{where}/{label}"))
    assert result.added and result.article.id == NEWS_STEM and "Wladimir Putin" in result.article.body
    assert result.notes == (f"the declared charset {label!r} is not a text encoding; read as UTF-8 (or Windows-1252)",)


@pytest.mark.parametrize(
    ("response", "at_once"),
    [
        (http_response(news_html().encode("utf-8")), b""),  # the status line itself trickles
        (b"Content-Type: text/html\r\nX-Slow: " + b"x" * 100, b"HTTP/1.1 200 OK\r\n"),  # the headers do
        (news_html().encode("utf-8"), http_response(b"")),
    ],
    ids=["status line", "headers", "body without length"],
)
def test_one_deadline_bounds_the_whole_fetch_however_slowly_the_server_sends(
    library: Library, response: bytes, at_once: bytes
) -> None:
    with trickling_server(response, at_once=at_once, interval=0.5) as url:
        started = time.monotonic()
        with pytest.raises(AddError, match=r"^timed out after 1 s$"):
            add_source(library, url, timeout=1)
        assert time.monotonic() - started < 2
    assert articles_in(library) == []


def test_a_fetch_is_cancelled_at_once(library: Library) -> None:
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with trickling_server(http_response(news_html().encode("utf-8"))) as url:
        started = time.monotonic()
        with pytest.raises(AddError, match=r"^was cancelled$"):
            add_source(library, url, timeout=30, cancel=cancel)
        assert time.monotonic() - started < 1.5
    assert articles_in(library) == []
