"""Bytes to text for web pages, and telling HTML, plain text and binary files apart.

The charset order follows what browsers do: a byte-order mark, then the HTTP header, then the
page's own <meta> declaration, then UTF-8 if the bytes are valid UTF-8, else Windows-1252 (the
default for German pages without a declaration; a superset of Latin-1).

Only the encodings a browser can decode are charsets. Python's codec registry also knows byte
transforms (base64, hex, rot13, zip, bz2, uu, quopri), 'undefined' (which always fails) and
encodings no page may declare (utf-7, idna, unicode_escape): a page naming one of those is read
as if it declared nothing, and `unusable_charsets` names the labels for a note.
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
# The WHATWG Encoding Standard's encodings, by the names Python's codecs know them by …
_WEB_ENCODINGS = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-8",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "cp866",
        "iso8859-1",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "cp874",
        "cp1250",
        "cp1251",
        "cp1252",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp1258",
        "gbk",
        "gb2312",
        "gb18030",
        "big5",
        "big5hkscs",
        "euc-jp",
        "iso2022-jp",
        "shift-jis",
        "cp932",
        "euc-kr",
        "cp949",
        "ascii",
    )
)
# … and the labels for them that Python does not know.
_WEB_ALIASES = {
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-roman": "mac-roman",
    "iso-8859-8-i": "iso8859-8",
    "x-sjis": "shift-jis",
    "windows-31j": "cp932",
    "x-gbk": "gbk",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
}
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
    """Python's codec for a charset label, as a browser would read it; None when the label names
    no encoding a web page can be in."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_WEB_ALIASES.get(label, label)).name
    except (LookupError, ValueError):  # unknown, or not even a name ('utf\x00')
        return None
    if name not in _WEB_ENCODINGS:
        return None
    return FALLBACK_CHARSET if name in _READ_AS_WINDOWS_1252 else name


def unusable_charsets(data: bytes, header_charset: str | None = None) -> list[str]:
    """The charset labels the header and the page's <meta> give that were ignored (not a text
    encoding a page can be in), for a note saying so."""
    labels = [header_charset, _meta_label(data)]
    return [label for label in labels if label and codec_for(label) is None]


def _meta_label(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top."""
    codec = codec_for(_meta_label(data))
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
