"""The codebook: tags as codes in a tree, each with a coding rule (description) and a colour.

A code is named by its path: "Framing/Konflikt" is the code Konflikt under Framing (segments
cleaned as tags are, blanks around "/" dropped). An annotation's tags are the codes it carries,
so the tree needs no second store of membership: every tag in use is a code, every prefix of a
code path is a code (a parent, perhaps used by no annotation). The codebook file adds what tags
alone cannot say — descriptions, chosen colours, codes defined before any passage is coded —
keyed by tag_key, in `annotations/codebook.json` (a TinyDB table `codes` like a shard's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .records import RecordError, kind_of
from .tags import MAX_TAG_CHARS, TagError, clean_tag, tag_colour, tag_key

CODES_TABLE = "codes"
SEPARATOR = "/"
MAX_DESCRIPTION_CHARS = 20_000
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class CodebookError(ValueError):
    """A codebook change that cannot be made as asked; the message is one line."""


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """What the codebook file holds for one code (the name in its chosen spelling)."""

    name: str
    description: str = ""
    colour: str = ""  # "" = the tag's default palette colour

    def to_record(self) -> dict[str, str]:
        return {"name": self.name, "description": self.description, "colour": self.colour}


@dataclass(frozen=True, slots=True)
class Code:
    """One code as listed: its path, parent path ("" at the top), colour, rule and use count."""

    name: str
    parent: str
    colour: str
    description: str
    count: int  # annotations carrying exactly this code (not its children)

    @property
    def leaf(self) -> str:
        return self.name.rsplit(SEPARATOR, 1)[-1]

    @property
    def depth(self) -> int:
        return self.name.count(SEPARATOR)


def clean_code(name: str) -> str:
    """A code path as stored: each segment cleaned as a tag, empty segments dropped; TagError if too long."""
    path = clean_tag(name)
    if len(path) > MAX_TAG_CHARS:
        raise TagError(f"code {path[:24]!r}… is longer than {MAX_TAG_CHARS} characters")
    return path


def parent_of(name: str) -> str:
    return name.rsplit(SEPARATOR, 1)[0] if SEPARATOR in name else ""


def ancestors_of(name: str) -> list[str]:
    """Every proper prefix path of a code, outermost first."""
    parts = name.split(SEPARATOR)
    return [SEPARATOR.join(parts[:depth]) for depth in range(1, len(parts))]


def is_within(name: str, root: str) -> bool:
    """Whether a code is `root` itself or below it (by key)."""
    key, root_key = tag_key(name), tag_key(root)
    return key == root_key or key.startswith(root_key + SEPARATOR)


def moved_name(name: str, old: str, new: str) -> str:
    """The path of `name` after the subtree at `old` was renamed to `new` (name must be within old)."""
    return new + name[len(old) :] if tag_key(name) != tag_key(old) else new


def relabelled(tags: Iterable[str], old: str, new: str) -> tuple[str, ...]:
    """An annotation's tags with the subtree `old` renamed to `new`; duplicates (after a merge) dropped."""
    seen: set[str] = set()
    result: list[str] = []
    for tag in tags:
        renamed = moved_name(tag, old, new) if is_within(tag, old) else tag
        key = tag_key(renamed)
        if key not in seen:
            seen.add(key)
            result.append(renamed)
    return tuple(result)


def parse_entries(table: Mapping[str, Any], label: str) -> dict[str, CodeEntry]:
    """The codebook table, checked strictly; RecordError names the first damaged entry."""
    entries: dict[str, CodeEntry] = {}
    for key, record in table.items():
        try:
            entries[key] = _entry(key, record)
        except RecordError as problem:
            raise RecordError(f"{label}: code {key[:40]!r}: {problem}") from None
    return entries


def _entry(key: str, record: Any) -> CodeEntry:
    if type(record) is not dict:
        raise RecordError("the record is not an object")
    name, description, colour = record.get("name"), record.get("description"), record.get("colour")
    if type(name) is not str or not name or len(name) > MAX_TAG_CHARS:
        raise RecordError(f"name is {kind_of(name)}, not a code name")
    if tag_key(name) != key:
        raise RecordError(f"name {name[:40]!r} is filed under another key")
    if type(description) is not str or len(description) > MAX_DESCRIPTION_CHARS:
        raise RecordError(f"description is {kind_of(description)}, not text")
    if type(colour) is not str or (colour and not COLOUR.fullmatch(colour)):
        raise RecordError(f"colour is {kind_of(colour) if type(colour) is not str else repr(colour[:12])}, not #rrggbb")
    return CodeEntry(name, description, colour.lower())


def check_colour(colour: str) -> str:
    """A colour as stored: #rrggbb in lower case (#rgb is widened), "" for the default."""
    colour = colour.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", colour):
        colour = "#" + "".join(c * 2 for c in colour[1:])
    if colour and not COLOUR.fullmatch(colour):
        raise CodebookError(f"colour {colour[:12]!r} is not #rrggbb")
    return colour.lower()


def list_codes(entries: Mapping[str, CodeEntry], tag_counts: Iterable[tuple[str, int]]) -> list[Code]:
    """Every code — defined, in use, or a parent of one — in tree order (a parent before its children)."""
    spelling: dict[str, str] = {}
    counts: dict[str, int] = {}
    for entry in entries.values():
        spelling.setdefault(tag_key(entry.name), entry.name)
    for tag, count in tag_counts:
        key = tag_key(tag)
        spelling.setdefault(key, tag)
        counts[key] = counts.get(key, 0) + count
    for name in list(spelling.values()):
        for ancestor in ancestors_of(name):
            spelling.setdefault(tag_key(ancestor), ancestor)
    codes: list[Code] = []
    for key, name in spelling.items():
        path = _spelled_path(name, spelling)
        found = entries.get(key)
        colour = found.colour if found and found.colour else tag_colour(path)
        codes.append(Code(path, parent_of(path), colour, found.description if found else "", counts.get(key, 0)))
    return sorted(codes, key=lambda code: [part.casefold() for part in code.name.split(SEPARATOR)])


def _spelled_path(name: str, spelling: Mapping[str, str]) -> str:
    """A path whose parent segments are spelled as the parent codes are (one spelling per code)."""
    parts = name.split(SEPARATOR)
    if len(parts) == 1:
        return name
    parent = spelling.get(tag_key(SEPARATOR.join(parts[:-1])), SEPARATOR.join(parts[:-1]))
    return f"{_spelled_path(parent, spelling)}{SEPARATOR}{parts[-1]}"


def subtree_entries(entries: Mapping[str, CodeEntry], old: str, new: str) -> dict[str, CodeEntry]:
    """The codebook after renaming the subtree `old` to `new`: a code moved onto an existing one
    (a merge) keeps the existing one's description and colour unless it has none."""
    result = {key: entry for key, entry in entries.items() if not is_within(entry.name, old)}
    for entry in entries.values():
        if not is_within(entry.name, old):
            continue
        name = moved_name(entry.name, old, new)
        key = tag_key(name)
        existing = result.get(key)
        if existing is None:
            result[key] = CodeEntry(name, entry.description, entry.colour)
        else:
            result[key] = CodeEntry(
                existing.name, existing.description or entry.description, existing.colour or entry.colour
            )
    return result
