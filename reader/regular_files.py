"""Reading a file someone else named: only a regular file, and never more than a cap.

What stat() says is no guide: /dev/zero has size 0 and never ends, a named pipe blocks open()
until a writer comes (maybe never), opening a device can have effects of its own. So the path
is checked first without opening it, then opened without blocking and checked again on the
open descriptor (a path swapped in between cannot slip through), and read up to the cap
whatever its size claimed.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_CHUNK = 1024 * 1024
_MB = 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "folder", "a folder"),
    (stat.S_ISFIFO, "pipe", "a named pipe (FIFO)"),
    (stat.S_ISCHR, "device", "a character device"),
    (stat.S_ISBLK, "device", "a block device"),
    (stat.S_ISSOCK, "socket", "a socket"),
)


class FileRefused(Exception):
    """Not read, and why in one line ('is a named pipe (FIFO), not a regular file')."""

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.kind = kind  # 'folder', 'pipe', 'device', 'socket', 'other' or 'too large'


def refusal_for(mode: int) -> FileRefused | None:
    """Why a file of this mode (from stat) is not read; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind, name in _KINDS:
        if test(mode):
            return FileRefused(f"is {name}, not a regular file", kind)
    return FileRefused("is not a regular file", "other")


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; FileRefused if it is no regular file or holds more than `max_bytes`.

    OSError (missing, no permission …) is left to the caller, who knows what to call the file.
    """
    refusal = refusal_for(os.stat(path).st_mode)
    if refusal is not None:
        raise refusal
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket or a device without a driver behind it
            raise FileRefused("is not a regular file", "other") from None
        raise
    try:
        info = os.fstat(descriptor)
        refusal = refusal_for(info.st_mode)
        if refusal is not None:
            raise refusal
        if info.st_size > max_bytes:
            raise FileRefused(
                f"is too large ({info.st_size // _MB} MB; the limit is {max_bytes // _MB} MB)", "too large"
            )
        os.set_blocking(descriptor, True)
        return _read_at_most(descriptor, info.st_size, max_bytes)
    finally:
        os.close(descriptor)


def _read_at_most(descriptor: int, expected: int, max_bytes: int) -> bytes:
    """Read to the end, first as much as stat promised (+1 to see it grew), then in chunks."""
    chunks: list[bytes] = []
    total = 0
    want = min(expected, max_bytes) + 1
    while chunk := os.read(descriptor, want):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise FileRefused(f"is too large (over {max_bytes // _MB} MB)", "too large")
        want = min(_CHUNK, max_bytes + 1 - total)
    return b"".join(chunks)
