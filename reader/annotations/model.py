"""The annotation record: which passage of which article version, its tags, note and provenance.

The passage is held twice, as the W3C Web Annotation selectors do: a TextPositionSelector
(start, end into `article.body`) and a TextQuoteSelector (the exact text with some context before
and after), so it can be found again after the article text changed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from .tags import tag_colour

QUOTE_CONTEXT_CHARS = 32


class AnnotationError(ValueError):
    """An annotation that cannot be made as asked; the message is one line."""


def new_annotation_id() -> str:
    """A random UUID: unique across machines without coordination, safe to merge by."""
    return str(uuid.uuid4())


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds, e.g. 2025-08-16T09:30:00.000Z."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def clean_note(note: str) -> str:
    """Unix newlines, no trailing whitespace at the end; inner lines and blank lines are kept."""
    return note.replace("\r\n", "\n").replace("\r", "\n").rstrip()


@dataclass(frozen=True, slots=True)
class TextPosition:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextQuote:
    exact: str
    prefix: str = ""
    suffix: str = ""


def quote_at(body: str, start: int, end: int, context: int = QUOTE_CONTEXT_CHARS) -> TextQuote:
    """The quote selector for body[start:end], with up to `context` characters either side."""
    return TextQuote(body[start:end], body[max(0, start - context) : start], body[end : end + context])


def check_span(body: str, start: int, end: int) -> None:
    """Raise AnnotationError unless 0 <= start < end <= len(body)."""
    if not 0 <= start < end <= len(body):
        raise AnnotationError(
            f"passage {start}–{end} is not a non-empty span of the article's {len(body):,} characters"
        )


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    article_id: str
    article_version: str
    position: TextPosition
    quote: TextQuote
    tags: tuple[str, ...] = ()
    note: str = ""
    author: str = ""
    created: str = ""
    updated: str = ""
    colour: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "colour", tag_colour(self.tags[0] if self.tags else None))

    @property
    def start(self) -> int:
        return self.position.start

    @property
    def end(self) -> int:
        return self.position.end

    @property
    def exact(self) -> str:
        return self.quote.exact

    def edited(self, **changes: Any) -> Annotation:
        """A copy with the given fields changed and `updated` set to now."""
        return replace(self, updated=utc_now(), **changes)

    def to_record(self) -> dict[str, Any]:
        """The stored form (without the id, which is the record's key)."""
        return {
            "article_id": self.article_id,
            "article_version": self.article_version,
            "start": self.position.start,
            "end": self.position.end,
            "exact": self.quote.exact,
            "prefix": self.quote.prefix,
            "suffix": self.quote.suffix,
            "tags": list(self.tags),
            "note": self.note,
            "author": self.author,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_record(cls, annotation_id: str, record: dict[str, Any]) -> Annotation:
        """Inverse of to_record; raises KeyError/TypeError/ValueError on a malformed record."""
        return cls(
            id=str(annotation_id),
            article_id=str(record["article_id"]),
            article_version=str(record["article_version"]),
            position=TextPosition(int(record["start"]), int(record["end"])),
            quote=TextQuote(str(record["exact"]), str(record["prefix"]), str(record["suffix"])),
            tags=tuple(str(tag) for tag in record["tags"]),
            note=str(record["note"]),
            author=str(record["author"]),
            created=str(record["created"]),
            updated=str(record["updated"]),
        )


def find_passage(body: str, text: str, occurrence: int = 1) -> tuple[int, int]:
    """(start, end) of the n-th (1-based) occurrence of `text` in body; AnnotationError if none."""
    if not text:
        raise AnnotationError("the passage to find is empty")
    if occurrence < 1:
        raise AnnotationError(f"occurrence {occurrence} is not 1 or more")
    at, count = -1, 0
    while count < occurrence:
        at = body.find(text, at + 1)
        if at == -1:
            if count == 0:
                raise AnnotationError(f"{text[:40]!r} does not occur in the article text")
            raise AnnotationError(f"{text[:40]!r} occurs {count} time{'s' if count != 1 else ''}; there is no occurrence {occurrence}")
        count += 1
    return at, at + len(text)
