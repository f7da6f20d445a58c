"""Fetching one web page with the standard library: one deadline over the whole fetch, a size
cap, redirects (to web addresses only), cookies across redirects, compressed transfer, and
errors in one line.

The deadline is kept by a watchdog thread, not by socket timeouts (which bound each read, so a
server sending one byte a second would never trip them): when the time is up, or the caller
cancels, it shuts the fetch's sockets down and whatever read is waiting returns at once. Only
the host-name lookup is out of its reach (the system resolver has its own timeouts).
"""

from __future__ import annotations

import http.client
import http.cookiejar
import os
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from functools import partial
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from .. import __version__
from .decoding import binary_kind
from .errors import AddError
from .urls import WEB_SCHEMES

DEFAULT_TIMEOUT = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
USER_AGENT = f"Mozilla/5.0 (compatible; reader/{__version__}; terminal news reader)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
UNTYPED = ""  # no Content-Type at all: the content decides, as browsers sniff it
_CHUNK = 64 * 1024
_WATCH_INTERVAL = 0.05  # how often the watchdog looks for a cancellation
_TYPE_NAMES = {
    "application/octet-stream": "a download (application/octet-stream)",
    "binary/octet-stream": "a download (binary/octet-stream)",
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/xml": "XML data",
    "text/xml": "XML data",
    "application/zip": "a ZIP archive",
    "text/css": "a style sheet",
    "text/javascript": "a script",
    "application/javascript": "a script",
}


# Refusals a browser may not get (bot blocking, paywalls, rate limits): the saved page still works.
_BLOCKED_STATUSES = frozenset({401, 403, 429, 451})
_BLOCKED_HINT = "; if the page opens in your browser, save it there and add the .html file"
_MAJOR_TYPE_NAMES = {"image": "an image", "audio": "an audio file", "video": "a video", "font": "a font"}


@dataclass(frozen=True)
class Page:
    """A fetched response body and what the server said about it."""

    url: str  # the address after redirects, without fragment
    media_type: str  # e.g. 'text/html', lowercase, without parameters; '' if the server gave none
    charset: str | None  # from the Content-Type header
    data: bytes


def describe_media_type(media_type: str) -> str:
    if media_type in _TYPE_NAMES:
        return _TYPE_NAMES[media_type]
    noun = _MAJOR_TYPE_NAMES.get(media_type.partition("/")[0])
    return f"{noun} ({media_type})" if noun else media_type


class _Watchdog:
    """One fetch's deadline and cancellation: shuts its sockets down when either comes.

    It keeps a duplicate of each socket's descriptor, so shutting down always reaches the right
    socket (never one that reused a closed descriptor) and works on a TLS socket mid-handshake.
    """

    def __init__(self, timeout: float, cancel: threading.Event | None) -> None:
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self._cancel = cancel
        self._finished = threading.Event()
        self._lock = threading.Lock()
        self._descriptors: list[int] = []
        self.fired: str | None = None  # why the sockets were shut: 'timeout' or 'cancelled'
        self._thread = threading.Thread(target=self._watch, name="reader-fetch-watchdog", daemon=True)
        self._thread.start()

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.fired is None and not self._finished.is_set():
                self._descriptors.append(os.dup(sock.fileno()))
                return
        sock.shutdown(socket.SHUT_RDWR)  # too late: the fetch is over already

    def error(self) -> AddError | None:
        """The error the fetch ends with if the watchdog cut it off, else None."""
        if self.fired == "cancelled":
            return AddError("was cancelled")
        if self.fired == "timeout":
            return AddError(_timed_out(self.timeout))
        return None

    def finish(self) -> None:
        """The fetch is over: stop watching and let go of the sockets."""
        self._finished.set()
        self._thread.join()
        with self._lock:
            for descriptor in self._descriptors:
                os.close(descriptor)
            self._descriptors.clear()

    def _watch(self) -> None:
        while not self._finished.wait(min(_WATCH_INTERVAL, max(0.0, self.deadline - time.monotonic()))):
            cancelled = self._cancel is not None and self._cancel.is_set()
            if cancelled or time.monotonic() >= self.deadline:
                self._shut_down("cancelled" if cancelled else "timeout")
                return

    def _shut_down(self, reason: str) -> None:
        with self._lock:
            self.fired = reason
            for descriptor in self._descriptors:
                sock = socket.socket(fileno=descriptor)
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # not connected yet, or closed by the server meanwhile
                finally:
                    sock.detach()  # the descriptor stays ours, closed in finish()


def _watched(connection_class: type[http.client.HTTPConnection]) -> Callable[..., http.client.HTTPConnection]:
    """A connection class whose sockets the watchdog can cut, connecting within the deadline."""

    class Watched(connection_class):  # type: ignore[valid-type, misc]  # a base class chosen at run time
        def __init__(self, *args: Any, watchdog: _Watchdog, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._watchdog = watchdog
            self._create_connection = self._connect_watched

        def _connect_watched(
            self, address: tuple[str, int], timeout: float, source_address: Any = None
        ) -> socket.socket:
            sock = socket.create_connection(address, min(timeout, self._watchdog.remaining()), source_address)
            self._watchdog.watch(sock)
            return sock

    Watched.__name__ = f"Watched{connection_class.__name__}"
    return Watched


_WatchedHTTPConnection = _watched(http.client.HTTPConnection)
_WatchedHTTPSConnection = _watched(http.client.HTTPSConnection)


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_WatchedHTTPConnection, watchdog=self._watchdog), req)


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_WatchedHTTPSConnection, watchdog=self._watchdog), req, context=self._context)  # type: ignore[attr-defined]  # set by HTTPSHandler.__init__, not in typeshed


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only: never to ftp://, file:// or anything else."""

    def http_error_302(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: http.client.HTTPMessage
    ) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            scheme = urlsplit(urljoin(req.full_url, location.strip())).scheme.lower()
            if scheme not in WEB_SCHEMES:
                fp.close()
                raise AddError(f"redirects to a {scheme}: address, not a web page; refused")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    """http and https only: no ftp:, file: or data: handlers, even for a redirect."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _WatchedHTTPHandler(watchdog),
        _WatchedHTTPSHandler(watchdog),
        urllib.request.HTTPDefaultErrorHandler(),
        _WebOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
    ):
        opener.add_handler(handler)
    return opener


def fetch_page(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_PAGE_BYTES,
    progress: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
) -> Page:
    """GET an HTML or plain-text page; raises AddError saying why not in one line.

    `timeout` bounds the whole fetch (connecting, the status line, headers and body, every
    redirect), however slowly the server sends; setting `cancel` ends it at once. Anything but
    HTML or plain text (PDF, images, JSON, a download…) is refused from its headers, before its
    body is read; a body cut short of its Content-Length is an error, never a page.
    """
    report = progress or (lambda _message: None)
    watchdog = _Watchdog(timeout, cancel)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Language": "de,en;q=0.7",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    report(f"Fetching {url}")
    try:
        final_url, media_type, headers, data = _fetch(_opener(watchdog), request, watchdog, max_bytes)
    except Exception as error:
        cut_off = watchdog.error()  # a read the watchdog cut fails in any of a dozen ways
        if cut_off is not None:
            raise cut_off from None
        if isinstance(error, AddError):
            raise
        described = _describe_failure(error, url, timeout)
        if described is None:
            raise
        raise described from None
    finally:
        watchdog.finish()
    report(f"Received {len(data) // 1024 or 1} KB ({media_type or 'no content type'}) from {final_url}")
    return Page(final_url, media_type, headers.get_content_charset(), data)


def _fetch(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, watchdog: _Watchdog, max_bytes: int
) -> tuple[str, str, Message, bytes]:
    with opener.open(request, timeout=watchdog.remaining()) as response:
        final_url = urldefrag(response.geturl()).url
        headers: Message = response.headers
        media_type = headers.get_content_type() if headers.get("Content-Type") else UNTYPED
        if media_type not in HTML_TYPES | TEXT_TYPES | {UNTYPED}:
            raise AddError(f"is {describe_media_type(media_type)}, not a web page")
        length = headers.get("Content-Length", "").strip()
        expected = int(length) if length.isdigit() else None
        if expected is not None and expected > max_bytes:
            raise AddError(f"is too large ({_megabytes(expected)}; the limit is {_megabytes(max_bytes)})")
        raw = _read_capped(response, max_bytes)
    cut_off = watchdog.error()
    if cut_off is not None:  # the last read returned early because the watchdog shut the socket
        raise cut_off
    if expected is not None and len(raw) < expected:
        raise AddError(f"was cut off: {len(raw):,} of {expected:,} bytes arrived")
    data = _decompress(raw, headers.get("Content-Encoding", ""), max_bytes)
    kind = binary_kind(data) if media_type not in HTML_TYPES else None
    if kind:
        raise AddError(f"is {kind}, not a web page")
    return final_url, media_type, headers, data


def _describe_failure(error: Exception, url: str, timeout: float) -> AddError | None:
    """One line for what went wrong in a fetch; None for what is no fetch failure (a bug)."""
    if isinstance(error, urllib.error.HTTPError):
        if 300 <= error.code < 400:
            return AddError(f"redirects too often or in a loop (HTTP {error.code})")
        hint = _BLOCKED_HINT if error.code in _BLOCKED_STATUSES else ""
        return AddError(f"answered HTTP {error.code} ({' '.join(str(error.reason).split())}){hint}")
    if isinstance(error, urllib.error.URLError):
        return AddError(_network_reason(error.reason, url, timeout))
    if isinstance(error, TimeoutError):
        return AddError(_timed_out(timeout))
    if isinstance(error, http.client.IncompleteRead):
        return AddError("was cut off before its end (the connection broke)")
    if isinstance(error, (http.client.InvalidURL, ValueError)):  # a malformed address, e.g. in a redirect
        return AddError(f"is not a valid web address ({error})")
    if isinstance(error, http.client.HTTPException):
        return AddError(f"broke off the connection ({type(error).__name__})")
    if isinstance(error, OSError):
        return AddError(_network_reason(error, url, timeout))
    return None


def _read_capped(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise AddError(f"is too large (over {_megabytes(max_bytes)})")
        chunks.append(chunk)
    return b"".join(chunks)


def _decompress(raw: bytes, encoding: str, max_bytes: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise AddError(f"came in an unsupported encoding ({encoding})")
    # wbits 47 reads gzip and zlib streams; raw deflate (as some servers send) needs -15.
    for wbits in (47, -15):
        decompressor = zlib.decompressobj(wbits)
        try:
            data = decompressor.decompress(raw, max_bytes + 1)
        except zlib.error:
            continue
        if len(data) > max_bytes:
            raise AddError(f"is too large (over {_megabytes(max_bytes)} uncompressed)")
        if not decompressor.eof:
            raise AddError(f"was cut off: the {encoding}-compressed data ends early")
        return data
    raise AddError(f"came {encoding}-compressed but does not decompress")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s"


def _network_reason(reason: object, url: str, timeout: float) -> str:
    host = urlsplit(url).hostname or url
    if isinstance(reason, TimeoutError):
        return _timed_out(timeout)
    if isinstance(reason, socket.gaierror):
        return f"cannot be reached: no such host {host!r} (or no network)"
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot be reached: {host} refused the connection"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"cannot be reached securely: {reason.verify_message or 'certificate not trusted'}"
    if isinstance(reason, ssl.SSLError):
        return f"cannot be reached securely: {reason.reason or reason}"
    if isinstance(reason, OSError):
        return f"cannot be reached: {reason.strerror or reason}"
    return f"cannot be reached: {reason}"
