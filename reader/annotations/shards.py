"""One shard file's two tables, as read under the lock and changed by the store's operations.

An operation (add, edit, delete, import merge, resolve) is a function of a `Shard`: it looks at
what is on disk now (`live`, `conflict_versions`) and changes it (`put`, `remove`,
`put_conflict`, `drop_conflicts`). Records are checked strictly when read (a damaged one raises
StoreUnreadable naming it) and must sit in the file the store would put them in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from .model import Annotation
from .paths import article_dirname, shard_name, shard_relative
from .records import RecordError
from .storage import ANNOTATIONS_TABLE, CONFLICTS_TABLE, StoreUnreadable, Tables

_ID = attrgetter("id")
Known = Callable[[str, dict[str, Any]], Annotation | None]  # the indexed copy of a record, if current


def parse_record(relative: str, annotation_id: str, record: Any) -> Annotation:
    """A stored record as an Annotation, checked strictly and for its place; StoreUnreadable if not."""
    try:
        annotation = Annotation.from_record(annotation_id, record)
    except RecordError as problem:
        raise StoreUnreadable(
            f"{relative}: annotation {annotation_id[:40]}: {problem}; nothing will be written"
        ) from None
    _, folder, name = relative.split("/")
    if article_dirname(annotation.article_id) != folder or shard_name(annotation_id) != name:
        raise StoreUnreadable(
            f"{relative}: annotation {annotation_id[:40]} belongs in "
            f"{shard_relative(annotation.article_id, annotation_id)}; nothing will be written"
        )
    return annotation


def same_stored_revision(annotation: Annotation, record: dict[str, Any]) -> bool:
    """Whether a stored record is the revision already held (so it need not be parsed again)."""
    return annotation.revision == record.get("rev") and list(annotation.ancestors) == record.get("ancestors")


class Shard:
    def __init__(self, relative: str, tables: Tables, known: Known) -> None:
        self.relative = relative
        self.records: dict[str, Any] = tables[ANNOTATIONS_TABLE]
        self.conflict_records: dict[str, Any] = tables[CONFLICTS_TABLE]
        self.written: dict[str, Annotation] = {}  # annotations put by operations, by id
        self.dirty = False
        self._known = known

    @property
    def tables(self) -> Tables:
        return {ANNOTATIONS_TABLE: self.records, CONFLICTS_TABLE: self.conflict_records}

    def live(self, annotation_id: str) -> Annotation | None:
        """The live record of an id as it is on disk now, or None."""
        record = self.records.get(annotation_id)
        if record is None:
            return None
        if annotation_id in self.written:
            return self.written[annotation_id]
        known = self._known(annotation_id, record)
        return known if known is not None else parse_record(self.relative, annotation_id, record)

    def conflict_versions(self, annotation_id: str) -> dict[str, Annotation]:
        """The other versions kept beside an id's live record, by revision."""
        versions = self.conflict_records.get(annotation_id) or {}
        parsed = {}
        for revision, record in versions.items():
            annotation = parse_record(self.relative, annotation_id, record)
            if annotation.revision != revision:
                raise StoreUnreadable(
                    f"{self.relative}: conflict {annotation_id[:40]}/{revision[:20]} is filed under another revision; nothing will be written"
                )
            parsed[revision] = annotation
        return parsed

    def put(self, annotation: Annotation) -> None:
        self.records[annotation.id] = annotation.to_record()
        self.written[annotation.id] = annotation
        self.dirty = True

    def put_all(self, annotations: Sequence[Annotation], stored: Sequence[dict[str, Any] | None] | None = None) -> None:
        """put for each (an import's new annotations: a call each spared); `stored` may give
        each one's record (to_record) made already, or None."""
        records, written = self.records, self.written
        if stored is not None and len(stored) == len(annotations) and None not in stored:
            ids = list(map(_ID, annotations))
            records.update(zip(ids, stored, strict=True))
            written.update(zip(ids, annotations, strict=True))
        else:
            for index, annotation in enumerate(annotations):
                record = stored[index] if stored is not None else None
                records[annotation.id] = record if record is not None else annotation.to_record()
                written[annotation.id] = annotation
        self.dirty = self.dirty or bool(annotations)

    def remove(self, annotation_id: str) -> None:
        if self.records.pop(annotation_id, None) is not None:
            self.written.pop(annotation_id, None)
            self.dirty = True

    def put_conflict(self, annotation: Annotation) -> None:
        self.conflict_records.setdefault(annotation.id, {})[annotation.revision] = annotation.to_record()
        self.dirty = True

    def drop_conflicts(self, annotation_id: str, revisions: set[str] | None = None) -> None:
        """Forget conflict versions of an id (those with these revisions, or all)."""
        versions = self.conflict_records.get(annotation_id)
        if not versions:
            return
        for revision in list(versions) if revisions is None else revisions & versions.keys():
            del versions[revision]
            self.dirty = True
        if not versions:
            del self.conflict_records[annotation_id]
            self.dirty = True
