"""Changing several shard files at once, all or nothing — even across a kill or a full disk.

1. Stage: every new file is written to a temp file beside its target and fsynced, from a few
   threads at once (the file system merges concurrent fsyncs into a few journal commits: an
   import of 1,300 files waited ~3 s for its fsyncs one by one, ~0.4 s so; writing in the same
   threads spares opening each file again to fsync it). Each file is handed to them as soon as
   it is ready (`Staging`), so the writes overlap the work on the next files. A failure here
   (a file that cannot be made, disk full at the k-th file or its fsync) removes every temp
   file: nothing has changed. Their folders are fsynced once all are written, so that their
   names, not only their content, survive a power cut.
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
import secrets
import threading
from contextlib import ExitStack
from pathlib import Path
from queue import SimpleQueue

import orjson

from ..atomic_files import (
    FolderFds,
    fsync_folder,
    read_regular_file,
    remove_quietly,
    temp_name_for,
    write_new_file,
    write_temp,
)
from .paths import CODEBOOK_NAME, JOURNAL_NAME, TEMP_FILE, is_shard_relative
from .storage import StoreError, StoreUnreadable, os_reason

JOURNAL_FORMAT = "reader-journal"
STAGING_THREADS = 16  # concurrent writes and fsyncs; measured on this machine's disk, 4 already gave most of it


class PublishIncomplete(StoreError):
    """The change is committed (journaled) but could not be finished now; the next writer finishes it."""


def _split(relative: str) -> tuple[tuple[str, ...], str]:
    *folders, name = relative.split("/")
    return tuple(folders), name


class Staging:
    """A change of several files, handed over one file at a time: each is written to a durable
    temp file beside its target by a few threads (creating, writing and fsyncing release the
    GIL) while the caller works on the next one — merging and serialising the next shard — and
    `commit` then journals and publishes them all. Leaving the `with` without a commit (an error
    anywhere, in a write or in the caller's work) waits for the writes and removes every temp
    file: nothing has changed.

    The threads take the files from one queue and do nothing else between the system calls:
    each time one of them comes back from a call it must take the GIL from the caller's thread,
    which then waits until it has it back, so every step a thread needs the GIL for delays the
    caller (a pool's futures, a random temp name per file: ~6 such steps a file, 4 now)."""

    def __init__(self, root: Path, root_fd: int) -> None:
        self._root_fd = root_fd
        self._stack = ExitStack()
        self._folders = FolderFds(root, self._stack, create=True)
        self._queue: SimpleQueue[tuple[str, int, str, bytes] | None] = SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._staged: list[tuple[str, str]] = []  # (target, temp file) of each file written, as they finish
        self._errors: list[BaseException] = []  # (list.append is atomic: the threads append, the caller reads)
        self._token = secrets.token_hex(4)  # one for the change's temp names (they differ by their targets')
        self._committed = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._wait()
            if not self._committed:
                _remove_staged(self._staged, self._folders)
        finally:
            self._stack.close()

    def add(self, relative: str, data: bytes) -> None:
        """Start writing the new content of `root/relative` to its temp file."""
        parents, name = _split(relative)
        if len(self._threads) < STAGING_THREADS:
            thread = threading.Thread(target=self._write_queued, name="reader-staging")
            thread.start()
            self._threads.append(thread)
        self._queue.put((relative, self._folders.fd(parents), temp_name_for(name, self._token), data))

    def commit(self) -> None:
        """Wait for every file, then replace them all; the first error of a write is raised (and
        nothing has changed), PublishIncomplete once the journal is committed."""
        self._wait()
        if self._errors:
            raise self._errors[0]
        staged = self._staged
        for fd in {self._folders.fd(_split(relative)[0]) for relative, _ in staged}:
            fsync_folder(fd)  # the temp files' names too: the roll forward must find them after a power cut
        journal = orjson.dumps({"format": JOURNAL_FORMAT, "renames": staged})
        temp = write_temp(JOURNAL_NAME, journal, dir_fd=self._root_fd)
        try:
            os.replace(temp, JOURNAL_NAME, src_dir_fd=self._root_fd, dst_dir_fd=self._root_fd)
        except BaseException:
            remove_quietly(temp, dir_fd=self._root_fd)
            raise
        fsync_folder(self._root_fd)
        self._committed = True
        try:
            _publish(staged, self._folders, self._root_fd)
        except OSError as error:
            raise PublishIncomplete(
                f"the change was recorded but not finished ({os_reason(error)}); it is finished at the next save or start"
            ) from None

    def _write_queued(self) -> None:
        """A staging thread: write queued files until told to stop (None); after a failed write
        the rest are skipped (the change will not be committed)."""
        take, staged, errors = self._queue.get, self._staged, self._errors
        while (item := take()) is not None:
            if errors:
                continue
            relative, folder_fd, temp, data = item
            try:
                write_new_file(temp, data, dir_fd=folder_fd)
            except BaseException as error:  # noqa: BLE001 - any failure reaches the caller, raised by commit (the temp file is removed)
                errors.append(error)
            else:
                staged.append((relative, temp))

    def _wait(self) -> None:
        """Let every thread finish the files queued so far, and end."""
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join()
        self._threads.clear()


def _remove_staged(staged: list[tuple[str, str]], folders: FolderFds) -> None:
    for relative, temp in staged:
        remove_quietly(temp, dir_fd=folders.fd(_split(relative)[0]))


def _publish(staged: list[tuple[str, str]], folders: FolderFds, root_fd: int) -> None:
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
        folders = FolderFds(root, stack, create=True)
        _publish(pairs, folders, root_fd)
    return [relative for relative, _ in pairs]
