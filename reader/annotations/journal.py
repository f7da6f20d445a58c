"""Changing several shard files at once, all or nothing — even across a kill or a full disk.

1. Stage: every new file is written to a temp file beside its target and fsynced, from a few
   threads at once (the file system merges concurrent fsyncs into a few journal commits: an
   import of 1,300 files waited ~3 s for its fsyncs one by one, ~0.4 s so; writing in the same
   threads spares opening each file again to fsync it). Each file is handed to them as soon as
   it is serialised, so the writes overlap the serialising of the next files. A failure here
   (a file that cannot be serialised, disk full at the k-th file or its fsync) removes every
   temp file: nothing has changed.
2. Commit: a small journal (`annotations/.journal`) listing (target, temp file) pairs is written
   atomically and fsynced. From here on the change will happen.
3. Publish: each temp file is renamed over its target (renames need no space), the folders are
   fsynced and the journal removed.

A process killed before the commit leaves temp files only (removed as stale on the next open);
killed after it, the next store that takes the lock finishes the renames (roll forward), so the
store never shows half a change. The journal is cheap: names only, no data written twice.
Callers hold the store's cross-process lock throughout.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import TypeVar

import orjson

from ..atomic_files import fsync_folder, open_folder_fd, read_regular_file, remove_quietly, write_temp
from .paths import CODEBOOK_NAME, JOURNAL_NAME, TEMP_FILE, is_shard_relative
from .storage import StoreError, StoreUnreadable, os_reason

JOURNAL_FORMAT = "reader-journal"
T = TypeVar("T")
STAGING_THREADS = 16  # concurrent writes and fsyncs; measured on this machine's disk, 4 already gave most of it


class PublishIncomplete(StoreError):
    """The change is committed (journaled) but could not be finished now; the next writer finishes it."""


def _split(relative: str) -> tuple[tuple[str, ...], str]:
    *folders, name = relative.split("/")
    return tuple(folders), name


class _Folders:
    """Descriptors of the folders touched, opened once each (never through a link)."""

    def __init__(self, root: Path, stack: ExitStack, create: bool) -> None:
        self.root, self.stack, self.create = root, stack, create
        self.fds: dict[tuple[str, ...], int] = {}

    def fd(self, folders: tuple[str, ...]) -> int:
        if folders not in self.fds:
            fd = open_folder_fd(self.root, folders, create=self.create)
            self.stack.callback(os.close, fd)
            self.fds[folders] = fd
        return self.fds[folders]


def commit_files(root: Path, root_fd: int, files: Mapping[str, T], serialise: Callable[[T], bytes]) -> None:
    """Replace the files `root/relative` with `serialise(content)`: all of them, or (on error) none."""
    staged: list[tuple[str, str]] = []
    with ExitStack() as stack:
        folders = _Folders(root, stack, create=True)
        try:
            staged = _stage(files, serialise, folders)
            journal = orjson.dumps({"format": JOURNAL_FORMAT, "renames": staged})
            temp = write_temp(JOURNAL_NAME, journal, dir_fd=root_fd)
            try:
                os.replace(temp, JOURNAL_NAME, src_dir_fd=root_fd, dst_dir_fd=root_fd)
            except BaseException:
                remove_quietly(temp, dir_fd=root_fd)
                raise
            fsync_folder(root_fd)
        except BaseException:
            _remove_staged(staged, folders)
            raise
        try:
            _publish(staged, folders, root_fd)
        except OSError as error:
            raise PublishIncomplete(
                f"the change was recorded but not finished ({os_reason(error)}); it is finished at the next save or start"
            ) from None


def _stage(files: Mapping[str, T], serialise: Callable[[T], bytes], folders: _Folders) -> list[tuple[str, str]]:
    """(target, temp file) for every file, each written to a durable temp file beside its target
    before the journal names it — from a few threads at once, as creating, writing and fsyncing
    release the GIL, while this thread serialises the next file; all of them, or on the first
    error none (that error is raised)."""

    def stage_one(relative: str, folder_fd: int, name: str, data: bytes) -> tuple[str, str]:
        return relative, write_temp(name, data, dir_fd=folder_fd)

    if len(files) == 1:
        ((relative, content),) = files.items()
        parents, name = _split(relative)
        return [stage_one(relative, folders.fd(parents), name, serialise(content))]
    futures: list[Future[tuple[str, str]]] = []
    try:
        with ThreadPoolExecutor(max_workers=min(STAGING_THREADS, len(files))) as pool:  # waits for every write
            for relative, content in files.items():
                parents, name = _split(relative)
                futures.append(pool.submit(stage_one, relative, folders.fd(parents), name, serialise(content)))
    except BaseException:  # a file could not be serialised: those handed over before it are written
        _remove_staged([future.result() for future in futures if future.exception() is None], folders)
        raise
    staged = [future.result() for future in futures if future.exception() is None]
    failures = [error for future in futures if (error := future.exception()) is not None]
    if failures:
        _remove_staged(staged, folders)
        raise failures[0]
    return staged


def _remove_staged(staged: list[tuple[str, str]], folders: _Folders) -> None:
    for relative, temp in staged:
        remove_quietly(temp, dir_fd=folders.fd(_split(relative)[0]))


def _publish(staged: list[tuple[str, str]], folders: _Folders, root_fd: int) -> None:
    touched: set[int] = set()
    for relative, temp in staged:
        parents, name = _split(relative)
        fd = folders.fd(parents)
        try:
            os.replace(temp, name, src_dir_fd=fd, dst_dir_fd=fd)
        except FileNotFoundError:
            continue  # renamed already (a roll forward after an earlier attempt)
        touched.add(fd)
    for fd in touched:
        fsync_folder(fd)
    os.unlink(JOURNAL_NAME, dir_fd=root_fd)


def pending_renames(root_fd: int) -> list[tuple[str, str]] | None:
    """The (target, temp file) pairs of an unfinished commit, or None when there is none."""
    try:
        raw = read_regular_file(JOURNAL_NAME, dir_fd=root_fd)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreUnreadable(
            f"cannot read the journal {JOURNAL_NAME}: {os_reason(error)}; nothing will be written"
        ) from None
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        document = None
    renames = (
        document.get("renames") if isinstance(document, dict) and document.get("format") == JOURNAL_FORMAT else None
    )
    pairs = (
        [tuple(pair) for pair in renames if isinstance(pair, list) and len(pair) == 2]
        if isinstance(renames, list)
        else []
    )
    if (
        not isinstance(renames, list)
        or len(pairs) != len(renames)
        or not all(isinstance(r, str) and isinstance(t, str) for r, t in pairs)
        or not all((is_shard_relative(r) or r == CODEBOOK_NAME) and TEMP_FILE.fullmatch(t) for r, t in pairs)
    ):
        raise StoreUnreadable(
            f"the journal {JOURNAL_NAME} of an unfinished change is damaged; it was left as it is and nothing will be written"
        )
    return pairs


def roll_forward(root: Path, root_fd: int) -> list[str]:
    """Finish a commit a killed process left behind; returns the targets (empty when none)."""
    pairs = pending_renames(root_fd)
    if pairs is None:
        return []
    with ExitStack() as stack:
        folders = _Folders(root, stack, create=True)
        _publish(pairs, folders, root_fd)
    return [relative for relative, _ in pairs]
