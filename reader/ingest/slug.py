"""Readable file names from titles: lowercase ASCII words joined by hyphens."""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX_CHARS = 60
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, max_chars: int = SLUG_MAX_CHARS) -> str:
    """'Gipfel in Anchorage: Größe zählt' → 'gipfel-in-anchorage-groesse-zaehlt'.

    German umlauts and ß are transliterated, other accents dropped (é → e), everything else
    that is not a letter or digit separates words. Shortened at a word boundary; a single word
    longer than the limit is cut. Empty when the text has no Latin letters or digits.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_GERMAN))
    words = _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_chars:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_chars]
    return slug
