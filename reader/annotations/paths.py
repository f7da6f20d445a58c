"""Where the store keeps what under `annotations/`, and a survey of what is actually there.

The store loads only files it writes itself (`by-article/<article>/<xx>.json`, xx two hex
digits): anything else in a shard folder — a sync tool's "(conflicted copy)", a backup — is a
stranger, named to the user and never loaded or deleted. Symbolic links anywhere in the tree
are reported too: the store refuses to write to a tree that has any.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

SHARDS_DIRNAME = "by-article"
EXPORTS_DIRNAME = "exports"
CHANGES_LOG = "changes.log"
LOCK_NAME = ".lock"
JOURNAL_NAME = ".journal"
CODEBOOK_NAME = "codebook.json"  # the codebook (codebook.py), written under the lock like a shard
SHARD_FILE = re.compile(r"[0-9a-f]{2}\.json")
TEMP_FILE = re.compile(r"\.[^/]+\.[0-9]+\.[0-9a-f]{8}\.tmp")
_NAMES_SHOWN = 3


_SHARD_NAMES = tuple(f"{byte:02x}.json" for byte in range(256))  # by the hash's one byte


def shard_name(annotation_id: str) -> str:
    """Which of an article's 256 shard files holds this annotation (stable for any id string)."""
    return _SHARD_NAMES[hashlib.blake2b(annotation_id.encode("utf-8"), digest_size=1).digest()[0]]


def shard_names(annotation_ids: Iterable[str]) -> list[str]:
    """shard_name of each (an import's 100,000: a call each spared)."""
    names, blake2b = _SHARD_NAMES, hashlib.blake2b
    return [
        names[blake2b(annotation_id.encode("utf-8"), digest_size=1).digest()[0]] for annotation_id in annotation_ids
    ]


@lru_cache(maxsize=4096)
def article_dirname(article_id: str) -> str:
    """A folder name for any article id: unsafe characters percent-encoded, no leading dot."""
    name = quote(article_id, safe=" -_.,()+=@'")
    return "%2E" + name[1:] if name.startswith(".") else name


def shard_relative(article_id: str, annotation_id: str) -> str:
    return shard_file(article_id, shard_name(annotation_id))


def shard_file(article_id: str, name: str) -> str:
    """The shard file `name` (a shard_name) of an article, relative to the store's root."""
    return f"{SHARDS_DIRNAME}/{article_dirname(article_id)}/{name}"


def is_shard_relative(relative: str) -> bool:
    """Whether a path (from the change log, say) names a shard file the store could have written."""
    parts = relative.split("/")
    return (
        len(parts) == 3
        and parts[0] == SHARDS_DIRNAME
        and parts[1] not in ("", ".", "..")
        and SHARD_FILE.fullmatch(parts[2]) is not None
    )


@dataclass
class Survey:
    """What is under a store's root, by relative path, found without following any link."""

    shards: list[str] = field(default_factory=list)
    temps: list[str] = field(default_factory=list)  # in shard folders and the root's journal/log: lock holders'
    export_temps: list[tuple[str, float]] = field(default_factory=list)  # (path, mtime)
    strangers: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)  # folders that could not be read

    def strangers_line(self) -> str | None:
        if not self.strangers:
            return None
        shown = ", ".join(self.strangers[:_NAMES_SHOWN])
        more = f" and {len(self.strangers) - _NAMES_SHOWN} more" if len(self.strangers) > _NAMES_SHOWN else ""
        count = len(self.strangers)
        return (
            f"ignored {count} file{'s' if count != 1 else ''} in the store that reader did not write "
            f"(not loaded, left in place): {shown}{more}"
        )

    def unlisted_line(self, root: Path) -> str | None:
        if not self.unlisted:
            return None
        more = f" (and {len(self.unlisted) - 1} more)" if len(self.unlisted) > 1 else ""
        return f"cannot list the folder {root / self.unlisted[0]}{more}; nothing will be written"

    def links_line(self, root: Path) -> str | None:
        if not self.links:
            return None
        first = self.links[0]
        where = root if first == "." else root / first
        more = f" (and {len(self.links) - 1} more)" if len(self.links) > 1 else ""
        return (
            f"{where} is a symbolic link{more}; a store with links in it is read-only "
            "(nothing will be written or deleted) — replace the link by a real file or folder"
        )


def _entries(path: Path, relative: str, found: Survey) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(path) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError:  # e.g. permission denied: its files cannot be known, so none may be written
        found.unlisted.append(relative)
        return []


def survey(root: Path) -> Survey:
    """Walk the store folder (never into a link) and sort what is there."""
    found = Survey()
    if root.is_symlink():
        found.links.append(".")
        return found
    for entry in _entries(root, ".", found):
        if entry.is_symlink():
            found.links.append(entry.name)
        elif _is_locked_root_temp(entry.name) and entry.is_file(follow_symlinks=False):
            found.temps.append(entry.name)
        elif entry.name == SHARDS_DIRNAME and entry.is_dir(follow_symlinks=False):
            _survey_shards(Path(entry.path), found)
        elif entry.name == EXPORTS_DIRNAME and entry.is_dir(follow_symlinks=False):
            _survey_exports(Path(entry.path), found)
    return found


def _is_locked_root_temp(name: str) -> bool:
    """A temp file of the journal, the change log or the codebook: only a lock holder writes one, so a process
    killed while writing it leaves it behind (a SIGKILL between staging and commit)."""
    return TEMP_FILE.fullmatch(name) is not None and name.startswith(
        (f".{JOURNAL_NAME}.", f".{CHANGES_LOG}.", f".{CODEBOOK_NAME}.")
    )


def _survey_shards(shards: Path, found: Survey) -> None:
    for folder in _entries(shards, SHARDS_DIRNAME, found):
        relative_folder = f"{SHARDS_DIRNAME}/{folder.name}"
        if folder.is_symlink():
            found.links.append(relative_folder)
            continue
        if not folder.is_dir(follow_symlinks=False):
            found.strangers.append(relative_folder)
            continue
        for entry in _entries(Path(folder.path), relative_folder, found):
            relative = f"{relative_folder}/{entry.name}"
            if entry.is_symlink():
                found.links.append(relative)
            elif not entry.is_file(follow_symlinks=False):
                found.strangers.append(relative)
            elif SHARD_FILE.fullmatch(entry.name):
                found.shards.append(relative)
            elif TEMP_FILE.fullmatch(entry.name):
                found.temps.append(relative)
            else:
                found.strangers.append(relative)


def _survey_exports(exports: Path, found: Survey) -> None:
    for entry in _entries(exports, EXPORTS_DIRNAME, found):
        relative = f"{EXPORTS_DIRNAME}/{entry.name}"
        if entry.is_symlink():
            found.links.append(relative)
        elif TEMP_FILE.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                found.export_temps.append((relative, entry.stat(follow_symlinks=False).st_mtime))
            except OSError:
                continue
