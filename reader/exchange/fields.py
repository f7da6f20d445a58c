"""Reading untrusted import data field by field, failing with where and what in one line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..annotations import MAX_OFFSET, MAX_PASSAGE_CHARS, QUOTE_CONTEXT_CHARS, Annotation
from ..annotations.revisions import MAX_ANCESTORS
from ..annotations.times import in_the_future, normalise_time

REVISION_PATTERN = re.compile(r"[0-9a-f]{16}")


class ImportRefused(ValueError):
    """The import file is not acceptable; the message names the place, e.g. annotations[3].tags."""


class NotRepresentable(ImportRefused):
    """One annotation of a well-formed file that reader cannot hold (a page note, a reply, a passage
    given only by a CSS or fragment selector): skipped and reported, the rest is imported."""


@dataclass(slots=True)
class Incoming:
    """One annotation read from an import file, before it is checked against the library.

    Not frozen: nothing changes one once made, and an import makes 100,000 of them (a frozen
    dataclass's __init__ costs several times a plain one's)."""

    annotation: Annotation  # article_id may be "" until `source` is resolved
    where: str  # e.g. "annotations[3]" or "first.items[3]"
    # where the position and the quote are, for messages; "" for reader JSON's place
    # ("annotations[3].selectors.position"), spelt out only when a message needs it (`position_place`)
    position_where: str = ""
    quote_where: str = ""
    source: str = ""  # the target IRI (W3C), resolved to an article by the importer
    revision: str = ""  # the revision the file declares (reader JSON), "" when it has none
    ancestors: tuple[str, ...] = ()  # and its ancestors
    trimmed: bool = False  # prefix or suffix was longer than the context kept, and was cut
    lineage_computed: bool = False  # `annotation` already carries its revision and file_lineage (the plain path)
    # `annotation` as the store keeps it (Annotation.to_record), made from the checked fields (the
    # typed path): the merge stores it as it is when `annotation` is stored unchanged
    record: dict[str, Any] | None = field(default=None, compare=False)

    def position_place(self) -> str:
        return self.position_where or f"{self.where}.selectors.position"

    def quote_place(self) -> str:
        return self.quote_where or f"{self.where}.selectors.quote"


def need_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportRefused(f"{where}: expected an object, found {type_name(value)}")
    return value


def need_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ImportRefused(f"{where}: expected a list, found {type_name(value)}")
    return value


def need_str(parent: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    if key not in parent:
        if default is not None:
            return default
        raise ImportRefused(f"{where}.{key}: missing")
    value = parent[key]
    if not isinstance(value, str):
        raise ImportRefused(f"{where}.{key}: expected text, found {type_name(value)}")
    return value


def need_int(parent: dict[str, Any], key: str, where: str) -> int:
    if key not in parent:
        raise ImportRefused(f"{where}.{key}: missing")
    value = parent[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ImportRefused(f"{where}.{key}: expected a whole number, found {type_name(value)}")
    if value < 0:
        raise ImportRefused(f"{where}.{key}: {value} is negative")
    if value > MAX_OFFSET:
        raise ImportRefused(f"{where}.{key}: {value} is larger than 2^63−1")
    return value


def need_str_list(parent: dict[str, Any], key: str, where: str) -> list[str]:
    values = need_list(parent.get(key, []), f"{where}.{key}")
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise ImportRefused(f"{where}.{key}[{index}]: expected text, found {type_name(value)}")
    return values


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )


def need_time(parent: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    """An ISO 8601 time or date, normalised to UTC (2025-08-16T09:30:00.000Z); refused when it
    lies in the future (beyond a few minutes of clock difference)."""
    value = need_str(parent, key, where, default)
    if value == default:
        return value
    try:
        normalised = normalise_time(value)
    except ValueError:
        raise ImportRefused(f"{where}.{key}: {value[:40]!r} is not an ISO 8601 time") from None
    if in_the_future(normalised):
        raise ImportRefused(f"{where}.{key}: {value[:40]!r} is in the future (this machine's clock says otherwise)")
    return normalised


def need_lineage(parent: dict[str, Any], where: str) -> tuple[str, tuple[str, ...]]:
    """The optional `revision` and `ancestors` of a reader JSON annotation ("" and () without)."""
    revision = need_str(parent, "revision", where, "")
    if revision and not REVISION_PATTERN.fullmatch(revision):
        raise ImportRefused(f"{where}.revision: {revision[:40]!r} is not a revision (16 hex digits)")
    ancestors = need_str_list(parent, "ancestors", where)
    for index, ancestor in enumerate(ancestors):
        if not REVISION_PATTERN.fullmatch(ancestor):
            raise ImportRefused(f"{where}.ancestors[{index}]: {ancestor[:40]!r} is not a revision (16 hex digits)")
    if ancestors and not revision:
        raise ImportRefused(f"{where}.ancestors: given without a revision")
    return revision, tuple(ancestors[:MAX_ANCESTORS])


def need_passage(parent: dict[str, Any], key: str, where: str) -> str:
    """The quoted passage: text of 1 to MAX_PASSAGE_CHARS characters."""
    value = need_str(parent, key, where)
    if not value:
        raise ImportRefused(f"{where}.{key}: empty (a passage has at least one character)")
    if len(value) > MAX_PASSAGE_CHARS:
        raise ImportRefused(
            f"{where}.{key}: {len(value):,} characters, more than the {MAX_PASSAGE_CHARS:,} a passage may have"
        )
    return value


def need_context(parent: dict[str, Any], key: str, where: str, *, keep_end: bool) -> tuple[str, bool]:
    """A quote's prefix (keep_end: the characters nearest the passage) or suffix, cut to the
    context the store keeps; and whether it was cut."""
    value = need_str(parent, key, where, "")
    if len(value) <= QUOTE_CONTEXT_CHARS:
        return value, False
    return (value[-QUOTE_CONTEXT_CHARS:] if keep_end else value[:QUOTE_CONTEXT_CHARS]), True
