"""The annotation record: which passage of which article version, its tags, note and provenance.

The passage is held twice, as the W3C Web Annotation selectors do: a TextPositionSelector
(start, end into `article.body`) and a TextQuoteSelector (the exact text with some context before
and after), so it can be found again after the article text changed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from ..text.repair import repair_surrogates
from .records import MAX_PASSAGE_CHARS, QUOTE_CONTEXT_CHARS, RecordError, explain, typed_fields
from .tags import tag_colour


class AnnotationError(ValueError):
    """An annotation that cannot be made as asked; the message is one line."""


def new_annotation_id() -> str:
    """A random UUID: unique across machines without coordination, safe to merge by."""
    return str(uuid.uuid4())


def clean_note(note: str) -> str:
    """Unix newlines, no trailing whitespace at the end; inner lines and blank lines are kept.

    Undecodable bytes (lone surrogates from a Latin-1 terminal or argument) are repaired, so
    the note can always be saved.
    """
    return repair_surrogates(note).replace("\r\n", "\n").replace("\r", "\n").rstrip()


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
    """Raise AnnotationError unless 0 <= start < end <= len(body) and the passage is not too long."""
    if not 0 <= start < end <= len(body):
        raise AnnotationError(
            f"passage {start}–{end} is not a non-empty span of the article's {len(body):,} characters"
        )
    if end - start > MAX_PASSAGE_CHARS:
        raise AnnotationError(
            f"passage of {end - start:,} characters is longer than {MAX_PASSAGE_CHARS:,}; annotate a shorter one"
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
    # Which revision this is and which it was made from (see revisions.py); not part of equality,
    # which compares what an annotation says.
    revision: str = field(default="", compare=False)
    ancestors: tuple[str, ...] = field(default=(), compare=False)
    colour: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "colour", tag_colour(self.tags[0] if self.tags else None))

    def with_lineage(self, revision: str, ancestors: tuple[str, ...]) -> Annotation:
        """The same annotation as revision `revision` made from `ancestors` (dataclasses.replace
        costs several times this call, which an import makes for each of 100,000 annotations)."""
        return Annotation(
            self.id,
            self.article_id,
            self.article_version,
            self.position,
            self.quote,
            self.tags,
            self.note,
            self.author,
            self.created,
            self.updated,
            revision,
            ancestors,
        )

    @property
    def start(self) -> int:
        return self.position.start

    @property
    def end(self) -> int:
        return self.position.end

    @property
    def exact(self) -> str:
        return self.quote.exact

    def to_record(self) -> dict[str, Any]:
        """The stored form (without the id, which is the record's key)."""
        position, quote = self.position, self.quote
        return {
            "article_id": self.article_id,
            "article_version": self.article_version,
            "start": position.start,
            "end": position.end,
            "exact": quote.exact,
            "prefix": quote.prefix,
            "suffix": quote.suffix,
            "tags": [*self.tags],
            "note": self.note,
            "author": self.author,
            "created": self.created,
            "updated": self.updated,
            "rev": self.revision,
            "ancestors": [*self.ancestors],
        }

    @classmethod
    def from_record(cls, annotation_id: str, record: Any) -> Annotation:
        """Inverse of to_record; RecordError (one line, naming the field) on a malformed record.

        Nothing is coerced: a field of the wrong type is an error, never converted. (Sizes are
        bounded where passages come in — add, import, schema upgrade — not here, so a store
        holding a long passage made before those bounds stays readable.)
        """
        if not annotation_id:
            raise RecordError("the id is empty")
        fields = typed_fields(record)
        if fields is None:
            raise explain(record)
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
        return cls(
            annotation_id,
            article_id,
            version,
            TextPosition(start, end),
            TextQuote(exact, prefix, suffix),
            tuple(tags),
            note,
            author,
            created,
            updated,
            revision,
            tuple(ancestors),
        )


class _OpenAnnotation:
    """Annotation's slots, settable: built field by field, then made an Annotation (see built)."""

    __slots__ = Annotation.__slots__


class _OpenPosition:
    __slots__ = TextPosition.__slots__


class _OpenQuote:
    __slots__ = TextQuote.__slots__


def built(
    annotation_id: str,
    article_id: str,
    article_version: str,
    start: int,
    end: int,
    exact: str,
    prefix: str,
    suffix: str,
    tags: tuple[str, ...],
    note: str,
    author: str,
    created: str,
    updated: str,
    revision: str,
    ancestors: tuple[str, ...],
) -> Annotation:
    """The same Annotation as Annotation(..., TextPosition(start, end), TextQuote(exact, prefix,
    suffix), ...), for bulk work: a frozen dataclass sets each field through object.__setattr__,
    which made building three objects per annotation the largest cost of importing 100,000
    (about 9 → 2 µs each). The objects are filled as plain slotted ones and then given their
    class, whose slots are the same; the fields are the callers' to check, as with __init__."""
    position: Any = _OpenPosition()  # (Any: the type checker does not see slots copied from another class)
    position.start, position.end = start, end
    position.__class__ = TextPosition
    quote: Any = _OpenQuote()
    quote.exact, quote.prefix, quote.suffix = exact, prefix, suffix
    quote.__class__ = TextQuote
    return assembled(
        annotation_id,
        article_id,
        article_version,
        position,
        quote,
        tags,
        note,
        author,
        created,
        updated,
        revision,
        ancestors,
    )


def assembled(
    annotation_id: str,
    article_id: str,
    article_version: str,
    position: TextPosition,
    quote: TextQuote,
    tags: tuple[str, ...],
    note: str,
    author: str,
    created: str,
    updated: str,
    revision: str,
    ancestors: tuple[str, ...],
) -> Annotation:
    """built, for a position and a quote made already (an import decodes them as they are)."""
    new: Any = _OpenAnnotation()
    new.id, new.article_id, new.article_version, new.position, new.quote = (
        annotation_id,
        article_id,
        article_version,
        position,
        quote,
    )
    new.tags, new.note, new.author, new.created, new.updated = tags, note, author, created, updated
    new.revision, new.ancestors, new.colour = revision, ancestors, tag_colour(tags[0] if tags else None)
    new.__class__ = Annotation
    return new


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
            raise AnnotationError(
                f"{text[:40]!r} occurs {count} time{'s' if count != 1 else ''}; there is no occurrence {occurrence}"
            )
        count += 1
    return at, at + len(text)
