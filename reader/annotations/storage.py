"""TinyDB on disk, made safe: atomic replacement, a schema version, one-line errors, no links.

A shard file is a TinyDB database with two tables, both keyed by annotation id:
`annotations` (the live records) and `conflicts` (per id, the other versions an import or a
concurrent edit brought that differ from the live one: {revision: record}). Both change in one
atomic write, so a conflict record and its live record can never disagree after a crash.

`ShardStorage` is a TinyDB `Storage`: every `read()` parses the file as it is on disk now (the
store calls it under its cross-process lock, so a write always applies on top of what other
processes wrote), and every `write()` replaces the file atomically (temp file in the same folder,
fsync, rename), so a kill at any moment leaves either the old or the new file. Files are opened
relative to folder descriptors with O_NOFOLLOW: a symbolic link anywhere below the store root is
never followed, for reading or writing. A file from a newer schema, or one that is not valid
JSON, raises `StoreUnreadable` and is never overwritten. A schema-1 file (before revisions) is
upgraded as it is read; the store then rewrites it in the new schema. A schema-2 file holds
records as schema 3 does; it is rewritten as 3 so that an older reader, which knows neither the
codebook file nor longer code paths, refuses the store instead of renaming tags under the codebook.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from ..atomic_files import (
    FolderFds,
    read_regular_file,
    read_regular_file_in,
    replace_atomically,
    replace_atomically_in,
)
from .model import Annotation
from .records import QUOTE_CONTEXT_CHARS
from .revisions import record_revision
from .times import normalise_time

STORE_SCHEMA_VERSION = 3  # 3: code paths up to 200 characters and a codebook file (records as in 2)
META_TABLE = "_meta"
ANNOTATIONS_TABLE = "annotations"
CONFLICTS_TABLE = "conflicts"

Record = dict[str, Any]
Tables = dict[str, dict[str, Any]]  # table name -> document id -> document


class StoreError(Exception):
    """The annotation store cannot do what was asked; the message is one line a UI can show."""


class StoreUnreadable(StoreError):
    """A store file cannot be read (damaged, or from a newer version); nothing will be written."""


class RecordGone(StoreError):
    """An annotation to be changed is no longer on disk (another process deleted it)."""

    def __init__(self, annotation_id: str) -> None:
        super().__init__(f"annotation {annotation_id} was deleted elsewhere (another window or process)")
        self.annotation_id = annotation_id


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "a symbolic link is in the way (links are never followed)",
    errno.ENOTDIR: "a symbolic link or a file is in the way of a folder (links are never followed)",
}


def os_reason(error: OSError) -> str:
    """The cause of a failed disk operation in a few words."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


class EditConflict(StoreError):
    """What the caller changed was also changed on disk since the caller read it; nothing was written.

    `current` is the annotation as it is on disk now, `fields` the clashing fields.
    """

    def __init__(self, current: Annotation, fields: tuple[str, ...]) -> None:
        names = " and ".join(fields)
        super().__init__(f"the {names} of this annotation changed elsewhere since you opened it; nothing was saved")
        self.current = current
        self.fields = fields


def describe_os_error(error: OSError, path: Path, what: str = "annotations") -> str:
    """One line for a failed disk operation, naming the folder and the cause."""
    return f"cannot save {what} in {path.parent}: {os_reason(error)}; nothing was changed"


def write_atomically(path: Path, data: bytes, what: str = "annotations") -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file, nothing else.

    On failure the temp file is removed and StoreError says why in one line.
    """
    try:
        replace_atomically(path, data)
    except OSError as error:
        raise StoreError(describe_os_error(error, path, what)) from None


def check_schema(data: Any, label: str) -> tuple[Tables, int]:
    """The tables and schema of a parsed store file; StoreUnreadable unless it is a known schema."""
    if not isinstance(data, dict):
        raise StoreUnreadable(f"{label} is not an annotation store (top level is not an object); it was left as it is")
    meta = data.get(META_TABLE, {}).get("1", {}) if isinstance(data.get(META_TABLE), dict) else {}
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise StoreUnreadable(f"{label} has no schema version; it was left as it is and nothing will be written")
    if schema > STORE_SCHEMA_VERSION:
        raise StoreUnreadable(
            f"{label} was written by a newer reader (schema {schema}; this one knows {STORE_SCHEMA_VERSION}); "
            "update reader — nothing will be written"
        )
    if schema < 1:
        raise StoreUnreadable(f"{label} has an invalid schema version {schema}; nothing will be written")
    tables = {name: table for name, table in data.items() if name != META_TABLE}
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise StoreUnreadable(f"{label}: table {name!r} is damaged; nothing will be written")
    tables.setdefault(ANNOTATIONS_TABLE, {})
    tables.setdefault(CONFLICTS_TABLE, {})
    return tables, schema


def upgrade_record(annotation_id: str, record: Record) -> Record:
    """A schema-1 record in schema 2: times normalised to UTC …Z, prefix/suffix cut to the
    context size, its revision computed. A field that cannot be mended is left as it is (the
    strict reader then names it)."""
    upgraded = dict(record)
    for name in ("created", "updated"):
        value = upgraded.get(name)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                upgraded[name] = normalise_time(value)
    if isinstance(upgraded.get("prefix"), str):
        upgraded["prefix"] = upgraded["prefix"][-QUOTE_CONTEXT_CHARS:]
    if isinstance(upgraded.get("suffix"), str):
        upgraded["suffix"] = upgraded["suffix"][:QUOTE_CONTEXT_CHARS]
    upgraded["rev"] = record_revision(annotation_id, upgraded)
    upgraded["ancestors"] = []
    return upgraded


def parse_store_bytes(raw: bytes, label: str) -> tuple[Tables, bool]:
    """(tables in the current schema, whether the file was in an older schema)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreUnreadable(
            f"{label} is not valid JSON ({error.msg}, line {error.lineno} column {error.colno}); "
            "it was left as it is and nothing will be written"
        ) from None
    tables, schema = check_schema(data, label)
    if schema == 1:
        tables[ANNOTATIONS_TABLE] = {
            doc_id: upgrade_record(doc_id, record) for doc_id, record in tables[ANNOTATIONS_TABLE].items()
        }
    return tables, schema < STORE_SCHEMA_VERSION


def dump_store_bytes(tables: Mapping[str, Any]) -> bytes:
    body = {name: table for name, table in tables.items() if table or name == ANNOTATIONS_TABLE}
    try:
        return orjson.dumps({META_TABLE: {"1": {"schema": STORE_SCHEMA_VERSION}}, **body})
    except TypeError as error:  # text orjson cannot encode (lone surrogates); callers repair text first
        raise StoreError(f"cannot save annotations: {error}; nothing was changed") from None


def read_store_file(root: Path, relative: str, folders: FolderFds | None = None) -> tuple[Tables, bool] | None:
    """(tables, whether in an older schema) of the store file root/relative as it is on disk
    now, None when there is none (or it is empty). `folders` opens each folder once (a change
    of many files)."""
    *parents, name = relative.split("/")
    try:
        raw = (
            read_regular_file_in(root, relative)
            if folders is None
            else read_regular_file(name, dir_fd=folders.fd(tuple(parents)))
        )
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreUnreadable(f"cannot read {relative}: {os_reason(error)}; nothing will be written") from None
    if not raw.strip():
        return None
    return parse_store_bytes(raw, relative)


class ShardStorage(Storage):
    """A TinyDB storage for one shard file under a store root: fresh reads, atomic writes, no links."""

    def __init__(self, root: Path, relative: str) -> None:
        self.root = Path(root)
        self.relative = relative
        self.legacy = False  # whether the last read found an older schema

    def read(self) -> Tables | None:
        found = read_store_file(self.root, self.relative)
        if found is None:
            return None
        tables, self.legacy = found
        return tables

    def write(self, data: Mapping[str, Any]) -> None:
        payload = dump_store_bytes(data)
        try:
            replace_atomically_in(self.root, self.relative, payload)
        except OSError as error:
            raise StoreError(describe_os_error(error, self.root / self.relative)) from None


class AnnotationTable(Table):
    """Documents keyed by annotation id (a string) instead of TinyDB's counter."""

    document_id_class = str  # type: ignore[assignment]  # TinyDB declares type[int]; overriding it is its way


class ShardDB(TinyDB):
    """One shard file as a TinyDB database (tables `annotations` and `conflicts`, string ids).

    The store changes both tables in one read-modify-write (`read_tables`, then `write_tables`)
    under its lock; TinyDB's table API reads the same file (`ShardDB(root, relative).table(...)`).
    """

    table_class = AnnotationTable
    default_table_name = ANNOTATIONS_TABLE

    def __init__(self, root: Path, relative: str) -> None:
        super().__init__(root, relative, storage=ShardStorage)

    @property
    def shard_storage(self) -> ShardStorage:
        return cast(ShardStorage, self.storage)  # the storage class given to __init__

    def read_tables(self) -> Tables:
        """Both tables as they are on disk now (empty when the file does not exist)."""
        tables = self.shard_storage.read()
        if tables is None:
            return {ANNOTATIONS_TABLE: {}, CONFLICTS_TABLE: {}}
        return tables

    def write_tables(self, tables: Tables) -> None:
        self.shard_storage.write(tables)
