"""Make article text safe for a terminal without changing its length.

Offsets must index display text and body text alike, so every unsafe character is replaced by
exactly one visible character: C0/C1 controls by their Unicode control pictures, bidirectional
overrides and isolates by a replacement mark. No escape sequence can reach the terminal.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A}
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_TABLE.update({ord(char): "\u2e2e" for char in BIDI_CONTROLS})
_TABLE.update({code: "\ufffd" for code in (0x2028, 0x2029, 0xFEFF)})


_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")


def safe_display(text: str) -> str:
    """Replace every terminal-unsafe character with one visible character ('\\n' is kept).

    Searching first keeps the common case (nothing to replace) fast and copy-free on huge texts.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: _TABLE[ord(match.group())], text)
