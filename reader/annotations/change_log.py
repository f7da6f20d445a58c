"""The change log, `annotations/changes.log`: which shard files changed, so that other processes
(and other store objects) re-read only those.

It is a hint, never the data: a process appends the shard files it wrote while it holds the
store's lock; a reader remembers how far it has read. The log opens with an epoch line; when it
grows past MAX_LOG_BYTES a writer replaces it with a new epoch, and a reader that finds another
epoch (or a log shorter than it remembers) reloads the whole store. It is opened relative to the
store root's descriptor without following links, and a log that is not a regular file is never
written through.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from ..atomic_files import remove_quietly, write_temp
from .paths import CHANGES_LOG

MAX_LOG_BYTES = 1 << 20
_LOG_READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_LOG_APPEND = os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
RELOAD_ALL = None  # what `unseen` answers when the log restarted: everything may have changed


class ChangeLog:
    """One store object's view of the change log: the epoch it read and how far."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.epoch = b""
        self.offset = 0

    def catch_up(self) -> None:
        """Count everything logged so far as seen (the store has just read every shard file)."""
        self.epoch, self.offset = self.position()

    def position(self, root_fd: int | None = None) -> tuple[bytes, int]:
        """(epoch line, size) of the change log; (b"", 0) when there is none yet."""
        try:
            fd = os.open(CHANGES_LOG if root_fd is not None else self.root / CHANGES_LOG, _LOG_READ, dir_fd=root_fd)
        except OSError:
            return b"", 0
        try:
            info = os.fstat(fd)
            epoch = _first_line(fd) if stat.S_ISREG(info.st_mode) else b""
            return (epoch, info.st_size) if epoch else (b"", 0)
        finally:
            os.close(fd)

    def unseen(self) -> set[str] | None:
        """The shard files others logged since we last looked (RELOAD_ALL when the log restarted).

        Cheap when nothing changed (one open and fstat): the app asks every second.
        """
        try:
            fd = os.open(self.root / CHANGES_LOG, _LOG_READ)
        except OSError:  # no log yet (nothing written), or unreadable: nothing to pick up
            return set()
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return set()
            epoch, size = _first_line(fd), info.st_size
            if epoch != self.epoch or size < self.offset:
                return RELOAD_ALL
            if size == self.offset:
                return set()
            chunk = os.pread(fd, size - self.offset, self.offset)
        finally:
            os.close(fd)
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self.offset += len(complete)
        return {line.decode("utf-8", "replace") for line in complete.splitlines() if line}

    def note(self, root_fd: int, relatives: list[str]) -> None:
        """Tell other processes which shard files changed (called with the lock held)."""
        lines = "".join(f"{relative}\n" for relative in relatives).encode("utf-8")
        try:
            epoch, size = self.position(root_fd)
            caught_up = epoch == self.epoch and size == self.offset
            if not epoch or size > MAX_LOG_BYTES:
                epoch = f"reader-changes {secrets.token_hex(8)}\n".encode()
                temp = write_temp(CHANGES_LOG, epoch + lines, durable=False, dir_fd=root_fd)
                try:
                    os.replace(temp, CHANGES_LOG, src_dir_fd=root_fd, dst_dir_fd=root_fd)
                except OSError:
                    remove_quietly(temp, dir_fd=root_fd)
                    raise
                size = len(epoch)
            else:
                fd = os.open(CHANGES_LOG, _LOG_APPEND, dir_fd=root_fd)
                try:
                    if stat.S_ISREG(os.fstat(fd).st_mode):
                        os.write(fd, lines)
                finally:
                    os.close(fd)
        except OSError:
            return  # only a hint for other processes; the data itself is saved
        if caught_up:  # nothing from others in between: our index already holds all of it
            self.epoch, self.offset = epoch, size + len(lines)


def _first_line(fd: int) -> bytes:
    """The epoch line at the start of the change log (with its newline), or b"" if incomplete."""
    head = os.pread(fd, 128, 0)
    end = head.find(b"\n")
    return head[: end + 1] if end != -1 else b""
