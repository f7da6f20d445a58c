"""Revisions: telling an older copy of an annotation from a diverged one.

Every stored annotation carries its `revision` — a hash of everything it says (passage, tags,
note, author, times) — and its `ancestors`, the revisions it was made from, newest first (up to
MAX_ANCESTORS). Every write makes a new revision whose ancestors are the old revision and its
ancestors. Comparing two copies of one annotation (a local one and one from an import) then gives:

- SAME: the same revision;
- OLDER: the incoming revision is an ancestor of the local one (the file is stale): keep local;
- NEWER: the local revision is an ancestor of the incoming one: take the incoming copy;
- DIVERGENT: neither — both were changed since they last agreed. If they now say the same
  (passage, tags, note), there is nothing to do; otherwise it is a conflict and both are kept.

Times are never compared to decide: clocks differ between machines, a file may claim any date,
and equal times say nothing about equal content. A copy without revisions (a W3C file from
another tool, an export from an older reader) has only its own hash, so it is SAME, OLDER or
DIVERGENT — never silently "newer".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from enum import StrEnum
from typing import Any

import orjson

from .model import Annotation
from .records import CONTENT_FIELDS

MAX_ANCESTORS = 32
REVISION_CHARS = 16


def _digest(content: list[Any]) -> str:
    return hashlib.blake2b(orjson.dumps(content), digest_size=REVISION_CHARS // 2).hexdigest()


def record_revision(annotation_id: str, record: Mapping[str, Any]) -> str:
    """The revision of a stored record: a hash of its id and content fields."""
    return _digest([annotation_id, *map(record.get, CONTENT_FIELDS)])


def revision_of(annotation: Annotation) -> str:
    """The same hash as record_revision(annotation.id, annotation.to_record()), without the record."""
    position, quote = annotation.position, annotation.quote
    return content_revision(
        annotation.id,
        annotation.article_id,
        annotation.article_version,
        position.start,
        position.end,
        quote.exact,
        quote.prefix,
        quote.suffix,
        annotation.tags,
        annotation.note,
        annotation.author,
        annotation.created,
        annotation.updated,
    )


def content_revision(
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
) -> str:
    """revision_of from the fields themselves (an import computes it before it builds the annotation)."""
    return _digest(
        [
            annotation_id,
            article_id,
            article_version,
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
        ]
    )


def file_lineage(revision: str, declared: str, declared_ancestors: tuple[str, ...]) -> tuple[str, ...]:
    """The ancestors of an imported copy whose content hashes to `revision`, from the revision and
    ancestors its file declares. A declared revision that is not the content's (the file was
    edited after export) counts as the copy's parent."""
    ancestors = declared_ancestors if not declared or declared == revision else (declared, *declared_ancestors)
    return tuple(a for a in dict.fromkeys(ancestors) if a != revision) if ancestors else ()


def with_revision(annotation: Annotation) -> Annotation:
    """The annotation with its revision computed from its content (ancestors kept)."""
    revision = revision_of(annotation)
    return annotation if annotation.revision == revision else replace(annotation, revision=revision)


def lineage(*parents: Annotation, exclude: str = "") -> tuple[str, ...]:
    """The ancestors of something made from `parents`: their revisions and ancestors, newest first."""
    seen: dict[str, None] = {}
    for parent in parents:
        for revision in (parent.revision, *parent.ancestors):
            if revision and revision != exclude:
                seen.setdefault(revision, None)
    return tuple(seen)[:MAX_ANCESTORS]


def descend(annotation: Annotation, *parents: Annotation) -> Annotation:
    """`annotation` (new content) as a new revision made from `parents`."""
    revised = with_revision(annotation)
    return replace(revised, ancestors=lineage(*parents, exclude=revised.revision))


class Relation(StrEnum):
    SAME = "same"
    OLDER = "older"  # the incoming copy is an ancestor of the local one
    NEWER = "newer"  # the local copy is an ancestor of the incoming one
    DIVERGENT = "divergent"


def relation(local: Annotation, incoming: Annotation) -> Relation:
    if local.revision == incoming.revision:
        return Relation.SAME
    if incoming.revision in local.ancestors:
        return Relation.OLDER
    if local.revision in incoming.ancestors:
        return Relation.NEWER
    return Relation.DIVERGENT


def same_content(one: Annotation, other: Annotation) -> bool:
    """Whether two copies say the same: passage, tags and note (positions may differ by re-anchoring)."""
    return (
        one.article_id == other.article_id
        and one.exact == other.exact
        and one.tags == other.tags
        and one.note == other.note
    )


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_LOCAL = "kept_local"  # the incoming copy is an older revision of the local one
    CONFLICT = "conflict"


def merge_outcome(local: Annotation | None, conflicts: Iterable[Annotation], incoming: Annotation) -> Outcome:
    """What merging `incoming` into a store holding `local` (and these conflict copies) does."""
    if local is None:
        return Outcome.ADDED
    kind = relation(local, incoming)
    if kind is Relation.SAME:
        return Outcome.UNCHANGED
    if kind is Relation.OLDER:
        return Outcome.KEPT_LOCAL
    if kind is Relation.NEWER:
        return Outcome.UPDATED
    if same_content(local, incoming):
        return Outcome.UNCHANGED
    for known in conflicts:
        if known.revision == incoming.revision or incoming.revision in known.ancestors:
            return Outcome.UNCHANGED  # this conflict is already recorded (or a newer copy of it is)
    return Outcome.CONFLICT
