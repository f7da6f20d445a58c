"""Replacing a file so that a crash leaves the old or the new one, never half of either."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_path_for(path: Path) -> Path:
    """A fresh hidden temp name beside `path` (same folder, so os.replace is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def replace_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to a temp file beside `path` and rename it over `path`.

    `durable` fsyncs before the rename (the data must survive a power cut, as notes must; a cache
    need not). On any OSError the temp file is removed and the error raised.
    """
    temp = temp_path_for(path)
    fd: int | None = None
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if durable:
            os.fsync(fd)
        os.close(fd)
        fd = None
        os.replace(temp, path)
    except BaseException:
        if fd is not None:
            os.close(fd)
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
