"""Fetching one web page with the standard library: a timeout over the whole download, a size
cap, redirects, cookies across redirects, compressed transfer, and errors in one line."""

from __future__ import annotations

import http.client
import http.cookiejar
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urldefrag, urlsplit

from .. import __version__
from .decoding import binary_kind
from .errors import AddError

DEFAULT_TIMEOUT = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
USER_AGENT = f"Mozilla/5.0 (compatible; reader/{__version__}; terminal news reader)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
# Served for files of any kind; the content decides.
UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_CHUNK = 64 * 1024
_TYPE_NAMES = {
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


def fetch_page(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_PAGE_BYTES,
    progress: Callable[[str], None] | None = None,
) -> Page:
    """GET an HTML or plain-text page; raises AddError saying why not in one line.

    The timeout bounds connecting, each wait for data, and the download as a whole (checked
    between reads, so a trickling server is cut off too). Host-name lookup is up to the system
    resolver. Anything but HTML or plain text (PDF, images, JSON…) is refused from its headers,
    before its body is read.
    """
    report = progress or (lambda _message: None)
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Language": "de,en;q=0.7",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    report(f"Fetching {url}")
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = urldefrag(response.geturl()).url
            headers: Message = response.headers
            media_type = headers.get_content_type() if headers.get("Content-Type") else ""
            if media_type not in HTML_TYPES | TEXT_TYPES | UNTYPED:
                raise AddError(f"is {describe_media_type(media_type)}, not a web page")
            length = headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise AddError(f"is too large ({_megabytes(int(length))}; the limit is {_megabytes(max_bytes)})")
            raw = _read_capped(response, max_bytes, deadline, timeout)
            data = _decompress(raw, headers.get("Content-Encoding", ""), max_bytes)
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            raise AddError(f"redirects too often or in a loop (HTTP {error.code})") from None
        hint = _BLOCKED_HINT if error.code in _BLOCKED_STATUSES else ""
        raise AddError(f"answered HTTP {error.code} ({' '.join(str(error.reason).split())}){hint}") from None
    except urllib.error.URLError as error:
        raise AddError(_network_reason(error.reason, url, timeout)) from None
    except TimeoutError:
        raise AddError(_timed_out(timeout)) from None
    except http.client.InvalidURL as error:
        raise AddError(f"is not a valid web address ({error})") from None
    except http.client.HTTPException as error:
        raise AddError(f"broke off the connection ({type(error).__name__})") from None
    except OSError as error:
        raise AddError(_network_reason(error, url, timeout)) from None
    except ValueError as error:  # http.client.InvalidURL: a malformed address, e.g. in a redirect
        raise AddError(f"is not a valid web address ({error})") from None
    if media_type in UNTYPED:
        kind = binary_kind(data)
        if kind:
            raise AddError(f"is {kind}, not a web page")
    report(f"Received {len(data) // 1024 or 1} KB ({media_type or 'no content type'}) from {final_url}")
    return Page(final_url, media_type, headers.get_content_charset(), data)


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise AddError(f"is too large (over {_megabytes(max_bytes)})")
        if time.monotonic() > deadline:
            raise AddError(_timed_out(timeout))
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
