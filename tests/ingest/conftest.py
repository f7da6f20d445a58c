"""Fixtures for adding articles: an empty library, the test pages, and a real HTTP server on
127.0.0.1 serving them (plus errors, slow answers, redirects and other charsets)."""

from __future__ import annotations

import gzip
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from reader.articles import Library
from tests.helpers.web_pages import (
    NOT_CHARSETS,
    PAGES,
    LocalServer,
    latin1_page,
    news_html,
    news_html_without_canonical,
    page_declaring,
)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "library"
    root.mkdir()
    return Library(root)


def _routes() -> dict[str, tuple[int, dict[str, str], bytes]]:
    news = news_html().encode("utf-8")
    html_utf8 = {"Content-Type": "text/html; charset=utf-8"}
    charsets = {
        f"/charset-header/{label}": (200, {"Content-Type": f"text/html; charset={label}"}, news)
        for label in NOT_CHARSETS
    } | {
        f"/charset-meta/{label}": (200, {"Content-Type": "text/html"}, page_declaring(label)) for label in NOT_CHARSETS
    }
    return charsets | {
        "/politik/gipfel-anchorage.html": (200, html_utf8, news),
        "/kopie/gipfel.html": (200, html_utf8, news_html_without_canonical().encode("utf-8")),
        "/umleitung": (302, {"Location": "/politik/gipfel-anchorage.html"}, b""),
        "/umleitung-kaputt": (302, {"Location": "http://exa mple.de/x"}, b""),
        "/schleife": (302, {"Location": "/schleife"}, b""),
        "/fehlt": (404, {"Content-Type": "text/html"}, b"<html><body><h1>Nicht gefunden</h1></body></html>"),
        # Announces 12 MB and sends nothing more: the client must refuse it from the header alone.
        "/riesig": (200, {"Content-Type": "text/html", "Content-Length": str(12 * 1024 * 1024)}, b""),
        "/gesperrt": (403, {"Content-Type": "text/html"}, b"<html><body>Zugriff verweigert</body></html>"),
        "/kaputt": (500, {"Content-Type": "text/html"}, b"<html><body>Fehler</body></html>"),
        "/dokument.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        "/bild.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "/daten.json": (200, {"Content-Type": "application/json"}, b'{"titel": "Gipfel"}'),
        "/ohne-typ.pdf": (200, {}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        "/latin1-header": (200, {"Content-Type": "text/html; charset=ISO-8859-1"}, latin1_page(meta=False)),
        "/latin1-meta": (200, {"Content-Type": "text/html"}, latin1_page(meta=True)),
        "/gzip": (200, {**html_utf8, "Content-Encoding": "gzip"}, gzip.compress(news)),
        "/leer": (200, html_utf8, (PAGES / "no_article.html").read_bytes()),
        "/nach-ftp": (302, {"Location": "ftp://127.0.0.1/artikel.html"}, b""),
        "/nach-datei": (301, {"Location": "file:///etc/passwd"}, b""),
        "/nach-daten": (307, {"Location": "data:text/html,<p>x</p>"}, b""),
        "/halb": (200, {**html_utf8, "Content-Length": str(len(news))}, news[: len(news) * 55 // 100]),
        "/gzip-halb": (200, {**html_utf8, "Content-Encoding": "gzip"}, gzip.compress(news)[:-400]),
        "/nul.txt": (
            200,
            {"Content-Type": "text/plain; charset=utf-8"},
            b"Ein Text\nmit \x00 NUL-Byte mittendrin.\n" * 20,
        ),
        "/nul-spaet.txt": (200, {"Content-Type": "text/plain"}, b"Lang genug. " * 1000 + b"\x00"),
        "/download": (200, {"Content-Type": "application/octet-stream"}, news),
        "/text-pdf": (200, {"Content-Type": "text/plain"}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        "/text.txt": (
            200,
            {"Content-Type": "text/plain; charset=utf-8"},
            "Lagebericht aus Kiew\n\nIn der Nacht heulten erneut die Sirenen über der Hauptstadt.\n".encode(),
        ),
    }


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A real HTTP server in a thread; it counts requests per path."""
    state = LocalServer(base="")
    routes = _routes()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            state.hits[path] += 1
            if path == "/langsam":
                time.sleep(3)  # longer than the tests' timeouts
            if path == "/tropfen":
                self._trickle()
                return
            status, headers, body = routes.get(path, (404, {}, b""))
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                self.close_connection = path == "/halb"  # hang up short of the Content-Length
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout tests)

        def _trickle(self) -> None:
            """Answers at once, then sends the page a few bytes at a time, too slowly to finish."""
            body = news_html().encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for start in range(0, 40 * 16, 16):
                    self.wfile.write(body[start : start + 16])
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that hung up is no error here
                super().handle_error(request, client_address)

    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
