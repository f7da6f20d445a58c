"""TinyDB on disk, made safe: atomic replacement, a schema version, one-line errors.

`ShardStorage` is a TinyDB `Storage`: every `read()` parses the file as it is on disk now (the
store calls it under its cross-process lock, so a write always applies on top of what other
processes wrote), and every `write()` replaces the file atomically (temp file in the same folder,
fsync, os.replace), so a kill at any moment leaves either the old or the new file, never a torn
one. A file from a newer schema, or one that is not valid JSON, raises `StoreUnreadable` and is
never overwritten.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from ..atomic_files import replace_atomically

SCHEMA_VERSION = 1
META_TABLE = "_meta"
ANNOTATIONS_TABLE = "annotations"

Record = dict[str, Any]
Change = Record | None | Callable[[Record], Record]


class StoreError(Exception):
    """The annotation store cannot do what was asked; the message is one line a UI can show."""


class StoreUnreadable(StoreError):
    """A store file cannot be read (damaged, or from a newer version); nothing will be written."""


class RecordGone(StoreError):
    """An annotation to be changed is no longer on disk (another process deleted it)."""

    def __init__(self, annotation_id: str) -> None:
        super().__init__(f"annotation {annotation_id} was deleted elsewhere (another window or process)")
        self.annotation_id = annotation_id


def describe_os_error(error: OSError, path: Path, what: str = "annotations") -> str:
    """One line for a failed disk operation, naming the folder and the cause."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return f"cannot save {what} in {path.parent}: {reason}; nothing was changed"


def write_atomically(path: Path, data: bytes, what: str = "annotations") -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file, nothing else.

    On failure the temp file is removed and StoreError says why in one line.
    """
    try:
        replace_atomically(path, data)
    except OSError as error:
        raise StoreError(describe_os_error(error, path, what)) from None


def check_schema(data: Any, label: str) -> dict[str, Any]:
    """The tables of a parsed store file; StoreUnreadable unless it is a store of a known schema."""
    if not isinstance(data, dict):
        raise StoreUnreadable(f"{label} is not an annotation store (top level is not an object); it was left as it is")
    meta = data.get(META_TABLE, {}).get("1", {}) if isinstance(data.get(META_TABLE), dict) else {}
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise StoreUnreadable(f"{label} has no schema version; it was left as it is and nothing will be written")
    if schema > SCHEMA_VERSION:
        raise StoreUnreadable(
            f"{label} was written by a newer reader (schema {schema}; this one knows {SCHEMA_VERSION}); "
            "update reader — nothing will be written"
        )
    if schema < 1:
        raise StoreUnreadable(f"{label} has an invalid schema version {schema}; nothing will be written")
    tables = {name: table for name, table in data.items() if name != META_TABLE}
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise StoreUnreadable(f"{label}: table {name!r} is damaged; nothing will be written")
    return tables


def parse_store_bytes(raw: bytes, label: str) -> dict[str, Any]:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreUnreadable(
            f"{label} is not valid JSON ({error.msg}, line {error.lineno} column {error.colno}); "
            "it was left as it is and nothing will be written"
        ) from None
    return check_schema(data, label)


def dump_store_bytes(tables: Mapping[str, Any]) -> bytes:
    return orjson.dumps({META_TABLE: {"1": {"schema": SCHEMA_VERSION}}, **tables})


class ShardStorage(Storage):
    """A TinyDB storage for one store file: fresh read each time, atomic write, schema envelope."""

    def __init__(self, path: str | Path, label: str | None = None) -> None:
        self.path = Path(path)
        self.label = label or str(self.path)

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(f"cannot read {self.label}: {error.strerror or error}") from None
        if not raw.strip():
            return None
        return parse_store_bytes(raw, self.label)

    def write(self, data: dict[str, Any]) -> None:
        write_atomically(self.path, dump_store_bytes(data))


class AnnotationTable(Table):
    """Documents keyed by annotation id (a string) instead of TinyDB's counter."""

    document_id_class = str  # type: ignore[assignment]

    def apply(self, changes: Mapping[str, Change]) -> dict[str, dict[str, Any]]:
        """Apply changes by id in one read-modify-write of the file as it is on disk now.

        A change is a record (put), None (remove) or a function from the stored record to the new
        one (edit on top of what is there; if the document is gone, `RecordGone` and nothing is
        written, so an edit never brings back an annotation another process deleted).
        Returns the whole table as written, including what other processes had written.
        """
        written: dict[str, dict[str, Any]] = {}

        def updater(table: dict[str, Any]) -> None:
            for doc_id, change in changes.items():
                if callable(change) and doc_id not in table:
                    raise RecordGone(doc_id)
            for doc_id, change in changes.items():
                if change is None:
                    table.pop(doc_id, None)
                elif callable(change):
                    table[doc_id] = change(table[doc_id])
                else:
                    table[doc_id] = dict(change)
            written.update(table)

        self._update_table(updater)  # type: ignore[arg-type]
        return written


class ShardDB(TinyDB):
    table_class = AnnotationTable
    default_table_name = ANNOTATIONS_TABLE


def open_shard(path: Path, label: str) -> ShardDB:
    return ShardDB(path, label=label, storage=ShardStorage)


def read_shard(path: Path, label: str) -> dict[str, dict[str, Any]]:
    """All annotation records of one shard file, by id (empty when the file does not exist).

    Reads through the storage directly: TinyDB's Table.all() would wrap every record in a
    Document, which costs a second when opening 100,000 annotations.
    """
    tables = ShardStorage(path, label).read() or {}
    return dict(tables.get(ANNOTATIONS_TABLE, {}))
