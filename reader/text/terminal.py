"""The one sanitiser for outside text on a terminal: the app and the command line both use it.

Titles, file names, tags, notes, ids and article text come from files and pages anyone may
have written. Printed as they are, ESC opens an escape sequence (colours, OSC 0 a window
title, OSC 8 a hyperlink, CSI cursor moves), a C1 control does the same in one character, and
a bidirectional override reorders what is shown. Offsets must index display text and body text
alike, so every unsafe character is replaced by exactly one visible character: C0 controls by
their Unicode control pictures, C1 controls by U+FFFD, bidirectional overrides and isolates by
a reversed question mark.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NEWLINE_SYMBOL = "\u2424"  # ␤, for a line break inside what must stay one line
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A}
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_TABLE.update({ord(char): "\u2e2e" for char in BIDI_CONTROLS})
_TABLE.update({code: "\ufffd" for code in (0x2028, 0x2029, 0xFEFF)})
# a file name that is not UTF-8 keeps each undecodable byte as a lone surrogate, which no UTF-8
# terminal or pipe can be written: U+FFFD on screen, the same code point escaped in JSON
_SURROGATES = range(0xD800, 0xE000)
_TABLE.update({code: "\ufffd" for code in _SURROGATES})
_LINE_TABLE = {**_TABLE, 0x0A: NEWLINE_SYMBOL}

_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")
_UNSAFE_IN_LINE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_LINE_TABLE)) + "]")
# What a final render pass removes: the unsafe characters a terminal measures as zero cells wide
# (everything but the tab, which widgets expand themselves), so removing them moves nothing.
_INVISIBLE_UNSAFE = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE) if code != 0x09 and code not in _SURROGATES) + "]"
)


def safe_display(text: str) -> str:
    """Replace every terminal-unsafe character with one visible character ('\\n' is kept).

    Searching first keeps the common case (nothing to replace) fast and copy-free on huge texts.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: _TABLE[ord(match.group())], text)


def safe_line(text: str) -> str:
    """Like safe_display, for what must stay on one line: a line break becomes '␤' too."""
    if _UNSAFE_IN_LINE.search(text) is None:
        return text
    return _UNSAFE_IN_LINE.sub(lambda match: _LINE_TABLE[ord(match.group())], text)


def without_unsafe(text: str) -> str:
    """Drop the unsafe characters instead: for a last pass over rendered lines, where a visible
    replacement would make a line one cell wider than it was laid out."""
    if _INVISIBLE_UNSAFE.search(text) is None:
        return text
    return _INVISIBLE_UNSAFE.sub("", text)


def escape_json_text(json_text: str) -> str:
    """Serialised JSON with every unsafe character written as a \\uXXXX escape.

    JSON already escapes C0 controls; C1 controls and bidirectional overrides it leaves raw.
    They can only occur inside strings, where the escape means the same character, so the
    result parses to exactly the same data.
    """
    if _UNSAFE.search(json_text) is None:
        return json_text
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", json_text)
