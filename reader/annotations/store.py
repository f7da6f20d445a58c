"""The annotation store: TinyDB files under `annotations/`, safe across crashes and processes.

Layout (chosen so that saving one annotation costs the same with 100 or 100,000 stored):

    annotations/
      by-article/<article-id>/<xx>.json   one TinyDB file per (article, shard); xx = 2 hex digits
                                          of a hash of the annotation id, so an article with
                                          100,000 annotations has 256 files of ~400 each
      changes.log                         which shard files changed, so another process can
                                          pick up just those (a hint: the data is in the shards)
      .lock                               cross-process lock (filelock) held for each write
      exports/                            files written by export_to_directory

Every write takes the lock, re-reads the shard file it changes (so what another process wrote is
kept), applies the change on top and replaces the file atomically (see storage.py). The
in-memory index is updated only from what was written, so it always matches the disk.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from filelock import FileLock, Timeout

from ..library import Article, Library
from ..settings import default_author
from .anchoring import AnchoredAnnotation, AnchorState, locate, orphan
from .bulk import gc_paused
from .model import (
    Annotation,
    AnnotationError,
    TextPosition,
    check_span,
    clean_note,
    new_annotation_id,
    quote_at,
    utc_now,
)
from ..atomic_files import TEMP_SUFFIX
from .storage import (
    ANNOTATIONS_TABLE,
    Change,
    Record,
    RecordGone,
    StoreError,
    StoreUnreadable,
    describe_os_error,
    open_shard,
    read_shard,
)
from .tags import TagIndex, clean_tag, clean_tags, complete_tag

SHARDS_DIRNAME = "by-article"
EXPORTS_DIRNAME = "exports"
CHANGES_LOG = "changes.log"
LOCK_NAME = ".lock"
LOCK_TIMEOUT_S = 15.0
MAX_LOG_BYTES = 1 << 20
STALE_EXPORT_TEMP_S = 3600.0


class AnnotationNotFound(KeyError):
    def __str__(self) -> str:
        return f"no annotation {self.args[0]!r}"


def shard_name(annotation_id: str) -> str:
    """Which of an article's 256 shard files holds this annotation (stable for any id string)."""
    return hashlib.blake2b(annotation_id.encode("utf-8"), digest_size=1).hexdigest() + ".json"


def article_dirname(article_id: str) -> str:
    """A folder name for any article id: unsafe characters percent-encoded, no leading dot."""
    name = quote(article_id, safe=" -_.,()+=@'")
    return "%2E" + name[1:] if name.startswith(".") else name


def _records_to_annotations(records: dict[str, dict[str, Any]], label: str) -> list[Annotation]:
    annotations = []
    for annotation_id, record in records.items():
        try:
            annotations.append(Annotation.from_record(annotation_id, record))
        except (KeyError, TypeError, ValueError):
            raise StoreUnreadable(f"{label}: annotation {annotation_id} is damaged; nothing will be written") from None
    return annotations


class AnnotationStore:
    """All annotations of one library, indexed in memory; every change is saved before it returns.

    One store object belongs to one thread at a time (the app's main thread, or one worker);
    other processes and other store objects are safe at any time (file lock + merge on write).
    """

    def __init__(self, root: Path, author: str) -> None:
        self.root = Path(root)
        self.author = author
        self.problems: tuple[str, ...] = ()  # unreadable files: while any, the store refuses to write
        self._lock = FileLock(self.root / LOCK_NAME, timeout=LOCK_TIMEOUT_S, poll_interval=0.002)
        self._annotations: dict[str, Annotation] = {}
        self._by_article: dict[str, dict[str, Annotation]] = {}
        self._shard_members: dict[str, set[str]] = {}
        self._anchor_cache: dict[str, tuple[str, dict[str, AnchoredAnnotation]]] = {}
        self._tag_index = TagIndex()
        self._log_epoch = b""
        self._log_offset = 0

    @classmethod
    def open(cls, where: Library | Path | str, *, author: str | None = None) -> AnnotationStore:
        """The store of a library (its annotations/ folder) or of a store folder given directly."""
        root = where.annotations_dir if isinstance(where, Library) else Path(where).expanduser()
        store = cls(root, author or default_author())
        store._remove_stale_temp_files()
        store._load_all()
        return store

    # ---- reading -------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return bool(self.problems)

    def get(self, annotation_id: str) -> Annotation:
        try:
            return self._annotations[annotation_id]
        except KeyError:
            raise AnnotationNotFound(annotation_id) from None

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._annotations

    def __len__(self) -> int:
        return len(self._annotations)

    def all(self) -> list[Annotation]:
        """Every annotation, by article, then position in the text, then creation time."""
        return sorted(self._annotations.values(), key=lambda a: (a.article_id, a.start, a.end, a.created, a.id))

    def for_article(self, article: Article) -> list[AnchoredAnnotation]:
        """The article's annotations located in its current text, in reading order; orphans last.

        Pure: nothing is written (see `reanchor` to keep re-anchored positions). Results are
        cached per article version, so calling this on every repaint is cheap.
        """
        cached_version, cached = self._anchor_cache.get(article.id, ("", {}))
        if cached_version != article.version:
            cached = {}
        fresh: dict[str, AnchoredAnnotation] = {}
        for annotation in self._by_article.get(article.id, {}).values():
            hit = cached.get(annotation.id)
            if hit is None or hit.annotation is not annotation:  # a changed annotation is a new object
                hit = AnchoredAnnotation(annotation, locate(article.body, article.version, annotation))
            fresh[annotation.id] = hit
        self._anchor_cache[article.id] = (article.version, fresh)
        return sorted(fresh.values(), key=_reading_order)

    def anchor_all(self, articles: Iterable[Article]) -> list[AnchoredAnnotation]:
        """Every annotation with its state; those whose article is not among `articles` are orphans."""
        known = {article.id: article for article in articles}
        result: list[AnchoredAnnotation] = []
        for article_id in sorted(self._by_article):
            article = known.get(article_id)
            if article is not None:
                result.extend(self.for_article(article))
                continue
            gone = orphan(f"the article {article_id!r} is not in the library any more")
            result.extend(
                sorted((AnchoredAnnotation(a, gone) for a in self._by_article[article_id].values()), key=_reading_order)
            )
        return result

    def orphans(self, articles: Iterable[Article]) -> list[AnchoredAnnotation]:
        return [hit for hit in self.anchor_all(articles) if hit.state is AnchorState.ORPHANED]

    def counts_by_article(self) -> dict[str, int]:
        return {article_id: len(members) for article_id, members in self._by_article.items() if members}

    def tags(self) -> list[tuple[str, int]]:
        """(tag, number of annotations) for every tag in use, most used first.

        A tag is shown in the spelling of its earliest annotation.
        """
        return self._tag_index.counts()

    def display_tag(self, tag: str) -> str:
        """The spelling the store shows for a tag (its first-seen spelling), or the tag cleaned."""
        return self._tag_index.spelling(tag) or clean_tag(tag)

    def complete_tag(self, prefix: str, limit: int = 10) -> list[str]:
        return complete_tag(prefix, self.tags(), limit)

    def search(self, text: str) -> list[Annotation]:
        """Annotations whose passage, note, tags or author contain `text` (case-insensitive)."""
        needle = " ".join(text.split()).casefold()
        if not needle:
            return self.all()
        return [
            annotation
            for annotation in self.all()
            if needle in annotation.exact.casefold()
            or needle in annotation.note.casefold()
            or needle in annotation.author.casefold()
            or any(needle in tag.casefold() for tag in annotation.tags)
        ]

    # ---- writing -------------------------------------------------------------------------

    def add(self, article: Article, start: int, end: int, tags: Iterable[str] = (), note: str = "") -> Annotation:
        """Annotate body[start:end] of the article; saved before this returns."""
        check_span(article.body, start, end)
        now = utc_now()
        annotation = Annotation(
            id=new_annotation_id(),
            article_id=article.id,
            article_version=article.version,
            position=TextPosition(start, end),
            quote=quote_at(article.body, start, end),
            tags=self._canonical_tags(tags),
            note=clean_note(note),
            author=self.author,
            created=now,
            updated=now,
        )
        self._commit([(annotation, annotation.to_record())])
        return annotation

    def update(
        self,
        annotation_id: str,
        *,
        tags: Iterable[str] | None = None,
        note: str | None = None,
        article: Article | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> Annotation:
        """Change tags, note and/or the passage (start and end with the current `article`)."""
        current = self.get(annotation_id)
        changes: dict[str, Any] = {}
        if tags is not None:
            changes["tags"] = self._canonical_tags(tags)
        if note is not None:
            changes["note"] = clean_note(note)
        if start is not None or end is not None:
            if article is None or start is None or end is None or article.id != current.article_id:
                raise AnnotationError("moving a passage needs its article and both start and end")
            check_span(article.body, start, end)
            changes["article_version"] = article.version
            changes["position"] = TextPosition(start, end)
            changes["quote"] = quote_at(article.body, start, end)
        if all(getattr(current, name) == value for name, value in changes.items()):
            return current
        now = utc_now()

        def edit(record: Record) -> Record:  # applied to the record on disk, under the lock
            return replace(Annotation.from_record(annotation_id, record), updated=now, **changes).to_record()

        self._commit([(current, edit)])
        return self.get(annotation_id)

    def delete(self, annotation_id: str) -> Annotation:
        """Remove an annotation; returns it (so it can be restored with `put`)."""
        current = self.get(annotation_id)
        self._commit([(current, None)])
        return current

    def put(self, annotation: Annotation) -> Annotation:
        """Store an annotation exactly as given (same id): undo, redo and import use this."""
        self._commit([(annotation, annotation.to_record())])
        return annotation

    def put_many(self, annotations: Iterable[Annotation]) -> int:
        """Store many annotations with one write per shard file; returns how many."""
        batch = [(annotation, annotation.to_record()) for annotation in annotations]
        if batch:
            self._commit(batch)
        return len(batch)

    def reanchor(self, article: Article) -> list[AnchoredAnnotation]:
        """Save re-anchored positions (and quotes) against the article's current text.

        Afterwards those annotations anchor exactly on this version. Orphans are left as they
        were, so their stored quote is never lost. Returns the annotations that were updated.
        """
        moved = [hit for hit in self.for_article(article) if hit.state is AnchorState.REANCHORED]
        if not moved:
            return []

        def move_to(start: int, end: int) -> Callable[[Record], Record]:
            def move(record: Record) -> Record:  # keeps tags and note as they are on disk
                stored = Annotation.from_record("", record)
                position, quote = TextPosition(start, end), quote_at(article.body, start, end)
                return replace(stored, article_version=article.version, position=position, quote=quote).to_record()

            return move

        self._commit([(hit.annotation, move_to(hit.anchor.start, hit.anchor.end)) for hit in moved])  # type: ignore[arg-type]
        moved_ids = {hit.annotation.id for hit in moved}
        return [hit for hit in self.for_article(article) if hit.annotation.id in moved_ids]

    def reload_if_changed(self) -> bool:
        """Pick up what other processes saved since we last looked; True when anything changed."""
        path = self.root / CHANGES_LOG
        try:
            with open(path, "rb") as log:
                epoch = log.readline()
                size = log.seek(0, os.SEEK_END)
                if epoch != self._log_epoch or size < self._log_offset:
                    self._load_all()
                    return True
                if size == self._log_offset:
                    return False
                log.seek(self._log_offset)
                chunk = log.read(size - self._log_offset)
        except OSError:  # no log yet (nothing written), or unreadable: nothing to pick up
            return False
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self._log_offset += len(complete)
        relatives = {line.decode("utf-8", "replace") for line in complete.splitlines() if line}
        for relative in sorted(relatives):
            path = self.root / relative
            if path.parent.parent != self.root / SHARDS_DIRNAME or path.suffix != ".json":
                continue
            try:
                self._replace_shard(relative, read_shard(path, relative))
            except StoreError as problem:
                self.problems = (*self.problems, str(problem))
        return bool(relatives)

    # ---- internals -----------------------------------------------------------------------

    def _canonical_tags(self, tags: Iterable[str]) -> tuple[str, ...]:
        return tuple(self._tag_index.spelling(tag) or tag for tag in clean_tags(tags))

    def _shard_relative(self, annotation: Annotation) -> str:
        return f"{SHARDS_DIRNAME}/{article_dirname(annotation.article_id)}/{shard_name(annotation.id)}"

    def _commit(self, changes: list[tuple[Annotation, Change]]) -> None:
        """Save changes (each for the shard of its annotation), shard by shard, under the lock."""
        if self.problems:
            raise StoreUnreadable(self.problems[0])
        by_shard: dict[str, dict[str, Change]] = {}
        for annotation, change in changes:
            by_shard.setdefault(self._shard_relative(annotation), {})[annotation.id] = change
        with self._locked():
            written: list[str] = []
            try:
                for relative, shard_changes in by_shard.items():
                    path = self.root / relative
                    try:
                        path.parent.mkdir(parents=True, exist_ok=True)
                    except OSError as error:
                        raise StoreError(describe_os_error(error, path)) from None
                    table = open_shard(path, relative).table(ANNOTATIONS_TABLE)
                    try:
                        records = table.apply(shard_changes)  # type: ignore[attr-defined]
                    except RecordGone:
                        self._replace_shard(relative, read_shard(path, relative))  # learn the deletion
                        raise
                    self._replace_shard(relative, records)
                    written.append(relative)
            finally:
                if written:
                    self._note_changes(written)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except Timeout:
            raise StoreError(
                f"another reader process has held the annotation store lock for {LOCK_TIMEOUT_S:.0f} s; try again"
            ) from None
        except OSError as error:
            raise StoreError(describe_os_error(error, self.root / LOCK_NAME)) from None
        try:
            yield
        finally:
            self._lock.release()

    def _note_changes(self, relatives: list[str]) -> None:
        """Tell other processes which shard files changed (called with the lock held)."""
        path = self.root / CHANGES_LOG
        lines = "".join(f"{relative}\n" for relative in relatives).encode("utf-8")
        try:
            epoch, size = self._log_position()
            caught_up = epoch == self._log_epoch and size == self._log_offset
            if not epoch or size > MAX_LOG_BYTES:
                epoch = f"reader-changes {secrets.token_hex(8)}\n".encode()
                with open(path, "wb") as log:
                    log.write(epoch + lines)
                size = len(epoch)
            else:
                with open(path, "ab") as log:
                    log.write(lines)
        except OSError:
            return  # only a hint for other processes; the data itself is saved
        if caught_up:  # nothing from others in between: our index already holds all of it
            self._log_epoch, self._log_offset = epoch, size + len(lines)

    def _replace_shard(self, relative: str, records: dict[str, dict[str, Any]]) -> None:
        """Make the index hold exactly `records` for this shard file (as read or just written).

        Records whose revision is unchanged are skipped, so a save costs O(changed records) in
        memory, not O(records in the shard).
        """
        before = self._shard_members.pop(relative, set())
        changed = {
            annotation_id: record
            for annotation_id, record in records.items()
            if annotation_id not in before or not _same_revision(self._annotations[annotation_id], record)
        }
        fresh = _records_to_annotations(changed, relative)  # may raise: the index is not touched yet
        for annotation_id in (before - records.keys()) | (before & changed.keys()):
            old = self._annotations.pop(annotation_id)
            self._by_article.get(old.article_id, {}).pop(annotation_id, None)
            self._tag_index.remove(old.id, old.tags)
        for annotation in fresh:
            self._annotations[annotation.id] = annotation
            self._by_article.setdefault(annotation.article_id, {})[annotation.id] = annotation
            self._tag_index.add(annotation.id, annotation.created, annotation.tags)
        if records:
            self._shard_members[relative] = set(records)

    def _load_all(self) -> None:
        self._annotations.clear()
        self._by_article.clear()
        self._shard_members.clear()
        self._anchor_cache.clear()
        self._tag_index.clear()
        self._log_epoch, self._log_offset = self._log_position()
        problems: list[str] = []
        shards = self.root / SHARDS_DIRNAME
        with gc_paused():
            for path in sorted(shards.glob("*/*.json")) if shards.is_dir() else []:
                relative = path.relative_to(self.root).as_posix()
                try:
                    self._replace_shard(relative, read_shard(path, relative))
                except StoreError as problem:
                    problems.append(str(problem))
        self.problems = tuple(problems)

    def _log_position(self) -> tuple[bytes, int]:
        """(epoch line, size) of the change log; (b"", 0) when there is none yet."""
        try:
            with open(self.root / CHANGES_LOG, "rb") as log:
                epoch = log.readline()
                if not epoch.endswith(b"\n"):
                    return b"", 0
                return epoch, log.seek(0, os.SEEK_END)
        except OSError:
            return b"", 0

    def _remove_stale_temp_files(self) -> None:
        """Temp files left by a process killed mid-write (only a lock holder writes one)."""
        pattern = f".*{TEMP_SUFFIX}"
        shards = self.root / SHARDS_DIRNAME
        stale = list(shards.glob(f"*/{pattern}")) if shards.is_dir() else []
        exports = self.root / EXPORTS_DIRNAME
        now = time.time()
        for path in exports.glob(pattern) if exports.is_dir() else []:
            try:
                if now - path.stat().st_mtime > STALE_EXPORT_TEMP_S:
                    stale.append(path)
            except OSError:
                continue
        if not stale:
            return
        try:
            with self._locked():
                for path in stale:
                    try:
                        path.unlink()
                    except FileNotFoundError:
                        continue
        except (StoreError, OSError):
            pass  # a read-only store cannot be tidied; reading it still works


def _same_revision(annotation: Annotation, record: dict[str, Any]) -> bool:
    """Whether a stored record is the revision already indexed.

    Every write bumps `updated`, except re-anchoring, which changes position and version; so
    these four fields tell revisions apart without converting the whole record.
    """
    return (
        annotation.updated == record.get("updated")
        and annotation.start == record.get("start")
        and annotation.end == record.get("end")
        and annotation.article_version == record.get("article_version")
    )


def _reading_order(hit: AnchoredAnnotation) -> tuple[int, int, int, str]:
    if hit.anchor.start is None:
        return (1, hit.annotation.start, hit.annotation.end, hit.annotation.created)
    return (0, hit.anchor.start, hit.anchor.end or 0, hit.annotation.created)
