"""Compact word lists the rule components carry: names per label, hashes of common nouns, scored
tables; and the base of the components that hold them (saved with the pipeline, from_disk)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

T = TypeVar("T")


def word_hash(word: str) -> int:
    """32-bit hash of a lowercased word (for the common-noun and word-score tables)."""
    return zlib.crc32(word.lower().encode("utf-8"))


class WordLists:
    """Names per label (exact strings, multi-token names joined by one space),
    a set of 32-bit hashes of lowercased common nouns and stop words, and scored
    tables (sorted word hashes with one small integer each)."""

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}
        self.first_names: set[str] = set()
        self.common_hashes: set[int] = set()
        self.tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.max_tokens = 1

    def is_common(self, word: str) -> bool:
        return word_hash(word) in self.common_hashes

    def score(self, table: str, word: str) -> int | None:
        """The table's value for ``word`` (lowercased), None when it is not listed."""
        entry = self.tables.get(table)
        if entry is None or not len(entry[0]):
            return None
        keys, values = entry
        h = word_hash(word)
        k = int(np.searchsorted(keys, h))
        return int(values[k]) if k < len(keys) and keys[k] == h else None

    def set_table(self, table: str, scores: dict[int, int]) -> None:
        keys = np.array(sorted(scores), dtype=np.uint32)
        values = np.array([scores[int(k)] for k in keys], dtype=np.int8)
        self.tables[table] = (keys, values)

    def finish(self) -> None:
        self.max_tokens = max([1] + [name.count(" ") + 1 for names in self.names.values() for name in names])

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self.names or self.first_names:
            payload = {
                "names": {label: sorted(names) for label, names in sorted(self.names.items())},
                "first_names": sorted(self.first_names),
            }
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            # mtime 0: the same lists give the same bytes (and the same pipeline fingerprint)
            (path / "names.json.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        if self.common_hashes:
            np.save(path / "common.npy", np.array(sorted(self.common_hashes), dtype=np.uint32))
        if self.tables:
            arrays = {}
            for table, (keys, values) in self.tables.items():
                arrays[f"{table}.keys"], arrays[f"{table}.values"] = keys, values
            np.savez_compressed(path / "tables.npz", allow_pickle=False, **arrays)

    @classmethod
    def from_disk(cls, path: Path) -> WordLists:
        self = cls()
        names_file = path / "names.json.gz"
        if names_file.exists():
            raw = names_file.read_bytes()
            payload = _shared(raw, lambda: json.loads(gzip.decompress(raw)))
            self.names = {label: set(names) for label, names in payload.get("names", {}).items()}
            self.first_names = set(payload.get("first_names", []))
        common_file = path / "common.npy"
        if common_file.exists():
            raw = common_file.read_bytes()
            self.common_hashes = _shared(raw, lambda: set(np.load(io.BytesIO(raw)).tolist()))
        tables_file = path / "tables.npz"
        if tables_file.exists():
            with np.load(tables_file) as arrays:
                for key in arrays.files:
                    if key.endswith(".keys"):
                        table = key[: -len(".keys")]
                        self.tables[table] = (arrays[key], arrays[f"{table}.values"])
        self.finish()
        return self


# Three components ship the same common-noun list, two the same names: a file's content is parsed
# once per process and the result shared (read-only: nothing changes the lists after loading).
_PARSED: dict[bytes, Any] = {}


def _shared(raw: bytes, parse: Callable[[], T]) -> T:
    key = hashlib.blake2b(raw, digest_size=16).digest()
    if key not in _PARSED:
        _PARSED[key] = parse()
    return cast(T, _PARSED[key])


class ListComponent:
    """Shared serialisation for the components that hold WordLists."""

    def __init__(self) -> None:
        self.lists = WordLists()

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        if data_path:
            self.lists = WordLists.from_disk(Path(data_path))

    def to_disk(self, path, exclude=()):
        self.lists.to_disk(Path(path))

    def from_disk(self, path, exclude=()):
        self.lists = WordLists.from_disk(Path(path))
        return self
