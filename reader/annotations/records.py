"""Reading a stored annotation record strictly: every field of the right type, nothing coerced.

A store file may have been edited by hand, by a sync tool or by a bug elsewhere; a record whose
field has the wrong type (`tags: "Bild"`, `note: null`, a position that is negative, huge or a
boolean) is refused with a line naming the record and the field — never turned into something
else (tags B, i, l, d; the note "None").
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any

from .tags import MAX_TAG_CHARS
from .times import STORED_TIME, is_stored_time

MAX_OFFSET = 2**63 - 1  # positions must fit a signed 64-bit integer (W3C consumers, SQLite)
MAX_PASSAGE_CHARS = 50_000  # a passage longer than ~7,000 words is refused (anchoring cost)
QUOTE_CONTEXT_CHARS = 32  # characters of prefix and suffix kept beside a passage
_REVISION = re.compile(r"[0-9a-f]{16}")


class RecordError(ValueError):
    """A stored record is damaged; the message names the field and what is wrong (one line)."""


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )


def need_text(record: dict[str, Any], name: str, *, nonempty: bool = False) -> str:
    value = record.get(name)
    if type(value) is not str:
        raise RecordError(f"{name} is {kind_of(value)}, not text")
    if nonempty and not value:
        raise RecordError(f"{name} is empty")
    return value


def need_offset(record: dict[str, Any], name: str) -> int:
    value = record.get(name)
    if type(value) is not int:
        raise RecordError(f"{name} is {kind_of(value)}, not a whole number")
    if not 0 <= value <= MAX_OFFSET:
        raise RecordError(f"{name} {value} is outside 0…2^63−1")
    return value


def need_tags(record: dict[str, Any]) -> tuple[str, ...]:
    value = record.get("tags")
    if type(value) is not list:
        raise RecordError(f"tags is {kind_of(value)}, not a list")
    for tag in value:
        if type(tag) is not str or not tag or len(tag) > MAX_TAG_CHARS:
            raise RecordError(f"tags holds {kind_of(tag) if type(tag) is not str else repr(tag[:24])}, not a tag")
    return tuple(value)


def need_time(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if not is_stored_time(value):
        shown = repr(value[:40]) if isinstance(value, str) else kind_of(value)
        raise RecordError(f"{name} is {shown}, not a UTC time like 2025-08-16T09:30:00.000Z")
    return value


def need_revision(record: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    revision = record.get("rev")
    if type(revision) is not str or not _REVISION.fullmatch(revision):
        raise RecordError(f"rev is {kind_of(revision)}, not a revision")
    ancestors = record.get("ancestors")
    if type(ancestors) is not list or not all(type(a) is str and _REVISION.fullmatch(a) for a in ancestors):
        raise RecordError("ancestors is not a list of revisions")
    return revision, tuple(ancestors)


_TIME = STORED_TIME.fullmatch
_REVISION_MATCH = _REVISION.fullmatch
# what an annotation says, which its revision hash covers (revisions.py) ...
CONTENT_FIELDS = (
    "article_id",
    "article_version",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "tags",
    "note",
    "author",
    "created",
    "updated",
)
# ... and a stored record: that, with its revision and the revisions it descends from
RECORD_FIELDS = (*CONTENT_FIELDS, "rev", "ancestors")
_FIELDS = itemgetter(*RECORD_FIELDS)


def typed_fields(record: Any) -> tuple[Any, ...] | None:
    """The record's fields (in RECORD_FIELDS order) if every one has its type, else None.

    One fast pass (loading 100,000 records); `explain` then says what is wrong.
    """
    if type(record) is not dict:
        return None
    try:
        fields = _FIELDS(record)
    except KeyError:
        return None
    (
        article_id,
        version,
        start,
        end,
        exact,
        prefix,
        suffix,
        tags,
        note,
        author,
        created,
        updated,
        revision,
        ancestors,
    ) = fields
    if (
        type(start) is type(end) is int
        and 0 <= start < end <= MAX_OFFSET
        # one chained comparison: every text field is a str
        and str
        is type(article_id)
        is type(exact)
        is type(version)
        is type(prefix)
        is type(suffix)
        is type(note)
        is type(author)
        is type(created)
        is type(updated)
        is type(revision)
        and article_id != ""
        and exact != ""
        and _TIME(created) is not None
        and _TIME(updated) is not None
        and _REVISION_MATCH(revision) is not None
        and type(tags) is type(ancestors) is list
        and (not tags or all(type(tag) is str and 0 < len(tag) <= MAX_TAG_CHARS for tag in tags))
        and (not ancestors or all(type(a) is str and _REVISION_MATCH(a) is not None for a in ancestors))
    ):
        return fields
    return None


def explain(record: Any) -> RecordError:
    """The first problem of a record that is not well typed, as an error to raise."""
    if type(record) is not dict:
        return RecordError("the record is not an object")
    try:
        start, end = need_offset(record, "start"), need_offset(record, "end")
        if end <= start:
            return RecordError(f"end {end} is not after start {start}")
        for name in ("article_id", "exact"):
            need_text(record, name, nonempty=True)
        for name in ("article_version", "prefix", "suffix", "note", "author"):
            need_text(record, name)
        need_time(record, "created")
        need_time(record, "updated")
        need_tags(record)
        need_revision(record)
    except RecordError as problem:
        return problem
    return RecordError("the record is damaged")
