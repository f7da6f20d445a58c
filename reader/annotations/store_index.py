"""What the store holds in memory, always equal to what the shard files held when last read or
written under the lock: every annotation by id and by article, which shard file holds which,
the conflicting versions kept beside them, and the tags in use.

A shard is taken in two steps, so that a damaged file changes nothing: `prepare` checks its
records and finds those that changed (raising StoreUnreadable before any change), `apply` then
puts them in. Records whose revision is unchanged are skipped, so a save costs O(changed
records) in memory, not O(records in the shard). For a file new to the index (an import's),
`prepare` also works out what `apply` puts in — it runs while the change's files are still
being written and synced, `apply` only once they are — so `apply` merges dictionaries only
(100,000 annotations: 0.27 → 0.08 s after the files are on disk).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from .model import Annotation
from .shards import Shard, parse_record, same_stored_revision
from .storage import StoreUnreadable
from .tags import TagIndex, TagTally, tally_tags

_ARTICLE_ID = attrgetter("article_id")


@dataclass(frozen=True, slots=True)
class PreparedShard:
    """A shard file's records, checked, and what the index must change for it."""

    relative: str
    records: dict[str, Any]
    fresh: list[Annotation]  # annotations new or changed against the index
    conflicts: dict[str, dict[str, Annotation]]  # id -> the versions kept beside it, by revision
    fresh_by_id: dict[str, Annotation] | None = None  # the same by id, when at hand (a file new to the index)
    # for a file new to the index, what `apply` puts in worked out beforehand (its article when
    # it holds one article's annotations only, its ids, its tag uses), while the change's files
    # are still being synced: once they are, `apply` only merges it in
    article_id: str | None = None
    members: set[str] | None = None
    tags: TagTally | None = None


class StoreIndex:
    def __init__(self) -> None:
        self.annotations: dict[str, Annotation] = {}
        self.by_article: dict[str, dict[str, Annotation]] = {}
        self.conflicts: dict[str, dict[str, Annotation]] = {}
        self.tags = TagIndex()
        self._shard_members: dict[str, set[str]] = {}
        self._shard_conflicts: dict[str, set[str]] = {}

    def clear(self) -> None:
        self.annotations.clear()
        self.by_article.clear()
        self.conflicts.clear()
        self.tags.clear()
        self._shard_members.clear()
        self._shard_conflicts.clear()

    def known(self, annotation_id: str, record: dict[str, Any]) -> Annotation | None:
        """The indexed annotation of a stored record, if the record is the revision held."""
        annotation = self.annotations.get(annotation_id)
        return annotation if annotation is not None and same_stored_revision(annotation, record) else None

    def prepare(self, shard: Shard) -> PreparedShard:
        """Check a shard's records and find which changed against the index (raises before any change)."""
        before = self._shard_members.get(shard.relative, set())
        written, records = shard.written, shard.records
        if not before and len(written) == len(records) and self.annotations.keys().isdisjoint(written):
            # a file new to the index whose every record an operation put (an import's new
            # shards): nothing to parse or look up one by one (`written` is a subset of `records`)
            conflicts = {
                annotation_id: shard.conflict_versions(annotation_id) for annotation_id in shard.conflict_records
            }
            put = list(written.values())
            articles = set(map(_ARTICLE_ID, put))
            return PreparedShard(
                shard.relative,
                records,
                put,
                conflicts,
                written,
                articles.pop() if len(articles) == 1 else None,
                set(records),
                tally_tags(put),
            )
        fresh: list[Annotation] = []
        for annotation_id, record in shard.records.items():
            if annotation_id in before and self.known(annotation_id, record) is not None:
                continue
            annotation = shard.written.get(annotation_id) or parse_record(shard.relative, annotation_id, record)
            if annotation_id not in before and annotation_id in self.annotations:
                raise StoreUnreadable(
                    f"{shard.relative}: annotation {annotation_id[:40]} is also stored in another file; nothing will be written"
                )
            fresh.append(annotation)
        conflicts = {annotation_id: shard.conflict_versions(annotation_id) for annotation_id in shard.conflict_records}
        return PreparedShard(shard.relative, shard.records, fresh, conflicts)

    def apply(self, prepared: list[PreparedShard]) -> None:
        for shard in prepared:
            relative, records = shard.relative, shard.records
            before = self._shard_members.get(relative)
            if before:  # (a file new to the index, as an import's into an empty store, replaces nothing)
                fresh_ids = {annotation.id for annotation in shard.fresh}
                for annotation_id in (before - records.keys()) | (before & fresh_ids):
                    old = self.annotations.pop(annotation_id)
                    self.by_article.get(old.article_id, {}).pop(annotation_id, None)
                    self.tags.remove(old.id, old.tags)
            annotations, by_article, by_id = self.annotations, self.by_article, shard.fresh_by_id
            if by_id is not None and not before and shard.article_id is not None:
                # a new file's annotations, of one article as a shard's are: put in at once
                annotations.update(by_id)
                by_article.setdefault(shard.article_id, {}).update(by_id)
            else:
                for annotation in shard.fresh:
                    annotations[annotation.id] = annotation
                    by_article.setdefault(annotation.article_id, {})[annotation.id] = annotation
            if shard.tags is not None:
                self.tags.add_tally(shard.tags)
            else:
                self.tags.add_all(shard.fresh)
            if records:
                self._shard_members[relative] = shard.members if shard.members is not None else set(records)
            else:
                self._shard_members.pop(relative, None)
            for annotation_id in self._shard_conflicts.pop(relative, set()):
                self.conflicts.pop(annotation_id, None)
            kept = {annotation_id: versions for annotation_id, versions in shard.conflicts.items() if versions}
            self.conflicts.update(kept)
            if kept:
                self._shard_conflicts[relative] = set(kept)
