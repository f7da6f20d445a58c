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
from typing import TYPE_CHECKING

from ..text.repair import repair_surrogates

if TYPE_CHECKING:  # (model imports this module)
    from .model import Annotation

MAX_TAG_CHARS = 200  # a code path of several levels (store schema 3; was 80)

# Eight hues at least 28° apart, light enough to read as text on a dark background, and far enough
# apart that their washes behind annotated text (highlights.tint) are told apart at a glance.
PALETTE: tuple[str, ...] = (
    "#f76e6e",  # red
    "#f7b76e",  # orange
    "#f7f76e",  # yellow
    "#6ef76e",  # green
    "#6ef7ec",  # cyan
    "#6ea7f7",  # blue
    "#a76ef7",  # violet
    "#f76ed5",  # pink
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


def distinct_colours(first_uses: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Tag key → colour for the tags of one store, (key, first use time) each: in order of first
    use, a tag takes its own colour (tag_colour) unless an earlier tag has it, then the next free
    one of the palette, so that up to len(PALETTE) tags never share a colour. A tag keeps its
    colour while the tags used before it stay; past the palette's size colours repeat."""
    colours: dict[str, str] = {}
    taken: set[str] = set()
    for key, _ in sorted(first_uses, key=lambda use: (use[1], use[0])):
        own = tag_colour(key)
        colour = own
        if own in taken and len(taken) < len(PALETTE):
            start = PALETTE.index(own)
            colour = next(c for i in range(len(PALETTE)) if (c := PALETTE[(start + i) % len(PALETTE)]) not in taken)
        taken.add(colour)
        colours[key] = colour
    return colours


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


TagTally = dict[str, tuple[dict[str, tuple[str, str]], tuple[str, str]]]
"""Per tag key: annotation id -> (created, spelling) of each use, and the earliest of them."""


def tally_tags(annotations: Iterable[Annotation]) -> TagTally:
    """The tag uses of these annotations, ready for TagIndex.add_tally, without touching an index:
    a store tallies a shard's while the files of a change are still being synced, and only merges
    the tally into its index once the change is on disk."""
    by_spelling: dict[str, dict[str, tuple[str, str]]] = {}  # tag as spelt -> annotation id -> use
    earliest: dict[str, tuple[str, str]] = {}  # tag as spelt -> its earliest use among these
    for annotation in annotations:
        annotation_id, created = annotation.id, annotation.created
        for tag in annotation.tags:
            use = (created, tag)
            try:
                by_spelling[tag][annotation_id] = use
            except KeyError:
                by_spelling[tag] = {annotation_id: use}
                earliest[tag] = use
                continue
            if use < earliest[tag]:
                earliest[tag] = use
    tally: TagTally = {}
    for tag, uses in by_spelling.items():
        key = tag_key(tag)
        same_key = tally.get(key)  # another spelling of the same tag
        if same_key is None:
            tally[key] = (uses, earliest[tag])
        else:
            same_key[0].update(uses)
            tally[key] = (same_key[0], min(same_key[1], earliest[tag]))
    return tally


class TagIndex:
    """Usage counts and first-seen spellings of the tags in use, kept up to date per annotation.

    Adding or removing an annotation costs O(its tags): the store updates this on every save, so
    nothing here may scan all annotations (except when the earliest use of a tag is removed).
    """

    def __init__(self) -> None:
        self._uses: dict[str, dict[str, tuple[str, str]]] = {}  # key -> annotation id -> (created, spelling)
        self._first: dict[str, tuple[str, str]] = {}  # key -> earliest (created, spelling)

    def add_all(self, annotations: Iterable[Annotation]) -> None:
        """Count the tags of these annotations (a shard's at a time, so an import of 100,000 looks
        up each tag's key and earliest use once per shard, not once per annotation)."""
        self.add_tally(tally_tags(annotations))

    def add_tally(self, tally: TagTally) -> None:
        """Count uses tallied by `tally_tags` (a few dictionary merges per tag). The tally's
        dictionaries are taken over, not copied: a tally is added once."""
        for key, (uses, earliest) in tally.items():
            known = self._uses.get(key)
            if known is None:
                self._uses[key] = uses
            else:
                known.update(uses)
            first = self._first.get(key)
            if first is None or earliest < first:
                self._first[key] = earliest

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

    def colours(self) -> dict[str, str]:
        """Tag key → a colour no other tag of the store has (while the palette lasts)."""
        return distinct_colours((key, created) for key, (created, _) in self._first.items())

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
