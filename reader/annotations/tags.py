"""Tags: one normalisation rule, one colour per tag, completion from the tags already in use.

The rule: Unicode NFC, surrounding whitespace stripped, inner runs of whitespace collapsed to one
space, "/" as the separator of a code path's levels (see codebook.py); two tags are the same tag when their cleaned forms are equal ignoring case (casefold), so
"Framing", "framing " and "FRAMING" are one tag. The spelling shown is the first one seen.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from ..text.repair import repair_surrogates

MAX_TAG_CHARS = 200  # a code path of several levels (store schema 3; was 80)

# Foreground-strength colours that stay legible on a dark terminal background and differ in hue.
PALETTE: tuple[str, ...] = (
    "#e5c07b",  # amber
    "#61afef",  # blue
    "#98c379",  # green
    "#c678dd",  # violet
    "#e06c75",  # red
    "#56b6c2",  # cyan
    "#d19a66",  # orange
    "#f5a9c8",  # pink
    "#a3be8c",  # sage
    "#8fbcbb",  # teal
    "#ebcb8b",  # straw
    "#b4a7f5",  # lavender
)
UNTAGGED_COLOUR = "#9aa5b1"  # neutral grey for a passage marked without a tag


class TagError(ValueError):
    """A tag that cannot be stored; the message is one line."""


def clean_tag(text: str) -> str:
    """The tag as stored: NFC, stripped, inner whitespace collapsed (may be empty); undecodable
    bytes repaired (see reader/text/repair.py). A "/" separates the levels of a code path
    (codebook.py): blanks around it and empty levels are dropped ("Framing / Konflikt" is
    "Framing/Konflikt")."""
    text = unicodedata.normalize("NFC", repair_surrogates(text))
    if "/" not in text:
        return " ".join(text.split())
    return "/".join(part for part in (" ".join(piece.split()) for piece in text.split("/")) if part)


@lru_cache(maxsize=4096)
def tag_key(tag: str) -> str:
    """What makes two tags the same tag: the cleaned text, case-folded."""
    return clean_tag(tag).casefold()


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Cleaned tags in the given order, empties dropped, later duplicates (by key) dropped."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in tags:
        tag = clean_tag(raw)
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise TagError(f"tag {tag[:24]!r}… is longer than {MAX_TAG_CHARS} characters")
        key = tag.casefold()
        if key not in seen:
            seen.add(key)
            result.append(tag)
    return tuple(result)


@lru_cache(maxsize=4096)
def tag_colour(tag: str | None) -> str:
    """A stable palette colour for a tag: the same tag (by key) always gets the same colour."""
    if not tag:
        return UNTAGGED_COLOUR
    digest = hashlib.blake2b(tag_key(tag).encode("utf-8"), digest_size=4).digest()
    return PALETTE[int.from_bytes(digest, "big") % len(PALETTE)]


def complete_tag(prefix: str, tag_counts: Iterable[tuple[str, int]], limit: int = 10) -> list[str]:
    """Known tags for a partly typed one: key-prefix matches first, then substring matches.

    Within each group the more used tag comes first, then alphabetical order.
    """
    wanted = tag_key(prefix)
    starts: list[tuple[int, str, str]] = []
    contains: list[tuple[int, str, str]] = []
    for tag, count in tag_counts:
        key = tag_key(tag)
        if key.startswith(wanted):
            starts.append((-count, key, tag))
        elif wanted in key:
            contains.append((-count, key, tag))
    return [tag for _, _, tag in sorted(starts) + sorted(contains)][:limit]


class TagIndex:
    """Usage counts and first-seen spellings of the tags in use, kept up to date per annotation.

    Adding or removing an annotation costs O(its tags): the store updates this on every save, so
    nothing here may scan all annotations (except when the earliest use of a tag is removed).
    """

    def __init__(self) -> None:
        self._uses: dict[str, dict[str, tuple[str, str]]] = {}  # key -> annotation id -> (created, spelling)
        self._first: dict[str, tuple[str, str]] = {}  # key -> earliest (created, spelling)

    def add(self, annotation_id: str, created: str, tags: Iterable[str]) -> None:
        for tag in tags:
            key = tag_key(tag)
            self._uses.setdefault(key, {})[annotation_id] = (created, tag)
            first = self._first.get(key)
            if first is None or (created, tag) < first:
                self._first[key] = (created, tag)

    def remove(self, annotation_id: str, tags: Iterable[str]) -> None:
        for tag in tags:
            key = tag_key(tag)
            uses = self._uses.get(key, {})
            removed = uses.pop(annotation_id, None)
            if not uses:
                self._uses.pop(key, None)
                self._first.pop(key, None)
            elif removed == self._first.get(key):
                self._first[key] = min(uses.values())

    def clear(self) -> None:
        self._uses.clear()
        self._first.clear()

    def spelling(self, tag: str) -> str | None:
        """The first-seen spelling of this tag, or None when no annotation uses it."""
        first = self._first.get(tag_key(tag))
        return first[1] if first else None

    def annotations_within(self, root: str) -> set[str]:
        """Ids of the annotations carrying the code `root` or one below it ("root/…"); O(tags in use)."""
        key = tag_key(root)
        below = key + "/"
        found: set[str] = set()
        for tag, uses in self._uses.items():
            if tag == key or tag.startswith(below):
                found.update(uses)
        return found

    def counts(self) -> list[tuple[str, int]]:
        """(first-seen spelling, number of annotations) per tag, most used first."""
        return sorted(
            ((self._first[key][1], len(uses)) for key, uses in self._uses.items()),
            key=lambda item: (-item[1], item[0].casefold()),
        )
