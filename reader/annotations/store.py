"""The annotation store: TinyDB files under `annotations/`, safe across crashes and processes.

Layout (chosen so that saving one annotation costs the same with 100 or 100,000 stored):

    annotations/
      by-article/<article-id>/<xx>.json   one TinyDB file per (article, shard); xx = 2 hex digits
                                          of a hash of the annotation id, so an article with
                                          100,000 annotations has 256 files of ~400 each
      changes.log                         which shard files changed, so another process can
                                          pick up just those (a hint: the data is in the shards)
      .lock                               cross-process lock (flock) held for each write
      .journal                            only while a change of several files is being finished
      exports/                            files written by export_to_directory

Every write takes the lock, re-reads the shard files it changes and applies the change to what
is on disk now (so what another process wrote is kept, and a field edit changes only that
field). A change of one file replaces it atomically (see storage.py); a change of several goes
through the journal (journal.py), so it happens whole or not at all. The in-memory index
(store_index.py) is updated only from what was read or written under the lock, so it always
matches the disk; the change log (change_log.py) tells other processes which files to re-read.
Where everything lives on disk is paths.py; one shard file's tables, shards.py.

The store never follows a symbolic link below its root: a store holding one is read-only (one
line), and files are opened relative to folder descriptors with O_NOFOLLOW. Files the store did
not write (sync-conflict copies, backups) are named in `warnings`, never loaded or deleted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, replace
from functools import partial
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, TypeVar

from ..articles import Article, Library
from ..atomic_files import FolderFds, open_folder, open_folder_fd
from ..collector import gc_paused
from ..settings import default_author
from ..text.repair import repair_surrogates
from .anchoring import AnchoredAnnotation, locate
from .change_log import RELOAD_ALL, ChangeLog
from .codebook import (
    CODES_TABLE,
    MAX_DESCRIPTION_CHARS,
    Code,
    CodebookError,
    CodeEntry,
    check_colour,
    clean_code,
    is_within,
    list_codes,
    moved_name,
    parse_entries,
    relabelled,
    subtree_entries,
)
from .journal import PublishIncomplete, Staging, pending_renames, roll_forward
from .locking import LockTimeout, acquire_lock
from .model import (
    Annotation,
    AnnotationError,
    TextPosition,
    check_span,
    clean_note,
    new_annotation_id,
    quote_at,
)
from .paths import (
    CODEBOOK_NAME,
    JOURNAL_NAME,
    LOCK_NAME,
    Survey,
    is_shard_relative,
    shard_file,
    shard_names,
    shard_relative,
    survey,
)
from .records import RecordError
from .revisions import Outcome, descend, lineage, merge_outcome, same_content, with_revision
from .shards import Shard
from .snapshot import StoreSnapshot, anchor_by_article, reading_order
from .storage import (
    ANNOTATIONS_TABLE,
    CONFLICTS_TABLE,
    EditConflict,
    RecordGone,
    ShardDB,
    StoreError,
    StoreUnreadable,
    Tables,
    describe_os_error,
    dump_store_bytes,
    read_store_file,
)
from .store_index import PreparedShard, StoreIndex
from .tags import clean_tags, complete_tag, tag_key
from .times import utc_now

__all__ = ["AnnotationNotFound", "AnnotationStore", "Conflict"]

_ID, _ARTICLE_ID = attrgetter("id"), attrgetter("article_id")
_T = TypeVar("_T")

LOCK_TIMEOUT_S = 15.0
STALE_EXPORT_TEMP_S = 3600.0

ShardOp = Callable[[Shard], None]
CodebookOp = Callable[[dict[str, CodeEntry]], dict[str, CodeEntry]]  # the entries on disk -> the entries to write


class AnnotationNotFound(KeyError):
    def __str__(self) -> str:
        return f"no annotation {self.args[0]!r}"


@dataclass(frozen=True, slots=True)
class Conflict:
    """An annotation with other versions kept beside its live one (see revisions.py)."""

    annotation_id: str
    local: Annotation | None  # the live version; None when it was deleted here
    versions: tuple[Annotation, ...]  # the other versions, most recently updated first

    @property
    def article_id(self) -> str:
        return (self.local or self.versions[0]).article_id


class AnnotationStore:
    """All annotations of one library, indexed in memory; every change is saved before it returns.

    One store object belongs to one thread at a time (the app's main thread, or one worker);
    other processes and other store objects are safe at any time (file lock + merge on write).
    """

    def __init__(self, root: Path, author: str) -> None:
        self.root = Path(root)
        self.author = repair_surrogates(author)
        self.problems: tuple[str, ...] = ()  # while any, the store refuses to write
        self.warnings: tuple[str, ...] = ()  # worth telling the user, but the store works
        self._index = StoreIndex()
        self._log = ChangeLog(self.root)
        self._anchor_cache: dict[str, tuple[str, dict[str, AnchoredAnnotation]]] = {}
        self._codebook: dict[str, CodeEntry] = {}  # what codebook.json held when last read or written

    @classmethod
    def open(cls, where: Library | Path | str, *, author: str | None = None) -> AnnotationStore:
        """The store of a library (its annotations/ folder) or of a store folder given directly."""
        root = where.annotations_dir if isinstance(where, Library) else Path(where).expanduser()
        store = cls(root, author or default_author())
        store._open()
        return store

    # ---- reading -------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return bool(self.problems)

    def get(self, annotation_id: str) -> Annotation:
        try:
            return self._index.annotations[annotation_id]
        except KeyError:
            raise AnnotationNotFound(annotation_id) from None

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._index.annotations

    def __len__(self) -> int:
        return len(self._index.annotations)

    def all(self) -> list[Annotation]:
        """Every annotation, by article, then position in the text, then creation time."""
        return sorted(self._index.annotations.values(), key=lambda a: (a.article_id, a.start, a.end, a.created, a.id))

    def for_article(self, article: Article) -> list[AnchoredAnnotation]:
        """The article's annotations located in its current text, in reading order; orphans last.

        Pure: nothing is written (a re-anchored position is kept until the annotation is saved
        again). Results are cached per article version, so calling this on every repaint is cheap.
        """
        cached_version, cached = self._anchor_cache.get(article.id, ("", {}))
        if cached_version != article.version:
            cached = {}
        fresh: dict[str, AnchoredAnnotation] = {}
        for annotation in self._index.by_article.get(article.id, {}).values():
            hit = cached.get(annotation.id)
            if hit is None or hit.annotation is not annotation:  # a changed annotation is a new object
                hit = AnchoredAnnotation(annotation, locate(article.body, article.version, annotation))
            fresh[annotation.id] = hit
        self._anchor_cache[article.id] = (article.version, fresh)
        return sorted(fresh.values(), key=reading_order)

    def anchor_all(self, articles: Iterable[Article]) -> list[AnchoredAnnotation]:
        """Every annotation with its state; those whose article is not among `articles` are orphans."""
        by_article = {article_id: members.values() for article_id, members in self._index.by_article.items()}
        return anchor_by_article(by_article, articles, self.for_article)

    def snapshot(self) -> StoreSnapshot:
        """What the store holds now, for another thread to read (O(annotations) references, no copies)."""
        return StoreSnapshot(
            {article_id: tuple(members.values()) for article_id, members in self._index.by_article.items()}
        )

    def counts_by_article(self) -> dict[str, int]:
        return {article_id: len(members) for article_id, members in self._index.by_article.items() if members}

    def tags(self) -> list[tuple[str, int]]:
        """(tag, number of annotations) for every tag in use, most used first.

        A tag is shown in the spelling of its earliest annotation.
        """
        return self._index.tags.counts()

    def shown_colours(self) -> dict[str, str]:
        """Tag key → the colour the app shows: the one chosen in the codebook, else one that no other
        tag of the store has (tags.distinct_colours) while the palette lasts."""
        colours = self._index.tags.colours()
        colours.update({tag_key(entry.name): entry.colour for entry in self._codebook.values() if entry.colour})
        return colours

    def complete_tag(self, prefix: str, limit: int = 10) -> list[str]:
        return complete_tag(prefix, self.tags(), limit)

    def canonical_tags(self, tags: Iterable[str]) -> tuple[str, ...]:
        """Tags as they would be saved: cleaned, duplicates dropped, in the store's spelling."""
        return tuple(self._index.tags.spelling(tag) or tag for tag in clean_tags(tags))

    def codebook(self) -> list[Code]:
        """Every code (defined in the codebook, carried by an annotation, or a parent of one), in tree order."""
        return list_codes(self._codebook, self.tags())

    def code(self, name: str) -> Code | None:
        """The code of this name (by key), or None."""
        key = tag_key(clean_code(name))
        return next((code for code in self.codebook() if tag_key(code.name) == key), None)

    def code_colours(self) -> dict[str, str]:
        """tag_key -> colour of every code (the codebook's choice, else the palette colour)."""
        return {tag_key(code.name): code.colour for code in self.codebook()}

    def conflicts(self) -> list[Conflict]:
        """Every annotation that has other versions kept beside it, by article and id."""
        found = [self._conflict_of(annotation_id) for annotation_id in self._index.conflicts]
        return sorted(found, key=lambda c: (c.article_id, c.annotation_id))

    def conflict(self, annotation_id: str) -> Conflict | None:
        return self._conflict_of(annotation_id) if annotation_id in self._index.conflicts else None

    def _conflict_of(self, annotation_id: str) -> Conflict:
        versions = sorted(
            self._index.conflicts[annotation_id].values(), key=lambda a: (a.updated, a.revision), reverse=True
        )
        return Conflict(annotation_id, self._index.annotations.get(annotation_id), tuple(versions))

    # ---- writing -------------------------------------------------------------------------

    def add(self, article: Article, start: int, end: int, tags: Iterable[str] = (), note: str = "") -> Annotation:
        """Annotate body[start:end] of the article; saved before this returns."""
        check_span(article.body, start, end)
        now = utc_now()
        annotation = descend(
            Annotation(
                id=new_annotation_id(),
                article_id=article.id,
                article_version=article.version,
                position=TextPosition(start, end),
                quote=quote_at(article.body, start, end),
                tags=self.canonical_tags(tags),
                note=clean_note(note),
                author=self.author,
                created=now,
                updated=now,
            )
        )
        self._commit([(_shard_of(annotation), lambda shard: shard.put(annotation))])
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
        expected: Mapping[str, Any] | None = None,
    ) -> Annotation:
        """Change tags, note and/or the passage; returns the annotation as saved (see `edit`)."""
        return self.edit(annotation_id, tags=tags, note=note, article=article, start=start, end=end, expected=expected)[
            1
        ]

    def edit(
        self,
        annotation_id: str,
        *,
        tags: Iterable[str] | None = None,
        note: str | None = None,
        article: Article | None = None,
        start: int | None = None,
        end: int | None = None,
        expected: Mapping[str, Any] | None = None,
    ) -> tuple[Annotation, Annotation]:
        """Change tags, note and/or the passage (start and end with the current `article`);
        returns (the annotation as it was on disk, as it is now).

        Only the fields given change, applied to the record as it is on disk now. With
        `expected` (field name -> the value the caller saw, for each field it changes), a field
        that was changed on disk since to something else raises EditConflict and nothing is
        written: the caller shows both versions instead of silently overwriting either.
        """
        current = self.get(annotation_id)
        changes: dict[str, Any] = {}
        if tags is not None:
            changes["tags"] = self.canonical_tags(tags)
        if note is not None:
            changes["note"] = clean_note(note)
        if start is not None or end is not None:
            if article is None or start is None or end is None or article.id != current.article_id:
                raise AnnotationError("moving a passage needs its article and both start and end")
            check_span(article.body, start, end)
            changes["article_version"] = article.version
            changes["position"] = TextPosition(start, end)
            changes["quote"] = quote_at(article.body, start, end)
        if not changes:
            return current, current
        now = utc_now()
        result: list[Annotation] = []

        def edit(shard: Shard) -> None:  # applied to the record on disk, under the lock
            disk = shard.live(annotation_id)
            if disk is None:
                raise RecordGone(annotation_id)
            if expected is not None:
                clashing = tuple(
                    name
                    for name, value in changes.items()
                    if name in expected and getattr(disk, name) not in (expected[name], value)
                )
                if clashing:
                    raise EditConflict(disk, clashing)
            effective = {name: value for name, value in changes.items() if getattr(disk, name) != value}
            if not effective:
                result[:] = [disk, disk]
                return
            edited = descend(replace(disk, updated=now, **effective), disk)
            shard.put(edited)
            result[:] = [disk, edited]

        self._commit([(_shard_of(current), edit)])
        return result[0], result[1]

    def delete(self, annotation_id: str, *, expected: Mapping[str, Any] | None = None) -> Annotation:
        """Remove an annotation; returns it as it was on disk (so it can be restored).

        With `expected` (field name -> value), the annotation is removed only if those fields
        still hold those values on disk; else EditConflict (or RecordGone) and nothing changes.
        Versions kept beside it as conflicts stay until resolved.
        """
        current = self.get(annotation_id)
        result: list[Annotation] = [current]

        def remove(shard: Shard) -> None:
            disk = shard.live(annotation_id)
            if disk is None:
                if expected is not None:
                    raise RecordGone(annotation_id)
                return
            if expected is not None:
                clashing = tuple(name for name, value in expected.items() if getattr(disk, name) != value)
                if clashing:
                    raise EditConflict(disk, clashing)
            shard.remove(annotation_id)
            result[0] = disk

        self._commit([(_shard_of(current), remove)])
        return result[0]

    def restore(self, annotation: Annotation) -> Annotation:
        """Bring back a deleted annotation under its id, unless the id is in use again on disk
        with other content (EditConflict: nothing is overwritten)."""

        def bring_back(shard: Shard) -> None:
            disk = shard.live(annotation.id)
            if disk is not None:
                if same_content(disk, annotation):
                    return
                raise EditConflict(disk, ("annotation",))
            shard.put(annotation)

        self._commit([(_shard_of(annotation), bring_back)])
        return self.get(annotation.id)

    def put(self, annotation: Annotation) -> Annotation:
        """Store an annotation as given (same id, its revision computed from its content)."""
        stored = with_revision(annotation)
        self._commit([(_shard_of(stored), lambda shard: shard.put(stored))])
        return stored

    def put_many(self, annotations: Iterable[Annotation]) -> int:
        """Store many annotations with one write per shard file, all or none; returns how many."""
        batch = [with_revision(annotation) for annotation in annotations]
        self._commit([(_shard_of(annotation), _putter(annotation)) for annotation in batch])
        return len(batch)

    def merge(
        self,
        incoming: Sequence[tuple[Annotation, Annotation]],
        *,
        dry_run: bool = False,
        records: Sequence[dict[str, Any] | None] = (),
    ) -> list[Outcome]:
        """Merge imported annotations, all or nothing; returns each one's outcome.

        Each item is (the copy as the file holds it, the copy to store — re-anchored in the
        current text). The decision (revisions.merge_outcome) is made against the record on
        disk under the lock; a conflict keeps the incoming copy beside the live one. `records`
        may give, item by item, the stored form (`to_record`) of the copy to store, or None,
        which a new record then takes as it is.
        """
        if dry_run:
            self.reload_if_changed()
            return [
                merge_outcome(self._index.annotations.get(a.id), self._index.conflicts.get(a.id, {}).values(), a)
                for a, _ in incoming
            ]
        outcomes: list[Outcome] = [Outcome.UNCHANGED] * len(incoming)
        stored = [to_store for _, to_store in incoming]
        groups: dict[tuple[str, str], list[int]] = {}  # (article, shard name) -> indices, in order of first use
        for index, key in enumerate(zip(map(_ARTICLE_ID, stored), shard_names(map(_ID, stored)), strict=True)):
            indices = groups.get(key)
            if indices is None:
                groups[key] = [index]
            else:
                indices.append(index)
        by_shard = {shard_file(article_id, name): indices for (article_id, name), indices in groups.items()}

        known_records = records

        def merger(indices: list[int]) -> ShardOp:
            """One operation per shard file for all of its incoming annotations."""

            def merge_all(shard: Shard) -> None:
                records, conflict_records = shard.records, shard.conflict_records
                if not records and not conflict_records:  # a new file (an import into an empty store: all)
                    for index in indices:
                        outcomes[index] = Outcome.ADDED
                    shard.put_all(  # (the file holds no id twice)
                        _picked(stored, indices), _picked(known_records, indices) if known_records else None
                    )
                    return
                added: list[Annotation] = []  # ids new to the file
                for index in indices:
                    as_in_file, to_store = incoming[index]
                    if as_in_file.id not in records and as_in_file.id not in conflict_records:
                        outcomes[index] = Outcome.ADDED
                        added.append(to_store)  # (the file holds no id twice: put after the others)
                        continue
                    local = shard.live(as_in_file.id)
                    in_conflict = as_in_file.id in conflict_records
                    versions = shard.conflict_versions(as_in_file.id) if in_conflict else {}
                    outcome = Outcome.ADDED if local is None else merge_outcome(local, versions.values(), as_in_file)
                    outcomes[index] = outcome
                    if outcome is Outcome.ADDED or outcome is Outcome.UPDATED:
                        shard.put(to_store)
                        if versions:  # versions it was made from are settled by it
                            shard.drop_conflicts(to_store.id, set(lineage(to_store)))
                    elif outcome is Outcome.CONFLICT:  # kept beside the live one, replacing older copies of itself
                        if versions:
                            shard.drop_conflicts(to_store.id, set(lineage(to_store)))
                        shard.put_conflict(to_store)
                shard.put_all(added)

            return merge_all

        self._commit([(relative, merger(indices)) for relative, indices in by_shard.items()])
        return outcomes

    def resolve(self, annotation_id: str, keep: str) -> Annotation | None:
        """Settle a conflict: keep the live version (`keep="local"`) or the version with that
        revision. The versions not kept become ancestors of the kept one, so importing any of
        them again is recognised as old. Returns the live annotation (None if it stays deleted)."""
        conflict = self.conflict(annotation_id)
        if conflict is None:
            raise StoreError(f"annotation {annotation_id} has no conflicting versions")
        result: list[Annotation | None] = [None]

        def settle(shard: Shard) -> None:
            versions = shard.conflict_versions(annotation_id)
            if not versions:
                raise StoreError(f"the conflict of annotation {annotation_id} was resolved elsewhere")
            local = shard.live(annotation_id)
            if keep == "local":
                kept = local
            elif keep in versions:
                kept = versions[keep]
            else:
                raise StoreError(f"annotation {annotation_id} has no conflicting version {keep!r}")
            if kept is not None:
                others = [v for v in (local, *versions.values()) if v is not None and v is not kept]
                kept = replace(kept, ancestors=lineage(kept, *others, exclude=kept.revision))
                shard.put(kept)
            shard.drop_conflicts(annotation_id)
            result[0] = kept

        self._commit([(shard_relative(conflict.article_id, annotation_id), settle)])
        return result[0]

    def define_code(self, name: str, *, description: str | None = None, colour: str | None = None) -> Code:
        """Add a code to the codebook, or change its description (the coding rule) and/or colour."""
        path = clean_code(name)
        if not path:
            raise CodebookError("a code needs a name")
        if description is not None:
            description = clean_note(description)
            if len(description) > MAX_DESCRIPTION_CHARS:
                raise CodebookError(f"a coding rule of {len(description):,} characters is too long")
        chosen = check_colour(colour) if colour is not None else None
        existing = self.code(path)
        spelled = existing.name if existing is not None else self._spelled(path)

        def define(entries: dict[str, CodeEntry]) -> dict[str, CodeEntry]:
            key = tag_key(spelled)
            old = entries.get(key, CodeEntry(spelled))
            entries = dict(entries)
            entries[key] = CodeEntry(
                old.name,
                old.description if description is None else description,
                old.colour if chosen is None else chosen,
            )
            return entries

        self._commit([], codebook=define)
        found = self.code(spelled)
        assert found is not None
        return found

    def define_codes(self, entries: Iterable[CodeEntry]) -> None:
        """Add many codes at once (an imported codebook), in one change: a code already in the
        codebook keeps its description and colour, and takes the incoming ones only where it has none."""
        incoming: dict[str, CodeEntry] = {}
        for entry in entries:
            path = clean_code(entry.name)
            if path:
                colour = check_colour(entry.colour) if entry.colour else ""
                incoming[tag_key(path)] = CodeEntry(path, entry.description[:MAX_DESCRIPTION_CHARS], colour)

        def define(on_disk: dict[str, CodeEntry]) -> dict[str, CodeEntry]:
            merged = dict(on_disk)
            for key, entry in incoming.items():
                old = merged.get(key)
                merged[key] = (
                    entry
                    if old is None
                    else CodeEntry(old.name, old.description or entry.description, old.colour or entry.colour)
                )
            return merged

        if incoming:
            self._commit([], codebook=define)

    def rename_code(self, old: str, new: str) -> int:
        """Rename (or move: a new parent path) a code and every code below it; a new name that is
        an existing code merges the two. Every annotation carrying them is relabelled in the same
        all-or-nothing change, applied under the lock to the records as they are on disk (another
        process's edits are kept). Returns how many annotations were relabelled."""
        source, target = clean_code(old), clean_code(new)
        if not source or not target:
            raise CodebookError("renaming a code needs the old and the new name")
        found = self.code(source)
        if found is None:
            raise CodebookError(f"no code {source!r} in the codebook")
        source = found.name
        if tag_key(target) != tag_key(source) and is_within(target, source):
            raise CodebookError(f"cannot move {source!r} below itself")
        target = self._spelled(target)
        if target == source:
            return 0
        now = utc_now()
        relabelled_ids: set[str] = set()

        def relabel(shard: Shard, annotation_id: str) -> None:
            disk = shard.live(annotation_id)
            if disk is None:
                return
            tags = relabelled(disk.tags, source, target)
            if tags != disk.tags:
                shard.put(descend(replace(disk, tags=tags, updated=now), disk))
                relabelled_ids.add(annotation_id)

        def plan() -> list[tuple[str, ShardOp]]:  # under the lock, after catching up with other processes
            return [
                (_shard_of(self._index.annotations[annotation_id]), partial(relabel, annotation_id=annotation_id))
                for annotation_id in sorted(self._index.tags.annotations_within(source))
            ]

        existing = {tag_key(code.name) for code in self.codebook()}
        kept_colours = {  # a renamed or moved code keeps the colour it had (the default depends on the name)
            tag_key(moved_name(code.name, source, target)): (moved_name(code.name, source, target), code.colour)
            for code in self.codebook()
            if is_within(code.name, source) and tag_key(moved_name(code.name, source, target)) not in existing
        }

        def rename_entries(entries: dict[str, CodeEntry]) -> dict[str, CodeEntry]:
            renamed = subtree_entries(entries, source, target)
            for key, (name, colour) in kept_colours.items():
                entry = renamed.get(key, CodeEntry(name))
                if not entry.colour:
                    renamed[key] = CodeEntry(entry.name, entry.description, colour)
            return renamed

        self._commit([], codebook=rename_entries, plan=plan)
        return len(relabelled_ids)

    def move_code(self, name: str, parent: str) -> int:
        """Put a code (with its children) under another parent ("" = the top level)."""
        found = self.code(name)
        if found is None:
            raise CodebookError(f"no code {clean_code(name)!r} in the codebook")
        parent = clean_code(parent)
        return self.rename_code(found.name, f"{parent}/{found.leaf}" if parent else found.leaf)

    def merge_code(self, source: str, target: str) -> int:
        """Merge the code `source` (and its children) into the existing code `target`."""
        if self.code(target) is None:
            raise CodebookError(f"no code {clean_code(target)!r} to merge into")
        return self.rename_code(source, target)

    def _spelled(self, path: str) -> str:
        """A path spelled as the codes it passes through already are."""
        parts = path.split("/")
        for depth in range(len(parts), 0, -1):
            prefix = "/".join(parts[:depth])
            known = self.code(prefix)
            if known is not None:
                return moved_name(path, prefix, known.name)
        return path

    def reload_if_changed(self) -> bool:
        """Pick up what other processes saved since we last looked; True when anything changed.

        Cheap when nothing changed (one open and fstat of changes.log): the app calls it every second.
        """
        relatives = self._log.unseen()
        if relatives is RELOAD_ALL:
            self._load_all()
            return True
        for relative in sorted(relatives):
            if not is_shard_relative(relative) and relative != CODEBOOK_NAME:
                continue
            try:
                self._refresh_file(relative)
            except StoreError as problem:
                if str(problem) not in self.problems:
                    self.problems = (*self.problems, str(problem))
        return bool(relatives)

    # ---- internals -----------------------------------------------------------------------

    def _read_shard(self, relative: str, label: str | None = None) -> tuple[Shard, bool]:
        """A shard file as it is on disk now, and whether it is in an older schema."""
        database = ShardDB(self.root, relative)
        tables = database.read_tables()
        return Shard(label or relative, tables, self._index.known), database.shard_storage.legacy

    def _read_shard_in(self, folders: FolderFds, relative: str) -> Shard:
        """_read_shard for one of many shards a change reads, its folder opened once for all."""
        found = read_store_file(self.root, relative, folders)
        tables = found[0] if found is not None else {ANNOTATIONS_TABLE: {}, CONFLICTS_TABLE: {}}
        return Shard(relative, tables, self._index.known)

    def _commit(
        self,
        ops: Iterable[tuple[str, ShardOp]],
        *,
        codebook: CodebookOp | None = None,
        plan: Callable[[], Iterable[tuple[str, ShardOp]]] | None = None,
    ) -> None:
        """Apply operations to the shard files they name (and `codebook` to the codebook file),
        under the lock, all or nothing. `plan` names more operations once the index has caught
        up, under the lock, with what other processes wrote (for changes that must see every
        annotation, as a rename does)."""
        if self.problems:
            raise StoreUnreadable(self.problems[0])
        by_shard: dict[str, list[ShardOp]] = {}
        for relative, op in ops:
            by_shard.setdefault(relative, []).append(op)
        if not by_shard and codebook is None and plan is None:
            return
        with self._locked() as root_fd:
            self._finish_unfinished(root_fd)
            if plan is not None:
                self.reload_if_changed()
                if self.problems:
                    raise StoreUnreadable(self.problems[0])
                for relative, op in plan():
                    by_shard.setdefault(relative, []).append(op)
            new_codebook: dict[str, CodeEntry] | None = None
            if codebook is not None:
                on_disk = self._read_codebook()
                wanted = codebook(on_disk)
                new_codebook = wanted if wanted != on_disk else None
            shards: list[Shard] = []
            prepared: list[PreparedShard] = []
            files: list[tuple[str, Tables]] = []  # the changed files, in order
            with ExitStack() as stack, Staging(self.root, root_fd) as staging:  # unless committed, none is staged
                folders = FolderFds(self.root, stack)
                try:
                    for relative, shard_ops in by_shard.items():
                        shard = self._read_shard_in(folders, relative)
                        for op in shard_ops:
                            op(shard)
                        shards.append(shard)
                        prepared.append(self._index.prepare(shard))  # may raise: nothing committed yet
                        if shard.dirty:
                            _hand_over(staging, files, relative, shard.tables)
                except (RecordGone, EditConflict):
                    for stale in {*(shard.relative for shard in shards), relative}:
                        with suppress(StoreError):
                            self._refresh_shard(stale)  # learn what is on disk (a deletion, an edit)
                    raise
                if new_codebook is not None:
                    entries = {key: entry.to_record() for key, entry in new_codebook.items()}
                    _hand_over(staging, files, CODEBOOK_NAME, {CODES_TABLE: entries})
                written = [relative for relative, _ in files]
                try:
                    if len(files) == 1:
                        ShardDB(self.root, written[0]).write_tables(files[0][1])
                    elif files:
                        staging.commit()
                except PublishIncomplete:
                    self._apply(prepared, new_codebook)
                    self._log.note(root_fd, written)
                    raise
                except OSError as error:
                    raise StoreError(describe_os_error(error, self.root / written[0])) from None
            self._apply(prepared, new_codebook)
            if written:
                self._log.note(root_fd, written)

    def _apply(self, prepared: list[PreparedShard], codebook: dict[str, CodeEntry] | None) -> None:
        self._index.apply(prepared)
        if codebook is not None:
            self._codebook = codebook

    def _read_codebook(self) -> dict[str, CodeEntry]:
        """The codebook file as it is on disk now (empty when there is none)."""
        tables = ShardDB(self.root, CODEBOOK_NAME).read_tables()
        try:
            return parse_entries(tables.get(CODES_TABLE, {}), CODEBOOK_NAME)
        except RecordError as problem:
            raise StoreUnreadable(f"{problem}; nothing will be written") from None

    def _refresh_file(self, relative: str) -> None:
        """Make the index (or the codebook) hold what this file holds on disk now."""
        if relative == CODEBOOK_NAME:
            self._codebook = self._read_codebook()
        else:
            self._refresh_shard(relative)

    def _finish_unfinished(self, root_fd: int) -> None:
        """Roll forward a multi-file change a killed process left behind (with the lock held)."""
        try:
            finished = roll_forward(self.root, root_fd)
        except OSError as error:
            raise StoreError(describe_os_error(error, self.root / JOURNAL_NAME)) from None
        if finished:
            for relative in finished:
                self._refresh_file(relative)
            self._log.note(root_fd, finished)

    @contextmanager
    def _locked(self) -> Iterator[int]:
        """Hold the cross-process lock; yields the store root's descriptor (opened without links)."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            root_fd = open_folder_fd(self.root, ())
        except OSError as error:
            raise StoreError(describe_os_error(error, self.root / LOCK_NAME)) from None
        try:
            lock_fd = acquire_lock(root_fd, LOCK_TIMEOUT_S)
        except LockTimeout:
            os.close(root_fd)
            raise StoreError(
                f"another reader process has held the annotation store lock for {LOCK_TIMEOUT_S:.0f} s; try again"
            ) from None
        except OSError as error:
            os.close(root_fd)
            raise StoreError(describe_os_error(error, self.root / LOCK_NAME)) from None
        try:
            yield root_fd
        finally:
            os.close(lock_fd)
            os.close(root_fd)

    def _refresh_shard(self, relative: str) -> None:
        """Make the index hold what this shard file holds on disk now."""
        self._index.apply([self._index.prepare(self._read_shard(relative)[0])])

    def _open(self) -> None:
        found = survey(self.root)
        untidy: StoreError | None = None
        if not found.links and self._needs_tidying(found):
            try:
                with self._locked() as root_fd:
                    self._finish_unfinished(root_fd)
                    self._remove_stale_temp_files(root_fd, found)
            except StoreError as error:
                untidy = error  # a read-only store cannot be tidied; an unfinished change is reported below
        legacy = self._load_all()
        if untidy is not None and not self.problems and self._journal_pending():
            self.problems = (
                f"an unfinished change ({self.root / JOURNAL_NAME}) could not be finished "
                f"({str(untidy).removesuffix('; nothing was changed')}); it is shown as finished, "
                "and nothing will be written until it can be",
            )
        if legacy and not self.problems:
            # rewrite files of an older schema in the current one (they were read upgraded);
            # a read-only folder, say, leaves them as they are: still readable
            with suppress(StoreError):
                self._commit([(relative, _mark_dirty) for relative in legacy])

    def _needs_tidying(self, found: Survey) -> bool:
        cutoff = time.time() - STALE_EXPORT_TEMP_S
        return bool(found.temps) or any(mtime < cutoff for _, mtime in found.export_temps) or self._journal_pending()

    def _journal_pending(self) -> bool:
        return os.path.lexists(self.root / JOURNAL_NAME)

    def _load_all(self) -> list[str]:
        """Index every shard file the store wrote; returns those in an older schema."""
        self._index.clear()
        self._anchor_cache.clear()
        self._log.catch_up()
        found = survey(self.root)
        problems = [line for line in (found.links_line(self.root), found.unlisted_line(self.root)) if line]
        self.warnings = (line,) if (line := found.strangers_line()) else ()
        staged = self._staged_files(problems) if not found.links else {}
        legacy: list[str] = []
        with gc_paused():
            for relative in sorted(set(found.shards) | staged.keys()):
                try:
                    shard, was_legacy = self._read_staged_or_target(relative, staged.get(relative))
                    self._index.apply([self._index.prepare(shard)])
                except StoreError as problem:
                    problems.append(str(problem))
                    continue
                if was_legacy:
                    legacy.append(relative)
        try:
            self._codebook = self._read_codebook() if not found.links else {}
        except StoreError as problem:
            self._codebook = {}
            problems.append(str(problem))
        self.problems = tuple(problems)
        return legacy

    def _staged_files(self, problems: list[str]) -> dict[str, str]:
        """Target -> staged temp file of a committed but unfinished change (shown as finished)."""
        if not self._journal_pending():
            return {}
        try:
            with open_folder(self.root, ()) as root_fd:
                pairs = pending_renames(root_fd) or []
        except StoreUnreadable as problem:
            problems.append(str(problem))
            return {}
        except OSError:
            return {}
        return {relative: f"{relative.rsplit('/', 1)[0]}/{temp}" for relative, temp in pairs}

    def _read_staged_or_target(self, relative: str, staged: str | None) -> tuple[Shard, bool]:
        if staged is not None:
            try:
                shard, legacy = self._read_shard(staged, label=relative)
                if shard.records or shard.conflict_records:
                    return shard, legacy
            except StoreUnreadable:
                pass  # renamed already: the target holds it
        return self._read_shard(relative)

    def _remove_stale_temp_files(self, root_fd: int, found: Survey) -> None:
        """Temp files left by a process killed mid-write (only a lock holder writes one)."""
        cutoff = time.time() - STALE_EXPORT_TEMP_S
        stale = [*found.temps, *(relative for relative, mtime in found.export_temps if mtime < cutoff)]
        for relative in stale:
            *folders, name = relative.split("/")
            try:
                with open_folder(self.root, folders) as folder_fd:
                    os.unlink(name, dir_fd=folder_fd)
            except OSError:
                continue


def _picked(items: Sequence[_T], indices: list[int]) -> Sequence[_T]:
    """items[i] for each index, in one C call (an import's 100,000: a step per index spared)."""
    picked = itemgetter(*indices)(items)
    return picked if len(indices) > 1 else (picked,)


def _shard_of(annotation: Annotation) -> str:
    return shard_relative(annotation.article_id, annotation.id)


def _putter(annotation: Annotation) -> ShardOp:
    return lambda shard: shard.put(annotation)


def _mark_dirty(shard: Shard) -> None:
    shard.dirty = True


def _hand_over(staging: Staging, files: list[tuple[str, Tables]], relative: str, tables: Tables) -> None:
    """Note a changed file; from the second one on, the change goes through the journal, and each
    file is staged as soon as it is serialised (its writes overlap the work on the next shard).
    A change of one file is written alone, atomically, without the journal."""
    files.append((relative, tables))
    if len(files) == 2:
        staging.add(files[0][0], dump_store_bytes(files[0][1]))
    if len(files) >= 2:
        staging.add(relative, dump_store_bytes(tables))
