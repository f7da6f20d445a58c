"""Web pages for the ingest tests, and a local HTTP server that serves them (slowly, cut short, mislabelled)."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reader.articles import Library

PAGES = Path(__file__).resolve().parents[1] / "ingest" / "pages"
NEWS_CANONICAL = "https://www.tagesblick.de/politik/ausland/gipfel-anchorage-symbolik-100.html"


def news_html() -> str:
    return (PAGES / "news.html").read_text(encoding="utf-8")


def news_html_without_canonical() -> str:
    """The same article as a second site would serve it: no canonical address of its own."""
    return news_html().replace(f'<link rel="canonical" href="{NEWS_CANONICAL}">', "")


LATIN1_TEXT = (
    "Die Bürgermeisterin von Anchorage äußerte sich überrascht über die Größe des Medienaufgebots. "
    "Mehr als zweitausend Journalistinnen und Journalisten hätten sich akkreditiert, so viele wie nie "
    "zuvor bei einem Ereignis in der Stadt. Straßen rund um den Stützpunkt blieben gesperrt."
)


def latin1_page(meta: bool) -> bytes:
    charset = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' if meta else ""
    html = (
        f'<!DOCTYPE html><html lang="de"><head>{charset}<title>Großer Andrang in Anchorage</title></head>'
        f"<body><article><h1>Großer Andrang in Anchorage</h1><p>{LATIN1_TEXT}</p></article></body></html>"
    )
    return html.encode("latin-1")


def articles_in(library: Library) -> list[str]:
    """The file names in the library's articles folder (hidden ones too: nothing may be left over)."""
    if not library.articles_dir.exists():
        return []
    return sorted(path.name for path in library.articles_dir.iterdir())


@dataclass
class LocalServer:
    base: str
    hits: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return self.base + path


# Charset labels Python's codec registry knows but that are no text encoding a page can be in.
NOT_CHARSETS = ("base64", "rot13", "hex", "undefined", "zip", "uu", "bz2", "quopri", "utf-7", "idna", "unicode_escape")


def page_declaring(charset: str) -> bytes:
    """The news page (UTF-8) with a <meta> tag declaring `charset`."""
    return news_html().replace("<head>", f'<head><meta charset="{charset}">', 1).encode("utf-8")


@contextmanager
def trickling_server(response: bytes, *, at_once: bytes = b"", interval: float = 0.5) -> Iterator[str]:
    """A server on 127.0.0.1 (a free port) that reads a request, sends `at_once`, then `response`
    one byte per `interval`: a status line, headers or body that never seem to end. Yields its
    address; each connection ends when the response is out or the client hangs up."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def answer(connection: socket.socket) -> None:
        with connection:
            try:
                connection.recv(65536)
                connection.sendall(at_once)
                for byte in response:
                    if stop.wait(interval):
                        return
                    connection.sendall(bytes([byte]))
            except OSError:  # the client gave up: that is the point
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=answer, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/artikel"
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> bytes:
    lines = [b"HTTP/1.1 200 OK", f"Content-Type: {content_type}".encode()]
    lines += [f"{name.replace('_', '-')}: {value}".encode() for name, value in headers.items()]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
