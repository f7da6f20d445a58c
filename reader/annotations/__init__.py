"""Annotations: passages of an article tagged and noted by a reader, anchored so they survive
edits of the text, kept in a crash-safe TinyDB store shared by processes. No UI in here."""

from .anchoring import Anchor, AnchoredAnnotation, AnchorState, locate
from .history import Change, History, UndoConflict
from .model import (
    Annotation,
    AnnotationError,
    TextPosition,
    TextQuote,
    find_passage,
    new_annotation_id,
    quote_at,
)
from .records import MAX_OFFSET, MAX_PASSAGE_CHARS, QUOTE_CONTEXT_CHARS
from .revisions import Outcome, descend, revision_of, with_revision
from .snapshot import StoreSnapshot
from .storage import STORE_SCHEMA_VERSION, EditConflict, RecordGone, StoreError, StoreUnreadable
from .store import AnnotationNotFound, AnnotationStore, Conflict
from .tags import PALETTE, TagError, clean_tag, clean_tags, tag_colour, tag_key
from .times import utc_now

__all__ = [
    "MAX_OFFSET",
    "MAX_PASSAGE_CHARS",
    "PALETTE",
    "QUOTE_CONTEXT_CHARS",
    "STORE_SCHEMA_VERSION",
    "Anchor",
    "AnchorState",
    "AnchoredAnnotation",
    "Annotation",
    "AnnotationError",
    "AnnotationNotFound",
    "AnnotationStore",
    "Change",
    "Conflict",
    "EditConflict",
    "History",
    "Outcome",
    "RecordGone",
    "StoreError",
    "StoreSnapshot",
    "StoreUnreadable",
    "TagError",
    "TextPosition",
    "TextQuote",
    "UndoConflict",
    "clean_tag",
    "clean_tags",
    "descend",
    "find_passage",
    "locate",
    "new_annotation_id",
    "quote_at",
    "revision_of",
    "tag_colour",
    "tag_key",
    "utc_now",
    "with_revision",
]
