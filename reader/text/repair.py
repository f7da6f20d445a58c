"""Text that cannot be encoded as UTF-8, made encodable without losing what the user typed.

Python decodes undecodable bytes in environment variables and command-line arguments (a
Latin-1 READER_AUTHOR, USER or --note) as lone surrogates U+DC80–U+DCFF ("surrogateescape").
Such text cannot be written as UTF-8 JSON. Each such byte is read as Latin-1 instead (so the
byte 0xF6 of a Latin-1 "Jörg" becomes "ö"), and any other lone surrogate becomes U+FFFD.
"""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _repair(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(code - 0xDC00) if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def repair_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced (see the module docstring); other text unchanged."""
    try:
        text.encode("utf-8")  # the common case, in C: nothing to repair
        return text
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub(_repair, text)
