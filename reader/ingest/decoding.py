"""Bytes to text for web pages, and telling HTML, plain text and binary files apart.

The charset order follows what browsers do: a byte-order mark, then the HTTP header, then the
page's own <meta> declaration, then UTF-8 if the bytes are valid UTF-8, else Windows-1252 (the
default for German pages without a declaration; a superset of Latin-1).
"""

from __future__ import annotations

import codecs
import re

FALLBACK_CHARSET = "cp1252"
_META_SCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels browsers read as Windows-1252 (WHATWG Encoding Standard).
_READ_AS_WINDOWS_1252 = {"iso8859-1", "ascii", "cp1252"}
_HTML_START = re.compile(
    r"""\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*
        <(?:!doctype\s+html|html|head|body|meta|title|link|base|article|main|section|div|p|h1|header|script|style)\b""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)


def codec_for(label: str | None) -> str | None:
    """Python's codec for a charset label, as a browser would read it; None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return FALLBACK_CHARSET if name in _READ_AS_WINDOWS_1252 else name


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    if match is None:
        return None
    codec = codec_for(match.group(1).decode("ascii"))
    # A <meta> tag can only be read if the bytes are ASCII-compatible, so UTF-16/32 there means UTF-8.
    if codec and codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec


def decode_page(data: bytes, header_charset: str | None = None) -> str:
    """Decode an HTML page; never fails (undecodable bytes become U+FFFD as a last resort)."""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec, errors="replace")
    for codec in (codec_for(header_charset), meta_charset(data), "utf-8", FALLBACK_CHARSET):
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode(FALLBACK_CHARSET, errors="replace")


def looks_like_html(text: str) -> bool:
    """True when the text opens like an HTML document or fragment (after any comments)."""
    return _HTML_START.match(text[:4096].removeprefix("\ufeff")) is not None


def binary_kind(data: bytes) -> str | None:
    """A name for well-known binary formats ('a PDF document'), so errors can say what it is."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return None
