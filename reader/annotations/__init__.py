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
    utc_now,
)
from .storage import SCHEMA_VERSION, RecordGone, StoreError, StoreUnreadable
from .store import AnnotationNotFound, AnnotationStore
from .tags import PALETTE, TagError, clean_tag, clean_tags, tag_colour, tag_key

__all__ = [
    "PALETTE",
    "SCHEMA_VERSION",
    "Anchor",
    "AnchorState",
    "AnchoredAnnotation",
    "Annotation",
    "AnnotationError",
    "AnnotationNotFound",
    "AnnotationStore",
    "Change",
    "History",
    "RecordGone",
    "StoreError",
    "StoreUnreadable",
    "TagError",
    "TextPosition",
    "TextQuote",
    "UndoConflict",
    "clean_tag",
    "clean_tags",
    "find_passage",
    "locate",
    "new_annotation_id",
    "quote_at",
    "tag_colour",
    "tag_key",
    "utc_now",
]
